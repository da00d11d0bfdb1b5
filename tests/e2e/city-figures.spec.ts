import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';

// The city's own figures (/city/figures) have a county sheet's columns: D = 2020 (the city
// baseline, also column D of the targets sheet), H = 2024, U/V = 2025 city/province target,
// W/X = gaps, Y/Z = statuses.

/** Move within the app as a planner does (no reload: the one formula engine stays). */
async function goToTargets(page: Page): Promise<void> {
	await page.getByRole('navigation').getByRole('link', { name: '市、省目标' }).click();
	await expect(new SheetPage(page).row('EDU01')).toBeVisible();
}
async function goToCityFigures(page: Page): Promise<void> {
	await page.getByRole('navigation').getByRole('link', { name: '县区' }).click();
	await page.getByRole('link', { name: '张掖市市级数据' }).click();
	await expect(new SheetPage(page).row('EDU01')).toBeVisible();
}

test('the start page links the city summary and the city figures; the figures compare with the city targets', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: '张掖市（市级）' })).toBeVisible();
	await expect(page.getByRole('link', { name: '张掖市市级汇总' })).toHaveAttribute('href', '/city');
	await page.getByRole('link', { name: '张掖市市级数据' }).click();
	await expect(page).toHaveURL(/\/city\/figures$/);
	await expect(page).toHaveTitle(/^张掖市 市级数据 · /);
	await expect(page.getByRole('heading', { name: '张掖市 市级数据' })).toBeVisible();
	// The city has no indicators of its own and no comparison sheet of its own.
	await expect(page.getByRole('button', { name: /添加本县指标/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: '对照表' })).toHaveCount(0);

	// The seeded 2020 baseline is there: the city's figures start from it.
	await sheet.expectCell('EDU01', 'D', '99.51');
	await sheet.type('EDU01', 'H', '99.6');
	await sheet.expectCell('EDU01', 'U', '99.53');
	await sheet.expectCell('EDU01', 'W', '+0.07');
	await sheet.expectCell('EDU01', 'Y', '✓ 已达标');
	// Below the path from the city's 99 (2020) to >99, which stands at 99 in 2024.
	await sheet.type('EDU02', 'H', '98.9');
	await sheet.expectCell('EDU02', 'U', '>99');
	await sheet.expectCell('EDU02', 'Y', '↘ 滞后');

	// EDU03 is the share of counties (a percentage), not a county's yes/no.
	await sheet.type('EDU03', 'H', '50');
	await sheet.expectCell('EDU03', 'H', '50');
	await sheet.expectCell('EDU03', 'U', '50 (优质均衡)');
	await sheet.expectCell('EDU03', 'W', '±0.00');
	await sheet.expectCell('EDU03', 'Y', '✓ 已达标');
	await sheet.type('EDU03', 'H', '33.3%');
	await sheet.expectCell('EDU03', 'W', '−16.70');
	// The 2020 figure (100) counts 基本均衡 and the target 优质均衡: no planned path runs
	// from it, so short of 50 before 2025 is not enough to judge.
	await sheet.expectCell('EDU03', 'Y', '— 缺数据');
	await sheet.typeWithIme('EDU03', 'G', '是');
	await expect(page.getByRole('alert')).toContainText('无法识别“是”');
	// A bare number is checked against percentages' plausible range.
	await sheet.type('EDU03', 'G', '250');
	await expect(await sheet.cell('EDU03', 'G')).toHaveAttribute('title', /超出合理范围/);
	await sheet.expectSaved();

	await page.reload();
	await sheet.expectCell('EDU01', 'H', '99.6');
	await sheet.expectCell('EDU03', 'H', '33.3');
	await sheet.expectCell('EDU03', 'Y', '— 缺数据');
	await page.goto('/');
	await expect(page.getByRole('region', { name: '张掖市（市级）' })).toContainText('已填 13 格');
});

test('the 2020 column is the city baseline of the targets page, edited in either place', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCityFigures();
	await expect(await sheet.cell('EDU01', 'D')).toHaveAttribute('title', /市、省目标/);
	await sheet.type('EDU01', 'D', '99.4');
	await sheet.expectCell('EDU01', 'D', '99.4');
	await sheet.expectSaved();

	await goToTargets(page);
	await sheet.expectCell('EDU01', 'D', '99.4');
	await sheet.type('EDU02', 'D', '98.8');
	await sheet.expectSaved();
	// Undo and redo on the targets page are edits of the city's figure as well.
	await page.keyboard.press('Control+z');
	await sheet.expectCell('EDU02', 'D', '99');
	await page.keyboard.press('Control+y');
	await sheet.expectCell('EDU02', 'D', '98.8');
	await sheet.expectSaved();

	await goToCityFigures(page);
	await sheet.expectCell('EDU02', 'D', '98.8');
	await sheet.type('EDU03', 'D', '83.3');
	await sheet.type('EDU04', 'D', '96');
	await page.keyboard.press('Control+z');
	await sheet.expectCell('EDU04', 'D', '95.59');
	await sheet.expectSaved();
	await goToTargets(page);
	await sheet.expectCell('EDU03', 'D', '83.3');
	await sheet.expectCell('EDU04', 'D', '95.59');
	// The qualifier of the baseline stays: 83.3 is still counted by 基本均衡.
	await sheet.expectCell('EDU03', 'E', '基本均衡');

	await page.reload();
	await sheet.expectCell('EDU02', 'D', '98.8');
	await sheet.expectCell('EDU03', 'D', '83.3');
	await sheet.openCityFigures();
	await sheet.expectCell('EDU01', 'D', '99.4');
	await sheet.expectCell('EDU03', 'D', '83.3');
});

