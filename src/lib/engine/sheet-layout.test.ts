import { describe, expect, it } from 'vitest';
import {
	cellAddress,
	cellContent,
	COL_FIRST_COMPARISON,
	COL_FIRST_YEAR,
	COL_NOTE,
	cityBaselineCells,
	columnLetter,
	columnOfYear,
	comparisonAt,
	comparisonFormula,
	COMPARISON_COLUMNS,
	REGION_COLUMN_COUNT,
	regionRowContent,
	regionSheetContent,
	targetColumn,
	TARGET_COLUMNS,
	TARGETS_COLUMN_COUNT,
	targetsRowContent,
	textContent,
	yearOfColumn,
	TARGETS_SHEET,
	type ComparisonColumn
} from './sheet-layout';
import { planIndicator } from '$lib/core/plan';
import { CITY_CODE, PROVINCE_CODE, YEARS, type Indicator, type Series } from '$lib/core/model';

const EDU01 = planIndicator('EDU01')!;
const EDU03 = planIndicator('EDU03')!;
const EDU09 = planIndicator('EDU09')!;

function column(year: number, level: string, role: ComparisonColumn['role']): ComparisonColumn {
	const c = COMPARISON_COLUMNS.find((x) => x.year === year && x.level === level && x.role === role);
	if (!c) throw new Error(`no comparison column ${year} ${level} ${role}`);
	return c;
}

function series(overrides: Partial<Series>): Series {
	return {
		regionCode: '620702',
		indicatorCode: 'EDU01',
		kind: 'actual',
		cells: {},
		note: '',
		updatedAt: 0,
		...overrides
	};
}

describe('columnLetter and cellAddress', () => {
	it.each([
		[0, 'A'],
		[1, 'B'],
		[25, 'Z'],
		[26, 'AA'],
		[27, 'AB'],
		[31, 'AF'],
		[51, 'AZ'],
		[52, 'BA'],
		[701, 'ZZ'],
		[702, 'AAA']
	])('column %i is %s', (col, letters) => {
		expect(columnLetter(col)).toBe(letters);
	});

	it('addresses are the column letters and a 1-based row', () => {
		expect(cellAddress(0, 0)).toBe('A1');
		expect(cellAddress(8, 3)).toBe('D9');
		expect(cellAddress(9, 31)).toBe('AF10');
	});
});

describe('year columns', () => {
	it('2020 sits in D, 2035 in S, the note in T', () => {
		expect(columnLetter(columnOfYear(2020))).toBe('D');
		expect(columnLetter(columnOfYear(2035))).toBe('S');
		expect(columnLetter(COL_NOTE)).toBe('T');
		expect(columnLetter(COL_FIRST_COMPARISON)).toBe('U');
	});

	it('yearOfColumn inverts columnOfYear for every year of the plan', () => {
		for (let year = 2020; year <= 2035; year++) {
			expect(yearOfColumn(columnOfYear(year))).toBe(year);
		}
		expect(YEARS.map(columnOfYear)).toEqual(Array.from({ length: 16 }, (_, i) => COL_FIRST_YEAR + i));
	});

	it('columns before the years and from the note on are no year', () => {
		for (const col of [0, 1, 2, COL_NOTE, COL_FIRST_COMPARISON, REGION_COLUMN_COUNT - 1, 100]) {
			expect(yearOfColumn(col)).toBeNull();
		}
		expect(yearOfColumn(-1)).toBeNull();
	});
});

