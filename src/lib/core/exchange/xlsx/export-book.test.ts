import { describe, expect, it } from 'vitest';
import { buildCityViewBook, buildExportBook, type BookExportOptions } from './export-book';
import { buildExportTable } from '../export';
import type { WorkbookSnapshot } from '../snapshot';
import { ABOUT_SHEET, COMPARISON_SHEET, type BookCell, type BookSheet } from './book';
import { FORMAT_VERSION } from '../contract';
import { sheetAddressToGrid } from './formula-address';

const GANZHOU = '620702';
const series = (
	regionCode: string,
	indicatorCode: string,
	cells: WorkbookSnapshot['series'][number]['cells'],
	extra: Partial<WorkbookSnapshot['series'][number]> = {}
): WorkbookSnapshot['series'][number] => ({
	regionCode,
	indicatorCode,
	kind: 'actual',
	cells,
	note: '',
	updatedAt: 1,
	...extra
});

const snapshot: WorkbookSnapshot = {
	series: [
		series(
			GANZHOU,
			'EDU01',
			{
				'2020': { t: 'n', v: 99 },
				'2023': { t: 'n', v: 99.535 },
				'2024': { t: 'f', f: '=G1+0.1' },
				'2025': { t: 'f', f: "=F1-'目标'!F1" },
				'2026': { t: 'f', f: '=AVERAGE(D1:F1)' },
				'2027': { t: 'f', f: '=D1/0' }
			},
			{ note: '=来自年报', notes: { '2023': '初稿' } }
		),
		series(GANZHOU, 'EDU03', { '2021': { t: 'b', v: true }, '2022': { t: 'b', v: false } }),
		series(GANZHOU, 'EDU09', { '2020': { t: 'n', v: 10.5 } }),
		series('620700', 'EDU01', { '2025': { t: 'n', v: 99, cmp: '>' } }, { kind: 'target' }),
		series('620700', 'EDU03', { '2025': { t: 'n', v: 50, q: '优质均衡' } }, { kind: 'target' })
	],
	ownIndicators: []
};

const formulaValue: BookExportOptions['formulaValue'] = (region, code, year) => {
	if (region !== GANZHOU || code !== 'EDU01') return null;
	return { 2024: 0.1 + 99.2, 2025: -0.465, 2026: 33, 2027: { error: '#DIV/0!' } }[year] ?? null;
};

const options: BookExportOptions = {
	regionCodes: [GANZHOU, '620700'],
	exportedAt: new Date(2026, 10, 29, 10, 32),
	sender: { unit: '甘州区教育局', name: '张三' },
	formulaValue
};

function sheet(name: string, book = buildExportBook(snapshot, options)): BookSheet {
	const s = book.sheets.find((x) => x.name === name);
	if (!s) throw new Error(`no sheet ${name}`);
	return s;
}

const text = (cell: BookCell | undefined) => (cell?.t === 'text' ? cell.v : null);

