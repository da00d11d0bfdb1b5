// Developer aid: a CPU profile of a county sheet's cold open in the built app, from navigation
// to the grid showing figures (as scripts/bench/sheet-open.mjs times it), summed by function.
// Build without minifying to read the names (in a throwaway build folder):
//
//   npx vite build --minify false && mv build /tmp/unmin
//   node scripts/dev/profile-sheet-open.mjs --dir /tmp/unmin [--port 4322] [--runs 3]
//                                          [--throttle 1] [--top 40] [--save /tmp/open.cpuprofile]
//
// Prints, over --runs cold opens, the median time to figures, then the functions with the most
// self time and the inclusive time of the grid's known steps (Handsontable's constructor, its
// renders, cells(), markOversizedRows…), each the mean over the runs.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';
import { serve, watchForFigures } from '../bench/figures-shown.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const PORT = Number(arg('port', 4322));
const DIR = arg('dir', 'build');
const RUNS = Number(arg('runs', 3));
const THROTTLE = Number(arg('throttle', 1));
const TOP = Number(arg('top', 40));
const SAVE = arg('save', '');
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** Inclusive time of these names (outermost call only, so recursion is not counted twice). */
const STEPS = [
	'Handsontable',
	'Core',
	'attach',
	'init',
	'render',
	'draw',
	'renderCellBand',
	'cells',
	'getCellMeta',
	'getSettings',
	'markOversizedRows',
	'updateSettings',
	'adjustElementsSize',
	'refreshStretching',
	'renderer',
	'paint',
	'lookAt',
	'loadData',
	'setSheetContent',
	'getRowHeight',
	'getColumnWidth',
	'innerHeight',
	'getBoundingClientRect'
];

/** Self and inclusive (outermost) time per function name, in ms. */
function summarise(profile) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const selfUs = new Map();
	const deltas = profile.timeDeltas;
	for (let i = 0; i < profile.samples.length; i++) {
		const dt = deltas[i + 1] ?? 0;
		selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
	}
	const self = new Map();
	const steps = new Map();
	for (const [id, us] of selfUs) {
		const node = byId.get(id);
		const f = node.callFrame;
		const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + us);
		// Walk up once, crediting each step name at its outermost occurrence.
		const names = new Set();
		for (let p = id; p !== undefined; p = parent.get(p)) {
			const name = byId.get(p).callFrame.functionName;
			// Methods are named `Core.render` in the profile: both spellings count.
			names.add(name);
			names.add(name.slice(name.lastIndexOf('.') + 1));
		}
		for (const s of STEPS) if (names.has(s)) steps.set(s, (steps.get(s) ?? 0) + us);
	}
	return { self, steps };
}

const server = await serve(DIR, PORT);
try {
	const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
	const shown = [];
	const self = new Map();
	const steps = new Map();
	for (let run = 0; run < RUNS; run++) {
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
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
		await page.goto(`${ORIGIN}/county/620702`, { waitUntil: 'commit' });
		shown.push(Math.round(await page.evaluate(() => /** @type {any} */ (window).__shown)));
		const { profile } = await cdp.send('Profiler.stop');
		if (SAVE && run === RUNS - 1) writeFileSync(SAVE, JSON.stringify(profile));
		const s = summarise(profile);
		for (const [k, v] of s.self) self.set(k, (self.get(k) ?? 0) + v / 1000 / RUNS);
		for (const [k, v] of s.steps) steps.set(k, (steps.get(k) ?? 0) + v / 1000 / RUNS);
		await context.close();
	}
	await browser.close();
	const ms = (v) => v.toFixed(1).padStart(8);
	console.log(`shown (ms): ${shown.join(', ')}`);
	console.log('\ninclusive, outermost (ms, mean):');
	for (const s of STEPS) console.log(`${ms(steps.get(s) ?? 0)}  ${s}`);
	console.log(`\nself (ms, mean), top ${TOP}:`);
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(v)}  ${k}`);
} finally {
	server.stop();
}
