// Page object for a figure's history: the line under the formula bar and the 修改记录 dialog.
import { expect, type Locator, type Page } from '@playwright/test';

export class HistoryPanel {
	readonly line: Locator;
	readonly button: Locator;
	readonly dialog: Locator;

	constructor(readonly page: Page) {
		this.line = page.getByRole('status').filter({ hasText: /上次修改|尚无修改记录/ });
		this.button = page.getByRole('button', { name: '修改记录', exact: true });
		this.dialog = page.getByRole('dialog', { name: /修改记录/ });
	}

	/** The dialog's rows, newest first, each as its cells' text. */
	async open(): Promise<string[][]> {
		await this.button.click();
		await expect(this.dialog).toBeVisible();
		const rows = this.dialog.getByRole('row');
		await expect(rows.nth(1)).toBeVisible();
		const texts: string[][] = [];
		for (const row of await rows.all()) {
			texts.push((await row.getByRole('cell').allTextContents()).map((t) => t.trim()));
		}
		return texts.filter((t) => t.length > 0);
	}

	async close(): Promise<void> {
		await this.dialog.getByRole('button', { name: '关闭' }).click();
		await expect(this.dialog).toBeHidden();
	}
}
