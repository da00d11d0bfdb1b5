// Developer aid: screenshots of a county's tasks page with a few tasks answered from the
// keyboard (node scripts/dev/shoot-tasks.mjs [outdir]). Needs `node scripts/serve.js`.
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const out = process.argv[2] ?? 'docs';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
for (const [width, height] of [
	[1366, 768],
	[1920, 1080]
]) {
	const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
	page.on('pageerror', (e) => console.log('pageerror:', e.message));
	page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
	await page.goto(base + '/county/620702/tasks');
	const grid = page.getByRole('region', { name: /工作任务$/ });
	await grid.waitFor();
	{
		// Task 4's status cell, then along its row.
		await grid.getByRole('gridcell', { name: '发展普惠优质的学前教育' }).last().click();
		const keys = async (...list) => {
			for (const k of list) await page.keyboard.press(k);
		};
		await keys('Tab');
		await page.keyboard.type('推');
		await keys('Tab');
		await page.keyboard.type('区教育局');
		await keys('Tab');
		await page.keyboard.type('王芳');
		await keys('Tab');
		await page.keyboard.type('新建公办幼儿园3所，扩大普惠性学位');
		await keys('Tab');
		await page.keyboard.type('已建成2所，1所主体完工');
		await keys('Tab');
		await page.keyboard.type('《学前教育三年行动计划》');
		await keys('Alt+Enter');
		await page.keyboard.type('区政府常务会议纪要');
		await keys('Enter');
		await page.waitForTimeout(500);
	}
	await page.screenshot({ path: `${out}/tasks-${width}.png` });
	await page.close();
}
await browser.close();
