// Benchmark: import a long-layout CSV (100,000 rows by default) into the built app, with the
// floor and LibreOffice measured in the same run, so the ratio means something on a machine
// whose load comes and goes.
//
//   npx vite build && node scripts/bench/import-100k.mjs [--rows 100000] [--port 4321]
//                                                       [--dir build] [--no-soffice] [--xlsx]
//
// --xlsx: the same rows as an Excel workbook (LibreOffice converts the CSV, before timing);
// the app imports the .xlsx, the floor still reads the CSV (the same figures, what the
// browser needs at the least), LibreOffice converts the .xlsx.
//
// In one headless Chromium, against the built app served by scripts/serve.js:
//  floor: a page of the same origin reads the same file, decodes it, parses it with papaparse,
//         groups it into one record per region × indicator and writes them in one IndexedDB
//         transaction. No checks, no preview: what the browser needs at the least.
//  app:   /exchange, once the page has settled (no request for 0.5 s: a planner picks a file
//         seconds after the page shows, by when its reader has started), the file chosen in
//         选择 CSV 或 Excel 文件…, the preview shown (应用导入 enabled),
//         应用导入 pressed, 已导入 shown: timed inside the page from the input's change event.
//         The longest main-thread task (PerformanceObserver 'longtask') from file chosen to
//         applied, and the app's own performance measures ('import:…'), are reported too.
//         What was stored is counted from IndexedDB afterwards.
//  floor again, after the app: the figure used is the mean of the two.
//  --profile: a CPU profile of the app's page from file chosen to applied; the functions
//         with the most self time are printed (build with `npx vite build --minify false`
//         for readable names).
//  soffice (when installed): `soffice --headless --convert-to ods` of the same file, timed
//         after a warm-up conversion of a tiny file with the same profile.
// A file the app refuses (the 1,000,000-row file is over the size limit) counts as done when
// the refusal is shown; a crashed tab or no answer within 20× the floor is reported as such.
//
// Prints one JSON object; docs/benchmarks.md keeps the figures measured.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';

const flag = (name) => process.argv.includes(`--${name}`);
const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('rows', 100_000));
const PORT = Number(arg('port', 4321));
const DIR = arg('dir', 'build');
const ORIGIN = `http://127.0.0.1:${PORT}`;
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

// The floor's page: served by the route below under the app's origin.
const FLOOR_HTML = `<!doctype html><meta charset="utf-8"><title>floor</title>
<input type="file" aria-label="file">
<script src="/__bench/papaparse.js"></script>
<script>
window.__floor = new Promise((resolve, reject) => {
	const DB = 'bench-floor';
	const opened = new Promise((ok, fail) => {
		indexedDB.deleteDatabase(DB).onsuccess = () => {
			const open = indexedDB.open(DB, 1);
			open.onupgradeneeded = () => open.result.createObjectStore('series', { keyPath: ['regionCode', 'indicatorCode', 'kind'] });
			open.onsuccess = () => ok(open.result);
			open.onerror = () => fail(open.error);
		};
	});
	document.querySelector('input').addEventListener('change', async (event) => {
		try {
			const t0 = performance.now();
			const db = await opened;
			const bytes = new Uint8Array(await event.target.files[0].arrayBuffer());
			const text = new TextDecoder('utf-8').decode(bytes);
			const t1 = performance.now();
			const rows = Papa.parse(text, { skipEmptyLines: true }).data;
			const t2 = performance.now();
			const header = rows[0];
			const at = (name) => header.indexOf(name);
			const [r, c, y, v, n] = ['地区代码', '指标代码', '年份', '数值', '备注'].map(at);
			const records = new Map();
			for (let i = 1; i < rows.length; i++) {
				const row = rows[i];
				const key = row[r] + '|' + row[c];
				let rec = records.get(key);
				if (!rec) records.set(key, (rec = { regionCode: row[r], indicatorCode: row[c], kind: 'actual', cells: {}, note: row[n], updatedAt: 1 }));
				rec.cells[row[y]] = { t: 'n', v: Number(row[v]) };
			}
			const t3 = performance.now();
			await new Promise((ok, fail) => {
				const tx = db.transaction('series', 'readwrite');
				const store = tx.objectStore('series');
				for (const rec of records.values()) store.put(rec);
				tx.oncomplete = ok;
				tx.onerror = () => fail(tx.error);
			});
			const t4 = performance.now();
			db.close();
			resolve({ totalMs: t4 - t0, readMs: t1 - t0, parseMs: t2 - t1, groupMs: t3 - t2, writeMs: t4 - t3, records: records.size });
		} catch (e) { reject(String(e)); }
	});
});
</script>`;