describe('the exported workbook', () => {
	it('has 说明 first, then a sheet per region by its Chinese name, then 公式 for its formulas', () => {
		const book = buildExportBook(snapshot, options);
		expect(book.sheets.map((s) => s.name)).toEqual([ABOUT_SHEET, '甘州区', '张掖市', '公式']);
	});

	it('writes each region in the CSV grid layout: the same header on row 1, the same text cells', () => {
		const table = buildExportTable(snapshot, { regionCodes: [GANZHOU], layout: 'grid' });
		const s = sheet('甘州区');
		expect(s.rows[0]!.map(text)).toEqual(table[0]);
		expect(s.rows).toHaveLength(table.length);
		expect(s.headerRows).toBe(1);
		// Outside the year columns every cell is the CSV's text: codes stay 620702 and EDU01.
		s.rows.forEach((row, r) => {
			row.forEach((cell, c) => {
				if (c >= 6 && c < 22) return;
				expect(cell === null ? '' : text(cell), `row ${r} col ${c}`).toBe(table[r]![c]);
			});
		});
		expect(s.rows[1]!.slice(0, 3)).toEqual([
			{ t: 'text', v: '620702' },
			{ t: 'text', v: '甘州区' },
			{ t: 'text', v: 'EDU01' }
		]);
	});

	it('writes plain figures as numbers with the indicator’s decimals, or their own when more', () => {
		const s = sheet('甘州区');
		expect(s.rows[1]![6]).toEqual({ t: 'number', v: 99, format: '0.00' });
		expect(s.rows[1]![9]).toEqual({ t: 'number', v: 99.535, format: '0.000' });
		const edu09 = s.rows.find((r) => text(r[2]) === 'EDU09')!;
		expect(edu09[6]).toEqual({ t: 'number', v: 10.5, format: '0.0' });
	});

	it('writes 是/否, comparators and qualifiers as the text the CSV writes', () => {
		const edu03 = sheet('甘州区').rows.find((r) => text(r[2]) === 'EDU03')!;
		expect(edu03.slice(7, 9)).toEqual([
			{ t: 'text', v: '是' },
			{ t: 'text', v: '否' }
		]);
		const city = sheet('张掖市');
		const target = (code: string) => city.rows.find((r) => text(r[2]) === code && text(r[5]) === '目标')!;
		expect(target('EDU01')[11]).toEqual({ t: 'text', v: '>99' });
		expect(target('EDU03')[11]).toEqual({ t: 'text', v: '50 (优质均衡)' });
	});

	it('writes a formula in the sheet’s addresses with its value, else its value', () => {
		const row = sheet('甘州区').rows[1]!;
		expect(row[10]).toEqual({ t: 'formula', f: '=J2+0.1', v: 99.3, format: '0.00' });
		expect(sheetAddressToGrid('=J2+0.1', { yearColumn: 6, rows: [2] })).toBe('=G1+0.1');
		// A reference to the targets sheet has no address in the file: the value instead.
		expect(row[11]).toEqual({ t: 'number', v: -0.465, format: '0.00' });
		expect(row[12]).toEqual({ t: 'formula', f: '=AVERAGE(G2:I2)', v: 33, format: '0.00' });
		expect(row[13]).toEqual({ t: 'formula', f: '=G2/0', v: '#DIV/0!', format: '0.00' });
	});

	it('writes notes as text, guarded as in the CSV', () => {
		const s = sheet('甘州区');
		const header = s.rows[0]!.map(text);
		expect(s.rows[1]![header.indexOf('备注')]).toEqual({ t: 'text', v: "'=来自年报" });
		expect(s.rows[1]![header.indexOf('2023批注')]).toEqual({ t: 'text', v: '初稿' });
	});

	it('says on 说明 what the workbook is, from whom, and the key to the statuses', () => {
		const rows = sheet(ABOUT_SHEET).rows.map((r) => r.map(text));
		expect(rows).toContainEqual(['导出时间', '2026-11-29 10:32']);
		expect(rows).toContainEqual(['报送单位', '甘州区教育局']);
		expect(rows).toContainEqual(['填报人', '张三']);
		expect(rows).toContainEqual(['格式版本', FORMAT_VERSION]);
		expect(rows.map((r) => r[0])).toEqual(
			expect.arrayContaining(['✓ 已达标', '↗ 按进度', '↘ 滞后', '— 数据不足'])
		);
		expect(rows.some((r) => r[0] === '公式')).toBe(true);
	});

	it('adds 对照 after the regions for the comparison option: numbers as numbers, statuses with symbols', () => {
		const values: Record<string, (string | number)[]> = {
			EDU01: ['99.53', 0.005, '已达标'],
			EDU02: ['>99', -0.4, '滞后'],
			EDU03: ['50 (优质均衡)', '', '数据不足']
		};
		const book = buildExportBook(snapshot, {
			...options,
			comparisons: {
				headers: ['2025年市目标', '2025年差距(市)', '2025年状态(市)'],
				values: (region, code) => (region === GANZHOU ? (values[code] ?? null) : null)
			}
		});
		// 公式 (for the import) follows it: the snapshot holds a formula.
		expect(book.sheets.slice(-2).map((s) => s.name)).toEqual([COMPARISON_SHEET, '公式']);
		const rows = sheet(COMPARISON_SHEET, book).rows;
		expect(rows[0]!.map(text)).toEqual([
			'地区代码',
			'地区',
			'指标代码',
			'指标',
			'单位',
			'2025年市目标',
			'2025年市目标的比较与标准',
			'2025年差距(市)',
			'2025年状态(市)'
		]);
		expect(rows).toHaveLength(4);
		expect(rows[1]!.slice(5)).toEqual([
			{ t: 'number', v: 99.53, format: '0.00' },
			null,
			{ t: 'number', v: 0.005, format: '0.000' },
			{ t: 'text', v: '✓ 已达标' }
		]);
		// A target keeps its comparator and standard as text beside its value.
		expect(rows[2]!.slice(5, 7)).toEqual([
			{ t: 'number', v: 99, format: '0.00' },
			{ t: 'text', v: '>' }
		]);
		expect(rows[3]!.slice(5, 7)).toMatchObject([
			{ t: 'number', v: 50 },
			{ t: 'text', v: '优质均衡' }
		]);
	});

	it('makes columns wide enough for Chinese names, a CJK character counting two', () => {
		const s = sheet('甘州区');
		// 义务教育专任教师中本科以上学历比例: 17 characters.
		expect(s.widths![3]).toBeGreaterThanOrEqual(34);
		expect(s.widths![0]).toBeGreaterThanOrEqual(8);
	});
});

