import { describe, expect, it } from 'vitest';
import { WorkbookEngine } from './workbook-engine';
import {
	COMPARISON_COLUMNS,
	columnOfYear,
	regionSheetContent,
	targetColumn,
	targetsRowContent,
	TARGETS_SHEET,
	type RegionRowInput,
	type TargetsRowInput
} from './sheet-layout';
import fc from 'fast-check';
import { planIndicators, regionMeasure, seedSeries } from '$lib/core/plan';
import { CITY_CODE, PROVINCE_CODE, YEARS, type Cell, type Series } from '$lib/core/model';
import { compareRow, levelTargets } from '$lib/core/comparison';
import { STATUS_TEXT } from './plan-functions';

const GANZHOU = '甘州区';

function seeded(): TargetsRowInput[] {
	const all = seedSeries();
	const find = (region: string, code: string, kind: 'actual' | 'target') =>
		all.find((s) => s.regionCode === region && s.indicatorCode === code && s.kind === kind);
	return planIndicators.map((indicator) => ({
		indicator,
		name: indicator.nameZh,
		series: {
			'620700': {
				actual: find('620700', indicator.code, 'actual'),
				target: find('620700', indicator.code, 'target')
			},
			'620000': {
				actual: find('620000', indicator.code, 'actual'),
				target: find('620000', indicator.code, 'target')
			}
		}
	}));
}

function county(cells: Record<string, Record<string, Cell>>): RegionRowInput[] {
	return planIndicators.map((indicator, i) => ({
		indicator,
		planRow: i,
		measure: regionMeasure(indicator, '620702'),
		name: indicator.nameZh,
		series: cells[indicator.code]
			? ({
					regionCode: '620702',
					indicatorCode: indicator.code,
					kind: 'actual',
					cells: cells[indicator.code]!,
					note: '',
					updatedAt: 0
				} satisfies Series)
			: undefined
	}));
}

function build(cells: Record<string, Record<string, Cell>> = {}) {
	const engine = new WorkbookEngine('gpl-v3');
	engine.load(seeded(), new Map([[GANZHOU, county(cells)]]));
	return engine;
}

const col = (year: 2025 | 2035, level: '620700' | '620000', role: 'target' | 'gap' | 'status') =>
	COMPARISON_COLUMNS.find((c) => c.year === year && c.level === level && c.role === role)!.col;

