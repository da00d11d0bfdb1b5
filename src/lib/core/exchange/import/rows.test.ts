import { describe, expect, it } from 'vitest';
import type { OwnIndicator } from '../../model';
import { exportValue } from '../export';
import { EMPTY_SNAPSHOT } from '../snapshot';
import { GRID_HEADER, LONG_HEADER, cellsOf, plan } from './fixtures';
import { applyPlanToStorage } from '../../../storage/apply-plan-helpers';

describe('reading the grid layout', () => {
	it('reads figures by year, with % and full-width digits, and notes', () => {
		const p = plan(
			[
				GRID_HEADER,
				'620702,甘州区,EDU01,学前教育毛入园率,%,实际,99.0,,,99.3,"99.6%",,,,,,,,,,,,据统计年报'
			].join('\r\n') + '\r\n620702,甘州区,EDU02,九年义务教育巩固率,%,实际,９９．５％,,,,,,,,,,,,,,,,\r\n'
		);
		expect(p.rejected).toEqual([]);
		expect(cellsOf(p, '620702', 'EDU01')).toEqual({
			'2020': { t: 'n', v: 99 },
			'2023': { t: 'n', v: 99.3 },
			'2024': { t: 'n', v: 99.6 }
		});
		expect(p.changes[0]!.after.note).toBe('据统计年报');
		expect(cellsOf(p, '620702', 'EDU02')).toEqual({ '2020': { t: 'n', v: 99.5 } });
		expect(p.files[0]).toMatchObject({ layout: 'grid', delimiter: ',', rows: 2 });
	});

	it('keeps qualifiers and comparators of targets, and writes them back the same way', () => {
		const p = plan(
			`${GRID_HEADER}\n620700,张掖市,EDU02,九年义务教育巩固率,%,目标,,,,,,＞99,,,,,,,,,,95% (优质均衡),\n`
		);
		expect(p.rejected).toEqual([]);
		const cells = cellsOf(p, '620700', 'EDU02', 'target')!;
		expect(cells).toEqual({ '2025': { t: 'n', v: 99, cmp: '>' }, '2035': { t: 'n', v: 95, q: '优质均衡' } });
		expect(exportValue(cells['2025'])).toBe('>99');
		expect(exportValue(cells['2035'])).toBe('95 (优质均衡)');
	});

	it('reads EDU03 in a county as certified yes/no', () => {
		const p = plan(`地区代码,指标代码,类型,2024,2025\n620723,EDU03,实际,否,是\n`);
		expect(cellsOf(p, '620723', 'EDU03')).toEqual({
			'2024': { t: 'b', v: false },
			'2025': { t: 'b', v: true }
		});
	});

	it("reads the city's own figures for any year, EDU03 as a percentage", async () => {
		const p = plan(
			`${LONG_HEADER}\n620700,张掖市,EDU01,学前教育毛入园率,%,实际,2023,99.55,市统计公报\n` +
				`620700,张掖市,EDU03,义务教育优质均衡县的比例,%,实际,2024,50%,\n`
		);
		expect(p.rejected).toEqual([]);
		expect(cellsOf(p, '620700', 'EDU01')).toEqual({ '2023': { t: 'n', v: 99.55 } });
		expect(cellsOf(p, '620700', 'EDU03')).toEqual({ '2024': { t: 'n', v: 50 } });
		const applied = await applyPlanToStorage(EMPTY_SNAPSHOT, p, 9);
		expect(
			applied.series.find((s) => s.regionCode === '620700' && s.indicatorCode === 'EDU01')
		).toMatchObject({ kind: 'actual', cells: { '2023': { t: 'n', v: 99.55 } }, note: '市统计公报' });
	});

	it("refuses a formula as the city's or province's 2020 baseline, and takes one in a later year", () => {
		const p = plan(
			`地区代码,指标代码,类型,2020,2021\n620700,EDU01,实际,=1+1,\n620000,EDU01,实际,=2,\n620700,EDU02,实际,,=D2+0.01\n`
		);
		expect(p.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
			[2, '2020', 'baseline-formula'],
			[3, '2020', 'baseline-formula']
		]);
		expect(cellsOf(p, '620700', 'EDU01')).toBeUndefined();
		expect(cellsOf(p, '620700', 'EDU02')).toEqual({ '2021': { t: 'f', f: '=D2+0.01' } });
	});

	it('restores formulas and guarded text', () => {
		const p = plan(`地区代码,指标代码,类型,2024,备注\n620702,EDU01,实际,'=D1+0.1,"'=不是公式"\n`);
		expect(cellsOf(p, '620702', 'EDU01')).toEqual({ '2024': { t: 'f', f: '=D1+0.1' } });
		expect(p.changes[0]!.after.note).toBe('=不是公式');
	});
});

