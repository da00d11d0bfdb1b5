import { expect, test, type Page } from '@playwright/test';
import { HabitsPage } from './pages/habits-page';

// The targets sheet keeps what a county sheet keeps: undo steps across a reload, and a 批注 on
// a baseline or a target. Columns: D = city 2020 baseline, F = city 2025 target, G = its
// comparator, I = city 2035 target.
test.describe.configure({ timeout: 90_000 });

async function skipNamePrompt(page: Page): Promise<void> {
	const skip = page.getByRole('button', { name: '跳过' });
	if (await skip.isVisible()) await skip.click();
}

test('undo and redo on the targets sheet survive a reload', async ({ page }) => {
	const sheet = new HabitsPage(page);
	await sheet.openTargets();
	const before = (await (await sheet.cell('EDU02', 'F')).textContent()) ?? '';
	await sheet.type('EDU02', 'F', '91.5');
	await skipNamePrompt(page);
	await sheet.expectCell('EDU02', 'F', '91.5');
	await sheet.expectSaved();

	await page.reload();
	await expect(sheet.row('EDU02')).toBeVisible();
	await sheet.expectCell('EDU02', 'F', '91.5');
	await sheet.select('EDU01', 'A');
	await page.getByRole('button', { name: /撤销/ }).first().click();
	await sheet.expectCell('EDU02', 'F', before);
	await sheet.expectSaved();

	// The undone step can be redone after another reload, and what it writes is stored.
	await page.reload();
	await expect(sheet.row('EDU02')).toBeVisible();
	await sheet.expectCell('EDU02', 'F', before);
	await sheet.select('EDU01', 'A');
	await page.keyboard.press('Control+y');
	await sheet.expectCell('EDU02', 'F', '91.5');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU02', 'F', '91.5');
});

test('a note on a target: corner mark, hover, formula bar, kept after reload, undoable', async ({ page }) => {
	const sheet = new HabitsPage(page);
	await sheet.openTargets();
	// Only a figure (a baseline or a target) takes a note, not its comparator.
	await sheet.openMenu('EDU01', 'G');
	await expect(await sheet.menuItem('插入批注')).toHaveCount(0);
	await page.keyboard.press('Escape');

	await sheet.chooseFromMenu('EDU01', 'F', '插入批注');
	await expect(sheet.noteDialog).toBeVisible();
	await sheet.noteDialog.getByRole('textbox').fill('市委发〔2021〕35号 第12页');
	await sheet.noteDialog.getByRole('button', { name: '保存' }).click();
	await skipNamePrompt(page);
	await expect(sheet.noteDialog).toBeHidden();

	const cell = await sheet.cell('EDU01', 'F');
	await expect(cell).toHaveClass(/htCommentCell/);
	await sheet.select('EDU01', 'F');
	await expect(page.getByText('批注：市委发〔2021〕35号 第12页', { exact: true })).toBeVisible();
	await cell.hover();
	await expect(page.locator('.htComments textarea')).toHaveValue('市委发〔2021〕35号 第12页');
	await sheet.expectSaved();

	await page.reload();
	await expect(await sheet.cell('EDU01', 'F')).toHaveClass(/htCommentCell/);
	// The province's cell of the same year has no note: each figure has its own.
	await expect(await sheet.cell('EDU01', 'N')).not.toHaveClass(/htCommentCell/);
	await sheet.chooseFromMenu('EDU01', 'F', '删除批注');
	await expect(await sheet.cell('EDU01', 'F')).not.toHaveClass(/htCommentCell/);
	await page.keyboard.press('Control+z');
	await expect(await sheet.cell('EDU01', 'F')).toHaveClass(/htCommentCell/);
	await sheet.expectSaved();
	await page.reload();
	await expect(await sheet.cell('EDU01', 'F')).toHaveClass(/htCommentCell/);
});
