// Developer aid: screenshots of /exchange with an import preview holding new, changed and
// refused rows, a warning and a note on a figure, at 1366×768 and 1920×1080, with 600 refused
// rows to show the list a page at a time, and of two .xlsx workbooks (the fixtures) read
// through the same preview.
//
//   npx vite build && node scripts/dev/shoot-import.mjs [outdir] [--port 4332]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';

const out =
	process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'test-results/import-shots';
const i = process.argv.indexOf('--port');
const PORT = i > 0 ? Number(process.argv[i + 1]) : 4332;
mkdirSync(out, { recursive: true });

const csv = (name, lines) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(lines.join('\r\n') + '\r\n')
});
const SEED = csv('620702-甘州区-20261101.csv', [
	'地区代码,地区,指标代码,指标,单位,类型,2022,2023,2024',
	'620702,甘州区,EDU01,学前教育毛入园率,%,实际,98.9,99.3,99.5',
	'620702,甘州区,EDU02,九年义务教育巩固率,%,实际,98.7,98.9,99'
]);
const PREVIEW = csv('620702-甘州区-20261120.csv', [
	'地区代码,地区,指标代码,指标,单位,类型,2022,2023,2024,2025,2024批注',
	'620702,甘州区,EDU01,学前教育毛入园率,%,实际,98.9,99.4,99.6,99.7,据2024年统计年报',
	'620702,甘州区,EDU02,九年义务教育巩固率,%,实际,98.7,很高,99.2,',
	'620702,甘州区,EDU04,高中阶段毛入学率,%,实际,,95.1,96.3,',
	'620702,甘州,EDU05,高等教育毛入学率,%,实际,,,46.2,',
	'620702,甘州区,C01,农村寄宿生比例,%,实际,,31.5,32,',
	'629999,某县,EDU01,学前教育毛入园率,%,实际,98,,,',
	'620723,临泽县,EDU01,学前教育毛入园率,%,实际,,>99,,'
]);
const MANY = csv('全市汇总.csv', [
	'地区代码,指标代码,类型,年份,数值',
	...Array.from({ length: 600 }, (_, n) => `620721,EDU01,实际,${2020 + (n % 16)},不详${n}`),
	'620721,EDU02,实际,2024,99.1'
]);

const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT)], { stdio: 'ignore' });
let browser;
try {
	await new Promise((r) => setTimeout(r, 600));
	browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
	page.on('pageerror', (e) => console.log('pageerror:', e.message));
	await page.goto(`http://127.0.0.1:${PORT}/exchange`);
	const picker = page.getByLabel('选择 CSV 或 Excel 文件…');
	await picker.setInputFiles([SEED]);
	await page.getByRole('button', { name: /^应用导入/ }).click();
	await page.getByRole('status').filter({ hasText: '已导入' }).waitFor();
	await picker.setInputFiles([PREVIEW]);
	await page.getByRole('button', { name: /^应用导入/ }).waitFor();
	await page.getByRole('heading', { name: /不导入的行/ }).waitFor();
	await page.getByText(/新增的数据/).click();
	for (const [w, h] of [
		[1366, 768],
		[1920, 1080]
	]) {
		await page.setViewportSize({ width: w, height: h });
		await page.getByRole('heading', { name: '导入', exact: true }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${out}/import-preview-${w}.png` });
		await page.screenshot({ path: `${out}/import-preview-${w}-full.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1366, height: 768 });
	await picker.setInputFiles([MANY]);
	await page
		.getByRole('button', { name: /显示更多/ })
		.first()
		.waitFor();
	await page
		.getByRole('button', { name: /显示更多/ })
		.first()
		.scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${out}/import-many-1366.png` });
	const fixtures = new URL('../../src/lib/core/exchange/xlsx/fixtures/', import.meta.url);
	const xlsx = (name) => ({
		name,
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: readFileSync(new URL(name, fixtures))
	});
	await picker.setInputFiles([xlsx('ganzhou-export.xlsx'), xlsx('linze-hostile.xlsx')]);
	await page.getByRole('heading', { name: /不导入的行/ }).waitFor();
	for (const [w, h] of [
		[1366, 768],
		[1920, 1080]
	]) {
		await page.setViewportSize({ width: w, height: h });
		await page.getByRole('heading', { name: '导入', exact: true }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${out}/import-xlsx-${w}.png` });
		await page.screenshot({ path: `${out}/import-xlsx-${w}-full.png`, fullPage: true });
	}
	console.log(`screenshots in ${out}`);
} finally {
	await browser?.close();
	server.kill();
}
