// Benchmark: import a 100,000-row long-layout CSV into the built app in headless Chromium.
// Records how long reading+checking (in the worker) and applying take, and how responsive
// the page stays meanwhile (longest main-thread task, worst timer lag).
//
//   npm run build && node scripts/bench/import-100k.mjs [--rows 100000] [--port 4199]
//
// Prints a JSON line of figures; docs/benchmarks.md keeps the ones measured.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 100_000);
const PORT = arg('port', 4199);
const COUNTIES = ['620702', '620721', '620722', '620723', '620724', '620725'];

// Distinct cells, as a city-wide merge of many files would hold: each county gets enough own
// indicators (16 years each) to reach ROWS rows, so every row is a new cell to write.
function makeCsv() {
	const lines = ['地区代码,地区,指标代码,指标,单位,类型,年份,数值,备注'];
	const perCounty = Math.ceil(ROWS / COUNTIES.length / 16);
	outer: for (const county of COUNTIES) {
		for (let n = 1; n <= perCounty; n++) {
			const code = `C${String(n).padStart(4, '0')}`;
			for (let year = 2020; year <= 2035; year++) {
				if (lines.length > ROWS) break outer;
				const value = (90 + ((n * 7 + year) % 100) / 10).toFixed(1);
				lines.push(`${county},,${code},自设指标${n},%,实际,${year},${value},备注${n}`);
			}
		}
	}
	return lines.join('\r\n') + '\r\n';
}

const dir = mkdtempSync(join(tmpdir(), 'zy-bench-'));
const file = join(dir, `long-${ROWS}.csv`);
const csv = makeCsv();
writeFileSync(file, csv);
const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT)], { stdio: 'ignore' });
try {
	await new Promise((r) => setTimeout(r, 600));
	const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
	await page.goto(`http://127.0.0.1:${PORT}/exchange`);
	await page.getByRole('button', { name: '导出文件' }).waitFor();
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__bench = { longest: 0, lag: 0 };
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__bench.longest = Math.max(w.__bench.longest, e.duration);
		}).observe({ type: 'longtask', buffered: false });
		let last = performance.now();
		setInterval(() => {
			const now = performance.now();
			w.__bench.lag = Math.max(w.__bench.lag, now - last - 20);
			last = now;
		}, 20);
	});
	const t0 = Date.now();
	await page.getByLabel('选择 CSV 文件…').setInputFiles(file);
	const apply = page.getByRole('button', { name: /应用导入/ });
	await apply.waitFor({ timeout: 120_000 });
	const previewMs = Date.now() - t0;
	const during = await page.evaluate(() => ({ .../** @type {any} */ (window).__bench }));
	const t1 = Date.now();
	await apply.click();
	await page.getByRole('status').filter({ hasText: '已导入' }).waitFor({ timeout: 120_000 });
	const applyMs = Date.now() - t1;
	const after = await page.evaluate(() => ({ .../** @type {any} */ (window).__bench }));
	await browser.close();
	console.log(
		JSON.stringify({
			rows: ROWS,
			fileBytes: Buffer.byteLength(csv),
			previewMs,
			applyMs,
			longestTaskWhileReadingMs: Math.round(during.longest),
			worstTimerLagWhileReadingMs: Math.round(during.lag),
			longestTaskIncludingApplyMs: Math.round(after.longest)
		})
	);
} finally {
	server.kill();
	rmSync(dir, { recursive: true, force: true });
}
