// Developer aid: how long the main thread is blocked while a big CSV is previewed and applied
// on /exchange of the built app. A seed file is applied first, so the big file holds changed
// figures (old → new) as well as new ones and refused rows, as a city-wide merge would.
//
//   npx vite build && node scripts/dev/import-longtask.mjs [--rows 100000] [--port 4331] [--dir build]
//
// Prints a JSON line: the longest main-thread task (PerformanceObserver 'longtask') from the
// file chosen to the preview shown, and from apply to applied, and when the counts appeared.
// A long task's wall time counts the time the thread waited for a core: on a loaded machine
// it overstates the work. So a trace is recorded too, and the longest task is also given in
// the main thread's own CPU time (the trace's thread duration), which load does not inflate.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('rows', 100_000));
const PORT = Number(arg('port', 4331));
const DIR = arg('dir', 'build');
const COUNTIES = ['620702', '620721', '620722', '620723', '620724', '620725'];
const PLAN = ['EDU01', 'EDU02', 'EDU04', 'EDU05', 'EDU06', 'EDU07', 'EDU08'];
const HEADER = '地区代码,地区,指标代码,指标,单位,类型,年份,数值,备注';

/** The plan indicators of every county, 2020–2035: applied first, then changed by the big file. */
function seedCsv() {
	const lines = [HEADER];
	for (const county of COUNTIES)
		for (const code of PLAN)
			for (let y = 2020; y <= 2035; y++) lines.push(`${county},,${code},,,实际,${y},90,`);
	return lines.join('\r\n') + '\r\n';
}

/** Changed plan figures, then own indicators: every tenth row refused (not a number). */
function bigCsv() {
	const lines = [HEADER];
	for (const county of COUNTIES)
		for (const code of PLAN)
			for (let y = 2020; y <= 2035; y++) lines.push(`${county},,${code},,,实际,${y},91.5,`);
	const perCounty = Math.ceil(ROWS / COUNTIES.length / 16);
	let i = 0;
	outer: for (const county of COUNTIES) {
		for (let n = 1; n <= perCounty; n++) {
			const code = `C${String(n).padStart(4, '0')}`;
			for (let year = 2020; year <= 2035; year++) {
				if (lines.length > ROWS) break outer;
				const value = ++i % 10 === 0 ? '很高' : (90 + ((n * 7 + year) % 100) / 10).toFixed(1);
				lines.push(`${county},,${code},自设指标${n},%,实际,${year},${value},`);
			}
		}
	}
	return lines.join('\r\n') + '\r\n';
}

/** The page's main-thread tasks from a trace, by CPU time, between two performance marks. */
function cpuTasks(trace) {
	const events = trace.traceEvents ?? trace;
	const main = events.find(
		(e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
	);
	const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid);
	const markAt = (name) => onMain.find((e) => e.name === name)?.ts ?? events.find((e) => e.name === name)?.ts;
	const runs = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tdur !== undefined);
	return {
		longest(from, to) {
			const a = markAt(from);
			const b = markAt(to) ?? Infinity;
			const inWindow = runs.filter((e) => e.ts >= a && e.ts < b);
			return Math.round(Math.max(0, ...inWindow.map((e) => e.tdur)) / 1000);
		}
	};
}

const tmp = mkdtempSync(join(tmpdir(), 'zy-longtask-'));
const seedFile = join(tmp, 'seed.csv');
const bigFile = join(tmp, `big-${ROWS}.csv`);
writeFileSync(seedFile, seedCsv());
writeFileSync(bigFile, bigCsv());
const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT), '--dir', DIR], {
	stdio: 'ignore'
});
let browser;
try {
	await new Promise((r) => setTimeout(r, 600));
	browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
	await page.goto(`http://127.0.0.1:${PORT}/exchange`);
	await page.getByRole('button', { name: '导出文件' }).waitFor();
	const picker = page.getByLabel('选择 CSV 或 Excel 文件…');
	const apply = page.getByRole('button', { name: /应用导入/ });
	const applied = page.getByRole('status').filter({ hasText: '已导入' });

	await picker.setInputFiles(seedFile);
	await apply.click({ timeout: 60_000 });
	await applied.waitFor({ timeout: 60_000 });

	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__tasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__tasks.push({ at: e.startTime, ms: e.duration });
		}).observe({ type: 'longtask', buffered: false });
	});
	const mark = (name) =>
		page.evaluate((name) => {
			performance.mark(name);
			return performance.now();
		}, name);
	const traceFile = join(tmp, 'trace.json');
	await browser.startTracing(page, {
		path: traceFile,
		categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing']
	});
	const t0 = await mark('zy-chosen');
	await picker.setInputFiles(bigFile);
	// Waited for in the page with plain DOM checks: Playwright's role locators compute the
	// accessible names of every cell on each poll, on the very thread being measured.
	const shows = (check) => page.waitForFunction(check, undefined, { polling: 100, timeout: 180_000 });
	await shows(() => [...document.querySelectorAll('h3')].some((h) => h.textContent === '各地区的变化'));
	const tCounts = await mark('zy-counts');
	// The preview is shown in full when its last list (the refused rows) has its first page.
	await shows(
		() =>
			[...document.querySelectorAll('button')].some((b) => b.textContent?.trim().startsWith('应用导入')) &&
			[...document.querySelectorAll('td')].some((td) => td.textContent?.includes('“很高”不是数字'))
	);
	// Let the deferred pages settle before reading the tasks.
	await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
	const tPreview = await mark('zy-preview');
	const rowsInDom = await page.evaluate(() => document.querySelectorAll('tr').length);
	await apply.click();
	await applied.waitFor({ timeout: 300_000 });
	const tApplied = await mark('zy-applied');
	await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
	await browser.stopTracing();
	const cpu = cpuTasks(JSON.parse(readFileSync(traceFile, 'utf8')));
	// Kept for a look in chrome://tracing or DevTools when asked: --keep-trace file.json
	if (arg('keep-trace', '')) writeFileSync(arg('keep-trace', ''), readFileSync(traceFile));
	const tasks = await page.evaluate(() => /** @type {any} */ (window).__tasks);
	const longest = (from, to) =>
		Math.round(Math.max(0, ...tasks.filter((t) => t.at >= from && t.at < to).map((t) => t.ms)));
	const over100 = (from, to) => tasks.filter((t) => t.at >= from && t.at < to && t.ms > 100).length;
	console.log(
		JSON.stringify({
			rows: ROWS,
			countsShownMs: Math.round(tCounts - t0),
			previewShownMs: Math.round(tPreview - t0),
			longestTaskPreviewMs: longest(t0, tPreview),
			tasksOver100msPreview: over100(t0, tPreview),
			longestTaskPreviewCpuMs: cpu.longest('zy-chosen', 'zy-preview'),
			tableRowsInDom: rowsInDom,
			applyMs: Math.round(tApplied - tPreview),
			longestTaskApplyMs: longest(tPreview, Infinity),
			tasksOver100msApply: over100(tPreview, Infinity),
			longestTaskApplyCpuMs: cpu.longest('zy-preview', 'zy-applied'),
			tasks: tasks.map((t) => [Math.round(t.at - t0), Math.round(t.ms)])
		})
	);
} finally {
	await browser?.close();
	server.kill();
	rmSync(tmp, { recursive: true, force: true });
}
