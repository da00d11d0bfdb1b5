// PLAN.RULE and PLAN.RULEGAP, the commitment rows' formulas, in a real HyperFormula; and the
// comparison sheet and city view, which ask the same core function, agreeing with them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkbookEngine } from './workbook-engine';
import { COMPARISON_COLUMNS, columnOfYear, type RegionRowInput } from './sheet-layout';
import { commitmentOf, commitmentCodes, planIndicators, regionMeasure } from '$lib/core/plan';
import { CITY_CODE, PROVINCE_CODE, type Cell, type Series } from '$lib/core/model';
import { compareRow } from '$lib/core/comparison';
import { cityCommitments } from '$lib/core/city-commitments';
import { STATUS_TEXT } from './plan-functions';

const SHEET = '甘州区';
const RULE_TEXT = {
	'no-fall': '不低于上年',
	'at-least': '不低于公务员',
	reach: '100%',
	reference: 'PAY01 的对照'
};

function series(code: string, cells: Record<string, Cell> | undefined): Series | undefined {
	return (
		cells && { regionCode: '620702', indicatorCode: code, kind: 'actual', cells, note: '', updatedAt: 0 }
	);
}

/** A county sheet with the nine, then the five commitment rows, then one own indicator. */
function rows(cells: Record<string, Record<string, Cell>>): RegionRowInput[] {
	const nine: RegionRowInput[] = planIndicators.map((indicator, i) => ({
		indicator,
		planRow: i,
		measure: regionMeasure(indicator, '620702'),
		name: indicator.nameZh,
		series: series(indicator.code, cells[indicator.code])
	}));
	const commitments: RegionRowInput[] = commitmentCodes.map((code) => {
		const c = commitmentOf(code)!;
		return {
			indicator: c,
			planRow: null,
			measure: 'value',
			name: c.nameZh,
			series: series(code, cells[code]),
			commitment: {
				rule: c.rule,
				ruleText: RULE_TEXT[c.rule.kind],
				referenceRow: c.rule.kind === 'at-least' ? 9 + commitmentCodes.indexOf(c.rule.reference) : undefined,
				precision: c.precision
			}
		};
	});
	return [...nine, ...commitments];
}

const ROW = { FIN01: 9, FIN02: 10, PAY01: 11, PAY02: 12, PSY01: 13 } as const;
const col = (year: 2025 | 2035, level: string, role: 'target' | 'gap' | 'status') =>
	COMPARISON_COLUMNS.find((c) => c.year === year && c.level === level && c.role === role)!.col;
const n = (v: number): Cell => ({ t: 'n', v });
const years = (...vs: (number | null)[]) =>
	Object.fromEntries(vs.flatMap((v, i) => (v === null ? [] : [[String(2020 + i), n(v)]])));

function build(cells: Record<string, Record<string, Cell>>) {
	const engine = new WorkbookEngine('gpl-v3');
	engine.load([], new Map([[SHEET, rows(cells)]]));
	return engine;
}

