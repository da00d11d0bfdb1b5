// An Excel workbook imported as a planner does it: picked in 导入导出, previewed with the
// same counts and refusals as a CSV, a sheet chosen when several have the header, applied,
// shown in the county's grid, undone.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/universal';
import { SheetPage } from './pages/sheet-page';
import { ImportPage, type FileToPick } from './pages/import-page';
import { COUNTIES, ExchangePage } from './pages/exchange-page';
import { seedCounty } from './pages/comparison-page';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIXTURES = new URL('../../src/lib/core/exchange/xlsx/fixtures/', import.meta.url);

function fixture(name: string): FileToPick {
	return { name, mimeType: XLSX, buffer: readFileSync(new URL(name, FIXTURES)) };
}

const HEADER = ['地区代码', '地区', '指标代码', '指标', '单位', '类型', '2022', '2023'];

/** A workbook made in Node with write-excel-file: one sheet per [name, rows]. */
async function workbook(name: string, sheets: [string, (string | number)[][]][]): Promise<FileToPick> {
	const cell = (v: string | number) =>
		typeof v === 'number' ? { type: Number, value: v } : { type: String, value: v };
	const blob = await writeXlsxFile(
		sheets.map(([sheet, rows]) => ({ sheet, data: rows.map((r) => r.map(cell)) }))
	).toBlob();
	return { name, mimeType: XLSX, buffer: Buffer.from(await blob.arrayBuffer()) };
}

test('our CSV saved as .xlsx by a spreadsheet imports, shows in the grid and undoes', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	const imports = new ImportPage(await page.context().newPage());
	await imports.importFiles([fixture('ganzhou-export.xlsx')]);
	await imports.waitForPreview();
	const preview = imports.page;
	await expect(preview.getByRole('cell', { name: 'ganzhou-export.xlsx' })).toBeVisible();
	await expect(preview.getByText('工作表“ganzhou-export”')).toBeVisible();
	// The sender and time come from the metadata row the CSV carried, now cells of the sheet.
	await expect(preview.getByText(/甘州区教育局/).first()).toBeVisible();
	// 14 figures and one note on a figure (批注), which counts as a change.
	await expect(imports.applyButton).toHaveText('应用导入（新增 14 项，修改 1 项）');
	await imports.apply();

	await sheet.expectCell('EDU01', 'G', '96.4');
	await sheet.expectCell('EDU02', 'D', '99.53');
	// =AVERAGE(D4:F4) came back a formula, and computes: (88 + 90.25) / 2.
	await sheet.expectCell('EDU04', 'G', '89.125');

	await imports.undo();
	await sheet.expectCell('EDU01', 'G', '');
});

test('a date and a formula error where figures belong are refused by row and column, by name', async ({
	page
}) => {
	const imports = new ImportPage(page);
	await imports.importFiles([fixture('linze-hostile.xlsx')]);
	await expect(imports.refusedHeading).toHaveText('不导入的行（2 行）');
	const refused = await imports.refusedRows();
	expect(refused.map(([row, column]) => [row, column])).toEqual([
		['2', '2023'],
		['3', '2023']
	]);
	expect(refused[0]![2]).toContain('“2023-05-01”在 Excel 中是日期，不是数值');
	expect(refused[1]![2]).toContain('公式出错（#DIV/0!）');
	await expect(imports.applyButton).toHaveText(/^应用导入（新增 3 项/);
});

test('a workbook with several sheets with the header: the first is read, another or all can be picked', async ({
	page
}) => {
	const book = await workbook('两县.xlsx', [
		['封面', [['两县 2023 年数据']]],
		['甘州区', [HEADER, [620702, '甘州区', 'EDU01', '学前教育毛入园率', '%', '实际', 95.8, 96.4]]],
		[
			'临泽县',
			[
				HEADER,
				[620723, '临泽县', 'EDU01', '学前教育毛入园率', '%', '实际', 91, 92],
				[620723, '临泽县', 'EDU02', '九年义务教育巩固率', '%', '实际', 98, 99]
			]
		]
	]);
	const imports = new ImportPage(page);
	await imports.importFiles([book]);
	const picker = page.getByRole('combobox', { name: '两县.xlsx 读取的工作表' });
	await expect(picker).toHaveValue('甘州区');
	await expect(imports.applyButton).toHaveText('应用导入（新增 2 项，修改 0 项）');

	await picker.selectOption({ label: '临泽县' });
	await expect(imports.applyButton).toHaveText('应用导入（新增 4 项，修改 0 项）');
	await expect(page.getByRole('cell', { name: '两县.xlsx · 临泽县' })).toBeVisible();

	await picker.selectOption({ label: '全部工作表（2 个）' });
	await expect(imports.applyButton).toHaveText('应用导入（新增 6 项，修改 0 项）');
	await imports.apply();
	const sheet = new SheetPage(page);
	await sheet.openCounty('620723');
	await sheet.expectCell('EDU02', 'G', '99');
});

test('the city imports the six counties’ .xlsx exports in one preview, and applies them as one', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	// Each county's office: its figures (and one formula), exported as .xlsx from 导入导出.
	const counties = COUNTIES;
	for (const [i, [code]] of counties.entries()) {
		await seedCounty(page, code, {
			EDU01: { 2022: 95 + i / 10, 2023: 96 + i / 10 },
			EDU04: { 2023: 90 + i, 2024: '=G4+0.5' }
		});
	}
	const exchange = new ExchangePage(page);
	await exchange.open();
	await page.getByRole('radio', { name: /Excel 工作簿/ }).check();
	const files: FileToPick[] = [];
	for (const [, name] of counties) {
		const file = await exchange.exportCounties([name]);
		await page.getByRole('checkbox', { name }).uncheck();
		files.push({ name: file.name, mimeType: XLSX, buffer: file.bytes });
	}
	expect(files.map((f) => f.name.split('-')[0])).toEqual(counties.map(([code]) => code));

	// The city bureau's browser, empty: all six files picked at once.
	const city = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
	const cityPage = await city.newPage();
	const imports = new ImportPage(cityPage);
	await imports.importFiles(files);
	await imports.waitForPreview();
	for (const [, name] of counties) expect(await imports.count(name, '新增')).toBe(4);
	await expect(imports.applyButton).toHaveText('应用导入（新增 24 项，修改 0 项）');
	await imports.apply();

	const sheet = new SheetPage(cityPage);
	await sheet.openCounty('620725');
	await sheet.expectCell('EDU01', 'G', '96.5');
	// The county's formula came back a formula, and computes in the city's browser.
	await sheet.expectCell('EDU04', 'H', '95.5');
	await city.close();
});
