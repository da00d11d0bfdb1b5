// A county's comparison sheet as data: for each indicator, its baseline, its latest figure,
// the yearly progress achieved, and for each target year and level (city, province) the
// target, the gap, the status and the yearly progress still required. The page and its
// printout render this; the figures come from the formula engine, so a formula counts as
// its value. The maths is progress.ts's, which the grid's PLAN.STATUS also uses.
import {
	achievedRate,
	judgedFigure,
	milestoneYearBefore,
	progress,
	type Figure,
	type Point,
	type ProgressStatus
} from './progress';
import {
	CITY_CODE,
	FIRST_YEAR,
	LAST_YEAR,
	PROVINCE_CODE,
	TARGET_YEARS,
	type Comparator,
	type Indicator,
	type Series,
	type TargetYear,
	type Measure
} from './model';
import { checkCommitment, type CommitmentCheck, type CommitmentRule } from './commitments';

export const TARGET_LEVELS = [CITY_CODE, PROVINCE_CODE] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

/** A target as the plan writes it: `>99`, `99.53`, `50 (优质均衡)`. */
export interface PlanTarget {
	value: number;
	comparator: Comparator;
	qualifier: string | null;
}

export type LevelTargets = Partial<Record<TargetYear, PlanTarget>>;
export type IndicatorTargets = Partial<Record<TargetLevel, LevelTargets>>;

/** A county's figure of one year as the engine computed it; EDU03 is yes/no. */
export type SheetFigure = number | boolean | null | 'error';

/** Progress statuses, and EDU03's certification in a county. */
export type SheetStatus = ProgressStatus | 'certified' | 'not-certified';

export interface ComparisonRowInput {
	indicator: Indicator;
	/** The plan's nine have the city's and province's targets; a county's own have none. */
	isPlanIndicator: boolean;
	/** `figures[i]` is the figure of FIRST_YEAR + i, up to LAST_YEAR. */
	figures: readonly SheetFigure[];
	targets: IndicatorTargets;
	/** A commitment row (FIN01…): its rule, and the figures of the row it is held against. */
	commitment?: { rule: CommitmentRule; reference?: readonly SheetFigure[] };
}

export interface LevelComparison {
	year: TargetYear;
	level: TargetLevel;
	target: PlanTarget | null;
	status: SheetStatus;
	/** The figure judged: the target year's own, else the latest before it. */
	judged: Point | null;
	errorYear: number | null;
	gap: number | null;
	required: number | null;
	planned: number | null;
	path: Point[] | null;
}

export interface ComparisonRow {
	indicator: Indicator;
	isPlanIndicator: boolean;
	/** 'certified': EDU03 in a county, a yes/no per year, with no gap or rate. */
	measure: Measure;
	figures: readonly SheetFigure[];
	/** The 2020 figure. */
	baseline: number | boolean | null;
	/** The latest figure of any year. */
	latest: { year: number; value: number | boolean } | null;
	/** Yearly progress since 2020, up to the latest figure. */
	achieved: number | null;
	/** For each target year, then each level: 2025 city, 2025 province, 2035 city, 2035 province. */
	comparisons: LevelComparison[];
	/**
	 * A commitment row's verdict by the plan's rule, for its latest year (the grid's 2035
	 * PLAN.RULE column); null for the plan's nine and a county's own indicators.
	 */
	commitment: (CommitmentCheck & { rule: CommitmentRule }) | null;
}

/** A level's target series as targets by year (a bare figure means "at least"). */
export function levelTargets(series: Series | undefined): LevelTargets {
	const out: LevelTargets = {};
	for (const year of TARGET_YEARS) {
		const cell = series?.cells[String(year)];
		if (cell?.t !== 'n') continue;
		out[year] = { value: cell.v, comparator: cell.cmp === '>' ? '>' : '>=', qualifier: cell.q ?? null };
	}
	return out;
}

function asNumbers(figures: readonly SheetFigure[]): Figure[] {
	return figures.map((f) => (typeof f === 'boolean' ? (f ? 1 : 0) : f));
}

function latestOf(figures: readonly SheetFigure[]): { year: number; value: number | boolean } | null {
	for (let i = Math.min(figures.length, LAST_YEAR - FIRST_YEAR + 1) - 1; i >= 0; i--) {
		const f = figures[i];
		if (typeof f === 'boolean' || (typeof f === 'number' && Number.isFinite(f))) {
			return { year: FIRST_YEAR + i, value: f };
		}
	}
	return null;
}

function certification(
	figures: readonly Figure[],
	year: TargetYear
): Omit<LevelComparison, 'level' | 'target'> {
	const judged = judgedFigure(figures, FIRST_YEAR, year);
	const base = { year, gap: null, required: null, planned: null, path: null };
	if (judged?.kind === 'error') return { ...base, status: 'error', judged: null, errorYear: judged.year };
	if (!judged) return { ...base, status: 'no-data', judged: null, errorYear: null };
	return {
		...base,
		status: judged.value !== 0 ? 'certified' : 'not-certified',
		judged: { year: judged.year, value: judged.value },
		errorYear: null
	};
}

export function compareRow(input: ComparisonRowInput): ComparisonRow {
	const measure =
		input.isPlanIndicator && input.indicator.countyMeasure === 'certified' ? 'certified' : 'value';
	const numbers = asNumbers(input.figures);
	const baseline = input.figures[0];
	const comparisons: LevelComparison[] = [];
	if (input.isPlanIndicator) {
		for (const year of TARGET_YEARS) {
			for (const level of TARGET_LEVELS) {
				const target = input.targets[level]?.[year] ?? null;
				if (measure === 'certified') {
					comparisons.push({ level, target, ...certification(numbers, year) });
					continue;
				}
				const via = milestoneYearBefore(year);
				const p = progress({
					figures: numbers,
					firstYear: FIRST_YEAR,
					targetYear: year,
					target: target?.value ?? null,
					comparator: target?.comparator ?? '>=',
					milestone: via === null ? null : (input.targets[level]?.[via as TargetYear]?.value ?? null),
					direction: input.indicator.direction,
					precision: input.indicator.precision
				});
				comparisons.push({
					year,
					level,
					target,
					status: p.status,
					judged: p.latest,
					errorYear: p.errorYear,
					gap: p.gap,
					required: p.required,
					planned: p.planned,
					path: p.path
				});
			}
		}
	}
	return {
		indicator: input.indicator,
		isPlanIndicator: input.isPlanIndicator,
		measure,
		figures: input.figures,
		baseline: typeof baseline === 'number' || typeof baseline === 'boolean' ? baseline : null,
		latest: latestOf(input.figures),
		achieved: measure === 'certified' ? null : achievedRate(numbers, FIRST_YEAR, LAST_YEAR),
		comparisons,
		commitment: input.commitment
			? {
					rule: input.commitment.rule,
					...checkCommitment({
						rule: input.commitment.rule,
						figures: numbers,
						reference: input.commitment.reference ? asNumbers(input.commitment.reference) : undefined,
						firstYear: FIRST_YEAR,
						targetYear: LAST_YEAR,
						precision: input.indicator.precision
					})
				}
			: null
	};
}

/** Whether a county has entered any figure at all (charts need at least one). */
export function hasAnyFigure(rows: readonly ComparisonRow[]): boolean {
	return rows.some((r) => r.latest !== null);
}