describe('COMPARISON_COLUMNS', () => {
	it('are twelve columns U…AF, the last columns of a county sheet', () => {
		expect(COMPARISON_COLUMNS).toHaveLength(12);
		expect(COMPARISON_COLUMNS.map((c) => columnLetter(c.col))).toEqual([
			'U',
			'V',
			'W',
			'X',
			'Y',
			'Z',
			'AA',
			'AB',
			'AC',
			'AD',
			'AE',
			'AF'
		]);
		expect(REGION_COLUMN_COUNT).toBe(32);
	});

	it('per year: target city, target province, gap city, gap province, status city, status province', () => {
		const order = (year: number) =>
			COMPARISON_COLUMNS.filter((c) => c.year === year).map((c) => `${c.role}:${c.level}`);
		const expected = [
			`target:${CITY_CODE}`,
			`target:${PROVINCE_CODE}`,
			`gap:${CITY_CODE}`,
			`gap:${PROVINCE_CODE}`,
			`status:${CITY_CODE}`,
			`status:${PROVINCE_CODE}`
		];
		expect(order(2025)).toEqual(expected);
		expect(order(2035)).toEqual(expected);
		expect(COMPARISON_COLUMNS.slice(0, 6).every((c) => c.year === 2025)).toBe(true);
		expect(COMPARISON_COLUMNS.slice(6).every((c) => c.year === 2035)).toBe(true);
	});

	it('comparisonAt finds a column by its index and nothing elsewhere', () => {
		expect(comparisonAt(COL_FIRST_COMPARISON)).toEqual({
			col: 20,
			year: 2025,
			level: CITY_CODE,
			role: 'target'
		});
		expect(comparisonAt(31)).toEqual({ col: 31, year: 2035, level: PROVINCE_CODE, role: 'status' });
		expect(comparisonAt(COL_NOTE)).toBeUndefined();
		expect(comparisonAt(32)).toBeUndefined();
	});
});

describe('target columns of the targets sheet', () => {
	it('per level: 2020 value, qualifier; 2025 value, comparator, qualifier; 2035 the same', () => {
		expect(targetColumn(CITY_CODE, 2020, 'value')).toBe(3);
		expect(targetColumn(CITY_CODE, 2020, 'qualifier')).toBe(4);
		expect(targetColumn(CITY_CODE, 2025, 'value')).toBe(5); // F
		expect(targetColumn(CITY_CODE, 2025, 'comparator')).toBe(6); // G
		expect(targetColumn(CITY_CODE, 2035, 'qualifier')).toBe(10);
		expect(targetColumn(PROVINCE_CODE, 2020, 'value')).toBe(11);
		expect(targetColumn(PROVINCE_CODE, 2025, 'value')).toBe(13); // N
		expect(targetColumn(PROVINCE_CODE, 2035, 'qualifier')).toBe(18);
		expect(TARGET_COLUMNS.map((t) => t.col)).toEqual(Array.from({ length: 16 }, (_, i) => 3 + i));
		expect(TARGETS_COLUMN_COUNT).toBe(19);
	});

	it('a baseline has no comparator column', () => {
		expect(() => targetColumn(CITY_CODE, 2020, 'comparator')).toThrow(/no target column/);
		expect(() => targetColumn(PROVINCE_CODE, 2030, 'value')).toThrow(/no target column/);
	});
});

