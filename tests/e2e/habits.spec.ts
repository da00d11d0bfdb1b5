import { expect, test } from '@playwright/test';
import { HabitsPage } from './pages/habits-page';
import { ExchangePage, csvFile } from './pages/exchange-page';

// Each test types, drags and reloads several times: generous on a machine shared with other
// test runs (no assertion here is about speed).
test.describe.configure({ timeout: 90_000 });

// County sheet columns by letter: D = 2020, E = 2021, F = 2022, G = 2023, H = 2024,
// I = 2025; T = the row's note; U… the comparison (read-only).

test.describe('right-click menu', () => {
	test('offers Excel’s items on a figure; clear and cut are undoable edits', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.type('EDU01', 'G', '96.4');
		await sheet.expectSaved();

		await sheet.openMenu('EDU01', 'G');
		for (const item of ['剪切', '复制', '粘贴', '清除内容', '插入批注', '撤销', '重做']) {
			await expect(await sheet.menuItem(item)).toBeVisible();
		}
		await (await sheet.menuItem('清除内容')).click();
		await sheet.expectCell('EDU01', 'G', '');

		await sheet.chooseFromMenu('EDU01', 'G', '撤销');
		await sheet.expectCell('EDU01', 'G', '96.4');
		await sheet.chooseFromMenu('EDU01', 'G', '重做');
		await sheet.expectCell('EDU01', 'G', '');
		await sheet.chooseFromMenu('EDU01', 'G', '撤销');
		await sheet.expectCell('EDU01', 'G', '96.4');

		await sheet.chooseFromMenu('EDU01', 'G', '剪切');
		await sheet.expectCell('EDU01', 'G', '');
		await page.keyboard.press('Control+z');
		await sheet.expectCell('EDU01', 'G', '96.4');
		await sheet.expectSaved();
		await page.reload();
		await sheet.expectCell('EDU01', 'G', '96.4');
	});

	test('paste from the menu goes through the sheet’s checks', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await page.evaluate(() => navigator.clipboard.writeText('97.5%'));
		await sheet.chooseFromMenu('EDU02', 'H', '粘贴');
		await sheet.expectCell('EDU02', 'H', '97.5');
		await page.evaluate(() => navigator.clipboard.writeText('很多'));
		await sheet.chooseFromMenu('EDU02', 'I', '粘贴');
		await expect(page.getByRole('alert')).toContainText('2025');
		await sheet.expectCell('EDU02', 'I', '');
	});

	test('without clipboard permission the menu says to press Ctrl+V', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.chooseFromMenu('EDU02', 'H', '粘贴');
		await expect(page.getByRole('status').filter({ hasText: 'Ctrl+V' })).toBeVisible();
	});

	test('a computed comparison cell offers only copy', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.openMenu('EDU01', 'U');
		await expect(await sheet.menuItem('复制')).toBeVisible();
		for (const item of ['剪切', '粘贴', '清除内容', '插入批注', '撤销']) {
			await expect(await sheet.menuItem(item)).toHaveCount(0);
		}
	});

	test('is in English when the interface is', async ({ page }) => {
		await page.addInitScript(() => localStorage.setItem('zy-edu2035.lang', 'en'));
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.openMenu('EDU01', 'G');
		for (const item of ['Cut', 'Copy', 'Paste', 'Clear contents', 'Insert note', 'Undo', 'Redo']) {
			await expect(await sheet.menuItem(item)).toBeVisible();
		}
	});

	test('the targets sheet has the menu too', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openTargets();
		await sheet.openMenu('EDU01', 'F');
		await expect(await sheet.menuItem('清除内容')).toBeVisible();
		await expect(await sheet.menuItem('插入批注')).toBeVisible();
	});
});

