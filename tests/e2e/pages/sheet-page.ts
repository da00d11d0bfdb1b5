// Page object for the app's grids (a county's sheet, the city's, the targets sheet), used as a planner
// would: cells are found by their row's visible text and their column's letter header.
import { expect, type Locator, type Page } from '@playwright/test';

export class SheetPage {
	readonly grid: Locator;
	readonly master: Locator;
	readonly formulaBar: Locator;
	readonly nameBox: Locator;

	constructor(readonly page: Page) {
		this.grid = page.getByRole('treegrid');
		// The scrolling body of the grid; frozen columns are drawn again in overlays.
		this.master = page.locator('.ht_master');
		this.formulaBar = page.getByRole('textbox', { name: /公式栏|Formula bar/ });
		this.nameBox = page.getByRole('textbox', { name: /单元格|Cell/ });
	}

	async openCounty(code = '620702'): Promise<void> {
		await this.page.goto(`/county/${code}`);
		await expect(this.row('EDU01')).toBeVisible();
	}

	async openCityFigures(): Promise<void> {
		await this.page.goto('/city/figures');
		await expect(this.row('EDU01')).toBeVisible();
	}

	async openTargets(): Promise<void> {
		await this.page.goto('/targets');
		await expect(this.row('EDU01')).toBeVisible();
	}

	/** A row of the grid, found by any cell's exact visible text (its code or name). */
	row(text: string): Locator {
		return this.master
			.getByRole('row')
			.filter({ has: this.page.getByRole('gridcell', { name: text, exact: true }) });
	}

	/** The grid's index of a column, read from its letter header (A, B, …, AF). */
	async columnIndex(letter: string): Promise<string> {
		// The visible header row is an overlay above the scrolling body; both carry the same index.
		const header = this.grid.getByRole('columnheader', { name: letter, exact: true }).first();
		const index = await header.getAttribute('aria-colindex');
		if (!index) throw new Error(`no column ${letter}`);
		return index;
	}

	async cell(rowText: string, letter: string): Promise<Locator> {
		return this.row(rowText).locator(`[role="gridcell"][aria-colindex="${await this.columnIndex(letter)}"]`);
	}

	/**
	 * Select a cell by typing its address in the name box, as in Excel. (Clicking the same
	 * cell twice in quick succession is a double click, which edits instead of replacing.)
	 */
	async select(rowText: string, letter: string): Promise<void> {
		// The row number is drawn in a frozen overlay; the body's copy of it is hidden but present.
		const rowNumber = ((await this.row(rowText).locator('th[role="rowheader"]').textContent()) ?? '').trim();
		const address = new RegExp(`(^|!)${letter}${rowNumber}$`);
		// The jump is done when the name box shows the cell with the keyboard back on the grid
		// (the name box no longer focused). On a loaded machine the move of an Enter pressed just
		// before can still be settling; if it lands after the jump, the name box shows that cell
		// instead, and the jump is made again.
		await expect(async () => {
			await this.nameBox.fill(`${letter}${rowNumber}`);
			await this.nameBox.press('Enter');
			await expect(this.nameBox).not.toBeFocused({ timeout: 5_000 });
			await expect(this.nameBox).toHaveValue(address, { timeout: 5_000 });
		}).toPass({ timeout: 30_000 });
	}

	/** Select a cell and type into it, then Enter, as a planner does. */
	async type(rowText: string, letter: string, text: string): Promise<void> {
		// No waiting for the grid: a key typed right after the selection lands in the cell
		// (scripts/bench/keystroke-fidelity.mjs measures it at robot speed).
		await this.select(rowText, letter);
		await this.page.keyboard.type(text);
		await this.page.keyboard.press('Enter');
		// Enter has committed once the cell's editor is closed: only then is the next step's
		// selection its own (the grid moves the selection as it closes the editor).
		await expect(this.page.locator('.handsontableInputHolder')).toHaveClass(/ht_editor_hidden/);
	}

	/**
	 * Type through a Chinese input method: the text is composed, then committed, while the
	 * cell is merely selected (Chromium's own IME events, driven over CDP).
	 */
	async typeWithIme(rowText: string, letter: string, text: string): Promise<void> {
		await this.select(rowText, letter);
		const cdp = await this.page.context().newCDPSession(this.page);
		// An input method announces itself with a "Process" key (229) before composing.
		await cdp.send('Input.dispatchKeyEvent', {
			type: 'rawKeyDown',
			windowsVirtualKeyCode: 229,
			key: 'Process',
			code: ''
		});
		await cdp.send('Input.dispatchKeyEvent', {
			type: 'keyUp',
			windowsVirtualKeyCode: 229,
			key: 'Process',
			code: ''
		});
		await cdp.send('Input.imeSetComposition', {
			text,
			selectionStart: text.length,
			selectionEnd: text.length
		});
		await cdp.send('Input.insertText', { text });
		await cdp.detach();
		await this.page.keyboard.press('Enter');
	}

	async expectCell(rowText: string, letter: string, text: string | RegExp): Promise<void> {
		await expect(await this.cell(rowText, letter)).toHaveText(text);
	}

	/** Wait until every edit has been written to the browser's database. */
	async expectSaved(): Promise<void> {
		await expect(this.page.getByRole('status').filter({ hasText: /已保存|Saved/ })).toBeVisible();
	}
}
