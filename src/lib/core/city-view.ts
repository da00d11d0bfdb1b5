// The city's view: for each plan indicator, the six counties' figures side by side, each
// judged against one chosen target (the city's or the province's, for 2025 or 2035); how
// many counties meet it; the city's own reported figure judged the same way; and for EDU03,
// the city's figure computed from the counties' certifications.
//
// A cell shows one figure: the county's latest, or the figure of a chosen year (no other
// year stands in for it). Its status is the comparison sheet's (progress.ts) when that
// figure's year is not after the target year: met, on track on the planned path, behind,
// or no data. After the target year the deadline has passed, so a figure either meets the
// target or is behind it.
import { gap, roundTo } from './compare';
import { levelTargets, type IndicatorTargets, type PlanTarget, type TargetLevel } from './comparison';
import type { SheetFigure, SheetStatus } from './comparison';
import { meetsTarget, milestoneYearBefore, progress, type Figure } from './progress';
import { FIRST_YEAR, LAST_YEAR, type Indicator, type Series, type TargetYear, type Measure } from './model';

export { levelTargets };

export interface CityViewChoice {
	/** Whose target the counties are judged against. */
	level: TargetLevel;
	targetYear: TargetYear;
	/** The year whose figures are shown; null shows each region's latest figure. */
	year: number | null;
}

/** A region's figures of one indicator by year, FIRST_YEAR first, as the engine computed them. */
export type YearFigures = readonly SheetFigure[];

export interface CountyFigures {
	regionCode: string;
	/** By plan indicator code. */
	figures: ReadonlyMap<string, YearFigures>;
}

export interface CityViewInput {
	/** The plan's indicators, in the plan's order. */
	indicators: readonly Indicator[];
	/** The counties in the plan's order. */
	counties: readonly CountyFigures[];
	/** The city's own reported figures by indicator code (EDU03 as a percentage). */
	city: ReadonlyMap<string, YearFigures>;
	/** The qualifier a city figure is written against, by indicator and year: `基本均衡`. */
	cityQualifiers?: ReadonlyMap<string, ReadonlyMap<number, string>>;
	/** Targets by indicator code, for both levels. */
	targets: ReadonlyMap<string, IndicatorTargets>;
	choice: CityViewChoice;
}

export interface ShownFigure {
	year: number;
	value: number | boolean;
}

/** One region's cell: the figure shown and its status against the chosen target. */
export interface CityViewCell {
	regionCode: string;
	status: SheetStatus;
	/** The figure shown and judged; null when there is none for the chosen year. */
	shown: ShownFigure | null;
	/** The year of a formula error that hides the figure (status 'error'). */
	errorYear: number | null;
	/** shown − target at the indicator's precision; null for yes/no or no figure. */
	gap: number | null;
	/**
	 * The qualifier the shown figure is written against when it is not the target's
	 * (a 基本均衡 figure beside a 优质均衡 target): the two are not compared.
	 */
	otherQualifier?: string;
}

/** EDU03 in one year: how many of the counties are certified, of how many reported. */
export interface CertificationYear {
	year: number;
	certified: number;
	reported: number;
	total: number;
	/** Counties with no yes/no for the year (or a failing formula). */
	missing: string[];
	/** certified / total × 100, only once every county has reported. */
	share: number | null;
}

export type ShareCheck =
	| { kind: 'agrees'; year: number }
	| { kind: 'differs'; year: number; computed: number; reported: number }
	/** The city's figure counts another qualifier (基本均衡), so the two are not compared. */
	| { kind: 'other-qualifier'; year: number; qualifier: string }
	| { kind: 'nothing-to-compare' };

export interface ComputedShare {
	/** The computed share as a city figure, judged like the reported one. */
	cell: CityViewCell;
	/** The certification count behind the shown share (or behind the chosen year's gap). */
	basis: CertificationYear | null;
	check: ShareCheck;
}

export interface CityViewRow {
	indicator: Indicator;
	/** 'certified': the counties record yes/no (EDU03); their statuses are 已认定/未认定. */
	measure: Measure;
	target: PlanTarget | null;
	counties: CityViewCell[];
	/** Counties meeting the target (for EDU03: certified). */
	met: number;
	/** Counties by status. */
	tally: Partial<Record<SheetStatus, number>>;
	/** The city's own reported figure. */
	city: CityViewCell;
	/** EDU03 only: the city's figure computed from the counties. */
	computed: ComputedShare | null;
}

/** A year of EDU03's certifications beside the city's own figure of that year. */
export interface CertificationRow extends CertificationYear {
	/** The city's own reported figure of the year, if any. */
	cityFigure: number | null;
	check: ShareCheck;
}

export interface CityView {
	choice: CityViewChoice;
	rows: CityViewRow[];
	/** EDU03 certifications year by year, for every year any county has one. */
	certification: CertificationRow[];
}

