// Two tabs of one workbook, the history of a figure, and undo after a reload, as a planner
// meets them: two pages of one browser context share its IndexedDB and BroadcastChannel.
import { expect, test, type Page } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { HistoryPanel } from './pages/history-panel';
import { csvFile, ImportPage } from './pages/import-page';

const GANZHOU = '620702';

// Several tabs, reloads and five timed trials: more than the default on a loaded machine.
test.describe.configure({ timeout: 120_000 });

/** Resolves after `ms`: the stagger between the two tabs' edits, not a wait for a result. */
function stagger(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

async function skipNamePrompt(page: Page): Promise<void> {
	const skip = page.getByRole('button', { name: '跳过' });
	if (await skip.isVisible()) await skip.click();
}

test('two tabs editing different cells of one row 0–200 ms apart: every edit is stored and shown in both', async ({
	context
}) => {
	const a = new SheetPage(await context.newPage());
	const b = new SheetPage(await context.newPage());
	await a.openCounty(GANZHOU);
	await b.openCounty(GANZHOU);
	const trials = [
		{ row: 'EDU01', offset: 0, g: '96.1', h: '96.2' },
		{ row: 'EDU02', offset: 50, g: '95.1', h: '95.2' },
		{ row: 'EDU04', offset: 100, g: '94.1', h: '94.2' },
		{ row: 'EDU05', offset: 150, g: '93.1', h: '93.2' },
		{ row: 'EDU06', offset: 200, g: '58.1', h: '58.2' }
	];
	for (const t of trials) {
		// Each tab has its value typed into the cell's editor; the two Enters come `offset` apart.
		await a.select(t.row, 'G');
		await expect(a.page.locator('textarea.handsontableInput')).toBeFocused();
		await a.page.keyboard.type(t.g);
		await b.select(t.row, 'H');
		await expect(b.page.locator('textarea.handsontableInput')).toBeFocused();
		await b.page.keyboard.type(t.h);
		await Promise.all([
			a.page.keyboard.press('Enter'),
			stagger(t.offset).then(() => b.page.keyboard.press('Enter'))
		]);
		for (const tab of [a, b]) {
			await tab.expectCell(t.row, 'G', t.g);
			await tab.expectCell(t.row, 'H', t.h);
		}
	}
	// And stored: a fresh tab reads every one of them from the database.
	const c = new SheetPage(await context.newPage());
	await c.openCounty(GANZHOU);
	for (const t of trials) {
		await c.expectCell(t.row, 'G', t.g);
		await c.expectCell(t.row, 'H', t.h);
	}
});

test('two tabs changing the same figure: the later wins, the other tab is told and puts its own back in one click', async ({
	context
}) => {
	const a = new SheetPage(await context.newPage());
	const b = new SheetPage(await context.newPage());
	await a.openCounty(GANZHOU);
	await b.openCounty(GANZHOU);
	await a.type('EDU09', 'G', '9.6');
	await skipNamePrompt(a.page);
	await b.expectCell('EDU09', 'G', '9.6');
	await b.type('EDU09', 'G', '9.7');
	await skipNamePrompt(b.page);
	const notice = a.page.getByRole('alert').filter({ hasText: '另一个标签页把 甘州区 EDU09 2023 年' });
	await expect(notice).toContainText('9.6');
	await expect(notice).toContainText('9.7');
	await notice.getByRole('button', { name: '恢复为 9.6' }).click();
	await expect(notice).toBeHidden();
	await a.expectCell('EDU09', 'G', '9.6');
	await b.expectCell('EDU09', 'G', '9.6');
	// Putting it back replaced B's figure in turn: B is told the same way.
	await expect(b.page.getByRole('alert').filter({ hasText: 'EDU09 2023 年' })).toContainText('9.7');
});

test('the history of a figure: the line under the formula bar and 修改记录, after edits and after a reload', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	const history = new HistoryPanel(page);
	await sheet.openCounty(GANZHOU);
	await sheet.type('EDU07', 'G', '96.4');
	// No 填报人 set: the name is asked once.
	await page.getByRole('textbox', { name: '名字' }).fill('张三');
	await page.getByRole('button', { name: '确定' }).click();
	await expect(page.getByRole('textbox', { name: '名字' })).toBeHidden();
	await sheet.type('EDU07', 'G', '96.8');
	await sheet.expectSaved();
	await sheet.select('EDU07', 'G');
	await expect(history.line).toHaveText(/^上次修改：\d{4}-\d\d-\d\d \d\d:\d\d 张三 96\.4 → 96\.8$/);
	let rows = await history.open();
	expect(rows.map((r) => r.slice(1))).toEqual([
		['张三', '输入', '96.4', '96.8'],
		['未署名', '输入', '空', '96.4']
	]);
	await history.close();

	await page.reload();
	await expect(sheet.row('EDU07')).toBeVisible();
	await sheet.select('EDU07', 'G');
	await expect(history.line).toHaveText(/张三 96\.4 → 96\.8$/);
	rows = await history.open();
	expect(rows).toHaveLength(2);
	await history.close();
	// The name is not asked again.
	await expect(page.getByRole('textbox', { name: '名字' })).toBeHidden();
});

