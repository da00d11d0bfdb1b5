// The plan model: regions, indicators, series of figures and targets.
// Pure data types and zod schemas; nothing here touches the DOM, Svelte, Dexie or the grid.
// zod's small build: the same checks and issue codes as the full one, as functions rather
// than methods, so a page carries only the checks its schemas use.
import { z } from 'zod/mini';
import { figureNotesSchema } from './figure-note';
import { MAX_FORMULA_LENGTH, NAME_MAX, NOTE_MAX, QUALIFIER_MAX, UNIT_MAX } from './limits';

// zod compiles its object checks with `new Function` unless told not to; the app's
// Content-Security-Policy (svelte.config.js) forbids eval, and the probe alone is reported
// as a violation. The interpreted checks are fast enough for a workbook.
z.config({ jitless: true });

/** First and last year of the workbook's year columns (the plan runs 2020 → 2035). */
export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2035;
export const YEARS: readonly number[] = Array.from(
	{ length: LAST_YEAR - FIRST_YEAR + 1 },
	(_, i) => FIRST_YEAR + i
);
export const BASELINE_YEAR = 2020;
export const TARGET_YEARS = [2025, 2035] as const;
export type TargetYear = (typeof TARGET_YEARS)[number];

export const PROVINCE_CODE = '620000';
export const CITY_CODE = '620700';

export const regionLevelSchema = z.enum(['province', 'city', 'county']);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

export const regionCodeSchema = z.string().check(z.regex(/^\d{6}$/, 'six-digit GB/T 2260 code'));

export const regionSchema = z.object({
	code: regionCodeSchema,
	nameZh: z.string().check(z.minLength(1)),
	nameEn: z.string().check(z.minLength(1)),
	level: regionLevelSchema
});
export type Region = z.infer<typeof regionSchema>;

/** `>` is met only strictly above; `>=` (a bare number in the plan) is met at or above. */
export const comparatorSchema = z.enum(['>', '>=']);
export type Comparator = z.infer<typeof comparatorSchema>;

/** What a row's figures are: values, or (EDU03 in a county) yes/no certifications. */
export const measureSchema = z.enum(['value', 'certified']);
export type Measure = z.infer<typeof measureSchema>;

export const directionSchema = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof directionSchema>;

/** Plan indicators are EDU01–EDU09; a county's own indicators get codes like C01. */
export const indicatorCodeSchema = z
	.string()
	.check(z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,15}$/, 'letters, digits, - or _, starting with a letter'));

export const indicatorSchema = z.object({
	code: indicatorCodeSchema,
	nameZh: z.string().check(z.minLength(1), z.maxLength(NAME_MAX)),
	nameEn: z.string().check(z.maxLength(NAME_MAX)),
	unit: z.string().check(z.maxLength(UNIT_MAX)),
	direction: directionSchema,
	/** Decimals shown for gaps. */
	precision: z.int().check(z.gte(0), z.lte(6)),
	/** EDU03: in a county's grid the figure is "certified 优质均衡县 that year" (yes/no). */
	countyMeasure: z._default(measureSchema, 'value')
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** A county's own indicator, stored per county. */
export const ownIndicatorSchema = z.extend(indicatorSchema, {
	regionCode: regionCodeSchema,
	/** Position among the county's own indicators (after the plan's nine). */
	order: z.int().check(z.gte(0)),
	/** When the indicator itself (name, unit) was last changed. */
	updatedAt: z._default(z.int().check(z.nonnegative()), 0)
});
export type OwnIndicator = z.infer<typeof ownIndicatorSchema>;

export const seriesKindSchema = z.enum(['actual', 'target']);
export type SeriesKind = z.infer<typeof seriesKindSchema>;

/**
 * One stored cell. A figure keeps the comparator and qualifier the plan writes with it;
 * a formula is kept as its source text (never as its computed value); a certification
 * (EDU03 in a county) is yes/no.
 */
export const cellSchema = z.discriminatedUnion('t', [
	z.object({
		t: z.literal('n'),
		// zod 4's numbers are finite: Infinity and NaN are refused.
		v: z.number(),
		cmp: z.optional(comparatorSchema),
		q: z.optional(z.string().check(z.maxLength(QUALIFIER_MAX)))
	}),
	z.object({ t: z.literal('f'), f: z.string().check(z.startsWith('='), z.maxLength(MAX_FORMULA_LENGTH)) }),
	z.object({ t: z.literal('b'), v: z.boolean() })
]);
export type Cell = z.infer<typeof cellSchema>;

const yearKey = z.string().check(z.regex(/^\d{4}$/));

/**
 * One row of figures: a region × indicator × kind, holding every year.
 * One record per row keeps IndexedDB writes cheap (16 years in one put).
 */
export const seriesSchema = z.object({
	regionCode: regionCodeSchema,
	indicatorCode: indicatorCodeSchema,
	kind: seriesKindSchema,
	cells: z.record(yearKey, cellSchema),
	note: z._default(z.string().check(z.maxLength(NOTE_MAX)), ''),
	/** A note (批注) per figure, by year (schema v5); absent on records without any. */
	notes: z.optional(figureNotesSchema),
	updatedAt: z.int().check(z.nonnegative())
});
export type Series = z.infer<typeof seriesSchema>;

// Keys of in-memory maps, built here only, so that two maps never spell one key two ways.

/** One series: region|indicator|kind. */
export function seriesKey(s: Pick<Series, 'regionCode' | 'indicatorCode' | 'kind'>): string {
	return `${s.regionCode}|${s.indicatorCode}|${s.kind}`;
}

/** One indicator of one region (an own indicator is known by its region and code): region|code. */
export function indicatorKey(regionCode: string, indicatorCode: string): string {
	return `${regionCode}|${indicatorCode}`;
}

/** One figure: region|indicator|kind|year. */
export function figureKey(f: {
	regionCode: string;
	indicatorCode: string;
	kind: SeriesKind;
	year: number;
}): string {
	return `${seriesKey(f)}|${f.year}`;
}
