// What the page-open benchmarks and their dev aids share: when a sheet counts as shown, the
// timing of one open, and the built app (or the floor's page) served for them.
import { spawn } from 'node:child_process';

/**
 * Runs in the page from its first script (an init script): `window.__shown` resolves with
 * the page's clock (ms since navigation) once a grid cell shows a number.
 */
export function watchForFigures() {
	const w = /** @type {any} */ (window);
	w.__shown = new Promise((resolve) => {
		const seen = () => {
			for (const td of document.querySelectorAll('[role="treegrid"] td')) {
				if (/^[>≥]?-?\d+(\.\d+)?%?$/.test(td.textContent?.trim() ?? '')) return true;
			}
			return false;
		};
		const start = () => {
			const observer = new MutationObserver(() => {
				if (!seen()) return;
				observer.disconnect();
				resolve(performance.now());
			});
			observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
		};
		if (document.documentElement) start();
		else document.addEventListener('DOMContentLoaded', start);
	});
}

/** scripts/serve.js for `dir` on `port`, answered once it serves; `stop()` ends it. */
export async function serve(dir, port) {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/serve.js', '--port', String(port), '--dir', dir], {
		stdio: 'ignore'
	});
	for (let i = 0; i < 50; i++) {
		const up = await fetch(origin).then(
			(r) => r.ok,
			() => false
		);
		if (up) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	return { origin, stop: () => child.kill() };
}

/**
 * Navigation start → `window.__shown` (an init script's, as watchForFigures), in the page's own
 * clock; null after 60 s. `throttle`: CPU slowed down this many times; `noCache`: the scripts
 * fetched again, as on a first visit.
 */
export async function open(page, url, { throttle = 1, noCache = false } = {}) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
	if (noCache) {
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	}
	await page.goto(url, { waitUntil: 'commit' });
	const ms = await Promise.race([
		page.evaluate(() => /** @type {any} */ (window).__shown),
		new Promise((r) => setTimeout(() => r(null), 60_000))
	]);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await cdp.detach();
	return ms === null ? null : Math.round(ms);
}
