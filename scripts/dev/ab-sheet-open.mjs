// Developer aid: two builds' county open, interleaved (A, B, A, B…) so that the machine's
// load falls on both alike: cold and cold at 4× CPU, fresh profile each, medians.
//
//   node scripts/dev/ab-sheet-open.mjs --a /tmp/build-a --b build [--runs 8] [--port 4350]
//                                      [--path /county/620702]
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';
import { serve, watchForFigures } from '../bench/figures-shown.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 8));
const PORT = Number(arg('port', 4350));
const PATH = arg('path', '/county/620702');
const BUILDS = { a: arg('a', ''), b: arg('b', 'build') };

const servers = await Promise.all(Object.values(BUILDS).map((dir, i) => serve(dir, PORT + i)));
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
try {
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
	for (const s of servers) s.stop();
}
