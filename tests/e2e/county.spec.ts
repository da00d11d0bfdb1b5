import { expect, test } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';

// Columns of a county sheet, by their letter header: H = 2024, I = 2025, T = note,
// U/V = 2025 city/province target, W/X = gaps, Y/Z = statuses.

test('the start page lists the six counties in Chinese', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: '选择县区' })).toBeVisible();
	for (const name of ['甘州区', '肃南裕固族自治县', '民乐县', '临泽县', '高台县', '山丹县']) {
		await expect(page.getByRole('link', { name: `打开${name}工作表` })).toBeVisible();
	}
	await expect(page.getByRole('link', { name: /打开.*工作表/ })).toHaveCount(6);
});

test('a county opens at a bookmarkable URL and compares a figure with the city target', async ({ page }) => {
	const sheet = new SheetPage(page);
	await page.goto('/');
	await page.getByRole('link', { name: '打开甘州区工作表' }).click();
	await expect(page).toHaveURL(/\/county\/620702$/);
	// A bookmark of the page carries the county's name.
	await expect(page).toHaveTitle(/^甘州区 · /);
	await expect(page.getByRole('heading', { name: /甘州区/ })).toBeVisible();

	// 2020 is the baseline the planned path starts from.
	await sheet.type('EDU01', 'D', '99');
	await sheet.type('EDU01', 'H', '99.6');
	await sheet.expectCell('EDU01', 'H', '99.6');
	await sheet.expectCell('EDU01', 'U', '99.53');
	await sheet.expectCell('EDU01', 'W', '+0.07');
	await sheet.expectCell('EDU01', 'Y', '✓ 已达标');

	// Short of 99.53, but above the path 99 → 99.53, which stands at 99.424 in 2024.
	await sheet.type('EDU01', 'H', '99.5');
	await sheet.expectCell('EDU01', 'W', '−0.03');
	await sheet.expectCell('EDU01', 'Y', '↗ 按进度');
	// The province's 2025 target is 96.
	await sheet.expectCell('EDU01', 'X', '+3.50');
	await sheet.expectCell('EDU01', 'Z', '✓ 已达标');
	await sheet.type('EDU01', 'H', '99.4');
	await sheet.expectCell('EDU01', 'Y', '↘ 滞后');
	await sheet.expectSaved();

	await page.reload();
	await sheet.expectCell('EDU01', 'H', '99.4');
	await sheet.expectCell('EDU01', 'Y', '↘ 滞后');
	// Visible on the start page too.
	await page.goto('/');
	await expect(page.getByRole('link', { name: '打开甘州区工作表' })).toContainText('已填 2 格');
});

test('a strict target (>99) is not met by 99, and is met by 99.01', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU02', 'D', '98');
	await sheet.type('EDU02', 'H', '99');
	await sheet.expectCell('EDU02', 'U', '>99');
	// Not met, though on the path (98.8 planned for 2024).
	await sheet.expectCell('EDU02', 'Y', '↗ 按进度');
	await sheet.type('EDU02', 'H', '99.01');
	await sheet.expectCell('EDU02', 'Y', '✓ 已达标');
});

test('numbers typed with % or full-width digits are stored as numbers; text is refused', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU04', 'F', '96.2%');
	await sheet.expectCell('EDU04', 'F', '96.2');

	await sheet.type('EDU04', 'F', 'about 90');
	await expect(page.getByRole('alert')).toContainText('无法识别“about 90”');
	await expect(page.getByRole('alert')).toContainText('第 4 行');
	await sheet.expectCell('EDU04', 'F', '96.2');

	// Kept, but marked as implausible.
	await sheet.type('EDU04', 'G', '250');
	const g = await sheet.cell('EDU04', 'G');
	await expect(g).toHaveText('250');
	await expect(g).toHaveAttribute('title', /超出合理范围/);
	await expect(page.getByRole('status').filter({ hasText: '数值超出合理范围（0–200%）' })).toContainText(
		'2023'
	);

	// Full-width digits and percent sign, as a Chinese input method types them.
	await sheet.typeWithIme('EDU04', 'E', '９９．５％');
	await sheet.expectCell('EDU04', 'E', '99.5');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU04', 'E', '99.5');
	await (await sheet.cell('EDU04', 'E')).click();
	await expect(sheet.formulaBar).toHaveValue('99.5');
});

test('EDU03 records certification as 是/否 and its comparison says so', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.typeWithIme('EDU03', 'H', '是');
	await sheet.expectCell('EDU03', 'H', '是');
	await sheet.expectCell('EDU03', 'Y', '✓ 已认定');
	await sheet.expectCell('EDU03', 'W', '—');
	await sheet.typeWithIme('EDU03', 'G', '否');
	// 2024 (H) is still 是: the latest year before 2025 decides.
	await sheet.expectCell('EDU03', 'Y', '✓ 已认定');
	await (await sheet.cell('EDU03', 'H')).click();
	await page.keyboard.press('Delete');
	await sheet.expectCell('EDU03', 'Y', '✗ 未认定');
	await sheet.type('EDU03', 'I', '95');
	await expect(page.getByRole('alert')).toContainText('是”或“否');
});

