// Page object for typing into a grid as a planner does in Excel or WPS: keys on a selected
// cell, input-method compositions and plain text insertions, and where the selection went.
import { expect, type Page } from '@playwright/test';
import { SheetPage } from './sheet-page';

export class EntryPage extends SheetPage {
	constructor(page: Page) {
		super(page);
	}

	/** Select a cell (name box) and wait until it holds the keyboard, as a planner's eyes do. */
	async selectCell(rowText: string, letter: string): Promise<void> {
		await this.select(rowText, letter);
		await expect(this.page.locator('textarea.handsontableInput')).toBeFocused();
	}

	/** Extend the selection from the selected cell with Shift+arrows. */
	async extend(down: number, right = 0): Promise<void> {
		for (let i = 0; i < down; i++) await this.page.keyboard.press('Shift+ArrowDown');
		for (let i = 0; i < right; i++) await this.page.keyboard.press('Shift+ArrowRight');
	}

	async press(keys: string): Promise<void> {
		await this.page.keyboard.press(keys);
	}

	async typeKeys(text: string): Promise<void> {
		await this.page.keyboard.type(text);
	}

	/** The name box names the selected cell (`D2`, or `目标!F6` on the targets sheet). */
	async expectSelected(address: string): Promise<void> {
		await expect(this.nameBox).toHaveValue(new RegExp(`(^|!)${address}$`));
	}

	/** The cell being typed into shows an editor holding `text`. */
	async expectEditing(text: string): Promise<void> {
		const editor = this.page.locator('textarea.handsontableInput');
		await expect(editor).toBeVisible();
		await expect(editor).toHaveValue(text);
	}

	/**
	 * Text arriving as a plain insertion, with no key and no composition (some input methods,
	 * on-screen keyboards, voice input), through Chromium's own input pipeline.
	 */
	async insertText(text: string): Promise<void> {
		const cdp = await this.page.context().newCDPSession(this.page);
		await cdp.send('Input.insertText', { text });
		await cdp.detach();
	}

	/** An input method composing `text` (shown in the cell), without committing it yet. */
	async compose(text: string): Promise<void> {
		const cdp = await this.page.context().newCDPSession(this.page);
		for (let k = 1; k <= text.length; k++)
			await cdp.send('Input.imeSetComposition', {
				text: text.slice(0, k),
				selectionStart: k,
				selectionEnd: k
			});
		await cdp.detach();
	}

	/** The input method commits its composition. */
	async commitComposition(text: string): Promise<void> {
		await this.insertText(text);
	}

	/**
	 * Press keys and report whether the page kept the browser's own meaning of the last one
	 * (Ctrl+D would open the bookmark dialog): true when the workbook took it (default prevented).
	 */
	async pressClaimed(keys: string): Promise<boolean> {
		await this.page.evaluate(() => {
			const w = window as unknown as { __keys?: KeyboardEvent[] };
			w.__keys = [];
			window.addEventListener('keydown', (e) => w.__keys?.push(e), { capture: true });
		});
		await this.page.keyboard.press(keys);
		return this.page.evaluate(() => {
			const w = window as unknown as { __keys?: KeyboardEvent[] };
			// The last key pressed, not the modifier held down before it.
			const key = w.__keys?.filter((e) => !['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)).at(-1);
			return key?.defaultPrevented ?? false;
		});
	}
}
