// What a trend chart draws for one indicator, as plain data: the county's figures by year,
// and for each level (city, province) its planned path with the targets marked on it.
// Kept apart from ECharts so it can be tested in Node and the chart library stays lazy.
import type { TargetLevel, ComparisonRow, LevelComparison } from '$lib/core/comparison';
import { FIRST_YEAR, type Direction, type TargetYear } from '$lib/core/model';
import { meetsTarget, type Point } from '$lib/core/progress';

/** A point of a level's line; `target` marks the plan's target, drawn with a symbol. */
export interface PathPoint extends Point {
	target: TargetYear | null;
}

export interface LevelLine {
	level: TargetLevel;
	/** Runs of connected points; a new run starts where the path restarts (at a 2025 figure). */
	runs: PathPoint[][];
}

export interface TrendData {
	/** The county's figures, one entry per year from 2020 to its latest figure; null = none. */
	county: { year: number; value: number | null }[];
	levels: LevelLine[];
}

function startsWith(path: readonly Point[], prefix: readonly Point[]): boolean {
	return prefix.every((p, i) => path[i]?.year === p.year && path[i]?.value === p.value);
}

/**
 * A path that starts at a figure already meeting the target it leads to would be drawn
 * as a planned decline to that target (99 in 2020 down to the province's 96): the line
 * says what was never planned and squeezes the county's own. It is drawn from that
 * target on; the table still judges progress on the whole path.
 */
function fromFirstUnmet(
	path: Point[],
	comparisons: readonly LevelComparison[],
	direction: Direction
): Point[] {
	const start = path[0];
	const k = path.findIndex((p, i) => i > 0 && comparisons.some((c) => c.year === p.year && c.target));
	const target = comparisons.find((c) => c.year === path[k]?.year)?.target;
	if (!start || k < 0 || !target) return path;
	return meetsTarget(start.value, target.value, target.comparator, direction) ? path.slice(k) : path;
}

/**
 * The planned paths to 2025 and to 2035 of one level. Where the path to 2035 runs through
 * the 2025 target it contains the path to 2025, and one line is drawn; where it restarts
 * at the county's 2025 figure, two. Each target is marked, even with no path to it.
 */
function levelLine(row: ComparisonRow, level: TargetLevel): LevelLine {
	const paths: Point[][] = [];
	const ofLevel = row.comparisons.filter((c) => c.level === level);
	const targets = ofLevel.flatMap((c) => (c.target ? [{ year: c.year, value: c.target.value }] : []));
	for (const c of ofLevel) {
		if (!c.path) continue;
		const path = fromFirstUnmet(c.path, ofLevel, row.indicator.direction);
		const i = paths.findIndex((p) => startsWith(path, p));
		if (i >= 0) paths[i] = path;
		else paths.push(path);
	}
	const isTarget = (p: Point) => targets.find((t) => t.year === p.year && t.value === p.value)?.year ?? null;
	const runs: PathPoint[][] = paths.map((path) => path.map((p) => ({ ...p, target: isTarget(p) })));
	for (const t of targets) {
		if (!runs.some((run) => run.some((p) => p.target === t.year))) runs.push([{ ...t, target: t.year }]);
	}
	return { level, runs };
}

export function trendData(row: ComparisonRow): TrendData {
	const numbers = row.figures.map((f) => (typeof f === 'number' && Number.isFinite(f) ? f : null));
	let last = -1;
	numbers.forEach((v, i) => {
		if (v !== null) last = i;
	});
	const county = numbers.slice(0, last + 1).map((value, i) => ({ year: FIRST_YEAR + i, value }));
	const levels = row.measure === 'value' ? [...new Set(row.comparisons.map((c) => c.level))] : [];
	return { county, levels: levels.map((l) => levelLine(row, l)) };
}
