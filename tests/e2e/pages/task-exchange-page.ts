// Page objects for task files on 导入导出 (the task export panel and the task import
// preview) and for the task printouts: a county's 落实情况 report and the city's matrix.
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { COUNTIES, countyTaskCsv, type TaskRowSpec } from './task-files';
import type { FileToPick } from './exchange-page';

export function countyTaskFile(
	countyIndex: number,
	year: number,
	over?: (r: TaskRowSpec) => TaskRowSpec
): FileToPick {
	const c = COUNTIES[countyIndex]!;
	return {
		name: `${c.code}-${c.name}-任务落实-${year}-20261128.csv`,
		mimeType: 'text/csv',
		buffer: Buffer.from(countyTaskCsv(countyIndex, year, 35, over))
	};
}

export class TaskExchangePage {
	readonly fileInput: Locator;
	readonly preview: Locator;
	readonly exportPanel: Locator;

	constructor(readonly page: Page) {
		this.fileInput = page.getByLabel(/选择 CSV 或 Excel 文件…|Choose CSV or Excel files…/);
		this.preview = page.getByRole('region', { name: /导入任务落实情况|Import task progress/ });
		this.exportPanel = page.getByRole('region', { name: /导出任务落实情况|Export task progress/ });
	}

	async open(query = ''): Promise<void> {
		await this.page.goto(`/exchange${query}`);
		await expect(this.exportPanel).toBeVisible();
	}

	async pick(files: FileToPick[]): Promise<void> {
		await this.fileInput.setInputFiles(files);
		await expect(this.preview.getByRole('button', { name: /放弃|Discard/ })).toBeVisible();
	}

	/** A county's row of the preview's summary: [new, changed, unchanged, refused]. */
	async counts(county: string): Promise<number[]> {
		const row = this.preview
			.getByRole('table', { name: /各县区|By county/ })
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name: county, exact: true }) });
		return (await row.getByRole('cell').allTextContents()).map(Number);
	}

	refused(): Locator {
		return this.preview.getByRole('table', { name: /未导入的行|Rows not imported/ }).getByRole('row');
	}

	changed(): Locator {
		return this.preview.getByRole('table', { name: /修改的任务|Changed tasks/ });
	}

	async apply(): Promise<void> {
		await this.preview.getByRole('button', { name: /应用导入|Apply import/ }).click();
		// One transaction that also keeps a snapshot of the workbook: slow on a loaded machine.
		await expect(
			this.preview.getByRole('status').filter({ hasText: /已导入任务落实情况|imported/ })
		).toBeVisible({ timeout: 30_000 });
	}

	async exportFile(county: string, year: number): Promise<{ name: string; text: string }> {
		await this.exportPanel.getByRole('combobox', { name: /县区|County/ }).selectOption({ label: county });
		await this.exportPanel.getByRole('combobox', { name: /年份|Year/ }).selectOption(String(year));
		const downloading = this.page.waitForEvent('download');
		await this.exportPanel.getByRole('button', { name: /导出任务文件|Export task file/ }).click();
		const download = await downloading;
		const bytes = readFileSync(await download.path());
		return { name: download.suggestedFilename(), text: new TextDecoder().decode(bytes) };
	}
}

export class TaskPrintPage {
	readonly sheet: Locator;
	readonly table: Locator;

	constructor(readonly page: Page) {
		this.sheet = page.getByRole('article');
		this.table = this.sheet.getByRole('table');
	}

	async openMatrix(year: number): Promise<void> {
		await this.page.goto(`/city/tasks?year=${year}`);
		await expect(this.sheet).toHaveAttribute('aria-busy', 'false');
	}

	async openReport(code: string, year: number): Promise<void> {
		await this.page.goto(`/county/${code}/tasks/report?year=${year}`);
		await expect(this.sheet).toHaveAttribute('aria-busy', 'false');
	}

	/** As the browser prints it, on the A4 the page's own @page asks for. */
	async pdf(): Promise<Buffer> {
		return this.page.pdf({ format: 'A4', preferCSSPageSize: true });
	}

	/** One task's status in one county's column of the matrix, as its cell reads. */
	cell(county: string, task: number): Locator {
		return this.table.getByRole('link', { name: new RegExp(`^${county} 任务${task}：`) });
	}
}