const YEAR_COUNT = LAST_YEAR - FIRST_YEAR + 1;

function isFigure(f: SheetFigure | undefined): f is number | boolean {
	return typeof f === 'boolean' || (typeof f === 'number' && Number.isFinite(f));
}

/**
 * The figure a cell shows: the chosen year's own, or the latest of any year. A formula
 * error in that place hides it (the latest entry being an error counts as that).
 */
export function shownFigure(
	figures: YearFigures,
	year: number | null
): { kind: 'figure'; figure: ShownFigure } | { kind: 'error'; year: number } | null {
	if (year !== null) {
		const f = figures[year - FIRST_YEAR];
		if (f === 'error') return { kind: 'error', year };
		return isFigure(f) ? { kind: 'figure', figure: { year, value: f } } : null;
	}
	for (let i = Math.min(figures.length, YEAR_COUNT) - 1; i >= 0; i--) {
		const f = figures[i];
		if (f === 'error') return { kind: 'error', year: FIRST_YEAR + i };
		if (isFigure(f)) return { kind: 'figure', figure: { year: FIRST_YEAR + i, value: f } };
	}
	return null;
}

function asNumbers(figures: YearFigures, upTo: number): Figure[] {
	return figures
		.slice(0, upTo - FIRST_YEAR + 1)
		.map((f) => (typeof f === 'boolean' ? (f ? 1 : 0) : f === 'error' ? 'error' : f));
}

/** One region's figures judged against one target, as described at the top of this file. */
export function judgeCell(
	regionCode: string,
	indicator: Indicator,
	measure: Measure,
	figures: YearFigures,
	targets: IndicatorTargets,
	choice: CityViewChoice,
	qualifiers?: ReadonlyMap<number, string>
): CityViewCell {
	const none = { regionCode, shown: null, errorYear: null, gap: null };
	const found = shownFigure(figures, choice.year);
	if (found?.kind === 'error') return { ...none, status: 'error', errorYear: found.year };
	if (!found) return { ...none, status: 'no-data' };
	const shown = found.figure;
	if (measure === 'certified') {
		return { ...none, shown, status: shown.value ? 'certified' : 'not-certified' };
	}
	const value = typeof shown.value === 'number' ? shown.value : shown.value ? 1 : 0;
	const target = targets[choice.level]?.[choice.targetYear] ?? null;
	if (!target) return { ...none, shown, status: 'no-data' };
	const shownQualifier = qualifiers?.get(shown.year)?.trim();
	if (shownQualifier && target.qualifier && shownQualifier !== target.qualifier.trim()) {
		return { ...none, shown, status: 'no-data', otherQualifier: shownQualifier };
	}
	const cellGap = gap(value, target.value, indicator.precision);
	if (shown.year > choice.targetYear) {
		const met = meetsTarget(value, target.value, target.comparator, indicator.direction);
		return { ...none, shown, gap: cellGap, status: met ? 'met' : 'behind' };
	}
	// The comparison sheet's judgement of the shown figure: nothing after it is seen, and no
	// figure of another qualifier (the city's 100 基本均衡 of 2020) starts the planned path.
	const targetQualifier = target.qualifier?.trim();
	const comparable = asNumbers(figures, shown.year).map((f, i) => {
		const q = qualifiers?.get(FIRST_YEAR + i)?.trim();
		return q && targetQualifier && q !== targetQualifier ? null : f;
	});
	const via = milestoneYearBefore(choice.targetYear);
	const p = progress({
		figures: comparable,
		firstYear: FIRST_YEAR,
		targetYear: choice.targetYear,
		target: target.value,
		comparator: target.comparator,
		milestone: via === null ? null : (targets[choice.level]?.[via as TargetYear]?.value ?? null),
		direction: indicator.direction,
		precision: indicator.precision
	});
	return { ...none, shown, gap: cellGap, status: p.status };
}

/** Decimals a computed share keeps: 1/6 is 16.6666666667, never 16.666666666666668. */
const SHARE_DECIMALS = 10;

/** EDU03 year by year: certified counties of all, once all have said yes or no. */
export function certificationByYear(
	counties: readonly { regionCode: string; figures: YearFigures }[]
): CertificationYear[] {
	const out: CertificationYear[] = [];
	for (let i = 0; i < YEAR_COUNT; i++) {
		let certified = 0;
		let reported = 0;
		const missing: string[] = [];
		for (const c of counties) {
			const f = c.figures[i];
			if (isFigure(f)) {
				reported++;
				if (f === true || (typeof f === 'number' && f !== 0)) certified++;
			} else missing.push(c.regionCode);
		}
		if (reported === 0) continue;
		const total = counties.length;
		out.push({
			year: FIRST_YEAR + i,
			certified,
			reported,
			total,
			missing,
			share: reported === total ? roundTo((certified / total) * 100, SHARE_DECIMALS) : null
		});
	}
	return out;
}

