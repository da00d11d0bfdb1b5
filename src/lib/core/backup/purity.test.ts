// The backup envelope is core: it runs in Node (these tests) as in the browser, so it may
// import no UI, storage or grid library and touch no DOM (crypto.subtle is in both).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = new URL('.', import.meta.url).pathname;
const FORBIDDEN =
	/from\s+['"](svelte|svelte\/.*|dexie|handsontable.*|hyperformula|\$app\/.*|\$lib\/(?!core\/).*)['"]/;
const DOM = /\b(window|document|localStorage|indexedDB|navigator)\./;

describe('src/lib/core/backup', () => {
	for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
		it(`${file} imports no Svelte, Dexie, grid, engine or DOM`, () => {
			const text = readFileSync(join(here, file), 'utf8');
			expect(text).not.toMatch(FORBIDDEN);
			expect(text).not.toMatch(DOM);
		});
	}
});
