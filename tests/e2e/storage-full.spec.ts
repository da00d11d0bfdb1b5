// With the browser's storage full, every failure is said in plain Chinese (no exception
// text, no 「。。」), nothing throws out of the page, and nothing is half-written.
import { expect, test, type Page } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { ExchangePage } from './pages/exchange-page';

async function dump(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('zhangye-edu2035');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const out: Record<string, unknown[]> = {};
		for (const name of Array.from(db.objectStoreNames)) {
			out[name] = await new Promise<unknown[]>((resolve, reject) => {
				const req = db.transaction(name).objectStore(name).getAll();
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
		}
		db.close();
		return out;
	});
}

/**
 * Fill the quota. Chromium's own override (CDP Storage.overrideQuotaForOrigin) is tried first;
 * Chromium 156 accepts it but enforces nothing (a write past it succeeds: checked below), so
 * then the browser's IndexedDB is made to refuse every write as a full disk does, with a
 * DOMException named QuotaExceededError, from each page's start. Dexie, the storage layer and
 * the pages above it are the real ones; only the disk's answer is staged.
 */
async function fillQuota(page: Page, origin: string): Promise<void> {
	const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage });
	await cdp.detach();
	const enforced = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('zhangye-edu2035');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const tx = db.transaction('meta', 'readwrite');
		tx.objectStore('meta').put({ key: 'quota-probe', value: 'x'.repeat(200_000) });
		const ok = await new Promise<boolean>((resolve) => {
			tx.oncomplete = () => resolve(true);
			tx.onabort = () => resolve(false);
		});
		if (ok) {
			const undo = db.transaction('meta', 'readwrite');
			undo.objectStore('meta').delete('quota-probe');
			await new Promise((resolve) => (undo.oncomplete = resolve));
		}
		db.close();
		return !ok;
	});
	if (enforced) return;
	await page.addInitScript(() => {
		const refuse = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		IDBObjectStore.prototype.put = refuse;
		IDBObjectStore.prototype.add = refuse;
	});
}

function expectPlain(text: string): void {
	expect(text).toContain('浏览器存储空间已满');
	expect(text).not.toMatch(/QuotaExceeded|Error|DOMException|Dexie/);
	expect(text).not.toContain('。。');
}

test('with the storage full, saving the sender and adding an own indicator fail in plain words, writing nothing', async ({
	page,
	baseURL
}) => {
	const pageErrors: string[] = [];
	page.on('pageerror', (e) => pageErrors.push(e.message));
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'D', '99');
	await sheet.expectSaved();
	const before = await dump(page);
	await fillQuota(page, new URL(baseURL!).origin);

	const exchange = new ExchangePage(page);
	await exchange.open();
	await page.getByRole('textbox', { name: '报送单位' }).fill('甘州区教育局'.repeat(3));
	await page.getByRole('textbox', { name: '填报人' }).click();
	const senderFailure = page.getByRole('alert').filter({ hasText: '报送信息没有保存' });
	await expect(senderFailure).toBeVisible();
	expectPlain((await senderFailure.textContent()) ?? '');

	await sheet.openCounty('620702');
	await page.getByRole('button', { name: /添加本县指标/ }).click();
	await page.getByRole('textbox', { name: '指标名称' }).fill('教师培训覆盖率');
	await page.getByRole('button', { name: '保存' }).click();
	const addFailure = page.getByRole('alert').filter({ hasText: '指标没有改动' });
	await expect(addFailure).toBeVisible();
	expectPlain((await addFailure.textContent()) ?? '');
	await expect(sheet.row('教师培训覆盖率')).toHaveCount(0);

	// A figure typed now is refused by the browser too, and the cell goes back to what is stored.
	await sheet.type('EDU02', 'D', '97');
	const saveFailure = page.getByRole('alert').filter({ hasText: '保存失败' });
	await expect(saveFailure).toBeVisible();
	expectPlain((await saveFailure.textContent()) ?? '');
	await sheet.expectCell('EDU02', 'D', '');

	expect(await dump(page)).toEqual(before);
	expect(pageErrors).toEqual([]);
});
