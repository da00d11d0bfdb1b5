// The plan model: regions, indicators, series of figures and targets.
// Pure data types and zod schemas; nothing here touches the DOM, Svelte, Dexie or the grid.
import { z } from 'zod';
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

export const regionCodeSchema = z.string().regex(/^\d{6}$/, 'six-digit GB/T 2260 code');

export const regionSchema = z.object({
	code: regionCodeSchema,
	nameZh: z.string().min(1),
	nameEn: z.string().min(1),
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
	.regex(/^[A-Za-z][A-Za-z0-9_-]{0,15}$/, 'letters, digits, - or _, starting with a letter');

export const indicatorSchema = z.object({
	code: indicatorCodeSchema,
	nameZh: z.string().min(1).max(NAME_MAX),
	nameEn: z.string().max(NAME_MAX),
	unit: z.string().max(UNIT_MAX),
	direction: directionSchema,
	/** Decimals shown for gaps. */
	precision: z.number().int().min(0).max(6),
	/** EDU03: in a county's grid the figure is "certified 优质均衡县 that year" (yes/no). */
	countyMeasure: measureSchema.default('value')
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** A county's own indicator, stored per county. */
export const ownIndicatorSchema = indicatorSchema.extend({
	regionCode: regionCodeSchema,
	/** Position among the county's own indicators (after the plan's nine). */
	order: z.number().int().min(0),
	/** When the indicator itself (name, unit) was last changed. */
	updatedAt: z.number().int().nonnegative().default(0)
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
		v: z.number().finite(),
		cmp: comparatorSchema.optional(),
		q: z.string().max(QUALIFIER_MAX).optional()
	}),
	z.object({ t: z.literal('f'), f: z.string().startsWith('=').max(MAX_FORMULA_LENGTH) }),
	z.object({ t: z.literal('b'), v: z.boolean() })
]);
export type Cell = z.infer<typeof cellSchema>;

const yearKey = z.string().regex(/^\d{4}$/);

/**
 * One row of figures: a region × indicator × kind, holding every year.
 * One record per row keeps IndexedDB writes cheap (16 years in one put).
 */
export const seriesSchema = z.object({
	regionCode: regionCodeSchema,
	indicatorCode: indicatorCodeSchema,
	kind: seriesKindSchema,
	cells: z.record(yearKey, cellSchema),
	note: z.string().max(NOTE_MAX).default(''),
	/** A note (批注) per figure, by year (schema v5); absent on records without any. */
	notes: figureNotesSchema.optional(),
	updatedAt: z.number().int().nonnegative()
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
