// Shared Chromium discovery for scripts/ensure-chromium.js and playwright.config.ts.
// Plain Node ESM, no dependencies.
import { existsSync, statSync } from 'node:fs';

/** Flags every Chromium launch in this project uses (headless, offline-friendly). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Fixed locations tried after the environment variables, in order. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * @param {string | undefined} p
 * @returns {boolean}
 */
function isFile(p) {
	if (!p) return false;
	try {
		return existsSync(p) && statSync(p).isFile();
	} catch {
		return false;
	}
}

/**
 * Find a Chromium executable: $CHROMIUM_PATH, then $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
 * then /usr/bin/chromium, then /usr/bin/chromium-browser.
 * @returns {string | undefined} the path, or undefined when none exists
 */
export function findChromium() {
	const candidates = [
		process.env.CHROMIUM_PATH,
		process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
		...CHROMIUM_CANDIDATES
	];
	for (const p of candidates) {
		if (isFile(p)) return p;
	}
	return undefined;
}