describe('comparisonFormula', () => {
	it('EDU01, first row: each 2025 city formula reads the years D:S and the targets sheet row 1', () => {
		expect(comparisonFormula(column(2025, CITY_CODE, 'target'), 0, 0, EDU01, 'value')).toBe(
			"=PLAN.TARGET('目标'!$F$1,'目标'!$G$1,'目标'!$H$1)"
		);
		expect(comparisonFormula(column(2025, CITY_CODE, 'gap'), 0, 0, EDU01, 'value')).toBe(
			"=PLAN.GAP($D1:$S1,2025,'目标'!$F$1,2)"
		);
		expect(comparisonFormula(column(2025, CITY_CODE, 'status'), 0, 0, EDU01, 'value')).toBe(
			"=PLAN.STATUS($D1:$S1,2025,'目标'!$F$1,'目标'!$G$1)"
		);
	});

	it('the province and 2035 formulas point at their own target columns', () => {
		const n = columnLetter(targetColumn(PROVINCE_CODE, 2025, 'value'));
		const o = columnLetter(targetColumn(PROVINCE_CODE, 2025, 'comparator'));
		expect(comparisonFormula(column(2025, PROVINCE_CODE, 'status'), 0, 0, EDU01, 'value')).toBe(
			`=PLAN.STATUS($D1:$S1,2025,'目标'!$${n}$1,'目标'!$${o}$1)`
		);
		// The path to 2035 passes through the same level's 2025 target (F).
		expect(comparisonFormula(column(2035, CITY_CODE, 'status'), 0, 0, EDU01, 'value')).toBe(
			"=PLAN.STATUS($D1:$S1,2035,'目标'!$I$1,'目标'!$J$1,'目标'!$F$1)"
		);
	});

	it('the county row and the targets row are independent: row 5 of a county against EDU09 (targets row 9)', () => {
		expect(comparisonFormula(column(2035, PROVINCE_CODE, 'gap'), 4, 8, EDU09, 'value')).toBe(
			"=PLAN.GAP($D5:$S5,2035,'目标'!$Q$9,1)"
		);
	});

	it('a lower-is-better indicator tells PLAN.STATUS so, with an empty milestone for 2025', () => {
		const lower: Indicator = { ...EDU01, direction: 'lower' };
		expect(comparisonFormula(column(2025, CITY_CODE, 'status'), 0, 0, lower, 'value')).toBe(
			`=PLAN.STATUS($D1:$S1,2025,'目标'!$F$1,'目标'!$G$1,"","lower")`
		);
		expect(comparisonFormula(column(2035, CITY_CODE, 'status'), 0, 0, lower, 'value')).toBe(
			`=PLAN.STATUS($D1:$S1,2035,'目标'!$I$1,'目标'!$J$1,'目标'!$F$1,"lower")`
		);
	});

	it('EDU03 (certified yes/no) has no gap and is judged by PLAN.CERTIFIED', () => {
		expect(EDU03.countyMeasure).toBe('certified');
		for (const level of [CITY_CODE, PROVINCE_CODE]) {
			expect(comparisonFormula(column(2025, level, 'gap'), 2, 2, EDU03, 'certified')).toBe('');
			expect(comparisonFormula(column(2035, level, 'gap'), 2, 2, EDU03, 'certified')).toBe('');
		}
		expect(comparisonFormula(column(2025, CITY_CODE, 'status'), 2, 2, EDU03, 'certified')).toBe(
			'=PLAN.CERTIFIED($D3:$S3,2025)'
		);
		expect(comparisonFormula(column(2035, PROVINCE_CODE, 'status'), 2, 2, EDU03, 'certified')).toBe(
			'=PLAN.CERTIFIED($D3:$S3,2035)'
		);
		// Its targets are still shown.
		expect(comparisonFormula(column(2025, CITY_CODE, 'target'), 2, 2, EDU03, 'certified')).toBe(
			"=PLAN.TARGET('目标'!$F$3,'目标'!$G$3,'目标'!$H$3)"
		);
	});
});

describe("the city's rows", () => {
	it('EDU03 is a percentage for the city: gaps and PLAN.STATUS, as for any other indicator', () => {
		const out = regionRowContent(
			{ indicator: EDU03, planRow: 2, measure: 'value', name: EDU03.nameZh, series: undefined },
			2
		);
		expect(out[column(2025, CITY_CODE, 'gap').col]).toBe(
			`=PLAN.GAP($D3:$S3,2025,'目标'!$F$3,${EDU03.precision})`
		);
		expect(out[column(2025, CITY_CODE, 'status').col]).toBe(
			"=PLAN.STATUS($D3:$S3,2025,'目标'!$F$3,'目标'!$G$3)"
		);
	});

	it("the city's 2020 figure sits in its sheet's 2020 column and in the targets sheet's city baseline", () => {
		expect(cityBaselineCells(2, '张掖市')).toEqual({
			city: { sheet: '张掖市', row: 2, col: columnOfYear(2020) },
			targets: { sheet: TARGETS_SHEET, row: 2, col: targetColumn(CITY_CODE, 2020, 'value') }
		});
		expect(columnLetter(targetColumn(CITY_CODE, 2020, 'value'))).toBe('D');
	});
});

