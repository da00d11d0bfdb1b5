// Progress towards a target: the planned path from the baseline to the target, where the
// latest figure stands against it, and the yearly progress still required. The grid's
// PLAN.STATUS and the printed comparison sheet both ask this module, so they cannot disagree.
//
// The planned path is a straight line from the baseline (the county's own 2020 figure) to
// the target in the target year. For a later target year (2035) the line starts at the
// earlier target year (2025): at the county's own 2025 figure if it has one, else at the
// same level's 2025 target, reached from the 2020 baseline. So a county without a 2025
// figure is measured against the plan's own route 2020 → 2025 target → 2035 target.
//
// All arithmetic is exact (decimal.ts): the path's points are fractions, and a figure is on
// the path or below it, never "below by 1e-15".
import { figureFor, gap, meets, MAX_GAP_DECIMALS, type Figure } from './compare';
import {
	addRatio,
	compareRatio,
	fromScaled,
	ratioOf,
	roundRatio,
	roundScaled,
	scaleRatio,
	subtractRatio,
	toScaled,
	type Ratio
} from './decimal';
import { TARGET_YEARS, type Comparator, type Direction } from './model';

export type { Figure } from './compare';

/**
 * met: the latest figure meets the target (`>` strictly);
 * on-track: it is on or above the planned path for its year (below, for a lower-is-better indicator);
 * behind: it is short of the path;
 * no-data: no target, no figure, no baseline to draw the path from, or no figure since it
 *   (a figure of the target year itself short of the target is behind, baseline or not);
 * error: a formula hides the figure the target is judged by.
 */
export type ProgressStatus = 'met' | 'on-track' | 'behind' | 'no-data' | 'error';

export interface Point {
	year: number;
	value: number;
}

export interface ProgressQuestion {
	/** `figures[i]` is the county's figure of `firstYear + i`; the first is the baseline. */
	figures: readonly Figure[];
	firstYear: number;
	targetYear: number;
	target: number | null;
	comparator: Comparator;
	/**
	 * The same level's target for the earlier target year (2025 on the way to 2035), where
	 * the path to a later target starts when the county has no figure for that year.
	 */
	milestone?: number | null;
	/** 'lower': the target is a ceiling; `>=` reads "at most" and `>` "strictly below". */
	direction?: Direction;
	/** Decimals of the gap: the indicator's precision. */
	precision?: number;
}

export interface Progress {
	status: ProgressStatus;
	/** The figure the target is judged by: the target year's own, else the latest before it. */
	latest: Point | null;
	/** The year whose formula error hides the judged figure (status 'error'). */
	errorYear: number | null;
	/** The planned path's corner points, first to last; null when it cannot be drawn. */
	path: Point[] | null;
	/** Where the path stands in the latest figure's year. */
	planned: number | null;
	/** latest − target, at the indicator's precision. */
	gap: number | null;
	/** (target − latest) / (target year − latest year); null once met or when no year is left. */
	required: number | null;
}

/** Decimals kept in computed path values and rates; finer digits are formula noise. */
const RATE_DECIMALS = MAX_GAP_DECIMALS;

function exact(n: number): Ratio {
	// A formula's 0.30000000000000004 is 0.3: the same cut as the gap printed beside it.
	return ratioOf(roundScaled(toScaled(n), MAX_GAP_DECIMALS));
}

function toNumber(r: Ratio): number {
	return fromScaled(roundRatio(r, RATE_DECIMALS));
}

function isNumber(v: Figure | undefined): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

/** The target year before `targetYear` that a path to it passes through (2035 → 2025). */
export function milestoneYearBefore(targetYear: number): number | null {
	const earlier = TARGET_YEARS.filter((y) => y < targetYear);
	return earlier.length ? Math.max(...earlier) : null;
}

/** Whether `value` meets `target`, honouring the comparator and the indicator's direction. */
export function meetsTarget(
	value: number,
	target: number,
	comparator: Comparator,
	direction: Direction = 'higher'
): boolean {
	return direction === 'lower' ? meets(-value, -target, comparator) : meets(value, target, comparator);
}

/**
 * The figure a target year is judged by, or the year of a formula error that hides it: an
 * error counts from the judged figure's year up to the target year, as a later figure would.
 */
