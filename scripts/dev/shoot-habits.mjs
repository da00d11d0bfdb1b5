// Developer aid: screenshots of the grid's Excel habits (right-click menu, find bar, a note
// shown on hover) at 1366×768 and 1920×1080 (node scripts/dev/shoot-habits.mjs [outdir]).
// Needs `node scripts/serve.js`; BASE_URL picks the server.
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const out = process.argv[2] ?? '/tmp';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

async function fill(page, address, text) {
	const box = page.getByRole('textbox', { name: /单元格|Cell/ });
	await box.fill(address);
	await box.press('Enter');
	await page
		.locator('textarea.handsontableInput')
		.waitFor({ state: 'visible' })
		.catch(() => {});
	await page.keyboard.type(text, { delay: 20 });
	await page.keyboard.press('Enter');
}

async function cell(page, row, letter) {
	const idx = await page
		.getByRole('columnheader', { name: letter, exact: true })
		.first()
		.getAttribute('aria-colindex');
	return page
		.locator('.ht_master')
		.getByRole('row')
		.filter({ has: page.getByRole('gridcell', { name: row, exact: true }) })
		.locator(`[role="gridcell"][aria-colindex="${idx}"]`);
}

for (const [w, h] of [
	[1366, 768],
	[1920, 1080]
]) {
	const page = await browser.newPage({ viewport: { width: w, height: h }, locale: 'zh-CN' });
	page.on('pageerror', (e) => console.log('pageerror:', e.message));
	await page.goto(base + '/county/620702');
	await page.getByRole('treegrid').waitFor();
	for (const [a, v] of [
		['E1', '95.8'],
		['F1', '96.4'],
		['G5', '92.1']
	])
		await fill(page, a, v);
	// A note, then the menu on it.
	await (await cell(page, 'EDU05', 'G')).click({ button: 'right' });
	await page.getByRole('menuitem', { name: '插入批注' }).click();
	await page.getByRole('dialog').getByRole('textbox').fill('2023年起含民办园在园幼儿');
	await page.screenshot({ path: `${out}/habits-note-dialog-${w}.png` });
	await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
	await (await cell(page, 'EDU01', 'F')).click({ button: 'right' });
	await page.getByRole('menu').waitFor();
	await page.screenshot({ path: `${out}/habits-menu-${w}.png` });
	await page.keyboard.press('Escape');
	await page.mouse.click(5, 5);
	await (await cell(page, 'EDU05', 'G')).hover();
	await page.locator('.htComments').waitFor({ state: 'visible' });
	await page.screenshot({ path: `${out}/habits-note-hover-${w}.png` });
	await (await cell(page, 'EDU01', 'D')).click();
	await page.keyboard.press('Control+f');
	await page.getByRole('searchbox').fill('9');
	await page.getByRole('searchbox').press('Enter');
	await page.screenshot({ path: `${out}/habits-find-${w}.png` });
	await page.close();
}
await browser.close();
