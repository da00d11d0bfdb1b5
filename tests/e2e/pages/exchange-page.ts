// Page object for 导入导出 (/exchange): picking files, the combined preview, applying,
// exporting with a sender, and the sources and completeness table below the import.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ImportPage, type FileToPick } from './import-page';

export { csvFile, type FileToPick } from './import-page';

/** The six counties and districts, in the plan's order: code and Chinese name. */
export const COUNTIES = [
	['620702', '甘州区'],
	['620721', '肃南裕固族自治县'],
	['620722', '民乐县'],
	['620723', '临泽县'],
	['620724', '高台县'],
	['620725', '山丹县']
] as const;

export class ExchangePage {
	/** The import half: choosing files, the preview, apply and undo. */
	readonly importer: ImportPage;
	readonly fileInput: Locator;
	/** The combined preview's table of changes per file and county. */
	readonly byFile: Locator;
	readonly sources: Locator;
	readonly sourceFiles: Locator;
	readonly completeness: Locator;

	constructor(readonly page: Page) {
		this.importer = new ImportPage(page);
		this.fileInput = this.importer.fileInput;
		this.byFile = page.getByRole('table', { name: /各文件、各县区的变化|Changes by file and county/ });
		this.sources = page.getByRole('region', { name: /来源与完整性|Sources and completeness/ });
		this.sourceFiles = this.sources.getByRole('table', { name: /各县区的文件|Files from each county/ });
		this.completeness = this.sources.getByRole('table', { name: /填报完整性|Completeness/ });
	}

	async open(query = ''): Promise<void> {
		await this.page.goto(`/exchange${query}`);
		await expect(this.sources).toBeVisible();
	}

	/** Picks several files at once, as a planner selects them in the file dialog. */
	async pick(files: FileToPick[]): Promise<void> {
		await this.importer.choose(files);
	}

	async apply(): Promise<void> {
		await this.importer.apply();
	}

	async setSender(unit: string, name: string): Promise<void> {
		await this.page.getByRole('textbox', { name: '报送单位' }).fill(unit);
		await this.page.getByRole('textbox', { name: '填报人' }).fill(name);
	}

	/** Exports the counties named (Chinese names), returns the file as downloaded. */
	async exportCounties(names: string[]): Promise<{ name: string; bytes: Buffer; download: Download }> {
		for (const name of names) await this.page.getByRole('checkbox', { name }).check();
		const downloading = this.page.waitForEvent('download');
		await this.page.getByRole('button', { name: '导出文件' }).click();
		const download = await downloading;
		return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()), download };
	}

	/** The preview's rows for one file, as text per row (file and sender only on its first). */
	byFileRows(fileName: string): Locator {
		return this.byFile
			.getByRole('rowgroup')
			.filter({ has: this.page.getByRole('rowheader', { name: fileName }) });
	}

	sourceRow(county: string): Locator {
		return this.sourceFiles
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name: county, exact: true }) });
	}

	/** One county's cell of the completeness table for a year. */
	async rateCell(county: string, year: number): Promise<Locator> {
		const headers = await this.completeness.getByRole('columnheader').allTextContents();
		const col = headers.findIndex((h) => h.trim() === String(year));
		expect(col, `column ${year}`).toBeGreaterThan(0);
		const row = this.completeness
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name: county, exact: true }) });
		return row.getByRole('cell').nth(col - 1);
	}
}

/** The preview's list of refused rows: its heading and its table (listed before the warnings). */
export function refusedRows(page: Page): { heading: Locator; table: Locator } {
	return {
		heading: page.getByRole('heading', { name: /不导入的行|Rows not imported/ }),
		table: page
			.getByRole('table')
			.filter({ has: page.getByRole('columnheader', { name: /原因|Reason/ }) })
			.first()
	};
}