test('undo after a reload takes the last edit back; one whose figure another tab changed is refused', async ({
	context
}) => {
	const a = new SheetPage(await context.newPage());
	await a.openCounty(GANZHOU);
	await a.type('EDU08', 'G', '55');
	await a.type('EDU08', 'H', '56');
	await skipNamePrompt(a.page);
	await a.expectSaved();

	await a.page.reload();
	await expect(a.row('EDU08')).toBeVisible();
	await a.select('EDU08', 'E');
	await a.page.keyboard.press('Control+z');
	await a.expectCell('EDU08', 'H', '');
	await a.expectCell('EDU08', 'G', '55');

	// Another tab imports a new figure for G; the next undo would overwrite it, and is refused.
	const b = await context.newPage();
	await new ImportPage(b).applyFiles([
		csvFile('ganzhou.csv', ['地区代码,指标代码,类型,2023', `${GANZHOU},EDU08,实际,57`].join('\r\n'))
	]);
	await a.expectCell('EDU08', 'G', '57');
	await a.page.reload();
	await expect(a.row('EDU08')).toBeVisible();
	await a.select('EDU08', 'E');
	await a.page.keyboard.press('Control+z');
	await expect(a.page.getByRole('alert').filter({ hasText: '没有撤销' })).toContainText('57');
	await a.expectCell('EDU08', 'G', '57');
	// The history tells the whole story, the import included.
	await a.select('EDU08', 'G');
	const rows = await new HistoryPanel(a.page).open();
	expect(rows.map((r) => r.slice(2))).toEqual([
		['导入', '55', '57'],
		['输入', '空', '55']
	]);
});

test('a database written by the previous version opens in a single fresh tab, every time', async ({
	page
}) => {
	for (let attempt = 0; attempt < 6; attempt++) {
		// A page of the app's origin that does not open the workbook itself.
		await page.goto('/favicon.svg');
		await page.evaluate(async () => {
			const req0 = indexedDB.deleteDatabase('zhangye-edu2035');
			await new Promise((resolve, reject) => {
				req0.onsuccess = resolve;
				req0.onerror = reject;
			});
			// Version 2's stores as Dexie laid them out (native version 20), with one figure.
			const req = indexedDB.open('zhangye-edu2035', 20);
			req.onupgradeneeded = () => {
				const db = req.result;
				const series = db.createObjectStore('series', { keyPath: ['regionCode', 'indicatorCode', 'kind'] });
				series.createIndex('regionCode', 'regionCode');
				series.createIndex('updatedAt', 'updatedAt');
				const indicators = db.createObjectStore('indicators', { keyPath: ['regionCode', 'code'] });
				indicators.createIndex('regionCode', 'regionCode');
				db.createObjectStore('meta', { keyPath: 'key' });
				const imports = db.createObjectStore('imports', { keyPath: 'id', autoIncrement: true });
				imports.createIndex('importedAt', 'importedAt');
				series.put({
					regionCode: '620702',
					indicatorCode: 'EDU01',
					kind: 'actual',
					cells: { '2023': { t: 'n', v: 96.4 } },
					note: '',
					updatedAt: 1
				});
			};
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			db.close();
		});
		const sheet = new SheetPage(page);
		await page.goto(`/county/${GANZHOU}`);
		await expect(sheet.row('EDU01')).toBeVisible();
		await sheet.expectCell('EDU01', 'G', '96.4');
		await expect(page.getByText('占用')).toHaveCount(0);
	}
});
