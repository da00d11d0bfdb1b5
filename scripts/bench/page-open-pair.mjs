// Benchmark: two builds side by side, run by run in turn, so both see the same load on a
// shared machine (sheet-open.mjs measures one build at a time). For each run and each build:
//   county cold:     a fresh profile straight to /county/620702 (the workbook seeded then);
//   county warm:     /county/620721 in that profile;
//   county cold 4×:  a fresh profile, CPU throttled 4×;
//   start cards:     the start page of a profile holding a workbook, scripts not cached,
//                    until its county cards show their summary (1× and 4×);
//   each figure page: /city/figures, /targets, /city, /county/620702/compare, with the
//                    database there and the scripts not cached (a first visit's download).
//
//   npx vite build && node scripts/bench/page-open-pair.mjs --a <dir> --b <dir> [--runs 5] [--port 4431]
//
// Prints one JSON object: medians per build and measure, and every run.
import { chromium } from '@playwright/test';
import { loadavg } from 'node:os';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';
import { open, serve } from './figures-shown.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 5));
const PORT = Number(arg('port', 4431));
const BUILDS = { a: arg('a', 'build'), b: arg('b', 'build') };

/** From the page's first script: resolves when what the page is for shows. */
function watch() {
	const w = /** @type {any} */ (window);
	w.__shown = new Promise((resolve) => {
		const figure = /^[>≥]?-?\d+(\.\d+)?%?$/;
		const seen = () => {
			if (location.pathname === '/')
				return /已填\s*\d+/.test(document.querySelector('.counties')?.textContent ?? '');
			for (const td of document.querySelectorAll('main td'))
				if (figure.test(td.textContent?.trim() ?? '')) return true;
			return false;
		};
		const start = () => {
			const observer = new MutationObserver(() => {
				if (!seen()) return;
				observer.disconnect();
				resolve(performance.now());
			});
			observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
		};
		if (document.documentElement) start();
		else document.addEventListener('DOMContentLoaded', start);
	});
}

async function context(browser) {
	const c = await browser.newContext({
		locale: 'zh-CN',
		viewport: { width: 1366, height: 768 },
		serviceWorkers: 'block'
	});
	await c.addInitScript(watch);
	return c;
}

const PAGES = ['/city/figures', '/targets', '/city', '/county/620702/compare'];

async function oneRun(browser, origin) {
	const out = {};
	let c = await context(browser);
	let page = await c.newPage();
	out.countyCold = await open(page, `${origin}/county/620702`);
	out.countyWarm = await open(page, `${origin}/county/620721`);
	await c.close();
	c = await context(browser);
	out.countyCold4x = await open(await c.newPage(), `${origin}/county/620702`, { throttle: 4 });
	await c.close();
	// A profile holding a workbook; every page then opened with its scripts fetched again.
	c = await context(browser);
	page = await c.newPage();
	await open(page, `${origin}/county/620702`);
	await page.close();
	out.startCards = await open(await c.newPage(), `${origin}/`, { noCache: true });
	out.startCards4x = await open(await c.newPage(), `${origin}/`, { noCache: true, throttle: 4 });
	for (const p of PAGES) out[p] = await open(await c.newPage(), `${origin}${p}`, { noCache: true });
	await c.close();
	return out;
}

const servers = await Promise.all(
	Object.entries(BUILDS).map(async ([name, dir], i) => ({ name, ...(await serve(dir, PORT + i)) }))
);
const median = (xs) => {
	const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
	return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const load = { before: loadavg().map((n) => Number(n.toFixed(2))) };
try {
	const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const runs = { a: [], b: [] };
	for (let i = 0; i < RUNS; i++) {
		// Alternate which build goes first, so neither always meets a warmer machine.
		const order = i % 2 === 0 ? servers : [...servers].reverse();
		for (const s of order) runs[s.name].push(await oneRun(browser, s.origin));
	}
	await browser.close();
	load.after = loadavg().map((n) => Number(n.toFixed(2)));
	const medians = {};
	for (const [name, list] of Object.entries(runs)) {
		medians[name] = {};
		for (const key of Object.keys(list[0])) medians[name][key] = median(list.map((r) => r[key]));
	}
	console.log(
		JSON.stringify({ date: new Date().toISOString(), builds: BUILDS, medians, runs, loadAverage: load })
	);
} finally {
	for (const s of servers) s.stop();
}