/** In the app's page: times file chosen → preview → applied (or refused), and long tasks. */
function installAppDriver() {
	const w = /** @type {any} */ (window);
	const longtasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask', buffered: false });
	w.__app = new Promise((resolve) => {
		let t0 = 0;
		let preview = 0;
		const finish = (outcome, message = '') => {
			const end = performance.now();
			observer.disconnect();
			const during = longtasks.filter((t) => t.start >= t0 - 1 && t.start <= end);
			resolve({
				outcome,
				message,
				previewMs: preview ? preview - t0 : null,
				applyMs: preview ? end - preview : null,
				totalMs: end - t0,
				longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
				tasksOver100: during.filter((t) => t.duration > 100).length,
				longTasks: during
					.sort((a, b) => b.duration - a.duration)
					.slice(0, 5)
					.map((t) => ({ at: Math.round(t.start - t0), ms: Math.round(t.duration) })),
				measures: performance
					.getEntriesByType('measure')
					.filter((m) => m.name.startsWith('import:'))
					.map((m) => ({ name: m.name, ms: Math.round(m.duration) }))
			});
		};
		const check = () => {
			if (!t0) return;
			const applied = [...document.querySelectorAll('[role="status"]')].find((e) =>
				e.textContent?.includes('已导入')
			);
			if (applied) return finish('applied', applied.textContent?.trim());
			const apply = [...document.querySelectorAll('button')].find((b) =>
				b.textContent?.trim().startsWith('应用导入')
			);
			if (apply && !preview && !apply.disabled) {
				preview = performance.now();
				apply.click();
				return;
			}
			if (!preview) {
				const refusal = [...document.querySelectorAll('[role="alert"], .problem, li, p')].find((e) =>
					/无法导入|超过/.test(e.textContent ?? '')
				);
				if (refusal && (!apply || apply.disabled))
					finish('refused', refusal.textContent?.trim().slice(0, 200));
			}
		};
		const observer = new MutationObserver(check);
		observer.observe(document.body, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true
		});
		document.addEventListener(
			'change',
			(e) => {
				if (/** @type {HTMLInputElement} */ (e.target).type === 'file') t0 = performance.now();
			},
			true
		);
	});
}

/** Counts what the app stored, to know the import happened. */
async function storedCells(page) {
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				const open = indexedDB.open('zhangye-edu2035');
				open.onsuccess = () => {
					const tx = open.result.transaction(['series', 'history'], 'readonly');
					let cells = 0;
					const all = tx.objectStore('series').getAll();
					const history = tx.objectStore('history').count();
					tx.oncomplete = () => {
						for (const s of all.result) cells += Object.keys(s.cells).length;
						open.result.close();
						resolve({ series: all.result.length, cells, history: history.result });
					};
				};
			})
	);
}

async function runFloor(browser, file) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const papaparse = readFileSync('node_modules/papaparse/papaparse.min.js', 'utf8');
	await page.route(`${ORIGIN}/__bench/**`, (route) =>
		route.request().url().endsWith('papaparse.js')
			? route.fulfill({ contentType: 'text/javascript', body: papaparse })
			: route.fulfill({ contentType: 'text/html; charset=utf-8', body: FLOOR_HTML })
	);
	await page.goto(`${ORIGIN}/__bench/floor`);
	await page.getByLabel('file').setInputFiles(file);
	const floor = await page.evaluate(() => /** @type {any} */ (window).__floor);
	await context.close();
	return floor;
}

