// The Content-Security-Policy (svelte.config.js kit.csp): every page, with what a planner does
// on it, runs without one request outside the app's own origin and without one violation.
import { expect, test, type Page } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { ComparisonPage } from './pages/comparison-page';
import { CityPage } from './pages/city-page';
import { csvFile, ExchangePage } from './pages/exchange-page';

function watch(page: Page, origin: string) {
	const foreign: string[] = [];
	const consoleErrors: string[] = [];
	const pageErrors: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		// data: and blob: URLs are made in the page (Handsontable's icons, the CSV download).
		if (url.protocol === 'data:' || url.protocol === 'blob:') return;
		if (url.origin !== origin) foreign.push(r.url());
	});
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => pageErrors.push(e.message));
	return { foreign, consoleErrors, pageErrors };
}

async function violations(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
}

test('every page works under the CSP, with no request leaving the app’s origin', async ({
	page,
	baseURL
}) => {
	test.setTimeout(120_000);
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
		);
	});
	const watched = watch(page, new URL(baseURL!).origin);
	const all: string[] = [];
	const check = async () => all.push(...(await violations(page)));

	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(policy).toContain("script-src 'self' 'sha256-");
	expect(policy).toContain("connect-src 'self'");
	await check();

	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'D', '99.1');
	await sheet.type('EDU01', 'E', '=D1+0.2');
	await sheet.expectSaved();
	await sheet.expectCell('EDU01', 'E', '99.3');
	await check();

	await new ComparisonPage(page).open('620702');
	await expect(page.getByRole('img', { name: /^学前教育毛入园率/ })).toBeVisible();
	await check();

	await new CityPage(page).open();
	await check();
	await sheet.openCityFigures();
	await sheet.type('EDU02', 'E', '98.6');
	await sheet.expectSaved();
	await check();
	await sheet.openTargets();
	await check();

	const exchange = new ExchangePage(page);
	await exchange.open();
	const exported = await exchange.exportCounties(['甘州区']);
	expect(exported.bytes.toString('utf8')).toContain('99.1');
	await exchange.pick([csvFile('民乐县.csv', '地区代码,指标代码,类型,2024\r\n620722,EDU01,实际,98.8\r\n')]);
	await exchange.apply();
	await check();

	expect(all).toEqual([]);
	expect(watched.foreign).toEqual([]);
	expect(watched.consoleErrors).toEqual([]);
	expect(watched.pageErrors).toEqual([]);
});
