// Developer aid: the .xlsx export as a planner sees it: 导入导出 with Excel 工作簿 chosen, at
// 1366×768 and 1920×1080, the city view's export buttons, and a county exported as .xlsx,
// printed by LibreOffice to PDF and rendered to PNG pages (pdftoppm), to look at.
//
//   npx vite build && node scripts/dev/shoot-xlsx.mjs [outdir] [--port 4334]
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';

const out = resolve(
	process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'test-results/xlsx-shots'
);
const i = process.argv.indexOf('--port');
const PORT = i > 0 ? Number(process.argv[i + 1]) : 4334;
mkdirSync(out, { recursive: true });

const CSV = [
	'地区代码,地区,指标代码,指标,单位,类型,2020,2021,2022,2023,2024',
	'620702,甘州区,EDU01,学前教育毛入园率,%,实际,92.5,93.1,95.8,96.4,=G1+0.3',
	'620702,甘州区,EDU02,九年义务教育巩固率,%,实际,99.53,99.6,99.6,99.62,',
	'620702,甘州区,EDU03,义务教育优质均衡县的比例,%,实际,否,否,否,是,',
	'620702,甘州区,EDU09,劳动年龄人口平均受教育年限,年,实际,9.6,9.7,9.8,9.9,10'
].join('\r\n');

const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT)], { stdio: 'ignore' });
let browser;
try {
	await new Promise((r) => setTimeout(r, 600));
	browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
	page.on('pageerror', (e) => console.log('pageerror:', e.message));
	await page.goto(`http://127.0.0.1:${PORT}/exchange`);
	await page
		.getByLabel('选择 CSV 或 Excel 文件…')
		.setInputFiles([{ name: 'seed.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) }]);
	await page.getByRole('button', { name: /^应用导入/ }).click();
	await page.getByRole('status').filter({ hasText: '已导入' }).waitFor();
	await page.getByRole('radio', { name: /Excel 工作簿/ }).check();
	await page.getByRole('checkbox', { name: '甘州区' }).check();
	await page.getByRole('textbox', { name: '报送单位' }).fill('甘州区教育局');
	for (const [w, h] of [
		[1366, 768],
		[1920, 1080]
	]) {
		await page.setViewportSize({ width: w, height: h });
		await page.getByRole('heading', { name: '导出', exact: true }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${out}/export-xlsx-${w}.png` });
	}
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出文件' }).click();
	const download = await downloading;
	const xlsx = join(out, download.suggestedFilename());
	await download.saveAs(xlsx);
	await page.goto(`http://127.0.0.1:${PORT}/city`);
	for (const [w, h] of [
		[1366, 768],
		[1920, 1080]
	]) {
		await page.setViewportSize({ width: w, height: h });
		await page.getByRole('button', { name: '导出对照表（Excel）' }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${out}/city-export-${w}.png` });
	}

	const profile = `-env:UserInstallation=file://${join(out, 'lo-profile')}`;
	spawnSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx], {
		stdio: 'ignore'
	});
	const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
	spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'county-xlsx-page')], { stdio: 'inherit' });
	writeFileSync(join(out, 'README.txt'), `from ${download.suggestedFilename()}\n`);
	console.log(`screenshots and PDF pages in ${out}`);
} finally {
	await browser?.close();
	server.kill();
}