test('a formula computes, shows its source when selected, and survives a reload', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU01', 'F', '99.2');
	await sheet.type('EDU01', 'G', '=F1+0.1');
	await sheet.expectCell('EDU01', 'G', '99.3');
	await (await sheet.cell('EDU01', 'G')).click();
	await expect(sheet.formulaBar).toHaveValue('=F1+0.1');
	await expect(sheet.nameBox).toHaveValue('G1');
	await sheet.expectSaved();

	await page.reload();
	await sheet.expectCell('EDU01', 'G', '99.3');
	await (await sheet.cell('EDU01', 'G')).click();
	await expect(sheet.formulaBar).toHaveValue('=F1+0.1');

	// Comparison cells are read-only formulas that show their source.
	await (await sheet.cell('EDU01', 'Y')).click();
	await expect(sheet.formulaBar).toHaveValue(/^=PLAN\.STATUS\(\$D1:\$S1,2025,/);
});

test('formula errors show as spreadsheet errors with an explanation', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU05', 'E', '=1/0');
	const e = await sheet.cell('EDU05', 'E');
	await expect(e).toHaveText('#DIV/0!');
	await expect(e).toHaveAttribute('title', /除数为零/);
	await sheet.type('EDU05', 'F', "='不存在的表'!A1");
	await expect(await sheet.cell('EDU05', 'F')).toHaveText('#REF!');
	await sheet.type('EDU05', 'G', '=SUM(');
	await expect(page.getByRole('alert')).toContainText('语法错误');
});

test('undo and redo over edits and pastes, from the keyboard', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU06', 'D', '57');
	await sheet.type('EDU06', 'E', '58');
	await page.keyboard.press('Control+z');
	await sheet.expectCell('EDU06', 'E', '');
	await page.keyboard.press('Control+y');
	await sheet.expectCell('EDU06', 'E', '58');

	// A block copied from Excel/WPS: tab-separated, CRLF line ends, percent signs.
	await (await sheet.cell('EDU07', 'D')).click();
	await page.evaluate(() => {
		const data = new DataTransfer();
		data.setData('text/plain', '75.5%\t76\t77.25\r\n70\t71\t72\r\n');
		document.activeElement?.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true })
		);
	});
	await sheet.expectCell('EDU07', 'D', '75.5');
	await sheet.expectCell('EDU07', 'F', '77.25');
	await sheet.expectCell('EDU08', 'E', '71');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU08', 'F', '72');
	await sheet.expectCell('EDU07', 'D', '75.5');
});

test('one paste is undone as one step', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await (await sheet.cell('EDU07', 'D')).click();
	await page.evaluate(() => {
		const data = new DataTransfer();
		data.setData('text/plain', '75\t76\r\n70\t71\r\n');
		document.activeElement?.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true })
		);
	});
	await sheet.expectCell('EDU08', 'E', '71');
	await page.getByRole('button', { name: /撤销/ }).click();
	await sheet.expectCell('EDU07', 'D', '');
	await sheet.expectCell('EDU08', 'E', '');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU08', 'E', '');
});

test('each of two quick edits of one cell is undone in turn', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU01', 'H', '99.6');
	await sheet.type('EDU01', 'H', '99.5');
	await page.keyboard.press('Control+z');
	await sheet.expectCell('EDU01', 'H', '99.6');
	await page.keyboard.press('Control+z');
	await sheet.expectCell('EDU01', 'H', '');
	await page.keyboard.press('Control+Shift+z');
	await sheet.expectCell('EDU01', 'H', '99.6');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU01', 'H', '99.6');
});

test('notes are kept as typed, even when they look like a number or a formula', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU01', 'T', '99%为快报数');
	await sheet.type('EDU02', 'T', '=待核实');
	await sheet.type('EDU04', 'T', 'TRUE');
	await sheet.expectCell('EDU01', 'T', '99%为快报数');
	await sheet.expectCell('EDU02', 'T', '=待核实');
	await sheet.expectCell('EDU04', 'T', 'TRUE');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU01', 'T', '99%为快报数');
	await sheet.expectCell('EDU02', 'T', '=待核实');
	await sheet.expectCell('EDU04', 'T', 'TRUE');
});

test('a paste reaching past the last row or column is cut at the edge of the sheet', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.select('EDU09', 'S');
	await page.evaluate(() => {
		const data = new DataTransfer();
		data.setData('text/plain', '10.4\t备注一\t1\t2\t3\r\n10.5\t备注二\r\n10.6\r\n');
		document.activeElement?.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true })
		);
	});
	await sheet.expectCell('EDU09', 'S', '10.4');
	await sheet.expectCell('EDU09', 'T', '备注一');
	// The comparison columns are read-only: the rest of the pasted row is not written there.
	await expect(await sheet.cell('EDU09', 'U')).toHaveText('>10.2');
	// No rows were added for the two pasted lines below the last indicator.
	await expect(sheet.master.getByRole('row')).toHaveCount(9);
});

test('a formula can be written in the formula bar, and Escape there abandons the draft', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU05', 'D', '44');
	await sheet.select('EDU05', 'E');
	await sheet.formulaBar.fill('=ROUND(D5*1.0345,1)');
	await sheet.formulaBar.press('Enter');
	await sheet.expectCell('EDU05', 'E', '45.5');
	await expect(sheet.formulaBar).toHaveValue('=ROUND(D5*1.0345,1)');

	await sheet.formulaBar.fill('=D5+100');
	await sheet.formulaBar.press('Escape');
	await expect(sheet.formulaBar).toHaveValue('=ROUND(D5*1.0345,1)');
	await sheet.expectCell('EDU05', 'E', '45.5');

	// Refused there as in the cell, and undone as a cell edit is.
	await sheet.formulaBar.fill('四十五');
	await sheet.formulaBar.press('Enter');
	await expect(page.getByRole('alert')).toContainText('无法识别“四十五”');
	await page.getByRole('button', { name: /撤销/ }).click();
	await sheet.expectCell('EDU05', 'E', '');
});
