// Benchmark: how long a county's sheet takes to open in the built app, from navigation to
// the grid showing figures (a cell of the grid showing a number).
//
//   npx vite build && node scripts/bench/sheet-open.mjs [--runs 5] [--port 4322] [--dir build]
//                                                      [--own 1042]
//
// In headless Chromium against scripts/serve.js, with no service worker (each run fetches
// the scripts as a first visit does):
//  cold:       a fresh browser profile, straight to /county/620702 (the plan's workbook is
//              seeded by that first open, as for a new planner);
//  warm:       the same page opened again in that profile (scripts cached, database open
//              once before);
//  cold 4×:    cold with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate);
//  at limits:  every county's sheet of a workbook holding --own own indicators per county
//              with all 16 years filled (1,042 × 6 counties × 16 years ≈ 100,000 figures, the
//              100,000-row import), each opened cold.
//  floor:      the same in the same run for scripts/bench/sheet-floor/, the least the stack
//              itself needs for this work without the app: one IndexedDB record (written on a
//              fresh profile) read back and drawn by Handsontable with the county sheet's
//              plugins, headers, widths and size; cold, warm (opened again) and cold 4×.
// Prints one JSON object (medians over --runs, and every run); docs/benchmarks.md keeps them.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';
import { open, serve, watchForFigures } from './figures-shown.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 5));
const PORT = Number(arg('port', 4322));
const DIR = arg('dir', 'build');
const OWN = Number(arg('own', 1042));
const ORIGIN = `http://127.0.0.1:${PORT}`;
const COUNTIES = ['620702', '620721', '620722', '620723', '620724', '620725'];

async function newContext(browser) {
	const context = await browser.newContext({
		locale: 'zh-CN',
		viewport: { width: 1366, height: 768 },
		serviceWorkers: 'block'
	});
	await context.addInitScript(watchForFigures);
	return context;
}

/** Fills the (seeded) workbook with OWN own indicators per county, all years, directly. */
async function fillToLimits(page) {
	await page.evaluate(
		({ counties, own }) =>
			new Promise((resolve, reject) => {
				const req = indexedDB.open('zhangye-edu2035');
				req.onsuccess = () => {
					const db = req.result;
					// Own indicators as schema v11 keeps them: one record per county (storage/indicator-sets.ts).
					const tx = db.transaction(['series', 'ownIndicatorSets'], 'readwrite');
					const now = Date.now();
					for (const regionCode of counties) {
						const indicators = [];
						for (let n = 1; n <= own; n++) {
							const code = `C${String(n).padStart(4, '0')}`;
							const cells = {};
							for (let y = 2020; y <= 2035; y++) cells[y] = { t: 'n', v: 90 + ((n * 7 + y) % 100) / 10 };
							tx.objectStore('series').put({
								regionCode,
								indicatorCode: code,
								kind: 'actual',
								cells,
								note: `备注${n}`,
								updatedAt: now
							});
							indicators.push({
								regionCode,
								code,
								nameZh: `自设指标${n}`,
								nameEn: '',
								unit: '%',
								direction: 'higher',
								precision: 1,
								order: n - 1,
								updatedAt: now
							});
						}
						tx.objectStore('ownIndicatorSets').put({ regionCode, indicators });
					}
					tx.oncomplete = () => (db.close(), resolve(undefined));
					tx.onerror = () => reject(tx.error);
				};
				req.onerror = () => reject(req.error);
			}),
		{ counties: COUNTIES, own: OWN }
	);
}

const median = (xs) => {
	const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
	return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

// The floor's page, built with the same Vite and Handsontable as the app.
const FLOOR_DIR = mkdtempSync(join(tmpdir(), 'sheet-floor-'));
await build({
	root: 'scripts/bench/sheet-floor',
	base: './',
	logLevel: 'error',
	configFile: false,
	build: { outDir: FLOOR_DIR, emptyOutDir: true, target: 'es2022' }
});
const FLOOR = `http://127.0.0.1:${PORT + 1}`;
/** The app's median over the floor's, to two places. */
const ratio = (app, bare) => Number((median(app) / median(bare)).toFixed(2));

const server = await serve(DIR, PORT);
const floorServer = await serve(FLOOR_DIR, PORT + 1);
const load = { before: loadavg().map((n) => Number(n.toFixed(2))) };
try {
	const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const runs = { cold: [], warm: [], cold4x: [] };
	const floor = { cold: [], warm: [], cold4x: [] };
	for (let i = 0; i < RUNS; i++) {
		const bare = await newContext(browser);
		const barePage = await bare.newPage();
		floor.cold.push(await open(barePage, `${FLOOR}/`));
		floor.warm.push(await open(barePage, `${FLOOR}/`));
		await bare.close();
		const bareSlow = await newContext(browser);
		floor.cold4x.push(await open(await bareSlow.newPage(), `${FLOOR}/`, { throttle: 4 }));
		await bareSlow.close();
		const context = await newContext(browser);
		const page = await context.newPage();
		runs.cold.push(await open(page, `${ORIGIN}/county/620702`));
		runs.warm.push(await open(page, `${ORIGIN}/county/620721`));
		await context.close();
		const slow = await newContext(browser);
		runs.cold4x.push(await open(await slow.newPage(), `${ORIGIN}/county/620702`, { throttle: 4 }));
		await slow.close();
	}
	// A workbook at the limits: seeded by a first open, filled, then every county opened.
	const context = await newContext(browser);
	const page = await context.newPage();
	await open(page, `${ORIGIN}/county/620702`);
	await fillToLimits(page);
	await page.close();
	const atLimits = {};
	// Each county in a page of its own, closed once measured: the engine a page binds after
	// its sheet is shown would otherwise still be working while the next page opens.
	for (const code of COUNTIES) {
		const countyPage = await context.newPage();
		atLimits[code] = await open(countyPage, `${ORIGIN}/county/${code}`);
		await countyPage.close();
	}
	await context.close();
	await browser.close();
	load.after = loadavg().map((n) => Number(n.toFixed(2)));
	console.log(
		JSON.stringify({
			date: new Date().toISOString(),
			coldMs: median(runs.cold),
			warmMs: median(runs.warm),
			cold4xMs: median(runs.cold4x),
			floor: { coldMs: median(floor.cold), warmMs: median(floor.warm), cold4xMs: median(floor.cold4x) },
			ratio: {
				cold: ratio(runs.cold, floor.cold),
				warm: ratio(runs.warm, floor.warm),
				cold4x: ratio(runs.cold4x, floor.cold4x)
			},
			atLimits: {
				ownPerCounty: OWN,
				figures: OWN * 16 * COUNTIES.length,
				ms: atLimits,
				worstMs: Math.max(...Object.values(atLimits).map((v) => v ?? Infinity))
			},
			runs,
			floorRuns: floor,
			loadAverage: load
		})
	);
} finally {
	server.stop();
	floorServer.stop();
	rmSync(FLOOR_DIR, { recursive: true, force: true });
}
