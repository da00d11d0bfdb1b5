/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline start: the built app (every page's code, the formula engine, the grid, the charts,
// the import worker and its .xlsx reader) is kept in the browser on the first visit, so the workbook opens and
// works with the bureau's intranet out of reach. The data itself is in IndexedDB already.
//
// Updates never swap code under a planner mid-edit: a new version installs beside the old one
// and waits; the page offers 「有新版本，刷新」 (UpdateBanner.svelte), which asks it to take over.
import { base, build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `zy-edu2035-${version}`;
// adapter-static's fallback page is the shell every address opens (svelte.config.js).
const SHELL = `${base}/index.html`;
const PRECACHE = [...build, ...files, SHELL];

// A worker's own chunks (the import worker's .xlsx reader, loaded by dynamic import only
// when a workbook is picked) are built apart from the page's and are not in `build`: they
// are found in the worker scripts themselves, by their relative imports, and kept too.
const RELATIVE_IMPORT = /(?:from|import\()\s*["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g;

async function cacheWorkerChunks(cache: Cache): Promise<void> {
	const seen = new Set(PRECACHE);
	const queue = build.filter((path) => /\/workers\/[^/]+\.js$/.test(path));
	while (queue.length > 0) {
		const path = queue.shift()!;
		const text = await (await cache.match(path))?.text();
		if (!text) continue;
		for (const m of text.matchAll(RELATIVE_IMPORT)) {
			const chunk = new URL(m[1]!, new URL(path, sw.location.origin)).pathname;
			if (seen.has(chunk)) continue;
			seen.add(chunk);
			// Something in a script that only looks like an import must not fail the install.
			const ok = await cache.add(chunk).then(
				() => true,
				() => false
			);
			if (ok) queue.push(chunk);
		}
	}
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			await cache.addAll(PRECACHE);
			await cacheWorkerChunks(cache);
		})
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			// On the first visit no older version runs: take the open page now, so it works
			// offline without a reload. (An update only activates when the page asks.)
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// A file of the build opened as a page (the icon) is that file; every other address of
			// the app is the one shell page, of this worker's own version, so the page and the
			// code it loads always match.
			const cached = await cache.match(url.pathname);
			if (cached) return cached;
			if (request.mode === 'navigate') {
				const shell = await cache.match(SHELL);
				if (shell) return shell;
			}
			return fetch(request);
		})()
	);
});