describe('refusing rows, by number and column', () => {
	const file = [
		'地区代码,地区,指标代码,指标,单位,类型,2020',
		'620702,甘州区,EDU01,学前教育毛入园率,%,实际,99.0', // row 2: fine
		'620702,甘州区,EDU02,九年义务教育巩固率,%,实际,很高', // row 3: text in a year cell
		'629999,某县,EDU01,学前教育毛入园率,%,实际,98', // row 4: unknown region
		'620723,临泽县,EDU01,学前教育毛入园率,%,实际,>99', // row 5: comparator in an actual row
		'620700,张掖市,EDU01,学前教育毛入园率,%,目标,=D2', // row 6: formula in a target row
		'620723,临泽县,EDU01,学前教育毛入园率,%,计划,98', // row 7: bad kind
		'620723,临泽县,EDU01,学前教育毛入园率,%,目标,98', // row 8: county target
		'620700,张掖市,X9,自设,%,实际,98', // row 9: own indicator outside a county
		'620723,临泽县,EDU04,高中阶段毛入学率,%,实际,97.2' // row 10: fine
	].join('\r\n');

	it('lists each refused row with its file row number, column and reason, and keeps the rest', () => {
		const p = plan(file);
		expect(p.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
			[3, '2020', 'value-not-a-number'],
			[4, '地区代码', 'unknown-region'],
			[5, '2020', 'value-comparator-not-allowed'],
			[6, '2020', 'value-formula-not-allowed'],
			[7, '类型', 'bad-kind'],
			[8, '类型', 'county-target'],
			[9, '指标代码', 'own-indicator-not-county']
		]);
		expect(p.rejected[0]!.params).toEqual({ text: '很高' });
		expect(cellsOf(p, '620702', 'EDU01')).toEqual({ '2020': { t: 'n', v: 99 } });
		expect(cellsOf(p, '620723', 'EDU04')).toEqual({ '2020': { t: 'n', v: 97.2 } });
		expect(p.regions).toEqual([
			{ regionCode: '620700', added: 0, changed: 0, unchanged: 0, rejected: 2 },
			{ regionCode: '620702', added: 1, changed: 0, unchanged: 0, rejected: 1 },
			{ regionCode: '620723', added: 1, changed: 0, unchanged: 0, rejected: 3 },
			{ regionCode: '', added: 0, changed: 0, unchanged: 0, rejected: 1 }
		]);
	});

	it('numbers rows as Excel does, across quoted line breaks and blank lines', () => {
		const p = plan(
			`地区代码,指标代码,类型,2024,备注\n620702,EDU01,实际,1,"两行\n备注"\n\n620702,EDU02,实际,x,\n`
		);
		expect(p.rejected.map((r) => r.row)).toEqual([4]);
	});

	it('refuses every row of a cell given twice with different figures, naming the other row', () => {
		const p = plan(
			`${LONG_HEADER}\n620702,,EDU01,,,实际,2024,99.4,\n620702,,EDU01,,,实际,2024,99.5,\n620702,,EDU01,,,实际,2024,99.4,\n`
		);
		// Before, row 2's 99.4 was written while the message said neither was.
		expect(p.rejected.map((r) => [r.row, r.code, r.params.text, r.params.other, r.params.otherRow])).toEqual([
			[2, 'conflict', '99.4', '99.5', 3],
			[3, 'conflict', '99.5', '99.4', 2],
			[4, 'conflict', '99.4', '99.5', 3]
		]);
		expect(p.changes).toEqual([]);
		expect(p.regions).toEqual([{ regionCode: '620702', added: 0, changed: 0, unchanged: 0, rejected: 3 }]);
	});
	it('refuses years outside the workbook in long rows, and warns of such year columns in the grid', () => {
		const long = plan(`${LONG_HEADER}\n620702,,EDU01,,,实际,2019,99,\n620702,,EDU01,,,实际,1999,99,\n`);
		expect(long.rejected.map((r) => [r.row, r.code])).toEqual([
			[2, 'year-outside-workbook'],
			[3, 'bad-year']
		]);
		const grid = plan('地区代码,指标代码,类型,2019,2024\n620702,EDU01,实际,98,99\n');
		expect(grid.files[0]!.problems).toEqual([
			{ code: 'ignored-years', params: { years: '2019' }, fatal: false }
		]);
	});
});

