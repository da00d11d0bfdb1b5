import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { ComparisonPage, seedCounty } from './pages/comparison-page';

test('figures typed in the grid reach the comparison sheet, which agrees with the grid', async ({ page }) => {
	const grid = new SheetPage(page);
	const sheet = new ComparisonPage(page);
	await grid.openCounty('620702');
	// The plan's worked example: 99.0 in 2020, 99.3 in 2023 against the city's 99.53.
	await grid.type('EDU01', 'D', '99');
	await grid.type('EDU01', 'G', '99.3');
	await grid.expectCell('EDU01', 'Y', '↘ 滞后');
	await grid.expectSaved();

	await page.getByRole('link', { name: '对照表' }).click();
	await expect(page).toHaveURL(/\/county\/620702\/compare$/);
	await expect(page).toHaveTitle(/^甘州区对照表 · /);
	await sheet.chartsDrawn();
	const edu01 = sheet.indicator('学前教育毛入园率');
	const city = edu01.getByRole('row').first();
	await expect(city.getByRole('cell')).toHaveText([
		'1',
		'%',
		'99',
		'99.3',
		'2023',
		'+0.10',
		'99.53',
		'−0.23',
		'↘ 滞后',
		'+0.115',
		'99.57',
		'−0.27',
		'↘ 滞后',
		'+0.023',
		''
	]);
	await expect(edu01.getByRole('row').nth(1)).toContainText('✓ 已达标');

	// A formula counts as its value: 99.3 + 0.3 = 99.6 in 2024 meets 99.53.
	await page.getByRole('link', { name: /返回甘州区工作表/ }).click();
	await grid.type('EDU01', 'H', '=G1+0.3');
	await grid.expectCell('EDU01', 'Y', '✓ 已达标');
	await grid.expectSaved();
	await page.getByRole('link', { name: '对照表' }).click();
	await expect(city).toContainText('99.6');
	await expect(city).toContainText('✓ 已达标');
});

test('the start page links to each county’s comparison sheet', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: '民乐县主要指标对照表' }).click();
	await expect(page).toHaveURL(/\/county\/620722\/compare$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('民乐县教育现代化2035主要指标对照表');
});

test('charts show the county’s figures with the city and province target lines', async ({ page }) => {
	const sheet = new ComparisonPage(page);
	await seedCounty(page, '620702', {
		EDU01: { 2020: 99, 2021: 99.1, 2023: 99.3 },
		EDU05: { 2020: 44, 2022: 46.2, 2024: 47.6 }
	});
	await sheet.open('620702');
	const chart = sheet.chart('高等教育毛入学率');
	await expect(chart).toHaveAccessibleName(/本县2020–2024年数据，市、省目标及规划路径/);
	const svg = chart.locator('svg');
	await expect(svg).toBeVisible();
	// The legend names the three lines; the target lines are dashed and dotted, so they
	// stay apart in black and white.
	for (const name of ['本县', '市目标及规划路径', '省目标及规划路径']) {
		await expect(svg.getByText(name, { exact: true })).toBeVisible();
	}
	const dashed = await svg.locator('path[stroke-dasharray]').count();
	expect(dashed).toBeGreaterThanOrEqual(2);
	// An indicator without figures has a plain empty box, not an empty chart.
	await expect(sheet.charts.getByRole('img', { name: /新增劳动力.*暂无数据/ })).toHaveText('暂无数据');
	await expect(sheet.charts.getByRole('img', { name: /新增劳动力/ }).locator('svg')).toHaveCount(0);
});

test('a county with no figures shows an empty state instead of charts', async ({ page }) => {
	const sheet = new ComparisonPage(page);
	await sheet.open('620723');
	await expect(sheet.charts).toContainText('本县尚未填写任何数据，暂无趋势图。');
	await expect(sheet.charts.locator('svg')).toHaveCount(0);
	await expect(sheet.indicator('学前教育毛入园率')).toContainText('— 数据不足');
	await expect(page.getByText('数据最近编辑：尚未填写')).toBeVisible();
	await expect(sheet.checks).toContainText('未发现需要核对的数据。');
});

