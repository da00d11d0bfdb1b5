// The plan as built into the app: the seed files in /seeds, validated once at load.
import { z } from 'zod/mini';
import regionsFile from '../../../seeds/regions.json';
import indicatorsFile from '../../../seeds/indicators.json';
import figuresFile from '../../../seeds/figures.json';
import {
	CITY_CODE,
	indicatorSchema,
	regionSchema,
	seriesKey,
	type Cell,
	type Indicator,
	type Region,
	type Series,
	type SeriesKind,
	type Measure
} from './model';
import { parsePlanFigure } from './value-input';
import { commitmentByCode, planCommitments, type Commitment } from './commitments';

export { planCommitments, isCommitmentCode, type Commitment } from './commitments';

export const planRegions: readonly Region[] = z.array(regionSchema).parse(regionsFile.regions);
export const planIndicators: readonly Indicator[] = z.array(indicatorSchema).parse(indicatorsFile.indicators);

export const counties: readonly Region[] = planRegions.filter((r) => r.level === 'county');
/** The city (张掖市): it reports figures of its own, year by year, as a county does. */
export const city: Region = planRegions.find((r) => r.code === CITY_CODE)!;
/** The regions with a sheet of yearly figures: the six counties, then the city. */
export const sheetRegions: readonly Region[] = [...counties, city];
export const planIndicatorCodes: ReadonlySet<string> = new Set(planIndicators.map((i) => i.code));

const regionsByCode = new Map(planRegions.map((r) => [r.code, r]));
export function regionByCode(code: string): Region | undefined {
	return regionsByCode.get(code);
}
/** The county with this code; undefined for the city, the province or an unknown code. */
export function countyByCode(code: string): Region | undefined {
	const region = regionsByCode.get(code);
	return region?.level === 'county' ? region : undefined;
}
export function isCounty(code: string): boolean {
	return regionsByCode.get(code)?.level === 'county';
}
/**
 * A plan indicator by code: one of the nine, or one of the commitment rows a county may
 * take up (FIN01, FIN02, PAY01, PAY02, PSY01), so a file carrying those codes is read as
 * the plan's rows and never made into a county's own indicator.
 */
export function planIndicator(code: string): Indicator | undefined {
	return planIndicators.find((i) => i.code === code) ?? commitmentByCode(code);
}

/** The commitment rows, in the plan's order (they follow the nine on a county's sheet). */
export const commitmentCodes: readonly string[] = planCommitments.map((c) => c.code);

/**
 * Where a commitment row may hold figures: a county's own actual figures only. The city and
 * the province set no target for them; their rule is relative (the year before, another row).
 */
export function commitmentAllowed(code: string, regionCode: string, kind: SeriesKind): boolean {
	return commitmentByCode(code) !== undefined && isCounty(regionCode) && kind === 'actual';
}

export function commitmentOf(code: string): Commitment | undefined {
	return commitmentByCode(code);
}

/**
 * What a region's figure of a plan indicator is. EDU03 is a share of counties: a county
 * records whether it is certified (yes/no); the city records the share itself, a percentage.
 */
export function regionMeasure(indicator: Indicator, regionCode: string): Measure {
	return indicator.countyMeasure === 'certified' && isCounty(regionCode) ? 'certified' : 'value';
}

const figuresSchema = z.object({
	columns: z.tuple([z.literal('indicator')], z.string().check(z.regex(/^\d{6}:\d{4}$/))),
	rows: z.array(z.array(z.string()).check(z.minLength(2)))
});

/**
 * The province's and city's baselines (2020, actual) and targets (2025, 2035) as series,
 * the way they are first written into a new database.
 */
export function seedSeries(now = 0): Series[] {
	const file = figuresSchema.parse(figuresFile);
	const byKey = new Map<string, Series>();
	for (const row of file.rows) {
		const [indicatorCode, ...figures] = row as [string, ...string[]];
		if (!planIndicatorCodes.has(indicatorCode)) throw new Error(`seed: unknown indicator ${indicatorCode}`);
		file.columns.slice(1).forEach((column, i) => {
			const [regionCode, yearText] = column.split(':') as [string, string];
			const year = Number(yearText);
			const kind: SeriesKind = year === 2020 ? 'actual' : 'target';
			const text = figures[i];
			if (text === undefined) throw new Error(`seed: ${indicatorCode} lacks ${column}`);
			const cell: Cell = parsePlanFigure(text, kind === 'target');
			const key = seriesKey({ regionCode, indicatorCode, kind });
			let series = byKey.get(key);
			if (!series) {
				series = { regionCode, indicatorCode, kind, cells: {}, note: '', updatedAt: now };
				byKey.set(key, series);
			}
			series.cells[String(year)] = cell;
		});
	}
	return [...byKey.values()];
}

/**
 * The plan indicator a code written another way stands for: `edu01` and `ＥＤＵ01` (any case,
 * full-width) are EDU01. Undefined for a code that is no plan code however it is written.
 */
export function planIndicatorLoosely(code: string): Indicator | undefined {
	return planIndicator(code.normalize('NFKC').trim().toUpperCase());
}

/** The letters the plan's codes begin with (EDU), read from the plan, not written here. */
const planPrefixes: readonly string[] = [
	...new Set(planIndicators.map((i) => /^[A-Z]+/.exec(i.code)?.[0]).filter((p): p is string => !!p))
];

function looseCode(code: string): string {
	return code.normalize('NFKC').trim().toUpperCase();
}

/** The plan's codes with the prefix `code` starts with (EDU01–EDU09 for `EDU10`); none if it is not like one. */
export function planCodesLike(code: string): string[] {
	const upper = looseCode(code);
	const prefix = planPrefixes.find((p) => new RegExp(`^${p}[0-9A-Z_-]*$`).test(upper));
	return prefix ? planIndicators.filter((i) => i.code.startsWith(prefix)).map((i) => i.code) : [];
}

/**
 * Whether a code looks like a plan code but is none (`EDU1O` with a letter O, `EDU00`,
 * `EDU10`): such a code is refused, never made a county's own indicator, since one slip
 * would show 学前教育毛入园率 twice everywhere. A county's own `C01` is not like one.
 */
export function isPlanCodeLookalike(code: string): boolean {
	return !planIndicator(looseCode(code)) && planCodesLike(code).length > 0;
}

/** How far a code may be from a plan code for "did you mean" (EDU10 → EDU01 is 2). */
const CLOSE = 2;

/**
 * For a code that looks like a plan code but is none: the plan code it most likely means,
 * to suggest. Null when the code does not look like one, is one, or is near none of them.
 */
export function planCodeLookalike(code: string, name = ''): string | null {
	if (!isPlanCodeLookalike(code)) return null;
	const upper = looseCode(code);
	const like = planCodesLike(code);
	const prefix = /^[A-Z]+/.exec(like[0]!)![0];
	// The row's name says which indicator it is, when it is a plan indicator's name.
	const n = name.normalize('NFKC').trim();
	const named = n ? planIndicators.find((i) => i.nameZh === n || i.nameEn === n) : undefined;
	if (named) return named.code;
	// Else the letters typed for digits (O for 0, I or L for 1), then the nearest by edit distance.
	const digits = upper.slice(prefix.length).replace(/O/g, '0').replace(/[IL]/g, '1');
	const fixed = planIndicator(`${prefix}${digits}`);
	if (fixed) return fixed.code;
	let best: string | null = null;
	let bestDistance = CLOSE + 1;
	for (const candidate of like) {
		const d = editDistance(upper, candidate);
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
		}
		prev = row;
	}
	return prev[b.length]!;
}
