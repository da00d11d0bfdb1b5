import { describe, expect, it } from 'vitest';
import { buildExportTable, toCsvText } from './export';
import type { WorkbookSnapshot } from './snapshot';

const snapshot: WorkbookSnapshot = {
	series: [
		{
			regionCode: '620702',
			indicatorCode: 'EDU01',
			kind: 'actual',
			cells: { '2020': { t: 'n', v: 99 }, '2023': { t: 'n', v: 99.53 }, '2024': { t: 'f', f: '=G1+0.1' } },
			note: '=来自年报, "初稿"',
			updatedAt: 1
		},
		{
			regionCode: '620702',
			indicatorCode: 'EDU05',
			kind: 'actual',
			cells: { '2021': { t: 'n', v: 1e-7 }, '2022': { t: 'n', v: 1e21 } },
			note: '',
			updatedAt: 1
		}
	],
	ownIndicators: []
};

describe('exporting the grid layout', () => {
	const table = buildExportTable(snapshot, { regionCodes: ['620702'], layout: 'grid' });

	it('writes the contract’s header and one row per indicator, empty rows included', () => {
		expect(table[0]!.join(',')).toBe(
			'地区代码,地区,指标代码,指标,单位,类型,2020,2021,2022,2023,2024,2025,2026,2027,2028,2029,2030,2031,2032,2033,2034,2035,备注'
		);
		expect(table).toHaveLength(10);
		expect(table[1]!.slice(0, 6)).toEqual(['620702', '甘州区', 'EDU01', '学前教育毛入园率', '%', '实际']);
	});

	it('writes numbers plainly and exactly, formulas and risky text guarded', () => {
		const row = table[1]!;
		expect(row.slice(6, 11)).toEqual(['99', '', '', '99.53', "'=G1+0.1"]);
		expect(row[22]).toBe('\'=来自年报, "初稿"');
		const edu05 = table.find((r) => r[2] === 'EDU05')!;
		expect(edu05.slice(7, 9)).toEqual(['0.0000001', '1000000000000000000000']);
	});

	it('becomes CSV with CRLF line ends and quotes only where needed', () => {
		const text = toCsvText(table);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.split('\r\n')[1]).toBe(
			'620702,甘州区,EDU01,学前教育毛入园率,%,实际,99,,,99.53,\'=G1+0.1,,,,,,,,,,,,"\'=来自年报, ""初稿"""'
		);
	});

	it('adds comparison columns for readers when asked', () => {
		const t = buildExportTable(snapshot, {
			regionCodes: ['620702'],
			layout: 'grid',
			comparisons: { headers: ['2025年状态(市)'], values: (_r, i) => (i === 'EDU01' ? ['✓ 达标'] : null) }
		});
		expect(t[0]!.at(-1)).toBe('2025年状态(市)');
		expect(t[1]!.at(-1)).toBe('✓ 达标');
		expect(t[2]!.at(-1)).toBe('');
	});
});

describe('exporting the long layout', () => {
	it('writes one row per figure, with the note on each', () => {
		const table = buildExportTable(snapshot, { regionCodes: ['620702'], layout: 'long' });
		expect(table[0]!.join(',')).toBe('地区代码,地区,指标代码,指标,单位,类型,年份,数值,备注');
		expect(table.slice(1).map((r) => [r[2], r[6], r[7]])).toEqual([
			['EDU01', '2020', '99'],
			['EDU01', '2023', '99.53'],
			['EDU01', '2024', "'=G1+0.1"],
			['EDU05', '2021', '0.0000001'],
			['EDU05', '2022', '1000000000000000000000']
		]);
	});

	it('writes the city and province with their targets', () => {
		const table = buildExportTable(
			{
				series: [
					{
						regionCode: '620700',
						indicatorCode: 'EDU02',
						kind: 'target',
						cells: { '2025': { t: 'n', v: 99, cmp: '>' }, '2035': { t: 'n', v: 95, q: '优质均衡' } },
						note: '',
						updatedAt: 1
					}
				],
				ownIndicators: []
			},
			{ regionCodes: ['620700', '620000'], layout: 'long' }
		);
		expect(table.slice(1)).toEqual([
			['620700', '张掖市', 'EDU02', '九年义务教育巩固率', '%', '目标', '2025', '>99', ''],
			['620700', '张掖市', 'EDU02', '九年义务教育巩固率', '%', '目标', '2035', '95 (优质均衡)', '']
		]);
	});
});

describe("exporting the city's own figures", () => {
	const withCity: WorkbookSnapshot = {
		series: [
			{
				regionCode: '620700',
				indicatorCode: 'EDU01',
				kind: 'actual',
				cells: { '2020': { t: 'n', v: 99.51 }, '2024': { t: 'n', v: 99.6 }, '2035': { t: 'f', f: '=H1' } },
				note: '',
				updatedAt: 1
			},
			{
				regionCode: '620700',
				indicatorCode: 'EDU03',
				kind: 'actual',
				cells: { '2020': { t: 'n', v: 100, q: '基本均衡' }, '2024': { t: 'n', v: 50 } },
				note: '',
				updatedAt: 1
			}
		],
		ownIndicators: []
	};

	it('writes them, every year, with the city and province targets (grid layout)', () => {
		const table = buildExportTable(withCity, { regionCodes: ['620700', '620000'], layout: 'grid' });
		const header = table[0]!;
		const edu01 = table.find((r) => r[0] === '620700' && r[2] === 'EDU01' && r[5] === '实际')!;
		expect(edu01[header.indexOf('2020')]).toBe('99.51');
		expect(edu01[header.indexOf('2024')]).toBe('99.6');
		expect(edu01[header.indexOf('2035')]).toBe("'=H1");
		const edu03 = table.find((r) => r[0] === '620700' && r[2] === 'EDU03' && r[5] === '实际')!;
		expect(edu03[header.indexOf('2020')]).toBe('100 (基本均衡)');
		expect(edu03[header.indexOf('2024')]).toBe('50');
		// Each region has its actual and its target rows for the nine indicators.
		expect(table.filter((r) => r[0] === '620700')).toHaveLength(18);
	});

	it('writes every figure of theirs in the long layout', () => {
		const table = buildExportTable(withCity, { regionCodes: ['620700', '620000'], layout: 'long' });
		expect(table.slice(1).map((r) => [r[2], r[5], r[6], r[7]])).toEqual([
			['EDU01', '实际', '2020', '99.51'],
			['EDU01', '实际', '2024', '99.6'],
			['EDU01', '实际', '2035', "'=H1"],
			['EDU03', '实际', '2020', '100 (基本均衡)'],
			['EDU03', '实际', '2024', '50']
		]);
	});
});