describe('PLAN.RULE in the grid', () => {
	it('spending that falls is 滞后, by the fall; the formula is in the cell for the planner to read', () => {
		const engine = build({ FIN01: years(52000, 54000, 53100.5) });
		expect(engine.formulaAt(SHEET, ROW.FIN01, col(2025, CITY_CODE, 'status'))).toBe(
			'=PLAN.RULE("no-fall",$D10:$S10,2025)'
		);
		expect(engine.value(SHEET, ROW.FIN01, col(2025, CITY_CODE, 'status'))).toBe('滞后');
		expect(engine.value(SHEET, ROW.FIN01, col(2025, CITY_CODE, 'gap'))).toBe(-899.5);
		expect(engine.value(SHEET, ROW.FIN01, col(2025, CITY_CODE, 'target'))).toBe('不低于上年');
		// The province sets no such rule: its columns stay empty.
		expect(engine.value(SHEET, ROW.FIN01, col(2025, PROVINCE_CODE, 'status'))).toBeNull();
		engine
			.gridFormulas(SHEET)
			.engine.setCellContents(
				{ sheet: engine.sheetId(SHEET), row: ROW.FIN01, col: columnOfYear(2023) },
				53200
			);
		expect(engine.value(SHEET, ROW.FIN01, col(2025, CITY_CODE, 'status'))).toBe('已达标');
	});

	it('teachers below civil servants the same year is 滞后; equal is 已达标; none that year is 数据不足', () => {
		const engine = build({ PAY01: years(88000, 91000), PAY02: years(90000, 93000) });
		expect(engine.formulaAt(SHEET, ROW.PAY01, col(2035, CITY_CODE, 'status'))).toBe(
			'=PLAN.RULE("at-least",$D12:$S12,2035,$D13:$S13)'
		);
		expect(engine.value(SHEET, ROW.PAY01, col(2025, CITY_CODE, 'status'))).toBe('滞后');
		expect(engine.value(SHEET, ROW.PAY01, col(2025, CITY_CODE, 'gap'))).toBe(-2000);
		// PAY02 is only the reference: no verdict of its own.
		expect(engine.value(SHEET, ROW.PAY02, col(2025, CITY_CODE, 'status'))).toBeNull();
		const sheet = engine.sheetId(SHEET);
		engine
			.gridFormulas(SHEET)
			.engine.setCellContents({ sheet, row: ROW.PAY01, col: columnOfYear(2021) }, 93000);
		expect(engine.value(SHEET, ROW.PAY01, col(2025, CITY_CODE, 'status'))).toBe('已达标');
		engine
			.gridFormulas(SHEET)
			.engine.setCellContents({ sheet, row: ROW.PAY01, col: columnOfYear(2022) }, 95000);
		expect(engine.value(SHEET, ROW.PAY01, col(2025, CITY_CODE, 'status'))).toBe('数据不足');
	});

	it('counselling rooms: 100 is 已达标, less is 滞后; a formula figure counts as its value', () => {
		const engine = build({ PSY01: { '2022': n(96.5), '2023': { t: 'f', f: '=D14+100' } } });
		expect(engine.value(SHEET, ROW.PSY01, col(2025, CITY_CODE, 'status'))).toBe('已达标');
		engine
			.gridFormulas(SHEET)
			.engine.setCellContents({ sheet: engine.sheetId(SHEET), row: ROW.PSY01, col: columnOfYear(2023) }, 99);
		expect(engine.value(SHEET, ROW.PSY01, col(2025, CITY_CODE, 'status'))).toBe('滞后');
		expect(engine.value(SHEET, ROW.PSY01, col(2025, CITY_CODE, 'gap'))).toBe(-1);
	});

	it('empty rows are 数据不足 in the grid', () => {
		const engine = build({});
		for (const code of ['FIN01', 'FIN02', 'PAY01', 'PSY01'] as const)
			expect(engine.value(SHEET, ROW[code], col(2035, CITY_CODE, 'status'))).toBe('数据不足');
	});

	it('a bad rule keyword is a #VALUE! error the planner can read, not a status', () => {
		const engine = build({});
		engine
			.gridFormulas(SHEET)
			.engine.setCellContents(
				{ sheet: engine.sheetId(SHEET), row: ROW.FIN01, col: col(2025, CITY_CODE, 'status') },
				'=PLAN.RULE("more",$D10:$S10,2025)'
			);
		expect(engine.errorAt(SHEET, ROW.FIN01, col(2025, CITY_CODE, 'status'))?.type).toBe('VALUE');
	});
});

describe('the grid, the comparison sheet and the city view agree', () => {
	const figure = fc.option(fc.integer({ min: 0, max: 200 }), { nil: null });
	it('for random figures, every commitment status and gap is the same in all three', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(figure, { minLength: 16, maxLength: 16 }), { minLength: 5, maxLength: 5 }),
				(data) => {
					const cells = Object.fromEntries(commitmentCodes.map((code, i) => [code, years(...data[i]!)]));
					const engine = build(cells);
					const inputs = rows(cells);
					const city = cityCommitments(
						[
							{
								regionCode: '620702',
								takenUp: true,
								figures: new Map(
									commitmentCodes.map((code) => [
										code,
										engine.yearFigures(SHEET, ROW[code as keyof typeof ROW])
									])
								)
							}
						],
						2035
					);
					for (const code of ['FIN01', 'FIN02', 'PAY01', 'PSY01'] as const) {
						const row = compareRow({
							indicator: inputs[ROW[code]]!.indicator,
							isPlanIndicator: false,
							figures: engine.yearFigures(SHEET, ROW[code]),
							targets: {},
							commitment: {
								rule: commitmentOf(code)!.rule,
								reference: code === 'PAY01' ? engine.yearFigures(SHEET, ROW.PAY02) : undefined
							}
						});
						const status = row.commitment!.status;
						expect(engine.value(SHEET, ROW[code], col(2035, CITY_CODE, 'status'))).toBe(
							STATUS_TEXT[status === 'error' ? 'no-data' : status]
						);
						expect(engine.value(SHEET, ROW[code], col(2035, CITY_CODE, 'gap'))).toBe(
							row.commitment!.gap ?? ''
						);
						expect(city.find((r) => r.commitment.code === code)!.counties[0]!.check!.status).toBe(status);
					}
					engine.destroy();
				}
			),
			{ numRuns: 20 }
		);
	});
});