async function runApp(browser, file, timeoutMs) {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	let crashed = false;
	page.on('crash', () => (crashed = true));
	await page.goto(`${ORIGIN}/exchange`);
	await page.getByRole('button', { name: '导出文件' }).waitFor();
	await page.waitForLoadState('networkidle');
	await page.evaluate(installAppDriver);
	const cdp = flag('profile') ? await context.newCDPSession(page) : null;
	if (cdp) {
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
		await cdp.send('Profiler.start');
	}
	await page.getByLabel('选择 CSV 或 Excel 文件…').setInputFiles(file);
	const result = await Promise.race([
		page
			.evaluate(() => /** @type {any} */ (window).__app)
			.catch((e) => ({ outcome: crashed ? 'crashed' : 'error', message: String(e) })),
		new Promise((r) => setTimeout(() => r({ outcome: 'no answer', timeoutMs }), timeoutMs))
	]);
	if (cdp) result.profile = topFunctions((await cdp.send('Profiler.stop')).profile);
	if (result.outcome === 'applied') result.stored = await storedCells(page);
	await context.close().catch(() => {});
	return result;
}

/** Self time per function (ms), the 25 largest. */
function topFunctions(profile) {
	const self = new Map();
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const dt = profile.timeDeltas;
	profile.samples.forEach((id, i) => {
		const f = byId.get(id).callFrame;
		const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
		self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
	});
	return [...self]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 25)
		.map(([name, ms]) => `${Math.round(ms)} ${name}`);
}

function runSoffice(dir, file, to = 'ods') {
	if (flag('no-soffice') || spawnSync('which', ['soffice']).status !== 0) return null;
	const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
	const convert = (input) => {
		const t0 = performance.now();
		const out = spawnSync(
			'soffice',
			[
				profile,
				'--headless',
				...(input.endsWith('.csv') ? ['--infilter=CSV:44,34,76'] : []),
				'--convert-to',
				to,
				'--outdir',
				join(dir, to),
				input
			],
			{ encoding: 'utf8', timeout: 600_000 }
		);
		return {
			ms: performance.now() - t0,
			ok: out.status === 0,
			detail: (out.stderr || out.stdout).trim().slice(0, 200)
		};
	};
	const tiny = join(dir, 'tiny.csv');
	writeFileSync(tiny, '地区代码,年份,数值\r\n620702,2020,1\r\n');
	convert(tiny); // first start of a fresh profile sets it up: not part of the figure
	return convert(file);
}

const dir = mkdtempSync(join(tmpdir(), 'zy-bench-'));
const file = join(dir, `long-${ROWS}.csv`);
const csv = makeCsv();
writeFileSync(file, csv);
const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT), '--dir', DIR], {
	stdio: 'ignore'
});
const load = { before: loadavg().map((n) => Number(n.toFixed(2))) };
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
	const floor1 = await runFloor(browser, file);
	// The workbook is made before anything is timed (and LibreOffice's profile set up with it).
	const xlsx = flag('xlsx') ? join(dir, 'xlsx', `long-${ROWS}.xlsx`) : null;
	if (xlsx && !runSoffice(dir, file, 'xlsx')?.ok) throw new Error('soffice could not make the .xlsx');
	const app = await runApp(browser, xlsx ?? file, Math.max(60_000, floor1.totalMs * 20));
	const floor2 = await runFloor(browser, file);
	await browser.close();
	const floorMs = (floor1.totalMs + floor2.totalMs) / 2;
	const soffice = runSoffice(dir, xlsx ?? file);
	load.after = loadavg().map((n) => Number(n.toFixed(2)));
	const round = (o) => JSON.parse(JSON.stringify(o, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)));
	console.log(
		JSON.stringify(
			{
				date: new Date().toISOString(),
				rows: ROWS,
				fileBytes: Buffer.byteLength(csv),
				...(xlsx ? { xlsxBytes: readFileSync(xlsx).length } : {}),
				floorMs: Math.round(floorMs),
				floor: round([floor1, floor2]),
				app: round(app),
				ratioToFloor: app.outcome === 'applied' ? Number((app.totalMs / floorMs).toFixed(2)) : null,
				soffice: soffice && round(soffice),
				fasterThanSoffice:
					soffice?.ok && app.outcome === 'applied' ? Number((soffice.ms / app.totalMs).toFixed(2)) : null,
				loadAverage: load
			},
			null,
			1
		)
	);
} finally {
	server.kill();
	rmSync(dir, { recursive: true, force: true });
}
