// Developer aid: where a cold county open spends its time, as a timeline: each script's fetch
// (start → end, from Resource Timing), and the CPU profile bucketed into 50 ms slices, naming the
// script (and its hottest function) that ran most in each slice, up to the grid showing figures.
//
//   npx vite build --minify false && mv build /tmp/unmin
//   node scripts/dev/timeline-sheet-open.mjs --dir /tmp/unmin [--port 4322] [--throttle 1]
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';
import { serve, watchForFigures } from '../bench/figures-shown.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const PORT = Number(arg('port', 4322));
const DIR = arg('dir', 'build');
const THROTTLE = Number(arg('throttle', 1));
const PATH = arg('path', '/county/620702');
const SLICE = Number(arg('slice', 50));
const ORIGIN = `http://127.0.0.1:${PORT}`;

const server = await serve(DIR, PORT);
try {
	const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const context = await browser.newContext({
		locale: 'zh-CN',
		viewport: { width: 1366, height: 768 },
		serviceWorkers: 'block'
	});
	await context.addInitScript(watchForFigures);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
	await page.goto(`${ORIGIN}${PATH}`, { waitUntil: 'commit' });
	const shown = await page.evaluate(() => /** @type {any} */ (window).__shown);
	const { profile } = await cdp.send('Profiler.stop');
	const timing = await page.evaluate(() => ({
		origin: performance.timeOrigin,
		res: performance.getEntriesByType('resource').map((e) => ({
			name: e.name.split('/').pop(),
			start: e.startTime,
			end: e.responseEnd,
			size: e.encodedBodySize
		})),
		nav: performance
			.getEntriesByType('navigation')
			.map((e) => ({ dcl: e.domContentLoadedEventEnd, resp: e.responseEnd }))
	}));
	console.log(`shown at ${shown.toFixed(0)} ms; nav`, JSON.stringify(timing.nav));
	for (const r of timing.res.sort((a, b) => a.start - b.start))
		console.log(
			`  fetch ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${String(r.size).padStart(7)}  ${r.name}`
		);
	// Profile times are µs on a monotonic clock; align to the page's clock by timeOrigin.
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const originUs = timing.origin * 1000;
	// Profiler clock is the same monotonic base as performance.timeOrigin only approximately;
	// align the profile's startTime to the first sample after navigation instead.
	let t = profile.startTime;
	const slices = new Map();
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i];
		const node = byId.get(profile.samples[i]);
		const f = node.callFrame;
		const key = f.url ? `${f.url.split('/').pop()} ${f.functionName || '(anon)'}` : f.functionName;
		const slice = Math.floor((t - profile.startTime) / 1000 / SLICE);
		const m = slices.get(slice) ?? new Map();
		m.set(key, (m.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
		slices.set(slice, m);
	}
	void originUs;
	console.log(`profile slices (${SLICE} ms from profiler start; top 3 by self time):`);
	for (const [s, m] of [...slices].sort((a, b) => a[0] - b[0])) {
		const top = [...m]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 3)
			.map(([k, v]) => `${k} ${v.toFixed(0)}`);
		console.log(`  ${String(s * SLICE).padStart(5)}  ${top.join(' | ')}`);
	}
	await browser.close();
} finally {
	server.stop();
}
