// What the city view is built from: each region's figures as the formula engine computes
// them (a formula counts as its value), its targets, and the planner's choice.
import { qualifiersOf, type CityViewChoice, type CityViewInput } from '$lib/core/city-view';
import { levelTargets, type SheetFigure } from '$lib/core/comparison';
import { counties, planIndicators } from '$lib/core/plan';
import { CITY_CODE, PROVINCE_CODE } from '$lib/core/model';
import { regionSheetContent } from '$lib/engine/sheet-layout';
import type { WorkbookEngine } from '$lib/engine/workbook-engine';
import type { Lang } from '$lib/i18n/locale.svelte';
import { regionRows, regionSheetName } from './engine-inputs';
import type { Workbook } from './workbook.svelte';

/** Each region's plan-indicator figures by year, computed by the engine. */
export type FiguresByIndicator = Map<string, SheetFigure[]>;
/** The six counties' figures, by county code. */
export type CountyFiguresByCode = Map<string, FiguresByIndicator>;

/**
 * A region's plan-indicator figures as the engine computes them. No grid is bound to the
 * region's sheet on the city page, so the engine's copy is set from what is stored first,
 * as the comparison sheet does: a figure is never stale.
 */
export function computeRegionFigures(
	workbook: Workbook,
	engine: WorkbookEngine,
	regionCode: string,
	lang: Lang
): FiguresByIndicator {
	const sheetName = regionSheetName(regionCode);
	const inputs = regionRows(workbook, regionCode, lang);
	engine.setSheet(sheetName, regionSheetContent(inputs));
	const byCode: FiguresByIndicator = new Map();
	inputs.forEach((r, row) => {
		// A county's commitment rows too (FIN01…), for the city's commitments table.
		if (r.planRow !== null || r.commitment) byCode.set(r.indicator.code, engine.yearFigures(sheetName, row));
	});
	return byCode;
}

export function computeCountyFigures(
	workbook: Workbook,
	engine: WorkbookEngine,
	lang: Lang
): CountyFiguresByCode {
	return new Map(counties.map((c) => [c.code, computeRegionFigures(workbook, engine, c.code, lang)]));
}

/** Everything the core's cityView needs, for the given county figures and choice. */
export function cityViewInput(
	workbook: Workbook,
	countyFigures: CountyFiguresByCode,
	cityFigures: FiguresByIndicator,
	choice: CityViewChoice
): CityViewInput {
	return {
		indicators: planIndicators,
		counties: counties.map((c) => ({ regionCode: c.code, figures: countyFigures.get(c.code) ?? new Map() })),
		city: cityFigures,
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