test("a county formula reading the targets sheet's city baseline follows an edit on the city's page", async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await sheet.type('EDU01', 'H', "='目标'!D1");
	await sheet.expectCell('EDU01', 'H', '99.51');
	await goToCityFigures(page);
	await sheet.type('EDU01', 'D', '99.45');
	await page.getByRole('navigation').getByRole('link', { name: '县区' }).click();
	await page.getByRole('link', { name: '打开甘州区工作表' }).click();
	await sheet.expectCell('EDU01', 'H', '99.45');
	await page.reload();
	await sheet.expectCell('EDU01', 'H', '99.45');
});

test('a formula is refused as the 2020 baseline, and works in later years; undo and redo', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCityFigures();
	await sheet.type('EDU04', 'D', '=1+1');
	await expect(page.getByRole('alert')).toContainText('2020年是张掖市的基线');
	await sheet.expectCell('EDU04', 'D', '95.59');

	await sheet.type('EDU04', 'H', '=D4+1');
	await sheet.expectCell('EDU04', 'H', '96.59');
	await sheet.select('EDU04', 'H');
	await expect(sheet.formulaBar).toHaveValue('=D4+1');

	await sheet.type('EDU05', 'H', '47');
	await sheet.expectCell('EDU05', 'H', '47');
	await page.keyboard.press('Control+z');
	await sheet.expectCell('EDU05', 'H', '');
	await page.getByRole('button', { name: /重做/ }).click();
	await sheet.expectCell('EDU05', 'H', '47');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU04', 'H', '96.59');
	await sheet.expectCell('EDU05', 'H', '47');
});

test('a link to a cell (?cell=EDU05:2030) opens the city figures with it selected', async ({ page }) => {
	const sheet = new SheetPage(page);
	await page.goto('/city/figures?cell=EDU05:2030');
	await expect(sheet.row('EDU05')).toBeVisible();
	await expect(sheet.nameBox).toHaveValue('N5');
	await expect(page.getByRole('columnheader', { name: '2030' }).first()).toBeVisible();
});

test('another tab sees an edit of the city baseline on either page', async ({ page, context }) => {
	const city = new SheetPage(page);
	await city.openCityFigures();
	const other = await context.newPage();
	const targets = new SheetPage(other);
	await targets.openTargets();

	await city.type('EDU06', 'D', '58');
	await city.expectSaved();
	await targets.expectCell('EDU06', 'D', '58');

	await targets.type('EDU07', 'D', '76.5');
	await targets.expectSaved();
	await city.expectCell('EDU07', 'D', '76.5');
});

test('the city figures page in English', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCityFigures();
	await page.getByRole('button', { name: '切换到英文界面' }).click();
	await expect(page.getByRole('heading', { name: 'Zhangye city figures' })).toBeVisible();
	await expect(sheet.row('Gross preschool enrolment rate')).toBeVisible();
	await page.getByRole('toolbar').getByRole('link', { name: 'Import & export' }).click();
	await expect(page.getByRole('checkbox', { name: /City and province baselines/ })).toBeChecked();
});

test("exporting 市、省目标 from the city's sheet carries its figures for every year, with comparisons", async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCityFigures();
	await sheet.type('EDU01', 'H', '99.6');
	await sheet.type('EDU01', 'S', '99.7');
	await sheet.expectSaved();
	await page.getByRole('toolbar').getByRole('link', { name: '导入导出' }).click();
	await expect(page.getByRole('checkbox', { name: /市、省基线与目标/ })).toBeChecked();
	await page.getByRole('checkbox', { name: /附对照列/ }).check();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出文件' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^620700-张掖市-市省目标-\d{8}\.csv$/);
	const lines = readFileSync(await download.path(), 'utf8')
		.replace(/^\uFEFF/, '')
		.split('\r\n');
	// Line 1 says when and by whom the file was exported (format 1.1); the header follows.
	expect(lines[0]).toMatch(/^报送信息,导出时间,/);
	const header = lines[1]!.split(',');
	const edu01 = lines.find((l) => l.startsWith('620700,张掖市,EDU01,') && l.includes(',实际,'))!.split(',');
	expect(edu01[header.indexOf('2020')]).toBe('99.51');
	expect(edu01[header.indexOf('2024')]).toBe('99.6');
	expect(edu01[header.indexOf('2035')]).toBe('99.7');
	expect(edu01[header.indexOf('2025年差距(市)')]).toBe('0.07');
	expect(edu01[header.indexOf('2025年状态(市)')]).toMatch(/达标/);
});
