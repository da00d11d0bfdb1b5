// What each route downloads, gzipped, from the last `vite build`:
//   node scripts/dev/bundle-size.mjs [--chunks] [--json]
// A route's script is the app shell, the root layout and the page's node with every chunk
// they import statically (counted once); dynamic imports load when first used and are
// listed apart. --chunks lists each route's largest chunks, to see what pulls in what.
// "to show" adds what a page fetches by dynamic import before its content shows. The county
// sheet and the city's figures draw a sheet whose stored cells hold no formula (the plan's
// workbook as seeded, and every sheet the benchmarks open) before the formula engine arrives
// (components/late-engine-grid.ts): for them "to show" does not count the engine. A sheet
// that holds a formula still waits for it (the engine-session chunk, fetched as the page
// opens): "with a formula" adds it, and is printed beside.
// The start page's cards wait for nothing it loads dynamically: they read their summary
// with storage/summary-reader.ts (no Dexie), and the workbook, the page-wide notices
// (components/shell) and the dialogs come after the first paint. Only on a first visit (no
// database yet) or with a database the reader does not know (another schema version, a
// damaged record) do the cards wait for the workbook: "first visit" adds its chunk.
// The budgets (issue 12), checked against "to show": the start page ≤ 80 KB, a county page ≤ 400 KB.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const client = '.svelte-kit/output/client';
const manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8'));
const gz = (key) => gzipSync(readFileSync(join(client, manifest[key].file)), { level: 9 }).length;

/** The chunks an entry loads statically, itself included. */
function closure(key, seen = new Set()) {
	if (seen.has(key)) return seen;
	seen.add(key);
	for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
	return seen;
}

const nodes = new Map();
for (const key of Object.keys(manifest)) {
	if (!/nodes\/(\d+)\.js$/.test(key)) continue;
	const source = readFileSync(key, 'utf8');
	nodes.set(/routes\/(.*?)\+(page|layout|error)/.exec(source)?.[0] ?? key, key);
}
const APP = '.svelte-kit/generated/client-optimized/app.js';
const shell = closure(APP);
const layout = closure(nodes.get('routes/+layout'), new Set(shell));

const DRAWN_BEFORE_ENGINE = new Set(['routes/county/[code]/+page', 'routes/city/figures/+page']);
const engineChunk = Object.keys(manifest).find((k) => manifest[k].name === 'engine-session');
const BUDGETS = { 'routes/+page': 80 * 1024, 'routes/county/[code]/+page': 400 * 1024 };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const workbookChunk = Object.keys(manifest).find((k) => manifest[k].name === 'workbook.svelte');
const rows = [];
for (const [route, key] of nodes) {
	if (!route.endsWith('+page')) continue;
	const all = closure(key, new Set(layout));
	const total = [...all].reduce((sum, k) => sum + gz(k), 0);
	const lazy = new Set(
		[...all]
			.flatMap((k) => (manifest[k].dynamicImports ?? []).flatMap((d) => [...closure(d)]))
			.filter((k) => !all.has(k))
	);
	const lazyTotal = [...lazy].reduce((sum, k) => sum + gz(k), 0);
	const showTotal = total;
	const withFormula = new Set(all);
	if (DRAWN_BEFORE_ENGINE.has(route) && engineChunk) closure(engineChunk, withFormula);
	const formulaTotal = DRAWN_BEFORE_ENGINE.has(route)
		? [...withFormula].reduce((sum, k) => sum + gz(k), 0)
		: null;
	const budget = BUDGETS[route];
	let firstVisit;
	if (route === 'routes/+page' && workbookChunk) {
		const withWorkbook = closure(workbookChunk, new Set(all));
		firstVisit = [...withWorkbook].reduce((sum, k) => sum + gz(k), 0);
	}
	rows.push({
		route,
		gzip: total,
		toShow: showTotal,
		withFormula: formulaTotal,
		onDemand: lazyTotal,
		...(firstVisit ? { firstVisit } : {}),
		budget,
		ok: budget ? showTotal <= budget : null
	});
	if (!process.argv.includes('--json')) {
		console.log(
			`${route.padEnd(36)} ${kb(total).padStart(9)} with the page, ${kb(showTotal).padStart(9)} to show, ${kb(lazyTotal).padStart(9)} on demand` +
				(budget ? `  (budget ${kb(budget)}: ${showTotal <= budget ? 'ok' : 'OVER'})` : '') +
				(formulaTotal !== null ? `  (a sheet with a formula: ${kb(formulaTotal)})` : '')
		);
		if (firstVisit)
			console.log(`${''.padEnd(36)} ${kb(firstVisit).padStart(9)} on a first visit (no database yet)`);
		if (process.argv.includes('--chunks')) {
			for (const k of [...all].sort((a, b) => gz(b) - gz(a)).slice(0, 6))
				console.log(
					`    ${kb(gz(k)).padStart(9)}  ${manifest[k].name ?? k} ${(manifest[k].src ?? '').slice(-50)}`
				);
		}
	}
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
