// Page object for 数据安全 (/safety): backups, restoring with a preview, snapshots; and the
// raw database, read as stored, for record-by-record comparisons.
import { expect, type Locator, type Page } from '@playwright/test';

export class SafetyPage {
	readonly restoreFile: Locator;
	readonly preview: Locator;
	readonly snapshots: Locator;

	constructor(readonly page: Page) {
		this.restoreFile = page.getByLabel('从备份文件恢复…');
		this.preview = page.getByRole('region', { name: /恢复预览/ });
		this.snapshots = page.getByRole('table', { name: '快照' });
	}

	async open(): Promise<void> {
		await this.page.goto('/safety');
		await expect(this.page.getByRole('heading', { name: '数据安全', level: 1 })).toBeVisible();
	}

	status(text: string | RegExp): Locator {
		return this.page.getByRole('status').filter({ hasText: text });
	}
}

/** Every record of the workbook's database, as stored (each table sorted by its JSON). */
export async function dumpDb(page: Page): Promise<Record<string, unknown[]>> {
	const out = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('zhangye-edu2035');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const tables: Record<string, unknown[]> = {};
		for (const name of Array.from(db.objectStoreNames)) {
			tables[name] = await new Promise<unknown[]>((resolve, reject) => {
				const req = db.transaction(name).objectStore(name).getAll();
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
		}
		db.close();
		return tables;
	});
	// Sorted by content with keys in order: a restored row holds its keys in the backup's order.
	for (const rows of Object.values(out)) rows.sort((a, b) => sortedJson(a).localeCompare(sortedJson(b)));
	return out;
}

function sortedJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
			: v
	);
}

/** The tables a backup carries: the workbook, not this browser’s snapshots, settings and undo steps. */
export function workbookTables(dump: Record<string, unknown[]>): Record<string, unknown[]> {
	const { snapshots: _s, device: _d, undoStacks: _u, ...rest } = dump;
	return rest;
}
