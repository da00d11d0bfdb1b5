// Developer aid: what each page downloads, gzipped, from the last `vite build`
// (node scripts/dev/bundle-size.mjs). Static imports load with the page; dynamic ones
// (the trend charts) when first used.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const client = '.svelte-kit/output/client';
const manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(client, file)), { level: 9 }).length;

/** The chunks an entry loads statically, itself included. */
function closure(key, seen = new Set()) {
	if (seen.has(key)) return seen;
	seen.add(key);
	for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
	return seen;
}

const app = [...closure('.svelte-kit/generated/client-optimized/app.js')];
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const [key, entry] of Object.entries(manifest)) {
	const m = /nodes\/(\d+)\.js$/.exec(key);
	if (!m) continue;
	const source = readFileSync(key, 'utf8');
	const route = /routes\/(.*?)\+(page|layout|error)/.exec(source)?.[0] ?? key;
	const own = [...closure(key)].filter((k) => !app.includes(k));
	const total = own.reduce((sum, k) => sum + gz(manifest[k].file), 0);
	const lazy = (entry.dynamicImports ?? [])
		.flatMap((d) => [...closure(d)])
		.filter((k) => !own.includes(k) && !app.includes(k));
	const lazyTotal = [...new Set(lazy)].reduce((sum, k) => sum + gz(manifest[k].file), 0);
	console.log(
		`${route.padEnd(40)} ${kb(total).padStart(10)} with the page${lazy.length ? `, ${kb(lazyTotal)} on demand` : ''}`
	);
}
const appTotal = app.reduce((sum, k) => sum + gz(manifest[k].file), 0);
console.log(`${'(every page: app shell)'.padEnd(40)} ${kb(appTotal).padStart(10)}`);
