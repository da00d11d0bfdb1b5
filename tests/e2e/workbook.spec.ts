import { expect, test } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';

// Targets sheet columns: D/E = city 2020 baseline and its qualifier, F/G/H = city 2025
// target, comparator, qualifier; I/J/K = city 2035; L… the same for the province.

test('a target edited on the targets page changes every county comparison, and persists', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'D', '99.5');
	await sheet.type('EDU01', 'H', '99.6');
	await sheet.expectCell('EDU01', 'Y', '✓ 已达标');
	await sheet.expectSaved();

	await page.getByRole('link', { name: '市、省目标' }).click();
	await expect(page.getByRole('heading', { name: '市、省基线与目标' })).toBeVisible();
	await sheet.expectCell('EDU01', 'F', '99.53');
	await sheet.expectCell('EDU02', 'G', '>');
	await sheet.expectCell('EDU03', 'H', '优质均衡');
	await sheet.type('EDU01', 'F', '99.7');
	await sheet.expectCell('EDU01', 'F', '99.7');
	await sheet.expectSaved();

	// Back to the county without reloading the page: the status has changed.
	await page.getByRole('link', { name: '县区' }).click();
	await page.getByRole('link', { name: '打开甘州区工作表' }).click();
	await sheet.expectCell('EDU01', 'U', '99.7');
	// Below the path 99.5 (2020) → 99.7 (2025), which stands at 99.66 in 2024.
	await sheet.expectCell('EDU01', 'Y', '↘ 滞后');
	await sheet.expectCell('EDU01', 'W', '−0.10');

	await page.reload();
	await sheet.expectCell('EDU01', 'Y', '↘ 滞后');
});

test('a target typed with > sets its comparator; a bad comparator is refused', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openTargets();
	await sheet.type('EDU04', 'F', '>97');
	await sheet.expectCell('EDU04', 'F', '97');
	await sheet.expectCell('EDU04', 'G', '>');
	await sheet.type('EDU04', 'G', '<');
	await expect(page.getByRole('alert')).toContainText('比较符只能是');
	await sheet.expectSaved();

	await sheet.openCounty('620723');
	await sheet.type('EDU04', 'D', '95');
	await sheet.type('EDU04', 'H', '97');
	await sheet.expectCell('EDU04', 'U', '>97');
	// 97 does not meet >97; it is above the path 95 → 97 (96.6 in 2024).
	await sheet.expectCell('EDU04', 'Y', '↗ 按进度');
});

test('a county indicator can be added, filled, renamed, deleted and brought back by undo', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620722');
	await page.getByRole('button', { name: '添加本县指标' }).click();
	const dialog = page.getByRole('dialog', { name: '添加本县自设指标' });
	await dialog.getByLabel('指标名称').fill('学前教育专任教师数');
	await dialog.getByLabel('单位').fill('人');
	await dialog.getByRole('button', { name: '保存' }).click();
	await expect(sheet.row('学前教育专任教师数')).toBeVisible();
	await sheet.expectCell('学前教育专任教师数', 'A', 'C01');

	await sheet.type('学前教育专任教师数', 'D', '812');
	await sheet.type('学前教育专任教师数', 'E', '830');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('学前教育专任教师数', 'E', '830');
	await sheet.expectCell('学前教育专任教师数', 'Y', '—');

	// Rename through the toolbar.
	await (await sheet.cell('学前教育专任教师数', 'D')).click();
	await page.getByRole('button', { name: '重命名' }).click();
	const rename = page.getByRole('dialog', { name: /重命名指标 C01/ });
	await rename.getByLabel('指标名称').fill('幼儿园专任教师数');
	await rename.getByRole('button', { name: '保存' }).click();
	await expect(sheet.row('幼儿园专任教师数')).toBeVisible();

	// Delete, with confirmation; then undo.
	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: '删除' }).click();
	await expect(sheet.row('幼儿园专任教师数')).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: '已删除指标' })).toBeVisible();
	await page.getByRole('button', { name: /撤销/ }).click();
	await expect(sheet.row('幼儿园专任教师数')).toBeVisible();
	await sheet.expectCell('幼儿园专任教师数', 'D', '812');
	await sheet.expectCell('幼儿园专任教师数', 'E', '830');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('幼儿园专任教师数', 'E', '830');
});

test('the plan indicators cannot be renamed or deleted', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await (await sheet.cell('EDU01', 'D')).click();
	await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
	await expect(await sheet.cell('EDU01', 'B')).toHaveAttribute('aria-readonly', 'true');
});

