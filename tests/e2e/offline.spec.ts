// Offline start: after one visit the app opens and works with its server gone. The test
// starts a server of its own and kills it, the truest "network off" for a service worker.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SheetPage } from './pages/sheet-page';
import { CityPage } from './pages/city-page';
import { ComparisonPage } from './pages/comparison-page';
import { ImportPage } from './pages/import-page';
import { ExchangePage } from './pages/exchange-page';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;

async function startServer(dir = 'build', port = PORT): Promise<ChildProcess> {
	const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(port), '--dir', dir], {
		stdio: 'pipe'
	});
	await new Promise<void>((resolve, reject) => {
		server.stdout?.on('data', (d: Buffer) => {
			if (d.toString().includes(String(port))) resolve();
		});
		server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
	});
	return server;
}

async function stopServer(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null) return;
	const exited = new Promise((resolve) => server.once('exit', resolve));
	server.kill();
	await exited;
}

test('after the first visit every page opens and edits are stored with the server gone', async ({ page }) => {
	test.setTimeout(120_000);
	const server = await startServer();
	try {
		await page.goto(`${ORIGIN}/`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// The worker has cached the app once it controls the page.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		const manifest = await page.evaluate(async () => {
			const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
			return link ? ((await (await fetch(link.href)).json()) as { name: string; icons: unknown[] }) : null;
		});
		expect(manifest?.name).toBe('张掖教育现代化2035工作簿');
		expect(manifest?.icons.length).toBeGreaterThanOrEqual(2);

		await stopServer(server);
		await expect(page.request.get(`${ORIGIN}/`)).rejects.toThrow();

		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const sheet = new SheetPage(page);
		// Pages whose code was never loaded before: each must open from the worker's cache.
		await page.goto(`${ORIGIN}/targets`);
		await expect(sheet.row('EDU01')).toBeVisible();
		await page.goto(`${ORIGIN}/city`);
		await expect(new CityPage(page).row('学前教育毛入园率')).toBeVisible();
		await page.goto(`${ORIGIN}/exchange`);
		await expect(new ExchangePage(page).sources).toBeVisible();
		// A workbook read offline: the import worker's reader is one of its own chunks.
		const imports = new ImportPage(page);
		await imports.choose([
			{
				name: 'ganzhou-export.xlsx',
				mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				buffer: readFileSync(
					new URL('../../src/lib/core/exchange/xlsx/fixtures/ganzhou-export.xlsx', import.meta.url)
				)
			}
		]);
		await expect(imports.applyButton).toHaveText(/^应用导入（新增 14 项/);
		await page.goto(`${ORIGIN}/city/figures`);
		await expect(sheet.row('EDU01')).toBeVisible();
		await page.goto(`${ORIGIN}/county/620722/compare`);
		const comparison = new ComparisonPage(page);
		await expect(comparison.indicator('学前教育毛入园率')).toBeVisible();
		await comparison.chartsDrawn();

		await page.goto(`${ORIGIN}/county/620722`);
		await expect(sheet.row('EDU01')).toBeVisible();
		await sheet.type('EDU01', 'H', '98.4');
		await sheet.expectSaved();
		await page.reload();
		await expect(sheet.row('EDU01')).toBeVisible();
		await sheet.expectCell('EDU01', 'H', '98.4');
		await expect(page.getByText(/页面出错/)).toHaveCount(0);
	} finally {
		await stopServer(server);
	}
});

test('a new version waits until the planner chooses 刷新, then takes over', async ({ page }) => {
	test.setTimeout(90_000);
	// A copy of the build, so the test can publish a "new version" of it.
	const dir = mkdtempSync(join(tmpdir(), 'zy-build-'));
	cpSync('build', dir, { recursive: true });
	const port = PORT + 2;
	const origin = `http://127.0.0.1:${port}`;
	const server = await startServer(dir, port);
	try {
		await page.goto(`${origin}/county/620702`);
		const sheet = new SheetPage(page);
		await expect(sheet.row('EDU01')).toBeVisible();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
		await page.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

		appendFileSync(join(dir, 'service-worker.js'), '\n// the next version\n');
		// The browser looks for a new worker on its own schedule; ask it now.
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const offer = page.getByRole('status').filter({ hasText: '有新版本' });
		await expect(offer).toBeVisible({ timeout: 30_000 });
		// Nothing was swapped under the planner: the same page, still typing.
		await sheet.type('EDU01', 'D', '99.2');
		await sheet.expectSaved();
		expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(
			true
		);

		await offer.getByRole('button', { name: '刷新' }).click();
		await page.waitForFunction(() => !(window as unknown as { stillThisPage?: boolean }).stillThisPage);
		await expect(sheet.row('EDU01')).toBeVisible();
		await expect(offer).toHaveCount(0);
		await sheet.expectCell('EDU01', 'D', '99.2');
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
		const waiting = await page.evaluate(
			async () => !!(await navigator.serviceWorker.getRegistration())?.waiting
		);
		expect(waiting).toBe(false);
	} finally {
		await stopServer(server);
		rmSync(dir, { recursive: true, force: true });
	}
});