describe('own indicators', () => {
	it('defines a county’s own indicator from a code the workbook does not know', () => {
		const p = plan(
			`${GRID_HEADER},方向\n620702,甘州区,C01,"教师培训, 人次",人,实际,,,,,120,,,,,,,,,,,,,越低越好\n`
		);
		expect(p.indicators).toEqual([
			{
				before: undefined,
				after: expect.objectContaining({
					regionCode: '620702',
					code: 'C01',
					nameZh: '教师培训, 人次',
					unit: '人',
					direction: 'lower',
					order: 0
				})
			}
		]);
		expect(cellsOf(p, '620702', 'C01')).toEqual({ '2024': { t: 'n', v: 120 } });
	});

	it('needs a name to define one', () => {
		const p = plan('地区代码,指标代码,类型,2024\n620702,C01,实际,1\n');
		expect(p.rejected.map((r) => r.code)).toEqual(['own-indicator-needs-name']);
	});

	it('renames a known own indicator and places new ones after the county’s existing ones', () => {
		const own: OwnIndicator = {
			regionCode: '620702',
			code: 'C01',
			nameZh: '旧名',
			nameEn: '',
			unit: '%',
			direction: 'higher',
			precision: 2,
			countyMeasure: 'value',
			order: 4,
			updatedAt: 1
		};
		const p = plan(
			'地区代码,指标代码,指标,单位,类型,2024\n620702,C01,新名,%,实际,1\n620702,C02,另一个,%,实际,2\n',
			{
				series: [],
				ownIndicators: [own]
			}
		);
		expect(p.indicators.map((i) => [i.before?.nameZh, i.after.nameZh, i.after.order])).toEqual([
			['旧名', '新名', 4],
			[undefined, '另一个', 5]
		]);
	});
});

describe('formulas the engine could not load', () => {
	it('refuses, by row and column, a formula too deep, too long or spilling past the sheet; keeps the rest', () => {
		const deep = `=${'('.repeat(500)}1${')'.repeat(500)}`;
		const long = `=1${'+1'.repeat(1000)}`;
		const p = plan(
			[
				'地区代码,指标代码,类型,2021,2022,2023',
				`620702,EDU01,实际,"${deep}",99.1,=D2+1`,
				`620702,EDU02,实际,${long},"=SEQUENCE(1000,1000)","=SEQUENCE(1,3)"`,
				'620702,EDU04,实际,97,"=SUM(D4:D4)",'
			].join('\r\n')
		);
		expect(p.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
			[2, '2021', 'value-formula-too-deep'],
			[3, '2021', 'value-formula-too-long'],
			[3, '2022', 'value-formula-array-too-large']
		]);
		// A refused value refuses its row, as any refused value does; other rows are read.
		expect(cellsOf(p, '620702', 'EDU01')).toBeUndefined();
		expect(cellsOf(p, '620702', 'EDU04')).toEqual({
			'2021': { t: 'n', v: 97 },
			'2022': { t: 'f', f: '=SUM(D4:D4)' }
		});
	});
});

describe('the plan’s commitment rows', () => {
	it('are a county’s actual figures only: the city’s, the province’s and target rows are refused by row', () => {
		const p = plan(
			`${LONG_HEADER}\n620702,甘州区,FIN01,一般公共预算教育支出,万元,实际,2024,52000,\n` +
				`620700,张掖市,FIN01,一般公共预算教育支出,万元,实际,2024,300000,\n` +
				`620000,甘肃省,PAY01,中小学教师平均工资收入,元,目标,2025,100000,\n`
		);
		expect(cellsOf(p, '620702', 'FIN01')).toEqual({ '2024': { t: 'n', v: 52000 } });
		expect(p.rejected.map((r) => [r.row, r.code])).toEqual([
			[3, 'commitment-not-county'],
			[4, 'commitment-not-county']
		]);
		expect(p.changes.some((c) => c.regionCode !== '620702')).toBe(false);
	});
});
