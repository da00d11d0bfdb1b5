// Page object for the import half of 导入导出 (/exchange), as a planner uses it: choose files,
// wait for the preview, read its counts and refused rows by what they say, apply, undo.
import { expect, type Locator, type Page } from '@playwright/test';

export interface FileToPick {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

export function csvFile(name: string, content: Uint8Array | string): FileToPick {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(content) };
}

export class ImportPage {
	readonly fileInput: Locator;
	/** 应用导入（新增 n 项，修改 m 项）: shown once the whole preview is in. */
	readonly applyButton: Locator;
	readonly refusedHeading: Locator;
	/** The table of rows not imported (the first table with a 原因 column). */
	readonly refusedTable: Locator;
	readonly regionTable: Locator;
	readonly appliedStatus: Locator;

	constructor(readonly page: Page) {
		this.fileInput = page.getByLabel(/选择 CSV 或 Excel 文件…|Choose CSV or Excel files…/);
		this.applyButton = page.getByRole('button', { name: /^(应用导入|Apply import)/ });
		this.refusedHeading = page.getByRole('heading', { name: /不导入的行|Rows not imported/ });
		this.refusedTable = page
			.getByRole('table')
			.filter({ has: page.getByRole('columnheader', { name: /^(原因|Reason)$/ }) })
			.first();
		this.regionTable = page
			.getByRole('table')
			.filter({ has: page.getByRole('columnheader', { name: /^(拒绝的行|Rows refused)$/ }) })
			.first();
		this.appliedStatus = page.getByRole('status').filter({ hasText: /已导入|Imported/ });
	}

	async open(): Promise<void> {
		await this.page.goto('/exchange');
		await expect(this.fileInput).toBeAttached();
	}

	/** Chooses files in the file dialog (several at once), on the page as it is. */
	async choose(files: FileToPick[]): Promise<void> {
		await this.fileInput.setInputFiles(files);
	}

	/** Opens /exchange and chooses the files; the preview follows. */
	async importFiles(files: FileToPick[]): Promise<void> {
		await this.open();
		await this.choose(files);
	}

	/** The preview is in when it says what applying will do, or that there is nothing to. */
	async waitForPreview(): Promise<void> {
		await expect(
			this.applyButton.or(
				this.page.getByText(
					/没有需要导入的内容|没有可以导入的文件|nothing to import|None of the files can be imported/
				)
			)
		).toBeVisible();
	}

	/** Applies the preview and waits for 已导入. */
	async apply(): Promise<void> {
		await this.applyButton.click();
		await expect(this.appliedStatus).toBeVisible();
	}

	/** Opens /exchange, imports the files and applies them. */
	async applyFiles(files: FileToPick[]): Promise<void> {
		await this.importFiles(files);
		await this.apply();
	}

	async undo(): Promise<void> {
		await this.page.getByRole('button', { name: /^(撤销本次导入|Undo this import)$/ }).click();
		await expect(this.page.getByText(/已撤销本次导入|The import was undone/)).toBeVisible();
	}

	/** The refused rows as the table shows them: [row, column, reason] (file first with several). */
	async refusedRows(): Promise<string[][]> {
		await expect(this.refusedHeading).toBeVisible();
		// Read in one go: a page of 200 rows, cell by cell, would be 1,000 round trips.
		return this.refusedTable
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((r) =>
					[...(r as HTMLTableRowElement).cells].map((c) => c.innerText.replace(/^[✗⚠]\s*/, '').trim())
				)
			);
	}

	/** One region's count in the summary: 新增, 修改, 未变 or 拒绝的行. */
	async count(region: string, column: string): Promise<number> {
		const headers = await this.regionTable.getByRole('columnheader').allInnerTexts();
		const col = headers.findIndex((h) => h.trim() === column);
		expect(col, `column ${column}`).toBeGreaterThan(0);
		const row = this.regionTable
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name: region, exact: true }) });
		return Number(
			await row
				.getByRole('cell')
				.nth(col - 1)
				.innerText()
		);
	}
}