describe('the city view’s report as a workbook', () => {
	it('keeps the settings line and header above numbers and statuses with symbols', () => {
		const book = buildCityViewBook(
			[
				['张掖市教育现代化2035主要指标县区对照表', '对照：市2025年目标'],
				['指标代码', '指标', '目标', '甘州区', '甘州区年份', '甘州区状态'],
				['EDU01', '学前教育毛入园率', '>99', '99.6', '2024', '已达标']
			],
			{ exportedAt: new Date(2026, 0, 2), sender: { unit: '', name: '' }, sheetName: '县区对照' }
		);
		expect(book.sheets.map((s) => s.name)).toEqual([ABOUT_SHEET, '县区对照']);
		const s = book.sheets[1]!;
		expect(s.headerRows).toBe(2);
		expect(s.rows[0]).toEqual([
			{ t: 'text', v: '张掖市教育现代化2035主要指标县区对照表　对照：市2025年目标' }
		]);
		expect(s.wrapRows).toEqual([1]);
		expect(s.rows[2]).toEqual([
			{ t: 'text', v: 'EDU01' },
			{ t: 'text', v: '学前教育毛入园率' },
			{ t: 'text', v: '>99' },
			{ t: 'number', v: 99.6, format: '0.0' },
			{ t: 'number', v: 2024, format: '0' },
			{ t: 'text', v: '✓ 已达标' }
		]);
	});
});

describe('own indicators and the city’s sheet', () => {
	it('carry the 方向 column as the CSV does, and the city’s formulas skip its target rows', () => {
		const own: WorkbookSnapshot = {
			series: [
				series(GANZHOU, 'C01', { '2021': { t: 'n', v: 12 } }),
				series('620700', 'EDU01', { '2020': { t: 'n', v: 99 }, '2021': { t: 'f', f: '=D1+D2' } }),
				series('620700', 'EDU02', { '2020': { t: 'n', v: 98 } })
			],
			ownIndicators: [
				{
					regionCode: GANZHOU,
					code: 'C01',
					nameZh: '-辍学人数',
					nameEn: '',
					unit: '人',
					direction: 'lower',
					precision: 0,
					countyMeasure: 'value',
					order: 0,
					updatedAt: 0
				}
			]
		};
		const book = buildExportBook(own, { ...options, formulaValue: () => 197 });
		const county = sheet('甘州区', book);
		const header = county.rows[0]!.map(text);
		expect(header).toEqual(buildExportTable(own, { regionCodes: [GANZHOU], layout: 'grid' })[0]);
		const c01 = county.rows.find((r) => text(r[2]) === 'C01')!;
		expect(c01[3]).toEqual({ t: 'text', v: "'-辍学人数" });
		expect(c01[7]).toEqual({ t: 'number', v: 12, format: '0' });
		expect(c01[header.indexOf('方向')]).toEqual({ t: 'text', v: '越低越好' });
		// The city's sheet has a target row under each figure row: D2 (EDU02) is its row 4.
		const city = sheet('张掖市', book);
		expect(city.rows[1]![7]).toEqual({ t: 'formula', f: '=G2+G4', v: 197, format: '0.00' });
	});
});
