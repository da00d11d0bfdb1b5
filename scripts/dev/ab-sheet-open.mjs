// Developer aid: two builds' county open, interleaved (A, B, A, B…) so that the machine's
// load falls on both alike: cold and cold at 4× CPU, fresh profile each, medians.
//
//   node scripts/dev/ab-sheet-open.mjs --a /tmp/build-a --b build [--runs 8] [--port 4350]
//                                      [--path /county/620702]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 8));
const PORT = Number(arg('port', 4350));
const PATH = arg('path', '/county/620702');
const BUILDS = { a: arg('a', ''), b: arg('b', 'build') };

function watchForFigures() {
	const w = /** @type {any} */ (window);
	w.__shown = new Promise((resolve) => {
		const seen = () => {
			for (const td of document.querySelectorAll('[role="treegrid"] td')) {
				if (/^[>≥]?-?\d+(\.\d+)?%?$/.test(td.textContent?.trim() ?? '')) return true;
			}
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

const servers = Object.entries(BUILDS).map(([, dir], i) =>
	spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT + i), '--dir', dir], { stdio: 'ignore' })
);
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
try {
	await new Promise((r) => setTimeout(r, 800));
	const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const times = { a: { cold: [], cold4x: [] }, b: { cold: [], cold4x: [] } };
	for (let run = 0; run < RUNS; run++) {
		for (const [i, key] of ['a', 'b'].entries()) {
			for (const [kind, rate] of [
				['cold', 1],
				['cold4x', 4]
			]) {
				const context = await browser.newContext({
					locale: 'zh-CN',
					viewport: { width: 1366, height: 768 },
					serviceWorkers: 'block'
				});
				await context.addInitScript(watchForFigures);
				const page = await context.newPage();
				const cdp = await context.newCDPSession(page);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate });
				await page.goto(`http://127.0.0.1:${PORT + i}${PATH}`, { waitUntil: 'commit' });
				times[key][kind].push(Math.round(await page.evaluate(() => /** @type {any} */ (window).__shown)));
				await context.close();
			}
		}
	}
	await browser.close();
	for (const key of ['a', 'b'])
		console.log(
			`${key} ${BUILDS[key]}: cold ${median(times[key].cold)} ms ${JSON.stringify(times[key].cold)}; 4× ${median(times[key].cold4x)} ms ${JSON.stringify(times[key].cold4x)}`
		);
} finally {
	for (const s of servers) s.kill();
}
