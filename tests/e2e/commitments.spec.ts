// Issue 13 pt 3: a county takes up the plan's commitment rows, types spending that falls and
// teachers' pay below civil servants', and sees the plan's rules judge them on the sheet, on
// the comparison sheet (and its print) and in the city view, in words and symbols.
import { expect, test } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { ComparisonPage, normalise, readPdf } from './pages/comparison-page';
import { CommitmentRows } from './pages/commitments';

test('commitment rows: turned on per county, judged by the plan’s rules everywhere', async ({ page }) => {
	// One planner's whole round (sheet, comparison sheet, its PDF, the city view) on a shared machine.
	test.setTimeout(120_000);
	const grid = new SheetPage(page);
	const rows = new CommitmentRows(page);
	await grid.openCounty('620702');
	// Not taken up: the sheet has the nine only.
	await expect(rows.toggle).not.toBeChecked();
	await expect(grid.row('FIN01')).toHaveCount(0);

	await rows.toggle.check();
	await expect(grid.row('FIN01')).toBeVisible();
	await expect(page.getByText(/已加入规划承诺行/)).toBeVisible();
	for (const code of ['FIN02', 'PAY01', 'PAY02', 'PSY01']) await expect(grid.row(code)).toBeVisible();
	// Empty rows are 数据不足; the target column says the rule instead of a target.
	await grid.expectCell('FIN01', 'U', '不低于上年');
	await grid.expectCell('FIN01', 'Y', '— 缺数据');
	await grid.expectCell('PAY01', 'U', '不低于公务员');

	// Spending falls in 2022; teachers are paid less than civil servants in 2021.
	await grid.type('FIN01', 'D', '52000');
	await grid.type('FIN01', 'E', '54000');
	await grid.type('FIN01', 'F', '53100.5');
	await grid.type('PAY01', 'E', '88000');
	await grid.type('PAY02', 'E', '90000');
	await grid.type('PSY01', 'E', '100');
	await grid.expectCell('FIN01', 'Y', '↘ 滞后');
	await grid.expectCell('FIN01', 'W', /−899\.5/);
	await grid.expectCell('PAY01', 'Y', '↘ 滞后');
	await grid.expectCell('PAY01', 'W', /−2,?000/);
	await grid.expectCell('PSY01', 'Y', '✓ 已达标');
	await grid.expectCell('FIN02', 'Y', '— 缺数据');
	// The status is a formula the planner can read in the formula bar.
	await grid.select('FIN01', 'Y');
	await expect(grid.formulaBar).toHaveValue('=PLAN.RULE("no-fall",$D10:$S10,2025)');
	await grid.expectSaved();

	// Turning them off while they hold figures is refused, saying what to do.
	await rows.toggle.click();
	await expect(page.getByText(/规划承诺行中还有 6 项内容.*请先清除这些内容/)).toBeVisible();
	await expect(rows.toggle).toBeChecked();
	await expect(grid.row('FIN01')).toBeVisible();

	// Remembered for the county after a reload.
	await page.reload();
	await expect(grid.row('FIN01')).toBeVisible();
	await expect(rows.toggle).toBeChecked();

	// The comparison sheet: the nine's table has no commitment rows; their own table judges them.
	const sheet = new ComparisonPage(page);
	await sheet.open('620702');
	await expect(sheet.indicator('一般公共预算教育支出')).toHaveCount(0);
	const section = rows.section();
	await expect(section).toBeVisible();
	await rows.expectRow(section, 'FIN01', [
		'万元',
		'不低于上年',
		'2022',
		'53100.5',
		'2021年 54000',
		/−899\.5/,
		'↘ 滞后',
		'2022',
		/逐年只增不减/
	]);
	await expect(rows.row(section, 'PAY01')).toContainText('↘ 滞后');
	await expect(rows.row(section, 'PAY01')).toContainText('公务员 2021年 90000');
	await expect(rows.row(section, 'PSY01')).toContainText('✓ 已达标');
	await expect(rows.row(section, 'FIN02')).toContainText('— 数据不足');
	// PAY02 is only PAY01's reference: no row of its own here.
	await expect(rows.row(section, 'PAY02')).toHaveCount(0);

	// In print, the same words and symbols.
	const text = (await readPdf(await sheet.pdf())).map((p) => p.text).join('');
	expect(text).toContain(normalise('规划承诺（纲要正文）'));
	expect(text).toContain(normalise('2021年 54000'));
	expect(text).toMatch(/↘滞后2022/);

	// The city view: this county's verdicts; the other five have not taken the rows up.
	await page.goto('/city');
	const city = rows.section(/^规划承诺：各县区/);
	await expect(city).toBeVisible();
	const fin01 = rows.row(city, 'FIN01');
	await expect(fin01.getByRole('cell', { name: '甘州区 滞后' })).toContainText('↘ 滞后');
	await expect(fin01.getByRole('cell', { name: '未启用' })).toHaveCount(5);
	await expect(fin01).toContainText('0/1 达标');
	await expect(rows.row(city, 'PSY01')).toContainText('1/1 达标');
});

test('a county that has not taken the rows up looks no different on its comparison sheet', async ({
	page
}) => {
	const sheet = new ComparisonPage(page);
	const rows = new CommitmentRows(page);
	await sheet.open('620722');
	await expect(rows.section()).toHaveCount(0);
	// None of its rows is a commitment row, so nothing of them reads 数据不足 there.
	await expect(page.getByRole('rowheader', { name: /FIN01|PAY01|PSY01/ })).toHaveCount(0);
	await page.goto('/city');
	await expect(rows.section(/^规划承诺：各县区/)).toContainText('尚无县区启用规划承诺行');
});