test.describe('find in the sheet (Ctrl+F)', () => {
	test('finds what cells show, steps with Enter and Shift+Enter, Esc returns to the grid', async ({
		page
	}) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.type('EDU01', 'D', '99.0');
		await sheet.type('EDU02', 'D', '99');
		await sheet.select('EDU01', 'A');
		await page.keyboard.press('Control+f');
		await expect(sheet.findBar).toBeVisible();
		const query = sheet.findBar.getByRole('searchbox', { name: '查找内容' });
		await expect(query).toBeFocused();

		// 99.0 is shown (and found) as 99, as Excel's General format shows it.
		await query.fill('99');
		await sheet.findBar.getByRole('checkbox', { name: '单元格完全匹配' }).check();
		const status = sheet.findBar.getByRole('status');
		await expect(status).toHaveText('第 1 项，共 2 项');
		await expect(sheet.nameBox).toHaveValue('D1');
		await query.press('Enter');
		await expect(status).toHaveText('第 2 项，共 2 项');
		await expect(sheet.nameBox).toHaveValue('D2');
		await query.press('Shift+Enter');
		await expect(status).toHaveText('第 1 项，共 2 项');
		await sheet.findBar.getByRole('button', { name: '下一个' }).click();
		await expect(status).toHaveText('第 2 项，共 2 项');

		// Names and statuses are found as shown.
		await query.fill('学前教育毛入园率');
		await expect(status).toHaveText('第 1 项，共 1 项');
		await sheet.findBar.getByRole('checkbox', { name: '单元格完全匹配' }).uncheck();
		// The grid shortens 数据不足 to 缺数据 to fit; the full word, as printed, finds the same cells.
		await query.fill('缺数据');
		const shortened = (await status.textContent()) ?? '';
		expect(shortened).toMatch(/共 \d+ 项/);
		await query.fill('数据不足');
		await expect(status).toHaveText(shortened);
		await query.fill('不存在的文字');
		await expect(status).toHaveText('未找到');
		// As in Excel, the search goes on from the selected cell (A2, EDU02's code, from the
		// whole-cell 99 above left the selection on D2).
		await query.fill('EDU0');
		await expect(status).toHaveText('第 2 项，共 9 项');
		await expect(sheet.nameBox).toHaveValue('A2');

		await query.press('Escape');
		await expect(sheet.findBar).toBeHidden();
		// The keyboard is on the grid again, at the found cell.
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(sheet.nameBox).toHaveValue('D2');
	});

	test('works on the targets sheet', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openTargets();
		await sheet.select('EDU01', 'A');
		await page.keyboard.press('Control+f');
		await sheet.findBar.getByRole('searchbox', { name: '查找内容' }).fill('EDU09');
		await expect(sheet.findBar.getByRole('status')).toHaveText('第 1 项，共 1 项');
		await expect(sheet.nameBox).toHaveValue(/A9$/);
	});
});

test.describe('series fill', () => {
	test('two figures extend their trend; one undo takes the fill back', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.type('EDU01', 'E', '95.8');
		await sheet.type('EDU01', 'F', '96.4');
		await sheet.selectAcross('EDU01', 'E', 1);
		await sheet.dragFillHandle('EDU01', 'H');
		await sheet.expectCell('EDU01', 'G', '97');
		await sheet.expectCell('EDU01', 'H', '97.6');
		await sheet.expectSaved();
		await page.reload();
		await sheet.expectCell('EDU01', 'H', '97.6');
		await page.keyboard.press('Escape');
		await sheet.select('EDU01', 'E');
		// Undo history is per page visit; a fresh fill is one step.
		await sheet.selectAcross('EDU01', 'E', 1);
		await sheet.dragFillHandle('EDU01', 'I');
		await sheet.expectCell('EDU01', 'I', '98.2');
		await page.keyboard.press('Control+z');
		await sheet.expectCell('EDU01', 'I', '');
		await sheet.expectCell('EDU01', 'H', '97.6');
	});

	test('one figure repeats; Ctrl while dragging makes a trend a repeat', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.type('EDU02', 'E', '88.5');
		await sheet.select('EDU02', 'E');
		await sheet.dragFillHandle('EDU02', 'G');
		await sheet.expectCell('EDU02', 'F', '88.5');
		await sheet.expectCell('EDU02', 'G', '88.5');

		await sheet.type('EDU04', 'E', '1.5');
		await sheet.type('EDU04', 'F', '2');
		await sheet.selectAcross('EDU04', 'E', 1);
		await sheet.dragFillHandle('EDU04', 'H', { ctrl: true });
		await sheet.expectCell('EDU04', 'G', '1.5');
		await sheet.expectCell('EDU04', 'H', '2');
	});

	test('a formula fills with its relative references shifted', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.type('EDU01', 'E', '90');
		await sheet.type('EDU01', 'F', '91');
		await sheet.type('EDU02', 'E', '=E1+1');
		await sheet.select('EDU02', 'E');
		await sheet.dragFillHandle('EDU02', 'F');
		await sheet.expectCell('EDU02', 'F', '92');
		await sheet.select('EDU02', 'F');
		await expect(sheet.formulaBar).toHaveValue('=F1+1');
	});
});

