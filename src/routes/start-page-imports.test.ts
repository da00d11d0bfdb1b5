// What every page carries stays small (issue 12): the root layout and the start page reach,
// through static imports, neither the CSV reader (papaparse), the encoding guesser (chardet),
// the formula engine, the grid nor the English catalog: those load on demand. Walks the
// source's import graph, the way the bundler decides which chunk a module lands in (reached
// at all, used or not). Nor the workbook (Dexie, zod, the schemas): the start page's cards
// read their summary with storage/summary-reader.ts, and the workbook, the page-wide
// notices and the dialogs load after the first paint. Pages that show figures import the
// workbook themselves (statically, so it is fetched with their code and opens the database
// when evaluated: a shell loaded by the layout made them wait one chunk more, 0.35 s cold).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const lib = join(root, 'src/lib');

/** Static, value-level imports of a module (type-only imports and import() excluded). */
function staticImports(file: string): string[] {
	let code = readFileSync(file, 'utf8');
	if (file.endsWith('.svelte'))
		code = [...code.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
	const out: string[] = [];
	for (const m of code.matchAll(
		/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm
	)) {
		if (!m[1]) out.push(m[2]!);
	}
	return out;
}

function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = join(lib, spec.slice(5));
	else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
	else return null;
	const candidates = [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')];
	if (base.endsWith('?raw')) return null;
	return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Every package and source module reached from the entry files. */
function reached(entries: string[]): { packages: Set<string>; modules: Set<string> } {
	const packages = new Set<string>();
	const modules = new Set<string>();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.pop()!;
		if (modules.has(file)) continue;
		modules.add(file);
		for (const spec of staticImports(file)) {
			const target = resolveImport(file, spec);
			if (target) queue.push(target);
			else if (!spec.startsWith('$app/') && !spec.startsWith('.')) packages.add(spec);
		}
	}
	return { packages, modules };
}

describe('the start page’s static script', () => {
	const { packages, modules } = reached([
		join(root, 'src/routes/+layout.svelte'),
		join(root, 'src/routes/+layout.ts'),
		join(root, 'src/routes/+page.svelte')
	]);
	const relative = [...modules].map((m) => m.slice(root.length + 1));

	it('reaches no CSV reader, encoding guesser, engine or grid', () => {
		for (const heavy of ['papaparse', 'chardet', 'hyperformula', 'handsontable']) {
			expect([...packages]).not.toContain(heavy);
		}
		// Only the import reads CSV: a value import of the import pipeline's index from the
		// workbook state (rather than of its stage, import/writes) put both on every page.
		expect(relative.filter((m) => m.startsWith('src/lib/core/exchange/import/'))).not.toContain(
			'src/lib/core/exchange/import/index.ts'
		);
	});

	it('reaches neither Dexie, zod, the workbook nor the plan’s schemas', () => {
		for (const heavy of ['dexie', 'zod', 'zod/mini']) expect([...packages]).not.toContain(heavy);
		for (const module of [
			'src/lib/state/workbook.svelte.ts',
			'src/lib/storage/db.ts',
			'src/lib/core/model.ts',
			'src/lib/core/plan.ts'
		])
			expect(relative).not.toContain(module);
		// What the cards need: the reader, and the workbook only through its slot.
		expect(relative).toContain('src/lib/storage/summary-reader.ts');
		expect(relative).toContain('src/lib/state/workbook-slot.svelte.ts');
	});

	it('carries the Chinese catalog, not the English one', () => {
		expect(relative).toContain('src/lib/i18n/zh.ts');
		expect(relative).not.toContain('src/lib/i18n/en.ts');
	});
});

describe('every other page', () => {
	// They import the workbook statically, each through its own code (not a shell the layout
	// loads), so it is fetched with them and starts opening the database when evaluated.
	const pages = [
		'city/+page.svelte',
		'city/figures/+page.svelte',
		'city/tasks/+page.svelte',
		'county/[code]/+page.svelte',
		'county/[code]/compare/+page.svelte',
		'county/[code]/tasks/+page.svelte',
		'county/[code]/tasks/report/+page.svelte',
		'exchange/+page.svelte',
		'safety/+page.svelte',
		'targets/+page.svelte'
	];
	for (const p of pages) {
		it(`${p} reaches the workbook statically`, () => {
			const { modules } = reached([join(root, 'src/routes', p)]);
			expect([...modules].map((m) => m.slice(root.length + 1))).toContain('src/lib/state/workbook.svelte.ts');
		});
	}
});
