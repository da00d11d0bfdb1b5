// A county's tasks report (落实情况) as a planner fills it: from the county's sheet, a year
// chosen, every field typed from the keyboard as in Excel, kept exactly as typed across a
// reload; undo and redo; the status filter and the counts per heading; two tabs at once.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { TasksPage } from './pages/tasks-page';

test.describe.configure({ timeout: 90_000 });

const PROGRESS = '  已建成2所，1所主体完工；=1+1 不是公式 ';

test('a year’s report typed from the keyboard is stored exactly as typed, with counts per heading', async ({
	page
}) => {
	await page.goto('/county/620702');
	await page.getByRole('link', { name: '工作任务' }).click();
	const tasks = new TasksPage(page);
	await tasks.ready();
	await tasks.chooseYear(2025);

	// The first edit asks once for the name the records carry.
	await tasks.select(4, '状态');
	await page.keyboard.type('推');
	await page.keyboard.press('Enter');
	await tasks.giveName('王芳');

	// Along task 4's row with Tab; a new line inside a cell with Alt+Enter.
	await tasks.select(4, '牵头单位');
	await page.keyboard.type('区教育局');
	await page.keyboard.press('Tab');
	await page.keyboard.type('王芳');
	await page.keyboard.press('Tab');
	await page.keyboard.type('新建公办幼儿园3所');
	await page.keyboard.press('Alt+Enter');
	await page.keyboard.type('扩大普惠性学位');
	await page.keyboard.press('Tab');
	await page.keyboard.type(PROGRESS);
	await page.keyboard.press('Tab');
	await page.keyboard.type('《学前教育三年行动计划》');
	await page.keyboard.press('Alt+Enter');
	await page.keyboard.type('区政府常务会议纪要〔2025〕7号');
	await page.keyboard.press('Tab');
	await page.keyboard.type('含民办园');
	// Enter after the Tab run returns to the column it began in (牵头单位), one row down.
	await page.keyboard.press('Enter');
	await expect(tasks.detail).toContainText('任务5');
	await page.keyboard.type('区教育局');
	await page.keyboard.press('Enter');
	// Task 6: left to its status, typed in full; then up to task 5's, by its number in the list.
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.type('不适用');
	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.type('3');
	await page.keyboard.press('Enter');
	// Esc cancels what was being typed: task 6 stays 不适用.
	await page.keyboard.type('已完');
	await page.keyboard.press('Escape');
	await tasks.saved();

	await page.reload();
	await tasks.ready();
	await tasks.chooseYear(2025);
	await expect(tasks.cell(4, '状态')).toHaveText('推进中');
	await expect(tasks.cell(4, '牵头单位')).toHaveText('区教育局');
	await expect(tasks.cell(4, '责任人')).toHaveText('王芳');
	await expect(tasks.cell(4, '年度举措')).toHaveText('新建公办幼儿园3所\n扩大普惠性学位');
	await expect(tasks.cell(4, '落实情况')).toHaveText(PROGRESS, { useInnerText: false });
	await expect(tasks.cell(4, '佐证材料')).toHaveText(
		'《学前教育三年行动计划》\n区政府常务会议纪要〔2025〕7号'
	);
	await expect(tasks.cell(4, '备注')).toHaveText('含民办园');
	await expect(tasks.cell(5, '状态')).toHaveText('已完成');
	await expect(tasks.cell(5, '牵头单位')).toHaveText('区教育局');
	await expect(tasks.cell(6, '牵头单位')).toHaveText('');
	await expect(tasks.cell(6, '状态')).toHaveText('不适用');
	await expect(tasks.cell(7, '状态')).toHaveText('未启动');
	await expect(tasks.cell(4, '更新')).toContainText('王芳');

	// Counts: the plan's 35 tasks, and heading （二） (tasks 3–6) one of each.
	await expect(tasks.filter(/全部\s*35/)).toBeVisible();
	await expect(tasks.filter(/推进中\s*1/)).toBeVisible();
	await expect(tasks.filter(/已完成\s*1/)).toBeVisible();
	await expect(tasks.filter(/不适用\s*1/)).toBeVisible();
	await expect(tasks.filter(/未启动\s*32/)).toBeVisible();
	await expect(tasks.heading('（二）')).toContainText('已完成 1 · 推进中 1 · 未启动 1 · 不适用 1（共 4 项）');

	// Another year is a report of its own.
	await tasks.chooseYear(2024);
	await expect(tasks.cell(4, '状态')).toHaveText('未启动');
	await expect(tasks.cell(4, '牵头单位')).toHaveText('');
	await expect(tasks.filter(/未启动\s*35/)).toBeVisible();
});