test.describe('notes per figure (批注)', () => {
	test('insert from the menu: red corner, hover, formula bar; kept after reload; undoable', async ({
		page
	}) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.type('EDU05', 'G', '92.1');
		await sheet.chooseFromMenu('EDU05', 'G', '插入批注');
		await expect(sheet.noteDialog).toBeVisible();
		await sheet.noteDialog.getByRole('textbox').fill('  2023年起含民办园  ');
		await sheet.noteDialog.getByRole('button', { name: '保存' }).click();
		await expect(sheet.noteDialog).toBeHidden();

		const cell = await sheet.cell('EDU05', 'G');
		await expect(cell).toHaveClass(/htCommentCell/);
		await sheet.select('EDU05', 'G');
		await expect(page.getByText('批注：2023年起含民办园', { exact: true })).toBeVisible();
		await cell.hover();
		await expect(page.locator('.htComments textarea')).toHaveValue('2023年起含民办园');

		await sheet.expectSaved();
		await page.reload();
		await expect(await sheet.cell('EDU05', 'G')).toHaveClass(/htCommentCell/);
		// The figure itself is untouched by its note.
		await sheet.expectCell('EDU05', 'G', '92.1');

		await sheet.openMenu('EDU05', 'G');
		await (await sheet.menuItem('编辑批注')).click();
		await expect(sheet.noteDialog.getByRole('textbox')).toHaveValue('2023年起含民办园');
		await sheet.noteDialog.getByRole('button', { name: '取消' }).click();
		await sheet.chooseFromMenu('EDU05', 'G', '删除批注');
		await expect(await sheet.cell('EDU05', 'G')).not.toHaveClass(/htCommentCell/);
		await page.keyboard.press('Control+z');
		await expect(await sheet.cell('EDU05', 'G')).toHaveClass(/htCommentCell/);
	});

	test('a note over the limit is refused in the dialog, nothing stored', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.chooseFromMenu('EDU06', 'H', '插入批注');
		await sheet.noteDialog.getByRole('textbox').fill('长'.repeat(501));
		await sheet.noteDialog.getByRole('button', { name: '保存' }).click();
		await expect(sheet.noteDialog.getByRole('alert')).toContainText('最多 500 字');
		await sheet.noteDialog.getByRole('button', { name: '取消' }).click();
		await expect(await sheet.cell('EDU06', 'H')).not.toHaveClass(/htCommentCell/);
	});
});

test.describe('column widths', () => {
	test('a dragged width stays after reload, shared by county sheets, not the targets', async ({ page }) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		const before = await sheet.columnWidth('B');
		await sheet.resizeColumn('B', 80);
		await expect.poll(() => sheet.columnWidth('B')).toBeGreaterThan(before + 40);
		const after = await sheet.columnWidth('B');
		await page.reload();
		await expect(sheet.row('EDU01')).toBeVisible();
		expect(await sheet.columnWidth('B')).toBe(after);
		await sheet.openCounty('620721');
		expect(await sheet.columnWidth('B')).toBe(after);
		await sheet.openTargets();
		expect(await sheet.columnWidth('B')).not.toBe(after);
	});

	test('a broken stored width is ignored', async ({ page }) => {
		await page.addInitScript(() =>
			localStorage.setItem('zy-edu2035.columnWidths.county', '{"1": -40, "2": "wide", "3": 99999}')
		);
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		expect(await sheet.columnWidth('B')).toBeGreaterThan(100);
		expect(await sheet.columnWidth('D')).toBeLessThan(200);
	});
});

test.describe('notes per figure in CSV (format 1.2)', () => {
	test('export carries a note; an import that changes it shows old → new and applies it', async ({
		page
	}) => {
		const sheet = new HabitsPage(page);
		await sheet.openCounty();
		await sheet.type('EDU05', 'G', '92.1');
		await sheet.chooseFromMenu('EDU05', 'G', '插入批注');
		await sheet.noteDialog.getByRole('textbox').fill('含民办园');
		await sheet.noteDialog.getByRole('button', { name: '保存' }).click();
		await sheet.expectSaved();

		const exchange = new ExchangePage(page);
		await exchange.open();
		const file = await exchange.exportCounties(['甘州区']);
		const text = new TextDecoder().decode(file.bytes);
		expect(text).toMatch(/格式版本,1\.2/);
		expect(text).toMatch(/,备注,2023批注\r\n/);
		expect(text).toMatch(/EDU05,.*,92\.1,.*,含民办园\r\n/);

		await exchange.pick([
			csvFile('620702-甘州区-20261201.csv', text.replace('含民办园', '含民办园及小学附设班'))
		]);
		const notes = page
			.getByRole('table')
			.filter({ has: page.getByRole('cell', { name: '含民办园及小学附设班' }) });
		await expect(page.getByRole('heading', { name: /批注（1 处/ })).toBeVisible();
		await expect(notes.getByRole('row').filter({ hasText: '2023' })).toContainText('含民办园');
		await exchange.apply();

		await sheet.openCounty();
		await sheet.select('EDU05', 'G');
		await expect(page.getByText('批注：含民办园及小学附设班', { exact: true })).toBeVisible();
		await sheet.expectCell('EDU05', 'G', '92.1');
	});
});
