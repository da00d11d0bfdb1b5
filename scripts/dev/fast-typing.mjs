// Developer aid: how fast can a planner type down a column before a key is lost?
// Types figures into EDU04–EDU09 with Enter between them, waiting `delay` ms after each
// Enter, then reads every cell back through the formula bar. Needs `node scripts/serve.js`.
//   node scripts/dev/fast-typing.mjs
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
for (const delay of [0, 5, 15, 30]) {
	const page = await browser.newPage({ viewport: { width: 1440, height: 760 } });
	await page.goto(`${base}/county/620702`);
	await page.getByRole('treegrid').waitFor();
	const box = page.getByRole('textbox', { name: /单元格|Cell/ });
	const bar = page.getByRole('textbox', { name: /公式栏|Formula bar/ });
	const expected = new Map();
	for (let i = 0; i < 5; i++) {
		const col = 'DEFGH'[i];
		await box.fill(`${col}4`);
		await box.press('Enter');
		await page.waitForTimeout(100);
		for (let row = 4; row <= 9; row++) {
			const v = String(50 + row + i / 10);
			expected.set(`${col}${row}`, v);
			await page.keyboard.type(v);
			await page.keyboard.press('Enter');
			if (delay) await page.waitForTimeout(delay);
		}
	}
	let lost = 0;
	for (const [address, v] of expected) {
		await box.fill(address);
		await box.press('Enter');
		if ((await bar.inputValue()) !== v) lost++;
	}
	console.log(`${delay} ms after Enter: ${lost}/${expected.size} cells lost a key`);
	await page.close();
}
await browser.close();
