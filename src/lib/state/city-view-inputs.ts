// What the city view is built from: each region's figures as the formula engine computes
// them (a formula counts as its value), its targets, and the planner's choice.
import { qualifiersOf, type CityViewChoice, type CityViewInput } from '$lib/core/city-view';
import { levelTargets, type SheetFigure } from '$lib/core/comparison';
import { counties, planIndicators } from '$lib/core/plan';
import { CITY_CODE, PROVINCE_CODE, YEARS } from '$lib/core/model';
import { countySheetContent } from '$lib/engine/sheet-layout';
import type { WorkbookEngine } from '$lib/engine/workbook-engine';
import type { Lang } from '$lib/i18n/locale.svelte';
import { countyRows, countySheetName } from './engine-session';
import type { Workbook } from './workbook.svelte';

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
