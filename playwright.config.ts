import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.js';

// System Chromium (Debian package `chromium`); `npm run test:e2e` runs
// scripts/ensure-chromium.js first, which installs it or explains how to.
const executablePath = findChromium();
const launchOptions = { executablePath, args: [...CHROMIUM_ARGS] };

// E2E_PORT lets two checkouts run their browser suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	forbidOnly: !!process.env.CI,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		launchOptions,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				viewport: { width: 1440, height: 900 },
				launchOptions
			}
		}
	],
	// The app is built by the npm script before Playwright starts; this only serves build/.
	webServer: {
		command: `node scripts/serve.js --port ${PORT}`,
		url: baseURL,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
