// Page object for the grid's Excel habits: the right-click menu, the find bar, the fill
// handle, notes per figure, column widths. Builds on SheetPage's way of finding cells.
import { expect, type Locator, type Page } from '@playwright/test';
import { SheetPage } from './sheet-page';

export class HabitsPage extends SheetPage {
	readonly findBar: Locator;
	readonly noteDialog: Locator;

	constructor(page: Page) {
		super(page);
		this.findBar = page.getByRole('search', { name: /在本工作表中查找|Find in this sheet/ });
		this.noteDialog = page.getByRole('dialog', { name: /批注|Note/ });
	}

	/** Right-click a cell; the menu's items are then menuitems by their visible words. */
	async openMenu(rowText: string, letter: string): Promise<Locator> {
		await (await this.cell(rowText, letter)).click({ button: 'right' });
		const menu = this.page.getByRole('menu');
		await expect(menu).toBeVisible();
		return menu;
	}

	async menuItem(name: string): Promise<Locator> {
		return this.page.getByRole('menu').getByRole('menuitem', { name, exact: true });
	}

	async chooseFromMenu(rowText: string, letter: string, item: string): Promise<void> {
		await this.openMenu(rowText, letter);
		await (await this.menuItem(item)).click();
		await expect(this.page.getByRole('menu')).toBeHidden();
	}

	/** Drag the fill handle of the current selection to the middle of another cell. */
	async dragFillHandle(toRow: string, toLetter: string, options: { ctrl?: boolean } = {}): Promise<void> {
		const handle = this.master.locator('.wtBorder.corner').filter({ visible: true }).first();
		const from = await handle.boundingBox();
		const to = await (await this.cell(toRow, toLetter)).boundingBox();
		if (!from || !to) throw new Error('fill handle or target cell not on screen');
		const mouse = this.page.mouse;
		await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
		await mouse.down();
		if (options.ctrl) await this.page.keyboard.down('Control');
		// Several steps, as a hand moves: the grid follows the pointer cell by cell.
		await mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
		await mouse.up();
		if (options.ctrl) await this.page.keyboard.up('Control');
	}

	/** Select a range by address in the name box (D3:F3 is typed as its first cell, then Shift+arrows). */
	async selectAcross(rowText: string, fromLetter: string, cellsRight: number): Promise<void> {
		await this.select(rowText, fromLetter);
		await expect(this.page.locator('textarea.handsontableInput')).toBeFocused();
		for (let i = 0; i < cellsRight; i++) await this.page.keyboard.press('Shift+ArrowRight');
	}

	/** The width of a column as drawn, by its letter header. */
	async columnWidth(letter: string): Promise<number> {
		const header = this.grid.getByRole('columnheader', { name: letter, exact: true }).first();
		const box = await header.boundingBox();
		if (!box) throw new Error(`no header ${letter}`);
		return Math.round(box.width);
	}

	/** Drag the right edge of a column's letter header by dx pixels, as a planner widens it. */
	async resizeColumn(letter: string, dx: number): Promise<void> {
		const header = this.grid.getByRole('columnheader', { name: letter, exact: true }).first();
		const box = await header.boundingBox();
		if (!box) throw new Error(`no header ${letter}`);
		const mouse = this.page.mouse;
		await mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		const resizer = this.page.locator('.manualColumnResizer');
		await expect(resizer).toBeVisible();
		const r = await resizer.boundingBox();
		if (!r) throw new Error('no column resizer');
		await mouse.move(r.x + r.width / 2, r.y + r.height / 2);
		await mouse.down();
		await mouse.move(r.x + r.width / 2 + dx, r.y + r.height / 2, { steps: 6 });
		await mouse.up();
	}
}
