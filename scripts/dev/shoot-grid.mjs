// Developer aid: a county's sheet with figures typed, at 1366×768 and 1920×1080, to check
// that its years and the chosen target year's comparison show together, with coloured
// statuses (node scripts/dev/shoot-grid.mjs [outdir]). Needs `node scripts/serve.js`.
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const out = process.argv[2] ?? '/tmp';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.log('pageerror:', e.message));

async function fill(address, text) {
	const box = page.getByRole('textbox', { name: /单元格|Cell/ });
	await box.fill(address);
	await box.press('Enter');
	await page.locator('textarea.handsontableInput').waitFor({ state: 'attached' });
	await page.waitForTimeout(40);
	await page.keyboard.type(text, { delay: 20 });
	await page.keyboard.press('Enter');
	await page.waitForTimeout(40);
}

await page.goto(base + '/county/620702');
await page.getByRole('treegrid').waitFor();
const figures = {
	1: ['99', '99.1', '99.2', '99.3', '99.6'],
	2: ['98.7', '98.9', '99', '99', '99.05'],
	3: ['n', 'n', 'n', 'y', 'y'],
	4: ['94.2', '95', '95.6', '96.1', '96.8'],
	5: ['44', '45.5', '46.2', '47', '45'],
	9: ['9.6', '9.7', '9.8', '9.9', '10']
};
for (const [row, values] of Object.entries(figures)) {
	for (const [i, v] of values.entries()) await fill(`${'DEFGH'[i]}${row}`, v);
}
await page.waitForTimeout(300);
for (const [w, h] of [
	[1366, 768],
	[1920, 1080]
]) {
	await page.setViewportSize({ width: w, height: h });
	await page.waitForTimeout(400);
	await page.screenshot({ path: `${out}/county-${w}.png` });
	const colours = await page.evaluate(() =>
		[...document.querySelectorAll('.ht_master td.st-met, .ht_master td.st-behind, .ht_master td.st-on-track')]
			.slice(0, 6)
			.map((td) => `${td.textContent} ${getComputedStyle(td).color}`)
	);
	console.log(w, colours.join(' | '));
}
// Scrolled down the page: the column headers must still be in view.
await page.setViewportSize({ width: 1366, height: 500 });
await page.mouse.wheel(0, 300);
await page.waitForTimeout(400);
await page.screenshot({ path: `${out}/county-scrolled.png` });
await browser.close();
