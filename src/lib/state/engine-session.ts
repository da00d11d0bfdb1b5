// The workbook's one formula engine, built on the first visit to a grid page and kept
// for the session: grids bind to its sheets and leave them in place when they unmount.
import { city, planIndicators, regionByCode, regionMeasure, sheetRegions } from '$lib/core/plan';
import { WorkbookEngine } from '$lib/engine/workbook-engine';
import {
	cityBaselineCells,
	TARGET_LEVELS,
	type RawContent,
	type RegionRowInput,
	type TargetsRowInput
} from '$lib/engine/sheet-layout';
import { catalogOf, type Lang } from '$lib/i18n/locale.svelte';
import type { Commitment } from '$lib/core/commitments';
import { CITY_CODE, type Indicator } from '$lib/core/model';
import type { Workbook } from './workbook.svelte';
import { registerEngineReload } from './engine-slot';

export const HF_LICENSE_KEY: string = __HF_LICENSE_KEY__;
export const HOT_LICENSE_KEY: string = __HOT_LICENSE_KEY__;

let engine: WorkbookEngine | null = null;

export function indicatorName(indicator: Indicator, lang: Lang): string {
	return lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.nameZh;
}

/**
 * The sheet a region's figures sit in, as formulas refer to it: its Chinese name, as
 * planners write it ('甘州区'!H1, '张掖市'!H1).
 */
export function regionSheetName(regionCode: string): string {
	const region = regionByCode(regionCode);
	if (!region) throw new Error(`unknown region ${regionCode}`);
	return region.nameZh;
}

export function regionRows(workbook: Workbook, regionCode: string, lang: Lang): RegionRowInput[] {
	const rows = workbook.rowIndicators(regionCode);
	const rowOf = (code: string) => rows.findIndex((r) => r.indicator.code === code);
	return rows.map((r) => ({
		indicator: r.indicator,
		planRow: r.planRow,
		measure: r.planRow === null ? 'value' : regionMeasure(r.indicator, regionCode),
		baselineFromTargets: regionCode === CITY_CODE && r.planRow !== null,
		name: indicatorName(r.indicator, lang),
		series: workbook.getSeries(regionCode, r.indicator.code, 'actual'),
		commitment: r.commitment ? commitmentRow(r.commitment, rowOf, lang) : undefined
	}));
}

/** What a commitment row's comparison cells need: its rule in words, its reference row. */
function commitmentRow(c: Commitment, rowOf: (code: string) => number, lang: Lang) {
	const catalog = catalogOf(lang);
	const ruleText =
		c.rule.kind === 'reference'
			? catalog['commitments.ruleReference'].replace('{code}', c.rule.of)
			: catalog[`commitments.rule.${c.rule.kind}`];
	const referenceRow = c.rule.kind === 'at-least' ? rowOf(c.rule.reference) : undefined;
	return { rule: c.rule, ruleText, referenceRow, precision: c.precision };
}

export function targetRows(workbook: Workbook, lang: Lang): TargetsRowInput[] {
	return planIndicators.map((indicator) => ({
		indicator,
		name: indicatorName(indicator, lang),
		series: Object.fromEntries(
			TARGET_LEVELS.map((level) => [
				level,
				{
					actual: workbook.getSeries(level, indicator.code, 'actual'),
					target: workbook.getSeries(level, indicator.code, 'target')
				}
			])
		)
	}));
}

function regionSheets(workbook: Workbook, lang: Lang): Map<string, RegionRowInput[]> {
	return new Map(sheetRegions.map((r) => [regionSheetName(r.code), regionRows(workbook, r.code, lang)]));
}

/** Another tab changed the workbook: rebuild every sheet from what is stored now. */
export function reloadEngine(workbook: Workbook, lang: Lang): void {
	engine?.load(targetRows(workbook, lang), regionSheets(workbook, lang));
}

export function getEngine(workbook: Workbook, lang: Lang): WorkbookEngine {
	if (!engine) {
		engine = new WorkbookEngine(HF_LICENSE_KEY);
		registerEngineReload(reloadEngine);
		engine.load(targetRows(workbook, lang), regionSheets(workbook, lang));
	}
	return engine;
}

/**
 * The city's 2020 figure of a plan indicator changed in one of the two sheets that show it
 * (the city's own, the targets sheet): put it in both, so that formulas reading either, and
 * the other page when it opens, see the same figure. (The sheet edited already holds it.)
 */
export function showCityBaseline(
	target: Pick<WorkbookEngine, 'setCells'>,
	planRow: number,
	content: RawContent
): void {
	const cells = cityBaselineCells(planRow, regionSheetName(city.code));
	target.setCells([
		{ ...cells.city, content },
		{ ...cells.targets, content }
	]);
}