describe('cellContent and textContent', () => {
	it('a cell becomes its number, boolean or formula source', () => {
		expect(cellContent(undefined)).toBeNull();
		expect(cellContent(null)).toBeNull();
		expect(cellContent({ t: 'n', v: 99.5, cmp: '>', q: '基本均衡' })).toBe(99.5);
		expect(cellContent({ t: 'b', v: false })).toBe(false);
		expect(cellContent({ t: 'f', f: '=AVERAGE(D1:F1)' })).toBe('=AVERAGE(D1:F1)');
	});

	it('free text starting with = is escaped so the engine keeps it as text', () => {
		expect(textContent('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(textContent('=')).toBe("'=");
		expect(textContent('a = b')).toBe('a = b');
		expect(textContent('学前教育毛入园率')).toBe('学前教育毛入园率');
		expect(textContent('')).toBeNull();
	});
});

describe('regionRowContent', () => {
	it('a plan row: code, name, unit, figures by year, note, and the twelve comparison formulas', () => {
		const s = series({
			cells: { '2020': { t: 'n', v: 95.2 }, '2023': { t: 'f', f: '=D1+1' } },
			note: '=not a formula'
		});
		const out = regionRowContent(
			{ indicator: EDU01, planRow: 0, measure: 'value', name: EDU01.nameZh, series: s },
			0
		);
		expect(out).toHaveLength(REGION_COLUMN_COUNT);
		expect(out.slice(0, 3)).toEqual(['EDU01', '学前教育毛入园率', '%']);
		expect(out[columnOfYear(2020)]).toBe(95.2);
		expect(out[columnOfYear(2023)]).toBe('=D1+1');
		expect(out[columnOfYear(2021)]).toBeNull();
		expect(out[columnOfYear(2035)]).toBeNull();
		expect(out[COL_NOTE]).toBe("'=not a formula");
		for (const c of COMPARISON_COLUMNS) {
			expect(out[c.col]).toBe(comparisonFormula(c, 0, 0, EDU01, 'value'));
			expect(String(out[c.col])).toMatch(/^=PLAN\./);
		}
	});

	it('EDU03 leaves its gap cells empty (null, not an empty string)', () => {
		const out = regionRowContent(
			{ indicator: EDU03, planRow: 2, measure: 'certified', name: EDU03.nameZh, series: undefined },
			2
		);
		for (const c of COMPARISON_COLUMNS) {
			if (c.role === 'gap') expect(out[c.col]).toBeNull();
			else expect(out[c.col]).toMatch(/^=PLAN\./);
		}
		expect(out.slice(COL_FIRST_YEAR, COL_NOTE + 1).every((v) => v === null)).toBe(true);
	});

	it("a county's own indicator (planRow null) gets no comparison formulas", () => {
		const own: Indicator = {
			code: 'C01',
			nameZh: '自定',
			nameEn: '',
			unit: '所',
			direction: 'higher',
			precision: 2,
			countyMeasure: 'value'
		};
		const s = series({ indicatorCode: 'C01', cells: { '2024': { t: 'n', v: 12 } }, note: '备注' });
		const out = regionRowContent(
			{ indicator: own, planRow: null, measure: 'value', name: '=自定', series: s },
			9
		);
		expect(out).toHaveLength(REGION_COLUMN_COUNT);
		expect(out[0]).toBe('C01');
		expect(out[1]).toBe("'=自定");
		expect(out[2]).toBe('所');
		expect(out[columnOfYear(2024)]).toBe(12);
		expect(out[COL_NOTE]).toBe('备注');
		expect(out.slice(COL_FIRST_COMPARISON)).toEqual(new Array(12).fill(null));
	});

	it('regionSheetContent numbers the rows in order', () => {
		const sheet = regionSheetContent([
			{ indicator: EDU01, planRow: 0, measure: 'value', name: EDU01.nameZh, series: undefined },
			{ indicator: EDU03, planRow: 2, measure: 'certified', name: EDU03.nameZh, series: undefined }
		]);
		expect(sheet).toHaveLength(2);
		expect(sheet[1]![column(2025, CITY_CODE, 'status').col]).toBe('=PLAN.CERTIFIED($D2:$S2,2025)');
		expect(sheet[1]![column(2025, CITY_CODE, 'target').col]).toBe(
			"=PLAN.TARGET('目标'!$F$3,'目标'!$G$3,'目标'!$H$3)"
		);
	});
});

describe('targetsRowContent', () => {
	it('writes values, ≥ for at-least, > for strictly above, and qualifiers', () => {
		const out = targetsRowContent({
			indicator: EDU01,
			name: EDU01.nameZh,
			series: {
				[CITY_CODE]: {
					actual: series({ regionCode: CITY_CODE, cells: { '2020': { t: 'n', v: 99.51, q: '基本均衡' } } }),
					target: series({
						regionCode: CITY_CODE,
						kind: 'target',
						cells: { '2025': { t: 'n', v: 99.53, cmp: '>=' }, '2035': { t: 'n', v: 99.57, cmp: '>' } }
					})
				},
				[PROVINCE_CODE]: {
					target: series({
						regionCode: PROVINCE_CODE,
						kind: 'target',
						// No comparator written: the plan's bare number means at least.
						cells: { '2025': { t: 'n', v: 96 }, '2035': { t: 'f', f: '=F1' } }
					})
				}
			}
		});
		expect(out).toHaveLength(TARGETS_COLUMN_COUNT);
		expect(out.slice(0, 3)).toEqual(['EDU01', '学前教育毛入园率', '%']);
		const at = (
			level: typeof CITY_CODE | typeof PROVINCE_CODE,
			year: number,
			field: 'value' | 'comparator' | 'qualifier'
		) => out[targetColumn(level, year, field)];
		expect(at(CITY_CODE, 2020, 'value')).toBe(99.51);
		expect(at(CITY_CODE, 2020, 'qualifier')).toBe('基本均衡');
		expect(at(CITY_CODE, 2025, 'value')).toBe(99.53);
		expect(at(CITY_CODE, 2025, 'comparator')).toBe('≥');
		expect(at(CITY_CODE, 2025, 'qualifier')).toBeNull();
		expect(at(CITY_CODE, 2035, 'value')).toBe(99.57);
		expect(at(CITY_CODE, 2035, 'comparator')).toBe('>');
		expect(at(PROVINCE_CODE, 2020, 'value')).toBeNull();
		expect(at(PROVINCE_CODE, 2025, 'value')).toBe(96);
		expect(at(PROVINCE_CODE, 2025, 'comparator')).toBe('≥');
		// A formula target keeps its source and has no comparator of its own.
		expect(at(PROVINCE_CODE, 2035, 'value')).toBe('=F1');
		expect(at(PROVINCE_CODE, 2035, 'comparator')).toBeNull();
	});

	it('a qualifier starting with = is escaped like any free text', () => {
		const out = targetsRowContent({
			indicator: EDU03,
			name: EDU03.nameZh,
			series: {
				[CITY_CODE]: {
					target: series({
						regionCode: CITY_CODE,
						kind: 'target',
						cells: { '2025': { t: 'n', v: 50, cmp: '>', q: '=x' } }
					})
				}
			}
		});
		expect(out[targetColumn(CITY_CODE, 2025, 'qualifier')]).toBe("'=x");
		expect(out[targetColumn(CITY_CODE, 2025, 'comparator')]).toBe('>');
	});
});
