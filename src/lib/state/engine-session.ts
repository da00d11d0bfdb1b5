// The workbook's one formula engine, built on the first visit to a grid page and kept
// for the session: grids bind to its sheets and leave them in place when they unmount.
import { counties, planIndicators, regionByCode } from '$lib/core/plan';
import { WorkbookEngine } from '$lib/engine/workbook-engine';
import { LEVELS, type CountyRowInput, type TargetsRowInput } from '$lib/engine/sheet-layout';
import type { Lang } from '$lib/i18n/locale.svelte';
import type { Indicator } from '$lib/core/model';
import type { Workbook } from './workbook.svelte';
import { registerEngineReload } from './engine-slot';

export const HF_LICENSE_KEY: string = __HF_LICENSE_KEY__;
export const HOT_LICENSE_KEY: string = __HOT_LICENSE_KEY__;

let engine: WorkbookEngine | null = null;

export function indicatorName(indicator: Indicator, lang: Lang): string {
	return lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.nameZh;
}

/** The sheet a county's formulas refer to it by: its Chinese name, as planners write it. */
export function countySheetName(regionCode: string): string {
	const region = regionByCode(regionCode);
	if (!region) throw new Error(`unknown region ${regionCode}`);
	return region.nameZh;
}

export function countyRows(workbook: Workbook, regionCode: string, lang: Lang): CountyRowInput[] {
	return workbook.rowIndicators(regionCode).map((r) => ({
		indicator: r.indicator,
		planRow: r.planRow,
		name: indicatorName(r.indicator, lang),
		series: workbook.getSeries(regionCode, r.indicator.code, 'actual')
	}));
}

export function targetRows(workbook: Workbook, lang: Lang): TargetsRowInput[] {
	return planIndicators.map((indicator) => ({
		indicator,
		name: indicatorName(indicator, lang),
		series: Object.fromEntries(
			LEVELS.map((level) => [
				level,
				{
					actual: workbook.getSeries(level, indicator.code, 'actual'),
					target: workbook.getSeries(level, indicator.code, 'target')
				}
			])
		)
	}));
}

/** Another tab changed the workbook: rebuild every sheet from what is stored now. */
export function reloadEngine(workbook: Workbook, lang: Lang): void {
	engine?.load(
		targetRows(workbook, lang),
		new Map(counties.map((c) => [countySheetName(c.code), countyRows(workbook, c.code, lang)]))
	);
}

export function getEngine(workbook: Workbook, lang: Lang): WorkbookEngine {
	if (!engine) {
		engine = new WorkbookEngine(HF_LICENSE_KEY);
		registerEngineReload(reloadEngine);
		engine.load(
			targetRows(workbook, lang),
			new Map(counties.map((c) => [countySheetName(c.code), countyRows(workbook, c.code, lang)]))
		);
	}
	return engine;
}
