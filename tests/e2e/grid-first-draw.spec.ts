// A sheet's grid is drawn once as it opens: its right-click menu, its notes' corner marks and a
// remembered column width are part of that first draw, and so is its height. Each further full
// draw at mount cost a cold county open about 60 ms (and, through the Formulas plugin, handed
// the whole sheet to the engine again); docs/benchmarks.md has the figures.
import { expect, test, type Page } from '@playwright/test';
import { HabitsPage } from './pages/habits-page';

/** Counts the grid's writes of the first row's code cell in its scrolling body: one per full draw. */
async function countDrawsOfFirstRow(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as { __firstRowDraws: number };
		w.__firstRowDraws = 0;
		const observer = new MutationObserver((records) => {
			for (const r of records) {
				const td = r.target as HTMLElement;
				if (td.tagName === 'TD' && td.closest('.ht_master') && td.textContent === 'EDU01')
					w.__firstRowDraws++;
			}
		});
		const start = () => observer.observe(document.documentElement, { subtree: true, childList: true });
		if (document.documentElement) start();
		else document.addEventListener('DOMContentLoaded', start);
	});
}

/** Past every effect of the mount: two frames after the grid shows. */
async function drawsOnceSettled(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) =>
				requestAnimationFrame(() =>
					requestAnimationFrame(() =>
						resolve((window as unknown as { __firstRowDraws: number }).__firstRowDraws)
					)
				)
			)
	);
}

test('the targets sheet opens in one draw, with its menu, a note and a remembered width', async ({
	page
}) => {
	const sheet = new HabitsPage(page);
	await sheet.openTargets();
	// A note and a dragged width from an earlier visit (the width as stored by a drag).
	await sheet.chooseFromMenu('EDU01', 'F', '插入批注');
	await sheet.noteDialog.getByRole('textbox').fill('据省厅文件');
	await sheet.noteDialog.getByRole('button', { name: '保存' }).click();
	// The name asked once on a first edit (修改记录) may be skipped.
	const skip = page.getByRole('button', { name: '跳过' });
	if (await skip.isVisible()) await skip.click();
	await expect(sheet.noteDialog).toBeHidden();
	await sheet.expectSaved();
	await page.evaluate(() =>
		localStorage.setItem('zy-edu2035.columnWidths.targets', JSON.stringify({ 1: 240 }))
	);

	await countDrawsOfFirstRow(page);
	await page.reload();
	await expect(sheet.row('EDU01')).toBeVisible();
	expect(await drawsOnceSettled(page)).toBe(1);
	// …and that one draw has everything: the width, the note's corner, the menu.
	expect(await sheet.columnWidth('B')).toBe(240);
	await expect(await sheet.cell('EDU01', 'F')).toHaveClass(/htCommentCell/);
	await sheet.openMenu('EDU01', 'F');
	await expect(await sheet.menuItem('编辑批注')).toBeVisible();
});