describe('county comparison formulas against the seeded targets', () => {
	it('99.6 in 2024 meets the city 2025 target 99.53 with a gap of +0.07; 99.5 does not (−0.03)', () => {
		const engine = build({ EDU01: { '2020': { t: 'n', v: 99 }, '2024': { t: 'n', v: 99.6 } } });
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'gap'))).toBe(0.07);
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('已达标');
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'target'))).toBe('99.53');

		// The path 99 (2020) → 99.53 (2025) stands at 99.424 in 2024: 99.5 is above it.
		engine
			.gridFormulas(GANZHOU)
			.engine.setCellContents({ sheet: engine.sheetId(GANZHOU), row: 0, col: columnOfYear(2024) }, 99.5);
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'gap'))).toBe(-0.03);
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('按进度');
		engine
			.gridFormulas(GANZHOU)
			.engine.setCellContents({ sheet: engine.sheetId(GANZHOU), row: 0, col: columnOfYear(2024) }, 99.4);
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('滞后');
	});

	it('the plan’s worked example: 99.0 (2020), 99.3 (2023) is behind the path to 99.53 (滞后)', () => {
		const engine = build({ EDU01: { '2020': { t: 'n', v: 99 }, '2023': { t: 'n', v: 99.3 } } });
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('滞后');
		// The province's 96 is met already.
		expect(engine.value(GANZHOU, 0, col(2025, '620000', 'status'))).toBe('已达标');
		// 2035 (99.57) is reached through the city's 2025 target: still 99.318 planned for 2023.
		expect(engine.value(GANZHOU, 0, col(2035, '620700', 'status'))).toBe('滞后');
	});

	it('a figure without a 2020 baseline cannot be placed on a path: 数据不足 until it meets', () => {
		const engine = build({ EDU01: { '2024': { t: 'n', v: 99.5 } } });
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('数据不足');
		engine
			.gridFormulas(GANZHOU)
			.engine.setCellContents({ sheet: engine.sheetId(GANZHOU), row: 0, col: columnOfYear(2024) }, 99.6);
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('已达标');
	});

	it('honours the strict comparator: 99 does not meet >99, 99.01 does', () => {
		const engine = build({ EDU02: { '2020': { t: 'n', v: 98 }, '2024': { t: 'n', v: 99 } } });
		expect(engine.value(GANZHOU, 1, col(2025, '620700', 'target'))).toBe('>99');
		// On the path (98.8 planned for 2024), but not above 99.
		expect(engine.value(GANZHOU, 1, col(2025, '620700', 'status'))).toBe('按进度');
		engine
			.gridFormulas(GANZHOU)
			.engine.setCellContents({ sheet: engine.sheetId(GANZHOU), row: 1, col: columnOfYear(2024) }, 99.01);
		expect(engine.value(GANZHOU, 1, col(2025, '620700', 'status'))).toBe('已达标');
	});

	it('says 数据不足 until a figure exists, and judges 2025 by the latest earlier year', () => {
		const engine = build({
			EDU05: { '2020': { t: 'n', v: 46 }, '2022': { t: 'n', v: 46.5 }, '2027': { t: 'n', v: 70 } }
		});
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('数据不足');
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'gap'))).toBe('');
		// 2027's 70 is after 2025: 2025 is judged by 2022's 46.5 against 48 (planned 46.8).
		expect(engine.value(GANZHOU, 4, col(2025, '620700', 'gap'))).toBe(-1.5);
		expect(engine.value(GANZHOU, 4, col(2025, '620700', 'status'))).toBe('滞后');
		expect(engine.value(GANZHOU, 4, col(2035, '620700', 'gap'))).toBe(10);
		expect(engine.value(GANZHOU, 4, col(2035, '620700', 'status'))).toBe('已达标');
	});

	it('PLAN.STATUS in a planner’s own formula: a lower-is-better figure, and a bad direction', () => {
		const engine = build({ EDU01: { '2020': { t: 'n', v: 10 }, '2023': { t: 'n', v: 8 } } });
		const sheet = engine.sheetId(GANZHOU);
		const at = { sheet, row: 0, col: columnOfYear(2035) + 1 };
		// The path 10 → 5 stands at 7 in 2023: 8 is above it, behind for a ceiling.
		engine.gridFormulas(GANZHOU).engine.setCellContents(at, '=PLAN.STATUS(D1:S1,2025,5,">=","","lower")');
		expect(engine.value(GANZHOU, 0, at.col)).toBe('滞后');
		engine.gridFormulas(GANZHOU).engine.setCellContents(at, '=PLAN.STATUS(D1:S1,2025,5,">=","","sideways")');
		expect(engine.errorAt(GANZHOU, 0, at.col)?.value).toBe('#VALUE!');
	});

	it('EDU03 in a county compares certification, not a percentage', () => {
		const engine = build({ EDU03: { '2024': { t: 'b', v: true } } });
		expect(engine.value(GANZHOU, 2, col(2025, '620700', 'status'))).toBe('已认定');
		expect(engine.value(GANZHOU, 2, col(2025, '620700', 'gap'))).toBeNull();
		expect(engine.value(GANZHOU, 2, col(2025, '620700', 'target'))).toBe('50 (优质均衡)');
	});

	it('a county formula can reach the targets sheet, and a target edit changes the status at once', () => {
		const engine = build({ EDU01: { '2020': { t: 'n', v: 99.5 }, '2024': { t: 'n', v: 99.6 } } });
		const targetCol = targetColumn('620700', 2025, 'value');
		const sheet = engine.sheetId(GANZHOU);
		engine
			.gridFormulas(GANZHOU)
			.engine.setCellContents(
				{ sheet, row: 0, col: columnOfYear(2025) },
				`='${TARGETS_SHEET}'!${String.fromCharCode(65 + targetCol)}1+0.1`
			);
		expect(engine.value(GANZHOU, 0, columnOfYear(2025))).toBeCloseTo(99.63, 10);

		engine
			.gridFormulas(GANZHOU)
			.engine.setCellContents({ sheet: engine.sheetId(TARGETS_SHEET), row: 0, col: targetCol }, 99.7);
		// 2025 now holds =target+0.1 = 99.8 ≥ 99.7.
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('已达标');
		engine.gridFormulas(GANZHOU).engine.setCellContents({ sheet, row: 0, col: columnOfYear(2025) }, null);
		// 2024's 99.6 is below the path 99.5 → 99.7, which stands at 99.66 in 2024.
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('滞后');
	});

	it('setCells writes cells of several sheets in one step, and leaves alone those that hold it', () => {
		const engine = build({ EDU01: { '2020': { t: 'n', v: 99 } } });
		const targetCol = targetColumn('620700', 2020, 'value');
		let recalculations = 0;
		engine.gridFormulas(GANZHOU).engine.on('valuesUpdated', () => recalculations++);
		engine.setCells([
			{ sheet: GANZHOU, row: 0, col: columnOfYear(2020), content: 99 },
			{ sheet: TARGETS_SHEET, row: 0, col: targetCol, content: 99.7 },
			{ sheet: '没有这个表', row: 0, col: 0, content: 1 }
		]);
		expect(recalculations).toBe(1);
		expect(engine.value(TARGETS_SHEET, 0, targetCol)).toBe(99.7);
		engine.setCells([{ sheet: TARGETS_SHEET, row: 0, col: targetCol, content: 99.7 }]);
		expect(recalculations).toBe(1);
		engine.setCells([{ sheet: TARGETS_SHEET, row: 0, col: targetCol, content: null }]);
		expect(engine.value(TARGETS_SHEET, 0, targetCol)).toBeNull();
	});

	it('reports formula errors with an explanation instead of throwing', () => {
		const engine = build({ EDU01: { '2024': { t: 'f', f: '=1/0' } } });
		expect(engine.errorAt(GANZHOU, 0, columnOfYear(2024))?.value).toBe('#DIV/0!');
		// The comparison shows the error of the figure it judges.
		expect(engine.errorAt(GANZHOU, 0, col(2025, '620700', 'status'))?.value).toBe('#DIV/0!');
		expect(engine.validateFormula('=SUM(')).toBe(false);
		expect(engine.validateFormula('=AVERAGE(D1:F1)')).toBe(true);
	});

	it('an error after the judged year leaves the judgement alone', () => {
		const engine = build({ EDU01: { '2024': { t: 'n', v: 99.6 }, '2030': { t: 'f', f: '=1/0' } } });
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'status'))).toBe('已达标');
		expect(engine.value(GANZHOU, 0, col(2025, '620700', 'gap'))).toBe(0.07);
		// For 2035 the 2030 error is the latest entry, so the judgement is that error.
		expect(engine.errorAt(GANZHOU, 0, col(2035, '620700', 'status'))?.value).toBe('#DIV/0!');
	});

	it('keeps note text that starts with = as text', () => {
		const rows = county({});
		rows[0] = {
			...rows[0]!,
			series: {
				regionCode: '620702',
				indicatorCode: 'EDU01',
				kind: 'actual',
				cells: {},
				note: '=not a formula',
				updatedAt: 0
			}
		};
		const engine = new WorkbookEngine('gpl-v3');
		engine.load(seeded(), new Map([[GANZHOU, rows]]));
		expect(engine.formulaAt(GANZHOU, 0, 19)).toBeUndefined();
		expect(regionSheetContent(rows)[0]![19]).toBe("'=not a formula");
	});

	it('writes targets with comparator and qualifier as the plan does', () => {
		const row = targetsRowContent(seeded()[1]!);
		expect(row[targetColumn('620700', 2025, 'value')]).toBe(99);
		expect(row[targetColumn('620700', 2025, 'comparator')]).toBe('>');
		expect(row[targetColumn('620000', 2025, 'comparator')]).toBe('≥');
		const edu03 = targetsRowContent(seeded()[2]!);
		expect(edu03[targetColumn('620700', 2020, 'qualifier')]).toBe('基本均衡');
		expect(edu03[targetColumn('620700', 2035, 'qualifier')]).toBe('优质均衡');
	});
});

