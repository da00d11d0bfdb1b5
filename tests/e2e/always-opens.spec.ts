import { expect, test, type Page } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { ComparisonPage } from './pages/comparison-page';
import { CityPage } from './pages/city-page';
import { ExchangePage } from './pages/exchange-page';

// Formulas an older version let in from a CSV, and a record no schema accepts, written
// straight into the browser's database: every page must still open and name the cells.
const DEEP = `=${'('.repeat(500)}1${')'.repeat(500)}`;

async function poison(page: Page): Promise<void> {
	// A page that shows figures opens (creates, upgrades and seeds) the database before its
	// heading shows; the start page reads its cards without it and opens it only later.
	await page.goto('/safety');
	await expect(page.getByRole('heading', { name: '数据安全', level: 1 })).toBeVisible();
	await page.evaluate(async (deep) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('zhangye-edu2035');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const tx = db.transaction('series', 'readwrite');
		const store = tx.objectStore('series');
		const row = (indicatorCode: string, cells: Record<string, unknown>) => ({
			regionCode: '620702',
			indicatorCode,
			kind: 'actual',
			cells,
			note: '',
			updatedAt: Date.now()
		});
		store.put(row('EDU01', { '2020': { t: 'n', v: 99 }, '2021': { t: 'f', f: deep } }));
		store.put(row('EDU04', { '2022': { t: 'f', f: '=SEQUENCE(1000,1000)' }, '2023': { t: 'n', v: 91 } }));
		store.put(row('EDU05', { '2023': { t: 'n', v: 'not a figure' }, '2024': { t: 'n', v: 60 } }));
		await new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, DEEP);
}

async function expectProblemsListed(page: Page): Promise<void> {
	const list = page.getByRole('region', { name: /需要处理的单元格/ });
	await expect(list).toBeVisible();
	await expect(list.getByRole('heading')).toHaveText('需要处理的单元格（3）');
	await expect(list.getByText(/甘州区 · EDU01 .* · 2021/)).toBeVisible();
	await expect(list.getByText(/甘州区 · EDU04 .* · 2022/)).toBeVisible();
	await expect(list.getByText(/甘州区 · EDU05 .* · 2023/)).toBeVisible();
	await expect(list.getByText('公式嵌套超过 64 层')).toBeVisible();
}

test('a workbook holding a poisoned formula opens every page and names the cells', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await poison(page);
	await page.reload();
	await expectProblemsListed(page);

	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await expectProblemsListed(page);
	await sheet.expectCell('EDU01', 'E', '#ERROR!');
	await sheet.expectCell('EDU04', 'F', '#ERROR!');
	await sheet.expectCell('EDU04', 'G', '91');
	await sheet.expectCell('EDU05', 'H', '60');
	await expect(await sheet.cell('EDU01', 'E')).toHaveAttribute('title', /嵌套超过 64 层.*原公式未被改动/);

	await new ComparisonPage(page).open('620702');
	await expectProblemsListed(page);
	await new CityPage(page).open();
	await expectProblemsListed(page);
	await sheet.openCityFigures();
	await expectProblemsListed(page);
	await sheet.openTargets();
	await expectProblemsListed(page);
	await new ExchangePage(page).open();
	await expectProblemsListed(page);
	expect(errors).toEqual([]);
});

test('the listed cell opens from its link and is cleared with one click; other figures stay', async ({
	page
}) => {
	await poison(page);
	await page.reload();
	const list = page.getByRole('region', { name: /需要处理的单元格/ });
	await list
		.getByRole('listitem')
		.filter({ hasText: 'EDU01' })
		.getByRole('link', { name: '打开单元格' })
		.click();
	const sheet = new SheetPage(page);
	await expect(page).toHaveURL(/\/county\/620702\?cell=EDU01%3A2021/);
	await expect(sheet.nameBox).toHaveValue(/E1$/);
	// The formula bar shows the formula as stored, to be fixed there.
	await expect(sheet.formulaBar).toHaveValue(DEEP);
	await list.getByRole('listitem').filter({ hasText: 'EDU01' }).getByRole('button', { name: '清除' }).click();
	await expect(list.getByRole('heading')).toHaveText('需要处理的单元格（2）');
	await sheet.expectCell('EDU01', 'E', '');
	await sheet.expectCell('EDU01', 'D', '99');
	// The rest can be typed over: a figure in place of the spilling formula.
	await sheet.type('EDU04', 'F', '90.5');
	await sheet.expectSaved();
	await page.reload();
	await expect(list.getByRole('heading')).toHaveText('需要处理的单元格（1）');
	await sheet.expectCell('EDU04', 'F', '90.5');
	await sheet.expectCell('EDU01', 'D', '99');
});

test('typing a formula past the limits is refused with a message naming the cell', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU02', 'E', '=SEQUENCE(1000,1000)');
	await expect(page.getByRole('alert')).toContainText(/第 2 行.*2021.*超出工作表的大小/);
	await sheet.expectCell('EDU02', 'E', '');
});
