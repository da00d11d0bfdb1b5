// Developer aid: the import worker's pipeline in Node, stage by stage, on the same long-layout
// file as scripts/bench/import-100k.mjs (6 counties × own indicators × 16 years). The core is
// bundled with rolldown (it is TypeScript with `$lib` imports) into a temporary folder, then
// run here: bytes → readImportFile → planImport → splitPlan → the structured clone of each
// part that postMessage does (v8.serialize, as the page's unpacking of it).
//
//   node scripts/dev/profile-import.mjs [--rows 100000] [--runs 3] [--mixed]
//   --mixed: every few rows a figure of another kind (refused text, a thousands separator,
//            spaces, a comparator, a formula, a fraction, 20 digits, a dash, a plan code in
//            lower case, a lookalike code, a conflict), to compare two builds' plans: the
//            printed planHash is a SHA-256 of the whole plan.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/dev/profile-import.mjs   (a profile)
//
// Prints the milliseconds of each stage per run, and the plan's counts (to compare builds).
import { rolldown } from 'rolldown';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { createHash } from 'node:crypto';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('rows', 100_000));
const RUNS = Number(arg('runs', 3));
const MIXED = process.argv.includes('--mixed');
const GRID = process.argv.includes('--grid');
const ODD = ['很高', '1,234.5', ' 95.30 ', '>99', '=D1+1', '0.995', '12345678901234567890', '—', '99,5'];
const COUNTIES = ['620702', '620721', '620722', '620723', '620724', '620725'];

// --grid: the same figures in the grid layout, a row per indicator, a column per year.
function gridCsv() {
	const years = Array.from({ length: 16 }, (_, i) => 2020 + i);
	const lines = [`地区代码,地区,指标代码,指标,单位,类型,${years.join(',')},2023批注,备注`];
	const perCounty = Math.ceil(ROWS / COUNTIES.length / 16);
	let k = 0;
	for (const county of COUNTIES) {
		for (let n = 1; n <= perCounty; n++) {
			const values = years.map((year) => {
				k++;
				const v = (90 + ((n * 7 + year) % 100) / 10).toFixed(1);
				return MIXED && k % 11 === 0 ? `"${ODD[(k / 11) % ODD.length]}"` : v;
			});
			const note = n % 5 === 0 ? `据${n}年报` : '';
			lines.push(
				`${county},,C${String(n).padStart(4, '0')},自设指标${n},%,实际,${values.join(',')},${note},备注${n}`
			);
		}
	}
	return lines.join('\r\n') + '\r\n';
}

// The same file as the benchmark's makeCsv().
function makeCsv() {
	if (GRID) return gridCsv();
	const lines = ['地区代码,地区,指标代码,指标,单位,类型,年份,数值,备注'];
	const perCounty = Math.ceil(ROWS / COUNTIES.length / 16);
	outer: for (const county of COUNTIES) {
		for (let n = 1; n <= perCounty; n++) {
			const code = `C${String(n).padStart(4, '0')}`;
			for (let year = 2020; year <= 2035; year++) {
				if (lines.length > ROWS) break outer;
				let value = (90 + ((n * 7 + year) % 100) / 10).toFixed(1);
				let c = code;
				if (MIXED && lines.length % 11 === 0) value = ODD[(lines.length / 11) % ODD.length];
				if (MIXED && lines.length % 997 === 0) c = lines.length % 2 ? 'edu01' : 'EDU10';
				lines.push(`${county},,${c},自设指标${n},%,实际,${year},${value},备注${n}`);
				// A conflicting second row for the same cell now and then.
				if (MIXED && lines.length % 1009 === 0)
					lines.push(`${county},,${c},自设指标${n},%,实际,${year},1${value},`);
			}
		}
	}
	return lines.join('\r\n') + '\r\n';
}

const ENTRY = `
export { readImportFile, planImport } from '$lib/core/exchange/import';
export { splitPlan } from '$lib/exchange/plan-parts';
export { seedSeries } from '$lib/core/plan';
`;

const dir = mkdtempSync(join(tmpdir(), 'zy-profile-'));
try {
	const bundle = await rolldown({
		input: 'entry',
		platform: 'node',
		resolve: { alias: { $lib: resolve('src/lib') } },
		plugins: [
			{
				name: 'entry',
				resolveId: (id) => (id === 'entry' ? '\0entry' : null),
				load: (id) => (id === '\0entry' ? ENTRY : null)
			}
		]
	});
	await bundle.write({ dir, format: 'esm', entryFileNames: 'core.mjs' });
	const core = await import(join(dir, 'core.mjs'));
	const bytes = new TextEncoder().encode(makeCsv());
	const snapshot = { series: core.seedSeries(1), ownIndicators: [] };
	for (let run = 0; run < RUNS; run++) {
		// CPU time as well as wall time: on the shared machine the wall time waits for a core.
		const cpu = () => {
			const u = process.cpuUsage();
			return (u.user + u.system) / 1000;
		};
		const t = [performance.now()];
		const c = [cpu()];
		const read = core.readImportFile({ name: 'long.csv', bytes });
		t.push(performance.now());
		c.push(cpu());
		const plan = core.planImport([read.text], snapshot);
		t.push(performance.now());
		c.push(cpu());
		const { head, parts } = core.splitPlan(plan);
		t.push(performance.now());
		let longestPart = 0;
		for (const part of [head, ...parts]) {
			const t0 = performance.now();
			deserialize(serialize(part));
			longestPart = Math.max(longestPart, performance.now() - t0);
		}
		t.push(performance.now());
		const ms = (i) => Math.round(t[i + 1] - t[i]);
		console.log(
			JSON.stringify({
				run,
				decodeMs: ms(0),
				planMs: ms(1),
				decodeCpuMs: Math.round(c[1] - c[0]),
				planCpuMs: Math.round(c[2] - c[1]),
				splitMs: ms(2),
				cloneMs: ms(3),
				longestPartCloneMs: Math.round(longestPart),
				parts: parts.length,
				changes: plan.changes.length,
				cells: plan.changes.reduce((n, c) => n + c.added.length + c.changed.length, 0),
				indicators: plan.indicators.length,
				rejected: plan.rejected.length,
				warnings: plan.warnings.length,
				planHash: createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16)
			})
		);
	}
} finally {
	// KEEP_BUNDLE=1 keeps the bundle, to read a profile's line numbers against it.
	if (process.env.KEEP_BUNDLE) console.error(`bundle kept in ${dir}`);
	else rmSync(dir, { recursive: true, force: true });
}