describe('the grid and the comparison sheet agree', () => {
	// Figures typed or computed: plain numbers, formulas (one of them failing), gaps.
	const cell: fc.Arbitrary<Cell | null> = fc.oneof(
		{ weight: 3, arbitrary: fc.constant(null) },
		{
			weight: 4,
			arbitrary: fc.integer({ min: 9000, max: 10100 }).map((n): Cell => ({ t: 'n', v: n / 100 }))
		},
		{ weight: 1, arbitrary: fc.integer({ min: 0, max: 120 }).map((n): Cell => ({ t: 'n', v: n / 10 })) },
		{ weight: 1, arbitrary: fc.constantFrom<Cell>({ t: 'f', f: '=99.2+0.1' }, { t: 'f', f: '=1/0' }) }
	);
	const countyCells = fc.array(fc.array(cell, { minLength: 16, maxLength: 16 }), {
		minLength: planIndicators.length,
		maxLength: planIndicators.length
	});

	it('every status and gap the grid computes is what the comparison sheet shows', () => {
		const seeds = seedSeries();
		const targetsOf = (level: string, code: string) =>
			levelTargets(
				seeds.find((x) => x.regionCode === level && x.indicatorCode === code && x.kind === 'target')
			);
		const engine = new WorkbookEngine('gpl-v3');
		fc.assert(
			fc.property(countyCells, (rows) => {
				const cells: Record<string, Record<string, Cell>> = {};
				planIndicators.forEach((indicator, r) => {
					const row: Record<string, Cell> = {};
					YEARS.forEach((year, i) => {
						let c = rows[r]![i] ?? null;
						// EDU03 is yes/no in a county.
						if (c && indicator.countyMeasure === 'certified') c = { t: 'b', v: c.t === 'n' && c.v > 95 };
						if (c) row[String(year)] = c;
					});
					cells[indicator.code] = row;
				});
				engine.load(seeded(), new Map([[GANZHOU, county(cells)]]));
				planIndicators.forEach((indicator, r) => {
					const sheetRow = compareRow({
						indicator,
						isPlanIndicator: true,
						figures: engine.yearFigures(GANZHOU, r),
						targets: {
							[CITY_CODE]: targetsOf(CITY_CODE, indicator.code),
							[PROVINCE_CODE]: targetsOf(PROVINCE_CODE, indicator.code)
						}
					});
					for (const c of sheetRow.comparisons) {
						const status = engine.value(GANZHOU, r, col(c.year, c.level, 'status'));
						if (c.status === 'error')
							expect(engine.errorAt(GANZHOU, r, col(c.year, c.level, 'status'))).not.toBeNull();
						else expect(status).toBe(STATUS_TEXT[c.status]);
						if (indicator.countyMeasure === 'certified') continue;
						const gap = engine.value(GANZHOU, r, col(c.year, c.level, 'gap'));
						if (c.status !== 'error') expect(gap).toBe(c.gap ?? '');
					}
				});
			}),
			{ numRuns: 40 }
		);
		engine.destroy();
	});
});

