// The .xlsx export of a real workbook (fake-indexeddb) with the real formula engine: a
// formula's cached value is the engine's, and the comparison sheet holds the grid's values.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import readExcelFile from 'read-excel-file/universal';
import { strFromU8, unzipSync } from 'fflate';
import { Workbook } from './workbook.svelte';
import { closeAndDelete } from './test-workbooks';
import { reloadEngine } from './engine-session';
import { exportName, exportWorkbook, XLSX_MIME } from './export-file';

const GANZHOU = '620702';
const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

type Sheets = { sheet: string; data: unknown[][] }[];

describe('exporting a workbook as .xlsx', () => {
	it('writes the engine’s values for formulas and the grid’s comparisons on 对照', async () => {
		const workbook = new Workbook();
		opened.push(workbook);
		await workbook.open();
		const figure = (year: number, v: number) => ({
			regionCode: GANZHOU,
			indicatorCode: 'EDU01',
			kind: 'actual' as const,
			year,
			after: { t: 'n' as const, v }
		});
		await workbook.writeCells(
			[
				figure(2020, 99),
				figure(2023, 99.3),
				{ ...figure(2024, 0), after: { t: 'f', f: '=G1+0.3' } },
				{ ...figure(2026, 0), after: { t: 'f', f: "=H1-'目标'!F1" } }
			],
			'input'
		);
		reloadEngine(workbook, 'zh');
		const date = new Date(2026, 10, 29, 10, 32);
		const file = await exportWorkbook(
			workbook,
			{
				regionCodes: [GANZHOU],
				layout: 'long',
				format: 'xlsx',
				encoding: 'utf-8-bom',
				withComparisons: true,
				sender: { unit: '甘州区教育局', name: '' }
			},
			'zh',
			date
		);
		expect(file.name).toBe('620702-甘州区-20261129.xlsx');
		expect(file.mime).toBe(XLSX_MIME);

		const sheets = (await readExcelFile(file.bytes.buffer as ArrayBuffer)) as Sheets;
		expect(sheets.map((s) => s.sheet)).toEqual(['说明', '甘州区', '对照', '公式']);
		const county = sheets[1]!.data;
		expect(county[1]!.slice(0, 6)).toEqual(['620702', '甘州区', 'EDU01', '学前教育毛入园率', '%', '实际']);
		expect(county[1]![6]).toBe(99);
		expect(county[1]![9]).toBe(99.3);
		// =G1+0.3 is a formula of the sheet's own cells, with the engine's value cached.
		expect(county[1]![10]).toBe(99.6);
		const xml = strFromU8(unzipSync(file.bytes)['xl/worksheets/sheet2.xml']!);
		expect(xml).toMatch(/<c r="K2"[^>]*><f>J2\+0.3<\/f><v>99.6<\/v><\/c>/);
		// 2026 reads the targets sheet: its value, 99.6 − 99.53 (the city's 2025 target).
		expect(county[1]![12]).toBeCloseTo(0.07, 10);
		expect(xml).not.toContain('目标');

		const comparison = sheets[2]!.data;
		const header = comparison[0] as string[];
		const edu01 = comparison.find((r) => r[2] === 'EDU01')!;
		expect(edu01[header.indexOf('2025年状态(市)')]).toBe('✓ 已达标');
		expect(edu01[header.indexOf('2025年差距(市)')]).toBeCloseTo(0.07, 10);
	});

	it('names the file .xlsx, the layout being always the grid', () => {
		const date = new Date(2026, 2, 15);
		expect(exportName({ regionCodes: [GANZHOU], layout: 'long', format: 'xlsx' }, date)).toBe(
			'620702-甘州区-20260315.xlsx'
		);
		expect(exportName({ regionCodes: [GANZHOU], layout: 'long' }, date)).toBe(
			'620702-甘州区-明细-20260315.csv'
		);
	});
});
