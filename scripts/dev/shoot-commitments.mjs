// Developer aid: the commitment rows on a county sheet, its comparison sheet, the city view and
// the comparison sheet's PDF, at 1366×768 and 1920×1080 (node scripts/dev/shoot-commitments.mjs
// [outdir]). Needs `node scripts/serve.js` (BASE_URL, default port 4173).
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const out = process.argv[2] ?? '/tmp/commitments-shots';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.log('pageerror:', e.message));

// Typed at a brisk human pace; the name asked on the first edit is skipped at once.
async function fill(address, text) {
	const box = page.getByRole('textbox', { name: /单元格|Cell/ });
	await box.fill(address);
	await page.waitForTimeout(30);
	await box.press('Enter');
	await page.waitForTimeout(30);
	await page.keyboard.type(text, { delay: 20 });
	await page.keyboard.press('Enter');
	await page.waitForTimeout(30);
	const skip = page.getByRole('button', { name: '跳过' });
	if (await skip.isVisible()) await skip.click();
}

await page.goto(base + '/county/620702');
await page.getByRole('treegrid').waitFor();
await page.getByRole('checkbox', { name: '规划承诺行' }).check();
await page.getByRole('gridcell', { name: 'FIN01', exact: true }).first().waitFor();
const figures = {
	1: ['99', '99.1', '99.2', '99.3', '99.6'],
	10: ['52000', '54000', '53100.5', '56200', '58800'],
	11: ['18200', '18900', '18650', '19400', '20100'],
	12: ['86000', '88000', '91500', '93000', '95200'],
	13: ['88500', '90000', '91000', '92800', '96000'],
	14: ['62', '70', '81.5', '90', '96.4']
};
for (const [row, values] of Object.entries(figures)) {
	for (const [i, v] of values.entries()) await fill(`${'DEFGH'[i]}${row}`, v);
}
const nameBox = page.getByRole('textbox', { name: /单元格|Cell/ });
await nameBox.fill('Y12');
await nameBox.press('Enter');
await page.waitForTimeout(500);
for (const [w, h] of [
	[1366, 768],
	[1920, 1080]
]) {
	await page.setViewportSize({ width: w, height: h });
	await page.goto(base + '/county/620702?cell=FIN01:2022');
	await page.getByRole('treegrid').waitFor();
	await page.getByRole('gridcell', { name: 'PSY01', exact: true }).first().scrollIntoViewIfNeeded();
	await page.waitForTimeout(600);
	await page.screenshot({ path: `${out}/county-${w}.png` });
	await page.goto(base + '/county/620702/compare');
	await page.getByRole('region', { name: /^规划承诺/ }).scrollIntoViewIfNeeded();
	await page.waitForTimeout(600);
	await page.screenshot({ path: `${out}/compare-${w}.png` });
	await page.goto(base + '/city');
	await page.getByRole('region', { name: /^规划承诺：/ }).scrollIntoViewIfNeeded();
	await page.waitForTimeout(600);
	await page.screenshot({ path: `${out}/city-${w}.png` });
}
await page.goto(base + '/county/620702/compare');
await page
	.getByRole('region', { name: /趋势图|Trends/ })
	.and(page.locator('[aria-busy="false"]'))
	.waitFor();
writeFileSync(
	`${out}/compare.pdf`,
	await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true })
);
// How the commitments table looks on paper (print media, an A4 landscape page's width).
await page.setViewportSize({ width: 1123, height: 794 });
await page.emulateMedia({ media: 'print' });
await page.getByRole('region', { name: /^规划承诺/ }).screenshot({ path: `${out}/print-compare.png` });
await page.emulateMedia({ media: 'screen' });
await page.goto(base + '/city');
await page.getByRole('region', { name: /^规划承诺：/ }).waitFor();
writeFileSync(`${out}/city.pdf`, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
await browser.close();
