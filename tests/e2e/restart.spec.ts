import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SheetPage } from './pages/sheet-page';

// A browser restart, not just a reload: the profile is closed and opened again from disk.
test('figures and formulas survive closing and reopening the browser', async ({ baseURL, launchOptions }) => {
	const profile = mkdtempSync(join(tmpdir(), 'zy-profile-'));
	const open = () =>
		chromium.launchPersistentContext(profile, {
			...launchOptions,
			baseURL,
			locale: 'zh-CN',
			viewport: { width: 1440, height: 900 }
		});
	try {
		let context = await open();
		let sheet = new SheetPage(context.pages()[0] ?? (await context.newPage()));
		await sheet.openCounty('620721');
		await sheet.type('EDU06', 'G', '58.5');
		await sheet.type('EDU06', 'H', '=G6+1.5');
		await sheet.expectSaved();
		await context.close();

		context = await open();
		sheet = new SheetPage(context.pages()[0] ?? (await context.newPage()));
		await sheet.openCounty('620721');
		await sheet.expectCell('EDU06', 'H', '60');
		await sheet.expectCell('EDU06', 'Y', '✓ 已达标');
		await (await sheet.cell('EDU06', 'H')).click();
		await expect(sheet.formulaBar).toHaveValue('=G6+1.5');
		await context.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});
