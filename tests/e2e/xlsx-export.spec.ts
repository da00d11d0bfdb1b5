// The .xlsx export as a planner meets it: exported from 导入导出 (and the city view's report),
// then opened by a real spreadsheet program, LibreOffice Calc run headless, as the county
// office's Excel or WPS would open it: converted back to CSV (text cells quoted, so a code
// that became a number would show) and printed to PDF (page size, pages, the header).
import { expect, test, type TestInfo } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ExchangePage } from './pages/exchange-page';
import { readPdf, seedCounty } from './pages/comparison-page';

const planIndicators: { code: string; nameZh: string }[] = JSON.parse(
	readFileSync(new URL('../../seeds/indicators.json', import.meta.url), 'utf8')
).indicators;

/**
 * Runs soffice with a profile of the test's own (two runs sharing one profile lock each other
 * out) and returns the files it wrote.
 */
function soffice(testInfo: TestInfo, input: string, convertTo: string): string[] {
	const out = testInfo.outputPath(`soffice-${convertTo.split(':')[0]}`);
	mkdirSync(out, { recursive: true });
	const profile = `file://${testInfo.outputPath('soffice-profile')}`;
	const run = spawnSync(
		'soffice',
		[`-env:UserInstallation=${profile}`, '--headless', '--convert-to', convertTo, '--outdir', out, input],
		{ encoding: 'utf8', timeout: 120_000 }
	);
	expect(run.error, 'soffice runs (scripts/ensure-chromium.js installs it)').toBeUndefined();
	expect(run.status, run.stderr).toBe(0);
	return readdirSync(out).map((f) => join(out, f));
}

/**
 * One sheet (1-based) as CSV rows: UTF-8, comma-separated, cells as shown, text cells quoted.
 * LibreOffice's CSV filter options, by position: separator 44 (,), text delimiter 34 ("),
 * charset 76 (UTF-8), first line 1, cell format, language, quote all text cells, detect
 * special numbers, save as shown, formulas, trim spaces, sheet.
 */
function sheetAsCsv(testInfo: TestInfo, xlsx: string, sheet: number): { raw: string; rows: string[][] } {
	const [file] = soffice(
		testInfo,
		xlsx,
		`csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,${sheet}`
	);
	const raw = readFileSync(file!, 'utf8');
	return { raw, rows: Papa.parse<string[]>(raw.trim()).data };
}

test('a county exported as .xlsx opens in a spreadsheet program with the same figures, codes as text, on one A4 landscape page', async ({
	page
}, testInfo) => {
	await seedCounty(page, '620702', {
		EDU01: { 2020: 99, 2023: 99.3, 2024: '=G1+0.23' },
		EDU03: { 2023: true },
		EDU09: { 2020: 9.6, 2024: 10.05 }
	});
	const exchange = new ExchangePage(page);
	await exchange.open();
	await page.getByRole('radio', { name: /Excel 工作簿/ }).check();
	// A workbook is the grid layout and has no encoding: the choices give way to a hint.
	await expect(page.getByText(/Excel 工作簿按表格版式导出/)).toBeVisible();
	await expect(page.getByRole('group', { name: '编码' })).toHaveCount(0);
	await expect(page.getByRole('group', { name: '版式' })).toHaveCount(0);
	await exchange.setSender('甘州区教育局', '张三');
	await page.getByRole('checkbox', { name: /附“对照”工作表/ }).check();
	const file = await exchange.exportCounties(['甘州区']);
	expect(file.name).toMatch(/^620702-甘州区-\d{8}\.xlsx$/);
	expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
	const xlsx = testInfo.outputPath(file.name);
	writeFileSync(xlsx, file.bytes);

	// Sheet 1 is 说明: the sender and the format version.
	const about = sheetAsCsv(testInfo, xlsx, 1).rows;
	expect(about).toContainEqual(['报送单位', '甘州区教育局']);
	expect(about).toContainEqual(['填报人', '张三']);
	expect(about).toContainEqual(['格式版本', '1.2']);
	expect(about.map((r) => r[0])).toContain('✓ 已达标');

	// Sheet 2 is the county, in the CSV's grid layout.
	const county = sheetAsCsv(testInfo, xlsx, 2);
	const [header, ...rows] = county.rows;
	expect(header!.slice(0, 7)).toEqual(['地区代码', '地区', '指标代码', '指标', '单位', '类型', '2020']);
	expect(rows.map((r) => r[2])).toEqual(planIndicators.map((i) => i.code));
	// Codes are text cells (quoted), figures are numbers (not quoted).
	expect(county.raw).toContain('"620702","甘州区","EDU01","学前教育毛入园率","%","实际",99.00,');
	const edu01 = rows.find((r) => r[2] === 'EDU01')!;
	const year = (y: number) => header!.indexOf(String(y));
	expect(Number(edu01[year(2020)])).toBe(99);
	expect(Number(edu01[year(2023)])).toBe(99.3);
	// =G1+0.23 became =J2+0.23, which the spreadsheet program computes itself.
	expect(Number(edu01[year(2024)])).toBeCloseTo(99.53, 10);
	expect(rows.find((r) => r[2] === 'EDU03')![year(2023)]).toBe('是');
	const edu09 = rows.find((r) => r[2] === 'EDU09')!;
	expect([edu09[year(2020)], edu09[year(2024)]]).toEqual(['9.6', '10.05']);

	// Sheet 3 is 对照: the grid's comparisons as values, statuses with their symbols.
	const [compareHeader, ...compared] = sheetAsCsv(testInfo, xlsx, 3).rows;
	const compareEdu01 = compared.find((r) => r[2] === 'EDU01')!;
	expect(compareEdu01[compareHeader!.indexOf('2025年状态(市)')]).toBe('✓ 已达标');
	expect(Number(compareEdu01[compareHeader!.indexOf('2025年差距(市)')])).toBe(0);
	// A target with its comparator: the value as a number, the comparator as text beside it.
	const compareEdu02 = compared.find((r) => r[2] === 'EDU02')!;
	expect(Number(compareEdu02[compareHeader!.indexOf('2025年市目标')])).toBe(99);
	expect(compareEdu02[compareHeader!.indexOf('2025年市目标的比较与标准')]).toBe('>');

	// Printed: 说明, the county and 对照 on a page each, A4 landscape, the county's header on it.
	const [pdf] = soffice(testInfo, xlsx, 'pdf');
	const pages = await readPdf(readFileSync(pdf!));
	for (const p of pages) {
		expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
	}
	expect(pages).toHaveLength(3);
	const countyPage = pages[1]!.text;
	for (const h of ['地区代码', '指标代码', '2020', '2035', '备注']) expect(countyPage).toContain(h);
	for (const i of planIndicators) expect(countyPage).toContain(i.nameZh);
	writeFileSync(testInfo.outputPath('county.pdf'), readFileSync(pdf!));
});

