import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { csvFile, ImportPage } from './pages/import-page';

// Serious accessibility faults (missing labels, bad contrast, broken roles) on each screen.
// The grid's inner markup is Handsontable's (axe flags its treegrid's children and its scroll
// holder); it is keyboard-operable in its own way, so the check covers everything around it.
for (const [name, path] of [
	['start page', '/'],
	['county sheet', '/county/620702'],
	['city figures', '/city/figures'],
	['targets page', '/targets']
] as const) {
	test(`the ${name} has no serious accessibility faults`, async ({ page }) => {
		await page.goto(path);
		if (path !== '/') await expect(new SheetPage(page).row('EDU01')).toBeVisible();
		else await expect(page.getByRole('heading', { name: '选择县区' })).toBeVisible();
		const result = await new AxeBuilder({ page }).exclude('.ht-wrapper').analyze();
		const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
	});
}

test('the import and export page, with a preview, has no serious accessibility faults', async ({ page }) => {
	const imports = new ImportPage(page);
	await imports.importFiles([
		csvFile(
			'a.csv',
			'地区代码,指标代码,类型,2023,2024\n620702,EDU01,实际,99.3,很高\n620702,EDU02,实际,99,99.2\n'
		)
	]);
	await expect(imports.refusedHeading).toBeVisible();
	await imports.waitForPreview();
	const result = await new AxeBuilder({ page }).analyze();
	const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test('the city overview, in both orientations, has no serious accessibility faults', async ({ page }) => {
	await page.goto('/city');
	await expect(page.getByRole('heading', { name: '张掖市教育现代化2035主要指标县区对照表' })).toBeVisible();
	for (const flip of [false, true]) {
		if (flip) await page.getByRole('button', { name: '⇄ 行列互换' }).click();
		const result = await new AxeBuilder({ page }).analyze();
		const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
	}
});
