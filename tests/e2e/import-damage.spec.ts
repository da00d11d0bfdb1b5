// Files that used to damage the workbook without a word (issue 12 pt 2): an unquoted `99,5`
// moved a row's figures one year right, and one unclosed quote swallowed the next nine rows
// into a note. Now the damaged row is refused by its number in the preview, the rest of the
// file imports, and the refused row's record is exactly as it was.
import { expect, test, type Page } from '@playwright/test';
import { ExchangePage, csvFile, refusedRows } from './pages/exchange-page';
import { SheetPage } from './pages/sheet-page';

const HEADER = '地区代码,地区,指标代码,指标,单位,类型,2020,2021,2022,2023,2024,2025,备注';

/** One stored series record, as IndexedDB holds it, without the time it was written. */
async function storedSeries(page: Page, indicatorCode: string): Promise<unknown> {
	return page.evaluate(async (code) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('zhangye-edu2035');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const row = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
			const req = db.transaction('series').objectStore('series').get(['620702', code, 'actual']);
			req.onsuccess = () => resolve(req.result as Record<string, unknown> | undefined);
			req.onerror = () => reject(req.error);
		});
		db.close();
		if (!row) return null;
		const { updatedAt: _, ...rest } = row;
		return rest;
	}, indicatorCode);
}

async function withStoredFigure(page: Page): Promise<unknown> {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'D', '95.1');
	await sheet.expectSaved();
	const before = await storedSeries(page, 'EDU01');
	expect(before).toMatchObject({ cells: { '2020': { t: 'n', v: 95.1 } } });
	return before;
}

test('an unquoted 99,5 refuses its row by number, and the row’s record is unchanged', async ({ page }) => {
	const before = await withStoredFigure(page);
	const exchange = new ExchangePage(page);
	await exchange.open();
	await exchange.pick([
		csvFile(
			'shifted.csv',
			[
				HEADER,
				'620702,甘州区,EDU01,学前教育毛入园率,%,实际,99,5,96,97,98,=F2,,',
				'620702,甘州区,EDU04,高中阶段毛入学率,%,实际,97.2,,,,,,'
			].join('\r\n')
		)
	]);
	const refused = refusedRows(page);
	await expect(refused.heading).toHaveText('不导入的行（1 行）');
	const first = refused.table.getByRole('row').nth(1);
	await expect(first.getByRole('cell').first()).toHaveText('2');
	await expect(first).toContainText('“99,5”很可能是一个数字中的逗号');
	await expect(page.getByRole('button', { name: '应用导入（新增 1 项，修改 0 项）' })).toBeVisible();

	await exchange.apply();
	expect(await storedSeries(page, 'EDU01')).toEqual(before);
	expect(await storedSeries(page, 'EDU04')).toMatchObject({ cells: { '2020': { t: 'n', v: 97.2 } } });
});

test('an unclosed quote refuses its row by number; the nine rows after it import as rows', async ({
	page
}) => {
	const before = await withStoredFigure(page);
	const exchange = new ExchangePage(page);
	await exchange.open();
	const nine = ['EDU02', 'EDU04', 'EDU05', 'EDU06', 'EDU07', 'EDU08', 'EDU09'].map(
		(code) => `620702,甘州区,${code},,%,实际,97.5,,,,,,`
	);
	nine.push('620723,临泽县,EDU01,,%,实际,97.5,,,,,,', '620723,临泽县,EDU02,,%,实际,97.5,,,,,,');
	await exchange.pick([
		csvFile(
			'quote.csv',
			[HEADER, '620702,甘州区,EDU01,学前教育毛入园率,%,实际,99.6,,,,,,"据统计年报', ...nine].join('\r\n')
		)
	]);
	const refused = refusedRows(page);
	await expect(refused.heading).toHaveText('不导入的行（1 行）');
	const first = refused.table.getByRole('row').nth(1);
	await expect(first.getByRole('cell').first()).toHaveText('2');
	await expect(first.getByRole('cell').nth(1)).toHaveText('备注');
	await expect(first).toContainText('引号没有配对');
	// Papaparse's own words never reach the page.
	await expect(page.getByText(/Quoted field|unterminated/i)).toHaveCount(0);
	await expect(page.getByRole('button', { name: '应用导入（新增 9 项，修改 0 项）' })).toBeVisible();

	await exchange.apply();
	expect(await storedSeries(page, 'EDU01')).toEqual(before);
	expect(await storedSeries(page, 'EDU09')).toMatchObject({
		cells: { '2020': { t: 'n', v: 97.5 } },
		note: ''
	});
});