test('the city view’s report is offered as .xlsx too, statuses with their symbols', async ({
	page
}, testInfo) => {
	await seedCounty(page, '620702', { EDU01: { 2020: 99, 2024: 99.6 } });
	await page.goto('/city');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出对照表（Excel）' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^620700-张掖市-县区对照-市2025目标-最新-\d{8}\.xlsx$/);
	await expect(page.getByRole('status')).toContainText(download.suggestedFilename());
	const xlsx = testInfo.outputPath(download.suggestedFilename());
	writeFileSync(xlsx, readFileSync(await download.path()));

	const [title, header, ...rows] = sheetAsCsv(testInfo, xlsx, 2).rows;
	expect(title![0]).toMatch(
		/^张掖市教育现代化2035主要指标县区对照表\u3000对照：市2025年目标\u3000数据：各县区最新数据/
	);
	const edu01 = rows.find((r) => r[0] === 'EDU01')!;
	expect(Number(edu01[header!.indexOf('甘州区')])).toBe(99.6);
	expect(edu01[header!.indexOf('甘州区状态')]).toBe('✓ 已达标');
});

test('a county of 600 own indicators exports as .xlsx, printed with its header on every page', async ({
	page
}, testInfo) => {
	test.setTimeout(120_000);
	// Each part of the file is far above the 160 kB from which fflate would zip in a worker
	// (blocked by the app's CSP, which would leave the export waiting for ever).
	const figures = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [2020 + i, 1000 + i]));
	const own = Array.from({ length: 600 }, (_, i) => ({
		code: `C${String(i + 1).padStart(3, '0')}`,
		nameZh: `本县自设指标第${i + 1}项`,
		unit: '人',
		figures
	}));
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/.test(m.text())) violations.push(m.text());
	});
	await seedCounty(page, '620723', {}, own);
	const exchange = new ExchangePage(page);
	await exchange.open();
	await page.getByRole('radio', { name: /Excel 工作簿/ }).check();
	const file = await exchange.exportCounties(['临泽县']);
	await expect(page.getByRole('status')).toContainText(file.name);
	const xlsx = testInfo.outputPath(file.name);
	writeFileSync(xlsx, file.bytes);

	expect(violations).toEqual([]);

	const rows = sheetAsCsv(testInfo, xlsx, 2).rows;
	expect(rows).toHaveLength(1 + 9 + 600);
	expect(rows.at(-1)!.slice(2, 8)).toEqual(['C600', '本县自设指标第600项', '人', '实际', '1000', '1001']);

	const [pdf] = soffice(testInfo, xlsx, 'pdf');
	const pages = (await readPdf(readFileSync(pdf!))).slice(1);
	expect(pages.length).toBeGreaterThan(5);
	// The header row is the print titles: on every page of the county's sheet.
	for (const p of pages) {
		expect(p.text).toContain('地区代码');
		expect(p.text).toContain('2035');
	}
});