describe('the city’s own sheet: a baseline of another qualifier starts no path', () => {
	function cityRows(cells: Record<string, Record<string, Cell>>): RegionRowInput[] {
		return planIndicators.map((indicator, i) => ({
			indicator,
			planRow: i,
			measure: regionMeasure(indicator, CITY_CODE),
			baselineFromTargets: true,
			name: indicator.nameZh,
			series: {
				regionCode: CITY_CODE,
				indicatorCode: indicator.code,
				kind: 'actual',
				cells: cells[indicator.code] ?? {},
				note: '',
				updatedAt: 0
			}
		}));
	}
	const status = (engine: WorkbookEngine, row: number) =>
		engine.value('张掖市', row, col(2025, CITY_CODE, 'status'));

	it('EDU03: 40 in 2023 is not judged on a path down from 100 (基本均衡) to 50 (优质均衡)', () => {
		const engine = new WorkbookEngine('gpl-v3');
		// The city sheet's 2020 column holds the seeded baseline, as the app keeps it.
		engine.load(
			seeded(),
			new Map([['张掖市', cityRows({ EDU03: { 2020: { t: 'n', v: 100 }, 2023: { t: 'n', v: 40 } } })]])
		);
		expect(status(engine, 2)).toBe(STATUS_TEXT['no-data']);
		expect(engine.formulaAt('张掖市', 2, col(2025, CITY_CODE, 'status'))).toMatch(
			/^=PLAN\.STATUS\(.*,'目标'!\$[A-Z]+\$3,'目标'!\$[A-Z]+\$3\)$/
		);
		// EDU01's baseline and target state no qualifier: the path 99.51 → 99.53 judges 99.525 in 2023.
		engine.setSheet(
			'张掖市',
			regionSheetContent(cityRows({ EDU01: { 2020: { t: 'n', v: 99.51 }, 2023: { t: 'n', v: 99.525 } } }))
		);
		expect(status(engine, 0)).toBe(STATUS_TEXT['on-track']);
	});

	it('once the baseline is written as 优质均衡 too, it starts the path again', () => {
		const targets = seeded();
		const edu03 = targets[2]!.series['620700']!.actual!;
		targets[2]!.series['620700']!.actual = { ...edu03, cells: { '2020': { t: 'n', v: 100, q: '优质均衡' } } };
		const engine = new WorkbookEngine('gpl-v3');
		engine.load(
			targets,
			new Map([['张掖市', cityRows({ EDU03: { 2020: { t: 'n', v: 100 }, 2023: { t: 'n', v: 40 } } })]])
		);
		// 100 → 50 passes 70 in 2023: 40 is behind it.
		expect(status(engine, 2)).toBe(STATUS_TEXT.behind);
	});
});
