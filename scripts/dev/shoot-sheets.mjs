// Developer aid: the figure grids of one build as a planner sees them after a reload, to compare
// two builds pixel for pixel (a change to how the grid is made must not change what it shows):
// a county's sheet with figures, a 批注 and a dragged (remembered) column width, at 1366×768
// (and with 2035's comparison chosen), resized to 1920×1080 and opened at 1920×1080; the city's figures and the targets at both.
//
//   node scripts/dev/shoot-sheets.mjs --dir build --port 4322 --out /tmp/shots-a
//   cmp /tmp/shots-a/county-1366.png /tmp/shots-b/county-1366.png
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const PORT = Number(arg('port', 4322));
const DIR = arg('dir', 'build');
const OUT = arg('out', '/tmp/shots');
const ORIGIN = `http://127.0.0.1:${PORT}`;
mkdirSync(OUT, { recursive: true });

const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT), '--dir', DIR], {
	stdio: 'ignore'
});

async function shown(page) {
	await page.locator('.ht_master td', { hasText: /^\d/ }).first().waitFor();
	// Let every effect and the grid's own follow-up draws settle before the picture.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
}

async function typeAt(page, address, text) {
	const box = page.getByRole('textbox', { name: /单元格|Cell/ });
	await box.fill(address);
	await box.press('Enter');
	await page.locator('textarea.handsontableInput').waitFor({ state: 'attached' });
	await page.waitForTimeout(40);
	await page.keyboard.type(text, { delay: 20 });
	await page.keyboard.press('Enter');
}

try {
	for (let i = 0; i < 50; i++) {
		if (
			await fetch(ORIGIN).then(
				(r) => r.ok,
				() => false
			)
		)
			break;
		await new Promise((r) => setTimeout(r, 100));
	}
	const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const context = await browser.newContext({
		locale: 'zh-CN',
		viewport: { width: 1366, height: 768 },
		serviceWorkers: 'block'
	});
	// A width dragged on an earlier visit (column B, the indicator's name).
	await context.addInitScript(() => {
		if (!localStorage.getItem('zy-edu2035.columnWidths.county'))
			localStorage.setItem('zy-edu2035.columnWidths.county', JSON.stringify({ 1: 230 }));
	});
	const page = await context.newPage();
	page.on('pageerror', (e) => console.log('pageerror:', e.message));
	await page.goto(`${ORIGIN}/county/620702`);
	await shown(page);
	for (const [address, text] of [
		['D1', '99'],
		['E1', '99.4'],
		['D4', '94.2'],
		['E4', '95.1'],
		['D5', '44'],
		['E5', '45.5']
	])
		await typeAt(page, address, text);
	const box = page.getByRole('textbox', { name: /单元格|Cell/ });
	await box.fill('E4');
	await box.press('Enter');
	await page.locator('.ht_master td.current').first().click({ button: 'right' });
	await page.getByRole('menu').getByRole('menuitem', { name: '插入批注', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: /批注/ });
	await dialog.getByRole('textbox').fill('据年报');
	await dialog.getByRole('button', { name: '保存' }).click();
	await dialog.waitFor({ state: 'hidden' });

	await page.reload();
	await shown(page);
	await page.screenshot({ path: `${OUT}/county-1366.png` });
	// The target year chosen beside the years (columns hidden and shown by a settings update).
	await page.getByRole('radio', { name: '2035年目标' }).check();
	await shown(page);
	await page.screenshot({ path: `${OUT}/county-2035-1366.png` });
	await page.getByRole('radio', { name: '2025年目标' }).check();
	await page.setViewportSize({ width: 1920, height: 1080 });
	await shown(page);
	await page.screenshot({ path: `${OUT}/county-resized-1920.png` });
	for (const [w, h] of [
		[1366, 768],
		[1920, 1080]
	]) {
		const p = await context.newPage();
		await p.setViewportSize({ width: w, height: h });
		for (const [name, path] of [
			['county', '/county/620702'],
			['city', '/city/figures'],
			['targets', '/targets']
		]) {
			await p.goto(`${ORIGIN}${path}`);
			await shown(p);
			await p.screenshot({ path: `${OUT}/${name}-open-${w}.png` });
		}
		await p.close();
	}
	await browser.close();
} finally {
	server.kill();
}