test('undo and redo from the keyboard, kept across a reload; a status that is no status is refused', async ({
	page
}) => {
	const tasks = new TasksPage(page);
	await tasks.open();
	await tasks.chooseYear(2025);
	await tasks.select(18, '落实情况');
	await page.keyboard.type('中小学心理咨询室覆盖率 92%');
	await page.keyboard.press('Enter');
	await tasks.skipNamePrompt();
	await tasks.select(18, '状态');
	await page.keyboard.type('推进中');
	await page.keyboard.press('Enter');
	await tasks.saved();
	await expect(tasks.cell(18, '状态')).toHaveText('推进中');

	await page.keyboard.press('Control+z');
	await expect(tasks.cell(18, '状态')).toHaveText('未启动');
	await page.keyboard.press('Control+z');
	await expect(tasks.cell(18, '落实情况')).toHaveText('');
	await page.keyboard.press('Control+y');
	await expect(tasks.cell(18, '落实情况')).toHaveText('中小学心理咨询室覆盖率 92%');
	await tasks.saved();
	await page.reload();
	await tasks.ready();
	await tasks.chooseYear(2025);
	await expect(tasks.cell(18, '落实情况')).toHaveText('中小学心理咨询室覆盖率 92%');
	await expect(tasks.cell(18, '状态')).toHaveText('未启动');

	// Not a status: refused with the task and field named; the cell keeps its content.
	await tasks.select(19, '状态');
	await page.keyboard.type('完成了');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toContainText('任务19「状态」');
	await expect(tasks.cell(19, '状态')).toHaveText('未启动');
});

test('the status filter shows the matching tasks under their headings; the selected task shows its indicators', async ({
	page
}) => {
	const tasks = new TasksPage(page);
	await tasks.open();
	await tasks.chooseYear(2025);
	await tasks.select(4, '状态');
	await page.keyboard.type('已');
	await page.keyboard.press('Enter');
	await tasks.skipNamePrompt();
	await tasks.select(30, '状态');
	await page.keyboard.type('已');
	await page.keyboard.press('Enter');
	await tasks.saved();

	await tasks.filter(/已完成/).check();
	await expect(tasks.master.getByRole('row')).toHaveCount(2 + 2);
	await expect(tasks.row(4)).toBeVisible();
	await expect(tasks.row(30)).toBeVisible();
	await expect(tasks.row(5)).toHaveCount(0);
	await expect(tasks.heading('（二）')).toBeVisible();
	await expect(tasks.heading('（九）')).toBeVisible();
	await expect(tasks.heading('（一）')).toHaveCount(0);
	await tasks.filter(/全部/).check();
	await expect(tasks.row(5)).toBeVisible();

	// Task 4 works towards EDU01; its link opens the county's sheet at that figure.
	await tasks.cell(4, '任务').click();
	await expect(tasks.detail).toContainText('发展普惠优质的学前教育');
	const link = tasks.detail.getByRole('link', { name: /EDU01/ });
	await expect(tasks.detail).toContainText('数据不足');
	await link.click();
	await expect(page).toHaveURL(/\/county\/620702\?cell=EDU01(:|%3A)2025$/);
});

test('two tabs editing different tasks both keep what they typed', async ({ context }) => {
	const a = new TasksPage(await context.newPage());
	const b = new TasksPage(await context.newPage());
	await a.open();
	await b.open();
	await a.chooseYear(2025);
	await b.chooseYear(2025);
	await a.select(8, '牵头单位');
	await a.page.keyboard.type('区职教中心');
	await b.select(9, '牵头单位');
	await b.page.keyboard.type('区农业农村局');
	await a.page.keyboard.press('Enter');
	await b.page.keyboard.press('Enter');
	await a.skipNamePrompt();
	await b.skipNamePrompt();
	await a.saved();
	await b.saved();
	// Each tab shows the other's task too, once told of it.
	await expect(a.cell(9, '牵头单位')).toHaveText('区农业农村局');
	await expect(b.cell(8, '牵头单位')).toHaveText('区职教中心');
	await a.page.reload();
	await a.ready();
	await a.chooseYear(2025);
	await expect(a.cell(8, '牵头单位')).toHaveText('区职教中心');
	await expect(a.cell(9, '牵头单位')).toHaveText('区农业农村局');
});

test('the tasks page, with a task selected, has no serious accessibility faults', async ({ page }) => {
	const tasks = new TasksPage(page);
	await tasks.open();
	await tasks.cell(5, '任务').click();
	await expect(tasks.detail).toContainText('EDU03');
	// The grid's inner markup is Handsontable's (see a11y.spec.ts); everything around it is checked.
	const result = await new AxeBuilder({ page }).exclude('.ht-wrapper').analyze();
	const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});
