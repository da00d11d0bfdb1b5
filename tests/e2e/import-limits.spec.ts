// One door for every figure, through the file picker: a CSV holding a broken formula, a
// formula spilling past the sheet and a note over the limit shows each as a refused row,
// named by row and column with what to do; applying the rest stores nothing of them.
import { expect, test, type Page } from '@playwright/test';
import { ExchangePage, csvFile } from './pages/exchange-page';

/** The stored series of one county, as IndexedDB holds them. */
async function storedSeries(page: Page, region: string): Promise<Record<string, unknown>[]> {
	return page.evaluate(async (regionCode) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('zhangye-edu2035');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
			const req = db.transaction('series').objectStore('series').getAll();
			req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
			req.onerror = () => reject(req.error);
		});
		db.close();
		return rows.filter((r) => r.regionCode === regionCode);
	}, region);
}

test('a broken formula, a spill past the sheet and a 2,001-character note are refused rows; nothing of them is stored', async ({
	page
}) => {
	const exchange = new ExchangePage(page);
	await exchange.open();
	const csv = [
		'地区代码,地区,指标代码,指标,单位,类型,2022,2023,备注',
		'620702,甘州区,EDU01,学前教育毛入园率,%,实际,=SUM(D1,99.1,',
		'620702,甘州区,EDU02,九年义务教育巩固率,%,实际,"=SEQUENCE(1000,1000)",98,',
		`620702,甘州区,EDU04,高中阶段毛入学率,%,实际,96,97,${'注'.repeat(2001)}`,
		'620702,甘州区,EDU05,高等教育毛入学率,%,实际,55.5,=F5+1,据统计年报'
	].join('\r\n');
	await exchange.pick([csvFile('limits.csv', csv)]);

	await expect(page.getByRole('heading', { name: '不导入的行（3 行）' })).toBeVisible();
	const refused = page
		.getByRole('table')
		.filter({ has: page.getByRole('columnheader', { name: '原因' }) })
		.first();
	const rows = refused.getByRole('row');
	await expect(rows.nth(1)).toContainText('2');
	await expect(rows.nth(1)).toContainText('2022');
	await expect(rows.nth(1)).toContainText('公式“=SUM(D1”有语法错误');
	await expect(rows.nth(2)).toContainText('3');
	await expect(rows.nth(2)).toContainText('2022');
	await expect(rows.nth(2)).toContainText('数组');
	await expect(rows.nth(3)).toContainText('4');
	await expect(rows.nth(3)).toContainText('备注');
	await expect(rows.nth(3)).toContainText('备注有 2001 个字符，超过 2000 个');
	// No exception text anywhere on the page.
	await expect(page.getByText(/ZodError|RangeError|Error:/)).toHaveCount(0);

	await exchange.apply();
	const stored = await storedSeries(page, '620702');
	const byCode = new Map(stored.map((s) => [s.indicatorCode, s]));
	expect(byCode.get('EDU05')).toMatchObject({
		cells: { '2022': { t: 'n', v: 55.5 }, '2023': { t: 'f', f: '=F5+1' } },
		note: '据统计年报'
	});
	for (const code of ['EDU01', 'EDU02', 'EDU04']) {
		const cells = (byCode.get(code)?.cells ?? {}) as Record<string, unknown>;
		expect(cells['2022'], code).toBeUndefined();
		expect(cells['2023'], code).toBeUndefined();
		expect(String(byCode.get(code)?.note ?? '')).not.toContain('注注');
	}
});
