// Page object for a county's comparison sheet (/county/[code]/compare), its print to PDF,
// and the PDF read back as text with pdfjs.
import { expect, type Locator, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A figure as stored: a number, a formula (`=…`), or EDU03's yes/no. */
export type SeedFigure = number | string | boolean;

export interface SeedIndicator {
	code: string;
	nameZh: string;
	unit: string;
	figures: Record<number, SeedFigure>;
}

export class ComparisonPage {
	readonly title: Locator;
	readonly table: Locator;
	readonly charts: Locator;
	readonly checks: Locator;

	constructor(readonly page: Page) {
		this.title = page.getByRole('heading', { level: 1 });
		// The table of the nine (and own indicators); the commitments have a table of their own after it.
		this.table = page.getByRole('table').first();
		this.charts = page.getByRole('region', { name: /趋势图|Trends/ });
		this.checks = page.getByRole('region', { name: /数据核查|Figure checks/ });
	}

	async open(code = '620702'): Promise<void> {
		await this.page.goto(`/county/${code}/compare`);
		await expect(this.title).toBeVisible();
		await this.chartsDrawn();
	}

	/** The rows of one indicator (its line against the city, then the province). */
	indicator(name: string): Locator {
		return this.table
			.getByRole('rowgroup')
			.filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
	}

	/** The trend chart of an indicator, found by its description. */
	chart(name: string): Locator {
		return this.charts.getByRole('img', { name: new RegExp(`^${name}`) });
	}

	/** Charts are drawn after the table, by a library loaded on demand: wait until they are. */
	async chartsDrawn(): Promise<void> {
		await expect(this.charts).toHaveAttribute('aria-busy', 'false');
	}

	/** The sheet as the browser prints it: A4 landscape, as the page's own @page asks. */
	async pdf(): Promise<Buffer> {
		return this.page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
	}
}

/**
 * Write a county's figures (and its own indicators) straight into the workbook's database,
 * as a file import would, then reload so the app reads them. The app must have opened the
 * database once (it creates and seeds it).
 */
export async function seedCounty(
	page: Page,
	regionCode: string,
	figures: Record<string, Record<number, SeedFigure>>,
	own: SeedIndicator[] = []
): Promise<void> {
	// A page that shows figures opens (creates, upgrades and seeds) the database before its
	// heading shows; the start page reads its cards without it and opens it only later.
	await page.goto('/safety');
	await expect(page.getByRole('heading', { name: '数据安全', level: 1 })).toBeVisible();
	await page.evaluate(
		async ({ regionCode, figures, own }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('zhangye-edu2035');
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			const now = Date.now();
			const cells = (m: Record<number, number | string | boolean>) =>
				Object.fromEntries(
					Object.entries(m).map(([year, v]) => [
						year,
						typeof v === 'boolean' ? { t: 'b', v } : typeof v === 'string' ? { t: 'f', f: v } : { t: 'n', v }
					])
				);
			const series = (indicatorCode: string, m: Record<number, number | string | boolean>) => ({
				regionCode,
				indicatorCode,
				kind: 'actual',
				cells: cells(m),
				note: '',
				updatedAt: now
			});
			const tx = db.transaction(['series', 'ownIndicatorSets'], 'readwrite');
			for (const [code, m] of Object.entries(figures)) tx.objectStore('series').put(series(code, m));
			const added = own.map((o, i) => {
				tx.objectStore('series').put(series(o.code, o.figures));
				return {
					regionCode,
					code: o.code,
					nameZh: o.nameZh,
					nameEn: '',
					unit: o.unit,
					direction: 'higher',
					precision: 0,
					countyMeasure: 'value',
					order: i,
					updatedAt: now
				};
			});
			// A county's own indicators are one record (schema v11), sorted by code.
			if (added.length > 0) {
				const sets = tx.objectStore('ownIndicatorSets');
				const req = sets.get(regionCode);
				req.onsuccess = () => {
					const stored = (
						(req.result as { indicators: { code: string }[] } | undefined)?.indicators ?? []
					).filter((c) => !added.some((a) => a.code === c.code));
					const indicators = [...stored, ...added].sort((a, b) =>
						a.code < b.code ? -1 : a.code > b.code ? 1 : 0
					);
					sets.put({ regionCode, indicators });
				};
			}
			await new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ regionCode, figures, own }
	);
	await page.reload();
}

export interface PdfPage {
	width: number;
	height: number;
	/** The page's text, normalised for comparison: see `normalise`. */
	text: string;
}

// Chromium's PDF maps some glyphs to another code point the font draws alike: CJK
// ideographs to radicals (⽢ for 甘, ⻚ for 页), the em dash — to the bar ―. NFKC folds the
// Kangxi radicals back; the others are folded here.
const RADICALS: Record<string, string> = {
	'\u2eda': '页',
	'\u2ea0': '民',
	'\u2ed4': '门',
	'\u2ed3': '长',
	'\u2ec5': '见',
	'\u2ec9': '贝',
	'\u2ecb': '车',
	'\u2edb': '风',
	'\u2ee2': '马',
	'\u2eec': '齐',
	'\u2ef0': '龙'
};

/** Text as compared: radicals folded, no white space (lines break anywhere in CJK). */
export function normalise(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\u2e80-\u2eff]/g, (ch) => RADICALS[ch] ?? ch)
		.replace(/\u2015/g, '\u2014')
		.replace(/\s+/g, '');
}

export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
	const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
	const pages: PdfPage[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const page = await doc.getPage(i);
		const { width, height } = page.getViewport({ scale: 1 });
		const content = await page.getTextContent();
		const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
		pages.push({ width, height, text: normalise(text) });
	}
	await doc.destroy();
	return pages;
}
