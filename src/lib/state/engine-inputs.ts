// What the formula engine's sheets are built from: each region's rows and the targets, read
// from the workbook, and the sheet names formulas refer to. Kept apart from the engine itself
// (engine-session.ts) so that pages and components can use them without loading HyperFormula.
import { city, planIndicators, regionByCode, regionMeasure } from '$lib/core/plan';
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

export const HF_LICENSE_KEY: string = __HF_LICENSE_KEY__;
export const HOT_LICENSE_KEY: string = __HOT_LICENSE_KEY__;

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

/** Where the engine puts content of cells outside the grid on screen. */
export interface CellSetter {
	setCells(cells: readonly { sheet: string; row: number; col: number; content: RawContent }[]): void;
}

/**
 * The city's 2020 figure of a plan indicator changed in one of the two sheets that show it
 * (the city's own, the targets sheet): put it in both, so that formulas reading either, and
 * the other page when it opens, see the same figure. (The sheet edited already holds it.)
 */
export function showCityBaseline(target: CellSetter, planRow: number, content: RawContent): void {
	const cells = cityBaselineCells(planRow, regionSheetName(city.code));
	target.setCells([
		{ ...cells.city, content },
		{ ...cells.targets, content }
	]);
}