export function judgedFigure(
	figures: readonly Figure[],
	firstYear: number,
	targetYear: number
): { kind: 'figure'; year: number; value: number } | { kind: 'error'; year: number } | null {
	const figure = figureFor(figures, firstYear, targetYear);
	const last = Math.min(targetYear - firstYear, figures.length - 1);
	for (let i = figure ? figure.year - firstYear : 0; i <= last; i++) {
		if (figures[i] === 'error') return { kind: 'error', year: firstYear + i };
	}
	return figure ? { kind: 'figure', ...figure } : null;
}

/** The planned path's corner points, or null when there is nothing to start it from. */
export function plannedPath(q: ProgressQuestion): Point[] | null {
	if (q.target === null || !Number.isFinite(q.target)) return null;
	const end: Point = { year: q.targetYear, value: q.target };
	const baselineValue = q.figures[0];
	const baseline: Point | null = isNumber(baselineValue) ? { year: q.firstYear, value: baselineValue } : null;
	const milestoneYear = milestoneYearBefore(q.targetYear);
	if (milestoneYear !== null && milestoneYear > q.firstYear) {
		const own = q.figures[milestoneYear - q.firstYear];
		if (isNumber(own)) return [{ year: milestoneYear, value: own }, end];
		if (q.milestone !== null && q.milestone !== undefined && Number.isFinite(q.milestone)) {
			const via: Point = { year: milestoneYear, value: q.milestone };
			return baseline ? [baseline, via, end] : [via, end];
		}
	}
	return baseline ? [baseline, end] : null;
}

/** The path's value in `year`, exactly; null outside the years it spans. */
function plannedAt(path: readonly Point[], year: number): Ratio | null {
	for (let i = 0; i + 1 < path.length; i++) {
		const a = path[i]!;
		const b = path[i + 1]!;
		if (year < a.year || year > b.year) continue;
		if (b.year === a.year) return exact(b.value);
		const rise = subtractRatio(exact(b.value), exact(a.value));
		return addRatio(exact(a.value), scaleRatio(rise, year - a.year, b.year - a.year));
	}
	return null;
}

/** The planned path's value in `year` (to 10 decimals), or null outside it. */
export function plannedValue(path: readonly Point[] | null, year: number): number | null {
	if (!path) return null;
	const r = plannedAt(path, year);
	return r ? toNumber(r) : null;
}

/** Progress of a county's figures towards one target. */
export function progress(q: ProgressQuestion): Progress {
	const direction = q.direction ?? 'higher';
	const none: Progress = {
		status: 'no-data',
		latest: null,
		errorYear: null,
		path: null,
		planned: null,
		gap: null,
		required: null
	};
	const judged = judgedFigure(q.figures, q.firstYear, q.targetYear);
	if (judged?.kind === 'error') return { ...none, status: 'error', errorYear: judged.year };
	const latest = judged ? { year: judged.year, value: judged.value } : null;
	if (q.target === null || !Number.isFinite(q.target)) return { ...none, latest };
	const target = q.target;
	const path = plannedPath(q);
	if (!latest) return { ...none, path };

	const isMet = meetsTarget(latest.value, target, q.comparator, direction);
	const yearsLeft = q.targetYear - latest.year;
	const required =
		isMet || yearsLeft <= 0
			? null
			: toNumber(scaleRatio(subtractRatio(exact(target), exact(latest.value)), 1, yearsLeft));
	const planned = path && latest.year > path[0]!.year ? plannedAt(path, latest.year) : null;
	let status: ProgressStatus;
	if (isMet) status = 'met';
	// In the target year itself the path has arrived at the target: short of it is behind,
	// with or without a baseline to draw the path from.
	else if (latest.year >= q.targetYear) status = 'behind';
	else if (!planned) status = 'no-data';
	else {
		const side = compareRatio(exact(latest.value), planned);
		status = (direction === 'lower' ? side <= 0 : side >= 0) ? 'on-track' : 'behind';
	}
	return {
		status,
		latest,
		errorYear: null,
		path,
		planned: planned ? toNumber(planned) : null,
		gap: gap(latest.value, target, q.precision ?? 0),
		required
	};
}

/**
 * Yearly progress achieved since the baseline: (latest − baseline) / years between them,
 * for the latest figure up to `upToYear`. Null without a baseline or a later figure.
 */
export function achievedRate(figures: readonly Figure[], firstYear: number, upToYear: number): number | null {
	const baseline = figures[0];
	if (!isNumber(baseline)) return null;
	const latest = figureFor(figures, firstYear, upToYear);
	if (!latest || latest.year <= firstYear) return null;
	return toNumber(
		scaleRatio(subtractRatio(exact(latest.value), exact(baseline)), 1, latest.year - firstYear)
	);
}
