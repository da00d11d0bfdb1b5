// A stored formula the engine cannot take must load as an error cell, never stop the load.
// Real HyperFormula: without the stand-in, the first of these throws "Maximum call stack size
// exceeded" out of setSheetContent.
import { describe, expect, it } from 'vitest';
import { HyperFormula } from 'hyperformula';
import { WorkbookEngine } from './workbook-engine';
import {
	cellContent,
	columnOfYear,
	regionSheetContent,
	unreadableCode,
	type RegionRowInput
} from './sheet-layout';
import { planIndicators, regionMeasure } from '$lib/core/plan';
import { MAX_FORMULA_NESTING } from '$lib/core/formula-limits';
import type { Cell } from '$lib/core/model';

const deep = `=${'('.repeat(500)}1${')'.repeat(500)}`;

function rows(cells: Record<string, Cell>): RegionRowInput[] {
	return planIndicators.map((indicator, i) => ({
		indicator,
		planRow: i,
		measure: regionMeasure(indicator, '620702'),
		name: indicator.nameZh,
		series:
			i === 0
				? {
						regionCode: '620702',
						indicatorCode: indicator.code,
						kind: 'actual',
						cells,
						note: '',
						updatedAt: 0
					}
				: undefined
	}));
}

describe('loading stored formulas the engine cannot take', () => {
	it('the raw formulas do break HyperFormula (what the stand-in protects against)', () => {
		const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: false });
		hf.addSheet('s');
		expect(() => hf.setSheetContent(0, [[deep]])).toThrow(/call stack/i);
		hf.destroy();
	});

	it('loads a 500-deep formula and =SEQUENCE(1000,1000) as #ERROR! with the reason; the rest computes', () => {
		const engine = new WorkbookEngine('gpl-v3');
		engine.load(
			[],
			new Map([
				[
					'甘州区',
					rows({
						'2020': { t: 'n', v: 99 },
						'2021': { t: 'f', f: deep },
						'2022': { t: 'f', f: '=SEQUENCE(1000,1000)' },
						'2023': { t: 'f', f: '=D1+1' }
					})
				]
			])
		);
		const err2021 = engine.errorAt('甘州区', 0, columnOfYear(2021));
		expect(err2021?.value).toBe('#ERROR!');
		expect(unreadableCode(err2021?.message)).toBe('formula-too-deep');
		expect(unreadableCode(engine.errorAt('甘州区', 0, columnOfYear(2022))?.message)).toBe(
			'formula-array-too-large'
		);
		expect(engine.value('甘州区', 0, columnOfYear(2023))).toBe(100);
		// Nothing spilled: the sheet is as wide as the layout.
		expect(
			engine.gridFormulas('甘州区').engine.getSheetDimensions(engine.sheetId('甘州区')).width
		).toBeLessThanOrEqual(regionSheetContent(rows({}))[0]!.length);
		engine.destroy();
	});

	it('a formula at the nesting limit loads and computes in the real engine', () => {
		const engine = new WorkbookEngine('gpl-v3');
		const f = `=${'('.repeat(MAX_FORMULA_NESTING)}2${')'.repeat(MAX_FORMULA_NESTING)}`;
		expect(cellContent({ t: 'f', f })).toBe(f);
		engine.load([], new Map([['甘州区', rows({ '2021': { t: 'f', f } })]]));
		expect(engine.value('甘州区', 0, columnOfYear(2021))).toBe(2);
		engine.destroy();
	});

	it('validateFormula answers false for a formula that overflows the parser, instead of throwing', () => {
		const engine = new WorkbookEngine('gpl-v3');
		expect(engine.validateFormula(deep)).toBe(false);
		engine.destroy();
	});
});