test('figure checks are counted on the sheet and link to the cell in the grid', async ({ page }) => {
	const sheet = new ComparisonPage(page);
	const grid = new SheetPage(page);
	await seedCounty(page, '620702', {
		// A fall of 6.8 points in 2023, more than the 5 a rate is expected to move.
		EDU07: { 2020: 72, 2021: 73.5, 2022: 75, 2023: 68.2, 2024: 77 },
		// 2021 left empty between two years with figures.
		EDU06: { 2020: 55, 2022: 58 },
		// Years of schooling cannot be 98.
		EDU09: { 2029: 98 }
	});
	await sheet.open('620702');
	await expect(page.getByText('数据核查：3 处待核对')).toBeVisible();
	await expect(sheet.checks.getByRole('listitem')).toHaveText([
		'学前教育教师接受专业教育比例 2021年：缺少数据（前后两年均有数据）',
		'义务教育专任教师中本科以上学历比例 2023年：68.2，比上年（75）下降 6.8 个百分点，超过 5 个百分点',
		'劳动年龄人口平均受教育年限 2029年：98 超出合理范围（0–25年）'
	]);

	await sheet.checks.getByRole('link', { name: '义务教育专任教师中本科以上学历比例 2023年' }).click();
	await expect(page).toHaveURL(/\/county\/620702\?cell=EDU07%3A2023$/);
	await expect(grid.nameBox).toHaveValue('G7');
	await expect(grid.formulaBar).toHaveValue('68.2');

	// A year the grid folds away (2029) is shown when a check points at it.
	await page.goBack();
	await sheet.checks.getByRole('link', { name: '劳动年龄人口平均受教育年限 2029年' }).click();
	await expect(grid.nameBox).toHaveValue('M9');
	await expect(await grid.cell('EDU09', 'M')).toHaveText('98');
});

test('the print button prints the sheet, with the app’s header and buttons left off the page', async ({
	page
}) => {
	const sheet = new ComparisonPage(page);
	await seedCounty(page, '620702', { EDU01: { 2020: 99, 2023: 99.3 } });
	// Count the browser's print calls; the real print then runs as well.
	await page.addInitScript(() => {
		const print = window.print.bind(window);
		(window as unknown as { printCalls: number }).printCalls = 0;
		window.print = () => {
			(window as unknown as { printCalls: number }).printCalls++;
			print();
		};
	});
	await sheet.open('620702');
	await page.getByRole('button', { name: '打印' }).click();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls))
		.toBe(1);

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
	await expect(sheet.checks).toBeHidden();
	await expect(sheet.title).toBeVisible();
	await expect(sheet.table).toBeVisible();

	// The grid is not printed: Ctrl+P on the county's sheet says where the printout is.
	await page.goto('/county/620702');
	await expect(page.getByText('工作表不宜直接打印。要打印甘州区与市、省目标的对照表')).toBeVisible();
	await expect(new SheetPage(page).grid).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByText('工作表不宜直接打印')).toBeHidden();
	await expect(new SheetPage(page).row('EDU01')).toBeVisible();
});

test('the English sheet: title, statuses, key and chart legend in English', async ({ page }) => {
	const sheet = new ComparisonPage(page);
	await seedCounty(page, '620702', { EDU01: { 2020: 99, 2023: 99.3 } });
	await page.getByRole('button', { name: '切换到英文界面' }).click();
	await sheet.open('620702');
	await expect(sheet.title).toHaveText(
		'Ganzhou District: Education Modernization 2035, headline indicators against targets'
	);
	const edu01 = sheet.indicator('Gross preschool enrolment rate');
	await expect(edu01.getByRole('row').first()).toContainText('↘ Behind');
	await expect(
		page.getByText('↗ On track: not met yet, but on or above the planned path for its year.')
	).toBeVisible();
	await expect(
		sheet.chart('Gross preschool enrolment rate').locator('svg').getByText('City path')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
});

test('the comparison sheet has no serious accessibility faults', async ({ page }) => {
	const sheet = new ComparisonPage(page);
	await seedCounty(page, '620702', { EDU01: { 2020: 99, 2023: 99.3 }, EDU04: { 2020: 94, 2022: 90 } });
	await sheet.open('620702');
	const result = await new AxeBuilder({ page }).analyze();
	const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});