/** The computed share of a year against the city's reported figure of that year. */
export function compareShare(
	year: number,
	computed: number,
	reported: SheetFigure | undefined,
	qualifier: string | undefined,
	precision: number
): ShareCheck {
	if (typeof reported !== 'number' || !Number.isFinite(reported)) return { kind: 'nothing-to-compare' };
	const q = qualifier?.trim();
	// The counties certify 优质均衡; a city figure written against 基本均衡 counts something else.
	if (q && !q.includes('优质均衡')) return { kind: 'other-qualifier', year, qualifier: q };
	return roundTo(computed, precision) === roundTo(reported, precision)
		? { kind: 'agrees', year }
		: { kind: 'differs', year, computed, reported };
}

function shareCheck(
	cell: CityViewCell,
	indicator: Indicator,
	reported: YearFigures,
	qualifiers: ReadonlyMap<number, string> | undefined
): ShareCheck {
	if (!cell.shown || typeof cell.shown.value !== 'number') return { kind: 'nothing-to-compare' };
	const year = cell.shown.year;
	return compareShare(
		year,
		cell.shown.value,
		reported[year - FIRST_YEAR],
		qualifiers?.get(year),
		indicator.precision
	);
}

export function cityView(input: CityViewInput): CityView {
	const { choice } = input;
	const certifiedIndicator = input.indicators.find((i) => i.countyMeasure === 'certified');
	const certification = certifiedIndicator
		? certificationByYear(
				input.counties.map((c) => ({
					regionCode: c.regionCode,
					figures: c.figures.get(certifiedIndicator.code) ?? []
				}))
			)
		: [];
	const rows = input.indicators.map((indicator): CityViewRow => {
		const targets = input.targets.get(indicator.code) ?? {};
		const measure = indicator.countyMeasure === 'certified' ? 'certified' : 'value';
		const cells = input.counties.map((c) =>
			judgeCell(c.regionCode, indicator, measure, c.figures.get(indicator.code) ?? [], targets, choice)
		);
		const tally: Partial<Record<SheetStatus, number>> = {};
		for (const cell of cells) tally[cell.status] = (tally[cell.status] ?? 0) + 1;
		const met = (tally.met ?? 0) + (tally.certified ?? 0);
		const reported = input.city.get(indicator.code) ?? [];
		const city = judgeCell(
			'city',
			indicator,
			'value',
			reported,
			targets,
			choice,
			input.cityQualifiers?.get(indicator.code)
		);
		let computed: ComputedShare | null = null;
		if (measure === 'certified') {
			const shares: SheetFigure[] = Array.from({ length: YEAR_COUNT }, () => null);
			for (const y of certification) shares[y.year - FIRST_YEAR] = y.share;
			const cell = judgeCell('computed', indicator, 'value', shares, targets, choice);
			const basisYear = cell.shown?.year ?? choice.year;
			computed = {
				cell,
				basis: certification.find((y) => y.year === basisYear) ?? null,
				check: shareCheck(cell, indicator, reported, input.cityQualifiers?.get(indicator.code))
			};
		}
		return {
			indicator,
			measure,
			target: targets[choice.level]?.[choice.targetYear] ?? null,
			counties: cells,
			met,
			tally,
			city,
			computed
		};
	});
	const reportedShares = certifiedIndicator ? (input.city.get(certifiedIndicator.code) ?? []) : [];
	const shareQualifiers = certifiedIndicator ? input.cityQualifiers?.get(certifiedIndicator.code) : undefined;
	return {
		choice,
		rows,
		certification: certification.map((y) => {
			const reported = reportedShares[y.year - FIRST_YEAR];
			return {
				...y,
				cityFigure: typeof reported === 'number' && Number.isFinite(reported) ? reported : null,
				check:
					y.share === null || !certifiedIndicator
						? { kind: 'nothing-to-compare' }
						: compareShare(
								y.year,
								y.share,
								reported,
								shareQualifiers?.get(y.year),
								certifiedIndicator.precision
							)
			};
		})
	};
}

/** The qualifier (qualifier) a series writes beside each year's figure. */
export function qualifiersOf(series: Series | undefined): Map<number, string> {
	const out = new Map<number, string>();
	for (const [year, cell] of Object.entries(series?.cells ?? {})) {
		if (cell.t === 'n' && cell.q) out.set(Number(year), cell.q);
	}
	return out;
}

/** The latest year any of the figures has, or null: the "reporting year" of a set of files. */
export function latestYearOf(figures: Iterable<YearFigures>): number | null {
	let latest: number | null = null;
	for (const f of figures) {
		const found = shownFigure(f, null);
		if (found) {
			const year = found.kind === 'error' ? found.year : found.figure.year;
			latest = Math.max(latest ?? year, year);
		}
	}
	return latest;
}
