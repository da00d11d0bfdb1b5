// What the city view is built from: the planner's settings (kept in the address, so a link
// or a bookmark reopens the same view) and each region's figures as the formula engine
// computes them (a formula counts as its value).
import { z } from 'zod';
import { qualifiersOf, type CityViewChoice, type CityViewInput } from '$lib/core/city-view';
import { levelTargets, COMPARISON_LEVELS, type SheetFigure } from '$lib/core/comparison';
import { counties, planIndicators } from '$lib/core/plan';
import { CITY_CODE, FIRST_YEAR, LAST_YEAR, PROVINCE_CODE, TARGET_YEARS, YEARS } from '$lib/core/model';
import { countySheetContent } from '$lib/engine/sheet-layout';
import type { WorkbookEngine } from '$lib/engine/workbook-engine';
import type { Lang } from '$lib/i18n/locale.svelte';
import { countyRows, countySheetName } from './engine-session';
import type { Workbook } from './workbook.svelte';

export type Orientation = 'indicators' | 'counties';

export interface CityViewSettings extends CityViewChoice {
	/** 'indicators': a row per indicator (counties across); 'counties': a row per county. */
	orientation: Orientation;
}

export const DEFAULT_SETTINGS: CityViewSettings = {
	level: CITY_CODE,
	targetYear: 2025,
	year: null,
	orientation: 'indicators'
};

// An address is typed or pasted by people: anything unreadable falls back to the default.
const settingsSchema = z.object({
	level: z.enum(COMPARISON_LEVELS).catch(DEFAULT_SETTINGS.level),
	targetYear: z.coerce
		.number()
		.pipe(z.union(TARGET_YEARS.map((y) => z.literal(y))))
		.catch(DEFAULT_SETTINGS.targetYear),
	year: z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR).nullable().catch(null),
	orientation: z.enum(['indicators', 'counties']).catch(DEFAULT_SETTINGS.orientation)
});

/** The settings an address asks for; unknown or malformed parameters give the defaults. */
export function settingsFromParams(params: URLSearchParams): CityViewSettings {
	const year = params.get('year');
	return settingsSchema.parse({
		level: params.get('level') ?? undefined,
		targetYear: params.get('target') ?? undefined,
		year: year === null || year === 'latest' ? null : year,
		orientation: params.get('by') === 'county' ? 'counties' : 'indicators'
	}) as CityViewSettings;
}

/** The address parameters of settings; defaults are left out so plain /city stays plain. */
export function settingsToParams(s: CityViewSettings): URLSearchParams {
	const p = new URLSearchParams();
	if (s.level !== DEFAULT_SETTINGS.level) p.set('level', s.level);
	if (s.targetYear !== DEFAULT_SETTINGS.targetYear) p.set('target', String(s.targetYear));
	if (s.year !== null) p.set('year', String(s.year));
	if (s.orientation === 'counties') p.set('by', 'county');
	return p;
}

/** Each county's plan-indicator figures by year, computed by the engine. */
export type CountyFiguresByCode = Map<string, Map<string, SheetFigure[]>>;

export function computeCountyFigures(
	workbook: Workbook,
	engine: WorkbookEngine,
	lang: Lang
): CountyFiguresByCode {
	const out: CountyFiguresByCode = new Map();
	for (const county of counties) {
		const sheetName = countySheetName(county.code);
		const inputs = countyRows(workbook, county.code, lang);
		// No grid is bound to a county sheet on this page: set the engine's copy from what is
		// stored, as the comparison sheet does, so a figure is never stale.
		engine.setSheet(sheetName, countySheetContent(inputs));
		const byCode = new Map<string, SheetFigure[]>();
		inputs.forEach((r, row) => {
			if (r.planRow !== null) byCode.set(r.indicator.code, engine.yearFigures(sheetName, row));
		});
		out.set(county.code, byCode);
	}
	return out;
}

/** The city's own reported figures by indicator, 2020–2035. */
function cityFigures(workbook: Workbook): Map<string, SheetFigure[]> {
	return new Map(
		planIndicators.map((i) => {
			const cells = workbook.getSeries(CITY_CODE, i.code, 'actual')?.cells ?? {};
			return [
				i.code,
				YEARS.map((y) => {
					const cell = cells[String(y)];
					return cell?.t === 'n' ? cell.v : null;
				})
			];
		})
	);
}

/** Everything the core's cityView needs, for the given county figures and choice. */
export function cityViewInput(
	workbook: Workbook,
	countyFigures: CountyFiguresByCode,
	choice: CityViewChoice
): CityViewInput {
	return {
		indicators: planIndicators,
		counties: counties.map((c) => ({ regionCode: c.code, figures: countyFigures.get(c.code) ?? new Map() })),
		city: cityFigures(workbook),
		cityQualifiers: new Map(
			planIndicators.map((i) => [i.code, qualifiersOf(workbook.getSeries(CITY_CODE, i.code, 'actual'))])
		),
		targets: new Map(
			planIndicators.map((i) => [
				i.code,
				{
					[CITY_CODE]: levelTargets(workbook.getSeries(CITY_CODE, i.code, 'target')),
					[PROVINCE_CODE]: levelTargets(workbook.getSeries(PROVINCE_CODE, i.code, 'target'))
				}
			])
		),
		choice
	};
}
