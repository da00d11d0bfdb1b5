import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// License keys are read at build time (see README, "Licensing"). The defaults are
// Handsontable's key for non-commercial use and evaluation, and HyperFormula's key for
// use inside Handsontable's Formulas plugin.
const hotLicenseKey = process.env.HOT_LICENSE_KEY || 'non-commercial-and-evaluation';
const hfLicenseKey = process.env.HF_LICENSE_KEY || 'internal-use-in-handsontable';

export default defineConfig({
	plugins: [sveltekit()],
	// The import worker loads the workbook reader only when an .xlsx is picked: a dynamic
	// import, which a classic (IIFE) worker cannot split off. Module workers: Chromium 80+.
	worker: { format: 'es' },
	resolve: {
		alias: [
			// write-excel-file's zip step, made synchronous: its own deflates a large part in a
			// blob: worker, which the CSP blocks, and then never returns (see the module).
			{
				find: /^\.\.\/zip\/zipToArrayBuffer\.js$/,
				replacement: fileURLToPath(new URL('./src/lib/core/exchange/xlsx/write-zip.ts', import.meta.url))
			}
		]
	},
	define: {
		__HOT_LICENSE_KEY__: JSON.stringify(hotLicenseKey),
		__HF_LICENSE_KEY__: JSON.stringify(hfLicenseKey),
		__APP_VERSION__: JSON.stringify(pkg.version)
	},
	test: {
		// Only the unit tests beside the code; Playwright specs live in tests/e2e.
		include: ['src/**/*.test.ts', 'seeds/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint/**/*.test.js'],
		environment: 'node',
		setupFiles: ['src/lib/i18n/catalogs-setup.ts'],
		// The property tests (fast-check over the real engine) take seconds each; on a loaded
		// 2-core machine 5 s was not enough, and a timeout says nothing about the workbook.
		testTimeout: 30_000
	}
});
