// Developer aid: the task exchange and printouts as a planner sees them. Imports six county
// task files on 导入导出, then screenshots the preview, the city's matrix and a county's
// report at 1366×768 and 1920×1080, and prints both to PDF (page.pdf, the browser's own
// print). Needs `node scripts/serve.js`. Usage: node scripts/dev/shoot-task-prints.mjs [outdir]
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const out = process.argv[2] ?? '/tmp/task-shots';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
mkdirSync(out, { recursive: true });
const counties = [
	['620702', '甘州区'],
	['620721', '肃南裕固族自治县'],
	['620722', '民乐县'],
	['620723', '临泽县'],
	['620724', '高台县'],
	['620725', '山丹县']
];
const statuses = ['已完成', '推进中', '推进中', '未启动', '已完成', '不适用', '推进中'];
const q = (t) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
function file(i, year, change = (cells) => cells) {
	const [code, name] = counties[i];
	const lines = [
		`报送信息,导出时间,2026-11-28 09:1${i},报送单位,${name}教育局,格式版本,1.2`,
		'地区代码,任务编号,年份,状态,牵头单位,责任人,年度举措,落实情况,佐证材料,备注'
	];
	for (let t = 1; t <= 35; t++) {
		const status = statuses[(t + i * 2) % statuses.length];
		const progress =
			status === '未启动'
				? ''
				: t % 9 === 0
					? '已完成调研并形成报告；' +
						'各学校按照方案落实，组织专题培训与督导检查，建立月报制度，问题清单逐项销号。'.repeat(6)
					: `第${t}项任务按计划推进，完成阶段目标。`;
		const evidence = status === '已完成' ? `${name.slice(0, 2)}教发〔2026〕${t}号\n工作总结` : '';
		lines.push(
			change([
				code,
				t,
				year,
				status,
				`${name.slice(0, 3)}教育局`,
				'张明',
				`制定${t}号任务实施方案，按季度调度。`,
				progress,
				evidence,
				''
			])
				.map(String)
				.map(q)
				.join(',')
		);
	}
	return {
		name: `${code}-${name}-任务落实-${year}-20261128.csv`,
		mimeType: 'text/csv',
		buffer: Buffer.from(lines.join('\r\n'))
	};
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/exchange');
// 临泽县's file has a status that is none of the four on task 5.
const badStatus = (c) => (c[1] === 5 ? [...c.slice(0, 3), '基本完成', ...c.slice(4)] : c);
await page
	.getByLabel('选择 CSV 或 Excel 文件…')
	.setInputFiles(counties.map((_, i) => file(i, 2026, i === 3 ? badStatus : undefined)));
await page.getByRole('button', { name: /应用导入/ }).waitFor();
for (const [w, h] of [
	[1366, 768],
	[1920, 1080]
]) {
	await page.setViewportSize({ width: w, height: h });
	await page.getByRole('heading', { name: /导入任务落实情况/ }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${out}/exchange-preview-${w}.png` });
}
await page.getByRole('button', { name: /应用导入/ }).click();
await page.getByRole('status').filter({ hasText: '已导入任务落实情况' }).waitFor();
await page.screenshot({ path: `${out}/exchange-applied.png` });
// 甘州区 sends a corrected file: the preview lists each change field by field.
const corrected = (c) =>
	c[1] === 1
		? [...c.slice(0, 3), '已完成', ...c.slice(4)]
		: c[1] === 2
			? [...c.slice(0, 4), '甘州区人民政府', ...c.slice(5)]
			: c;
await page.getByLabel('选择 CSV 或 Excel 文件…').setInputFiles([file(0, 2026, corrected)]);
await page.getByRole('button', { name: /应用导入/ }).waitFor();
for (const [w, h] of [
	[1366, 768],
	[1920, 1080]
]) {
	await page.setViewportSize({ width: w, height: h });
	await page.getByRole('heading', { name: /导入任务落实情况/ }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${out}/exchange-changed-${w}.png` });
}
await page.getByRole('button', { name: '放弃' }).click();
await page.goto(base + '/county/620702/tasks?year=2026');
await page.getByRole('link', { name: '打印', exact: true }).waitFor();
await page.setViewportSize({ width: 1366, height: 768 });
await page.screenshot({ path: `${out}/county-tasks-1366.png` });
for (const [path, name, landscape] of [
	['/city/tasks?year=2026', 'matrix', true],
	['/county/620702/tasks/report?year=2026', 'report', false]
]) {
	await page.goto(base + path);
	await page.locator('article[aria-busy="false"]').waitFor();
	for (const [w, h] of [
		[1366, 768],
		[1920, 1080]
	]) {
		await page.setViewportSize({ width: w, height: h });
		await page.screenshot({ path: `${out}/${name}-${w}.png` });
	}
	writeFileSync(`${out}/${name}.pdf`, await page.pdf({ format: 'A4', landscape, preferCSSPageSize: true }));
}
await browser.close();
console.log('written to', out);
