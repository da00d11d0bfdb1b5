// The 对照 choice (2025, 2035 or both target years beside the years): remembered per kind of
// sheet across reloads, and by default both where they fit on screen.
import { expect, test } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';

test('the choice stays after a reload and is the county sheets’ own, not the city’s', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await page.getByRole('radio', { name: '2035年目标' }).check();
	await page.reload();
	await expect(sheet.row('EDU01')).toBeVisible();
	await expect(page.getByRole('radio', { name: '2035年目标' })).toBeChecked();
	// Another county opens the same way.
	await sheet.openCounty('620722');
	await expect(page.getByRole('radio', { name: '2035年目标' })).toBeChecked();
	// The city's sheet keeps a choice of its own.
	await sheet.openCityFigures();
	await expect(page.getByRole('radio', { name: '2035年目标' })).not.toBeChecked();
});

test.describe('at 1920×1080', () => {
	test.use({ viewport: { width: 1920, height: 1080 } });
	test('both target years are shown by default, and fit on screen', async ({ page }) => {
		const sheet = new SheetPage(page);
		await sheet.openCounty();
		await expect(page.getByRole('radio', { name: '两者' })).toBeChecked();
		const last = sheet.grid.getByRole('columnheader', { name: 'AF', exact: true }).first();
		const box = await last.boundingBox();
		expect(box).not.toBeNull();
		expect(box!.x + box!.width).toBeLessThanOrEqual(1920);
	});
});

test.describe('at 1366×768', () => {
	test.use({ viewport: { width: 1366, height: 768 } });
	test('2025 is shown by default, beside the years', async ({ page }) => {
		const sheet = new SheetPage(page);
		await sheet.openCounty();
		await expect(page.getByRole('radio', { name: '2025年目标' })).toBeChecked();
	});
});
