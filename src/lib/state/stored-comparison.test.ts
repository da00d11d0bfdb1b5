// The comparison columns computed without the engine must be exactly the engine's values, or
// the county page would show one status before HyperFormula arrives and another after.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkbookEngine } from '$lib/engine/workbook-engine';
import {
	COL_FIRST_COMPARISON,
	REGION_COLUMN_COUNT,
	regionSheetContent,
	targetsRowContent,
	TARGETS_SHEET,
	type RegionRowInput,
	type TargetsRowInput
} from '$lib/engine/sheet-layout';
import { planCommitments, planIndicators, regionMeasure } from '$lib/core/plan';
import { CITY_CODE, PROVINCE_CODE, YEARS, type Cell, type Series } from '$lib/core/model';
import { computableWithoutEngine, storedComparison } from './stored-comparison';

const COUNTY = '620702';

const number = fc.oneof(
	fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
	fc.integer({ min: -50, max: 200 }),
	fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true })
);
const figureCell: fc.Arbitrary<Cell | undefined> = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(undefined) },
	{ weight: 4, arbitrary: number.map((v): Cell => ({ t: 'n', v })) },
	{ weight: 1, arbitrary: fc.boolean().map((v): Cell => ({ t: 'b', v })) }
);
const targetCell: fc.Arbitrary<Cell | undefined> = fc.oneof(
	fc.constant(undefined),
	fc
		.record({
			v: number,
			cmp: fc.constantFrom(undefined, '>' as const, '>=' as const),
			q: fc.constantFrom(undefined, '基本均衡', '优质均衡', ' ', '=1', "'x")
		})
		.map(({ v, cmp, q }): Cell => ({ t: 'n', v, ...(cmp ? { cmp } : {}), ...(q ? { q } : {}) }))
);

function seriesOf(
	regionCode: string,
	indicatorCode: string,
	kind: 'actual' | 'target',
	cells: Record<string, Cell | undefined>
): Series {
	const defined = Object.fromEntries(
		Object.entries(cells).filter((e): e is [string, Cell] => e[1] !== undefined)
	);
	return { regionCode, indicatorCode, kind, cells: defined, note: '', updatedAt: 0 };
}

const yearCells = fc.array(figureCell, { minLength: YEARS.length, maxLength: YEARS.length });
const targetYears = fc.record({ 2020: targetCell, 2025: targetCell, 2035: targetCell });

const judged = planCommitments.filter((c) => c.rule.kind !== 'reference');

function regionRowsOf(regionCode: string, years: (Cell | undefined)[][]): RegionRowInput[] {
	const isCity = regionCode === CITY_CODE;
	const plan: RegionRowInput[] = planIndicators.map((indicator, i) => ({
		indicator,
		planRow: i,
		measure: regionMeasure(indicator, regionCode),
		baselineFromTargets: isCity,
		name: indicator.nameZh,
		series: seriesOf(
			regionCode,
			indicator.code,
			'actual',
			Object.fromEntries(YEARS.map((y, k) => [y, years[i]?.[k]]))
		)
	}));
	if (isCity) return plan;
	const commitments: RegionRowInput[] = judged.map((c, j) => ({
		indicator: c,
		planRow: null,
		measure: 'value',
		name: c.nameZh,
		series: seriesOf(
			regionCode,
			c.code,
			'actual',
			Object.fromEntries(YEARS.map((y, k) => [y, years[plan.length + j]?.[k]]))
		),
		commitment: {
			rule: c.rule,
			ruleText: 'rule',
			referenceRow: c.rule.kind === 'at-least' ? 0 : undefined,
			precision: c.precision
		}
	}));
	return [...plan, ...commitments];
}

function targetsOf(
	levels: { city: Record<string, Cell | undefined>; province: Record<string, Cell | undefined> }[]
): TargetsRowInput[] {
	return planIndicators.map((indicator, i) => {
		const cellsOf = (level: 'city' | 'province') => levels[i]?.[level] ?? {};
		const entry = (code: string, level: 'city' | 'province') => {
			const all = cellsOf(level);
			return {
				actual: seriesOf(code, indicator.code, 'actual', { 2020: all['2020'] }),
				target: seriesOf(code, indicator.code, 'target', { 2025: all['2025'], 2035: all['2035'] })
			};
		};
		return {
			indicator,
			name: indicator.nameZh,
			series: { [CITY_CODE]: entry(CITY_CODE, 'city'), [PROVINCE_CODE]: entry(PROVINCE_CODE, 'province') }
		};
	});
}

describe('comparison columns computed without the engine', () => {
	it('are the engine’s values, or say the engine is needed', () => {
		const engine = new WorkbookEngine('gpl-v3');
		const rows = planIndicators.length + judged.length;
		fc.assert(
			fc.property(
				fc.constantFrom(COUNTY, CITY_CODE),
				fc.array(yearCells, { minLength: rows, maxLength: rows }),
				fc.array(fc.record({ city: targetYears, province: targetYears }), {
					minLength: planIndicators.length,
					maxLength: planIndicators.length
				}),
				(regionCode, years, levels) => {
					const content = regionSheetContent(regionRowsOf(regionCode, years));
					const targets = targetsOf(levels).map(targetsRowContent);
					engine.load(targetsOf(levels), new Map());
					engine.setSheet('甘州区', content);
					let computed = 0;
					content.forEach((row, r) => {
						for (let col = COL_FIRST_COMPARISON; col < REGION_COLUMN_COUNT; col++) {
							const v = storedComparison(row[col] ?? null, (i) => content[i], targets);
							if (v === undefined) continue;
							computed++;
							expect([r, col, v]).toEqual([r, col, engine.value('甘州区', r, col)]);
						}
					});
					if (computableWithoutEngine(content, targets)) expect(computed).toBeGreaterThan(0);
				}
			),
			{ numRuns: 300 }
		);
		engine.destroy();
	});

	it('leave a sheet with a formula, or targets with one, to the engine', () => {
		const years = Array.from({ length: planIndicators.length + judged.length }, () =>
			YEARS.map(() => undefined)
		);
		const content = regionSheetContent(regionRowsOf(COUNTY, years));
		const targets = targetsOf([]).map(targetsRowContent);
		expect(computableWithoutEngine(content, targets)).toBe(true);
		const withFormula = content.map((r) => [...r]);
		withFormula[0]![4] = '=1+1';
		expect(computableWithoutEngine(withFormula, targets)).toBe(false);
		const targetsWithFormula = targets.map((r) => [...r]);
		targetsWithFormula[0]![5] = '=2';
		expect(computableWithoutEngine(content, targetsWithFormula)).toBe(false);
		expect(storedComparison(`=SUM('${TARGETS_SHEET}'!$A$1)`, () => undefined, targets)).toBeUndefined();
	});
});
