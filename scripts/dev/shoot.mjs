// Developer aid: screenshots of the built app's screens, with a few figures typed in the
// way a planner would (node scripts/dev/shoot.mjs [outdir]). Needs `node scripts/serve.js`.
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const out = process.argv[2] ?? 'docs';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const lang = process.env.SHOT_LANG ?? 'zh';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1920, height: 720 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.log('pageerror:', e.message));

// Typed at a brisk human pace (scripts/bench/keystroke-fidelity.mjs types at robot speed).
async function fill(address, text) {
	const box = page.getByRole('textbox', { name: /单元格|Cell/ });
	await box.fill(address);
	await page.waitForTimeout(30);
	await box.press('Enter');
	await page.waitForTimeout(30);
	await page.keyboard.type(text, { delay: 20 });
	await page.keyboard.press('Enter');
	await page.waitForTimeout(30);
}

await page.goto(base + '/');
if (lang === 'en') await page.getByRole('button', { name: '切换到英文界面' }).click();
await page.goto(base + '/county/620702');
await page.getByRole('treegrid').waitFor();
const figures = {
	1: ['99', '99.1', '99.2', '99.3', '99.6'],
	2: ['98.7', '98.9', '99', '99', '99.05'],
	// y/n: what a keyboard without an input method types for 否/是.
	3: ['n', 'n', 'n', 'y', 'y'],
	4: ['94.2', '95', '95.6', '96.1', '96.8'],
	5: ['44', '45.5', '46.2', '47', '47.6'],
	9: ['9.6', '9.7', '9.8', '9.9', '10']
};
for (const [row, values] of Object.entries(figures)) {
	for (const [i, v] of values.entries()) await fill(`${'DEFGH'[i]}${row}`, v);
}
await fill('I1', '=H1+0.05');
await fill('T1', '2024年为快报数');
await fill('S2', '96');
await page.keyboard.press('Control+z');
// End on a comparison cell, so the formula bar shows how it is computed.
const nameBox = page.getByRole('textbox', { name: /单元格|Cell/ });
await nameBox.fill('Y1');
await nameBox.press('Enter');
await page.waitForTimeout(400);
const alert = page.getByRole('alert');
if (await alert.count()) console.log('alert shown:', await alert.first().textContent());
await page.screenshot({ path: `${out}/screenshot-county.png` });
// The comparison sheet of the same figures, with its checks and the top of its charts.
await page.setViewportSize({ width: 1440, height: 1280 });
await page.goto(base + '/county/620702/compare');
await page
	.getByRole('region', { name: /趋势图|Trends/ })
	.and(page.locator('[aria-busy="false"]'))
	.waitFor();
await page.screenshot({ path: `${out}/screenshot-compare.png` });
await page.setViewportSize({ width: 1920, height: 720 });
await page.goto(base + '/');
// After the workbook has opened, not its loading line.
await page.getByRole('heading', { name: /选择县区|Choose a county/ }).waitFor();
await page.screenshot({ path: `${out}/screenshot-home.png` });
await page.goto(base + '/targets');
await page.getByRole('treegrid').waitFor();
await page.screenshot({ path: `${out}/screenshot-targets.png` });
await browser.close();
