import { expect, test, type Page } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';

/**
 * Hold the workbook's database busy from the page itself, so that a save waits until
 * `release()` is called: what happens "while a save lands" then happens in a fixed order.
 */
async function holdDatabase(page: Page): Promise<() => Promise<void>> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('zhangye-edu2035');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('series', 'readwrite');
					const store = tx.objectStore('series');
					const w = window as unknown as { releaseDb?: boolean };
					w.releaseDb = false;
					// A transaction lives while it has requests: keep asking until released.
					const spin = () => {
						if (w.releaseDb) return;
						store.count().onsuccess = spin;
					};
					spin();
					tx.oncomplete = () => db.close();
					resolve();
				};
			})
	);
	return async () => {
		await page.evaluate(() => {
			(window as unknown as { releaseDb?: boolean }).releaseDb = true;
		});
	};
}

test('the name box keeps what is being typed in it while a save lands', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	const release = await holdDatabase(page);
	await sheet.type('EDU01', 'D', '99');
	// The save is waiting; the planner goes on to the name box and starts an address.
	await sheet.nameBox.click();
	await sheet.nameBox.fill('');
	await sheet.nameBox.pressSequentially('H');
	await release();
	await sheet.expectSaved();
	await expect(sheet.nameBox).toHaveValue('H');
	await sheet.nameBox.pressSequentially('2');
	await sheet.nameBox.press('Enter');
	await expect(sheet.nameBox).toHaveValue('H2');
});

test('an own indicator keeps its unit after a reload, on the sheet and the comparison sheet', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await page.getByRole('button', { name: '添加本县指标' }).click();
	const dialog = page.getByRole('dialog', { name: '添加本县自设指标' });
	await dialog.getByLabel('指标名称').fill('农村寄宿生比例');
	await dialog.getByLabel('单位').fill('%');
	await dialog.getByRole('button', { name: '保存' }).click();
	await expect(sheet.row('农村寄宿生比例')).toBeVisible();
	await sheet.type('农村寄宿生比例', 'D', '31.5');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('农村寄宿生比例', 'A', 'C01');
	await sheet.expectCell('农村寄宿生比例', 'C', '%');
	await page.getByRole('link', { name: '对照表' }).click();
	const row = page.getByRole('row').filter({ hasText: '农村寄宿生比例' }).first();
	await expect(row).toContainText('%');
	await expect(row).not.toContainText('C01%');
});