test('the English switch translates headers, names and statuses, and is remembered', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU02', 'D', '98');
	await sheet.type('EDU02', 'H', '99');
	await page.getByRole('button', { name: '切换到英文界面' }).click();
	await expect(page.getByRole('heading', { name: /Ganzhou District/ })).toBeVisible();
	await expect(
		sheet.grid.getByRole('columnheader', { name: 'Indicator', exact: true }).first()
	).toBeVisible();
	await expect(sheet.row('Nine-year compulsory education retention rate')).toBeVisible();
	await sheet.expectCell('EDU02', 'Y', '↗ On track');
	await page.reload();
	await expect(page.getByRole('heading', { name: /Ganzhou District/ })).toBeVisible();
	await sheet.expectCell('EDU02', 'Y', '↗ On track');
	await expect(page.getByRole('link', { name: 'Counties' })).toBeVisible();
	await page.getByRole('button', { name: 'Switch to the Chinese interface' }).click();
	await sheet.expectCell('EDU02', 'Y', '↗ 按进度');
});

test('a database written by a newer version of the app is explained, not shown as a blank page', async ({
	page
}) => {
	await page.goto('/favicon.svg');
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('zhangye-edu2035', 990);
				req.onupgradeneeded = () => req.result.createObjectStore('future');
				req.onsuccess = () => {
					req.result.close();
					resolve();
				};
				req.onerror = () => reject(req.error);
			})
	);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: '无法打开工作簿' })).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('更新版本的应用');
});

test('two tabs of the app stay in step: an edit in one shows in the other', async ({ context }) => {
	const first = new SheetPage(await context.newPage());
	const second = new SheetPage(await context.newPage());
	await first.openCounty('620724');
	await second.openCounty('620724');
	await first.type('EDU05', 'H', '47.5');
	await first.expectSaved();
	await second.expectCell('EDU05', 'H', '47.5');
	// No 2020 baseline: short of the target, with no path to measure progress on.
	await second.expectCell('EDU05', 'Y', '— 缺数据');
	await expect(second.page.getByRole('status').filter({ hasText: '另一个标签页修改了工作簿' })).toBeVisible();
	// The second tab's own edit then reaches the first.
	await second.type('EDU05', 'I', '48');
	await first.expectCell('EDU05', 'I', '48');
	await first.expectCell('EDU05', 'Y', '✓ 已达标');
});

test('one engine serves the workbook: a county formula can read another county', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620723');
	await sheet.type('EDU05', 'H', '46.4');
	await sheet.expectSaved();
	await sheet.openCounty('620702');
	await sheet.type('EDU05', 'H', "='临泽县'!H5+1");
	await sheet.expectCell('EDU05', 'H', '47.4');
	await sheet.expectCell('EDU05', 'W', '−0.60');
});

test('target edits are undone with Ctrl+Z', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openTargets();
	await sheet.type('EDU05', 'F', '50');
	await sheet.expectCell('EDU05', 'F', '50');
	await page.keyboard.press('Control+z');
	await sheet.expectCell('EDU05', 'F', '48');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU05', 'F', '48');
});

test('when the browser refuses to store anything, the planner is told why in plain words', async ({
	page,
	baseURL
}) => {
	// A quota of one byte, as on a full disk, set before the app first writes.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 1 });
	await page.goto('/');
	await expect(page.getByRole('heading', { name: '无法打开工作簿' })).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('浏览器存储空间已满');
});

test('deleting an own indicator keeps other counties’ formulas pointing at the right rows', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	const add = async (name: string) => {
		await page.getByRole('button', { name: '添加本县指标' }).click();
		const dialog = page.getByRole('dialog', { name: '添加本县自设指标' });
		await dialog.getByLabel('指标名称').fill(name);
		await dialog.getByRole('button', { name: '保存' }).click();
		await expect(sheet.row(name)).toBeVisible();
	};
	await sheet.openCounty('620702');
	await add('幼儿园数');
	await add('中小学校数');
	await sheet.type('中小学校数', 'D', '131');
	await sheet.expectSaved();

	await sheet.openCounty('620723');
	await sheet.type('EDU09', 'T', "='甘州区'!D11");
	// A note is text; a year cell takes the formula.
	await sheet.type('EDU09', 'D', "='甘州区'!D11/100");
	await sheet.expectCell('EDU09', 'D', '1.31');
	await sheet.expectSaved();

	await sheet.openCounty('620702');
	await (await sheet.cell('幼儿园数', 'D')).click();
	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: '删除' }).click();
	await expect(sheet.row('幼儿园数')).toHaveCount(0);
	await sheet.expectSaved();

	await page.reload();
	await sheet.openCounty('620723');
	await sheet.expectCell('EDU09', 'D', '1.31');
	await (await sheet.cell('EDU09', 'D')).click();
	await expect(sheet.formulaBar).toHaveValue("='甘州区'!D10/100");
	await sheet.expectCell('EDU09', 'T', "='甘州区'!D11");
});
