// The core stays pure: it runs in Node and in the browser alike, and could serve a
// different grid or storage. Nothing in it may import the UI, storage or grid libraries.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = new URL('.', import.meta.url).pathname;
const FORBIDDEN =
	/from\s+['"](svelte|svelte\/.*|dexie|handsontable.*|hyperformula|\$app\/.*|\$lib\/(?!core\/).*)['"]/;
const DOM = /\b(window|document|localStorage|indexedDB|navigator)\./;

describe('src/lib/core', () => {
	const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
	it('has modules to check', () => expect(files.length).toBeGreaterThan(3));
	for (const file of files) {
		it(`${file} imports no Svelte, Dexie, grid, engine or DOM`, () => {
			const text = readFileSync(join(here, file), 'utf8');
			expect(text).not.toMatch(FORBIDDEN);
			expect(text).not.toMatch(DOM);
		});
	}
});
