// The core stays pure: it runs in Node and in the browser alike, and could serve a different
// grid or storage. This walks every folder under src/lib/core (new folders are found, not
// listed) and checks each module's imports by where they land, relative or `$lib/…` alike:
// only the core itself, the seed data and packages that are not the UI, storage, grid or
// engine. ESLint's layer rule says the same while editing; this holds even if lint is skipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const core = new URL('.', import.meta.url).pathname;
const lib = resolve(core, '..');
const seeds = resolve(lib, '../../seeds');
const PACKAGES = /^(svelte|\$app|dexie|handsontable|hyperformula)(\/|$)/;
const DOM = /\b(window|document|localStorage|indexedDB|navigator)\./;
const SPECIFIER = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function modules(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return modules(path);
		return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
	});
}

const inside = (root: string, path: string) => !relative(root, path).startsWith('..');

/** Why an import does not belong in the core, or null when it does. */
function wrongImport(file: string, specifier: string): string | null {
	if (specifier.startsWith('$lib/')) {
		return inside(core, resolve(lib, specifier.slice(5))) ? null : 'reaches outside the core';
	}
	if (specifier.startsWith('.')) {
		const target = resolve(dirname(file), specifier);
		return inside(core, target) || inside(seeds, target) ? null : 'reaches outside the core';
	}
	return PACKAGES.test(specifier) ? 'imports the UI, storage, grid or engine' : null;
}

describe('src/lib/core, every folder', () => {
	const files = modules(core);
	it('finds the modules of every folder', () => {
		const folders = new Set(files.map((f) => relative(core, dirname(f)) || '.'));
		expect(folders).toContain('.');
		expect(folders).toContain('exchange');
		expect(folders).toContain('backup');
	});
	it('judges imports by where they land', () => {
		expect(wrongImport(join(core, 'exchange/x.ts'), '../backup/tables')).toBeNull();
		expect(wrongImport(join(core, 'exchange/x.ts'), '../../backup/folder')).not.toBeNull();
		expect(wrongImport(join(core, 'plan.ts'), '../../../seeds/regions.json')).toBeNull();
		expect(wrongImport(join(core, 'plan.ts'), '$lib/storage/db')).not.toBeNull();
		expect(wrongImport(join(core, 'plan.ts'), 'dexie')).not.toBeNull();
		expect(wrongImport(join(core, 'plan.ts'), 'zod')).toBeNull();
	});
	for (const file of files) {
		it(`${relative(core, file)} imports only the core, the seeds and pure packages, and no DOM`, () => {
			const text = readFileSync(file, 'utf8');
			const wrong = [...text.matchAll(SPECIFIER)]
				.map((m) => m[1] ?? m[2]!)
				.map((s) => [s, wrongImport(file, s)])
				.filter(([, why]) => why);
			expect(wrong).toEqual([]);
			expect(text).not.toMatch(DOM);
		});
	}
});
