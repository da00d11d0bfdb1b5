// The tasks grid's Excel habits, as on the figure sheets: the right-click menu (with the items
// that make sense for a task: no 批注, the 备注 column is the task's note), find (Ctrl+F), and
// undo / redo that survive a reload, a step whose record changed since being refused.
import { expect, test } from '@playwright/test';
import { TasksPage } from './pages/tasks-page';

test.describe.configure({ timeout: 90_000 });

test('right-click a task’s cell: cut, copy, paste, clear, undo, redo; a heading or a computed column only copies', async ({
	page
}) => {
	const tasks = new TasksPage(page);
	await tasks.open();
	await tasks.chooseYear(2025);
	await tasks.typeInto(9, '牵头单位', '区教育局');
	await tasks.saved();

	await tasks.openMenu(9, '牵头单位');
	for (const item of ['剪切', '复制', '粘贴', '清除内容', '撤销', '重做']) {
		await expect(tasks.menuItem(item)).toBeVisible();
	}
	// A task's note is its 备注 column: no 批注 here.
	await expect(tasks.menuItem('插入批注')).toHaveCount(0);
	await tasks.menuItem('清除内容').click();
	await expect(tasks.cell(9, '牵头单位')).toHaveText('');
	await tasks.saved();

	// 撤销 from the menu takes the clearing back, and the keyboard is the grid's again.
	await tasks.chooseFromMenu(9, '状态', '撤销');
	await expect(tasks.cell(9, '牵头单位')).toHaveText('区教育局');
	await page.keyboard.press('Control+y');
	await expect(tasks.cell(9, '牵头单位')).toHaveText('');

	// The indicators a task works towards are computed: copy only.
	await tasks.openMenu(9, '相关指标');
	await expect(tasks.menuItem('复制')).toBeVisible();
	for (const item of ['剪切', '粘贴', '清除内容', '撤销']) {
		await expect(tasks.menuItem(item)).toHaveCount(0);
	}
	await page.keyboard.press('Escape');
	await expect(tasks.menu).toBeHidden();
	await tasks.heading('（三）').click({ button: 'right' });
	await expect(tasks.menuItem('复制')).toBeVisible();
	await expect(tasks.menuItem('清除内容')).toHaveCount(0);
});

test('Ctrl+F finds what the task cells show, steps with Enter, and Esc returns to the found task', async ({
	page
}) => {
	const tasks = new TasksPage(page);
	await tasks.open();
	await tasks.chooseYear(2025);
	await tasks.typeInto(4, '牵头单位', '区教育局');
	await tasks.typeInto(20, '牵头单位', '区人社局');
	await tasks.typeInto(27, '牵头单位', '区教育局');
	await tasks.saved();

	await tasks.select(1, '备注');
	await page.keyboard.press('Control+f');
	await expect(tasks.findBar).toBeVisible();
	const query = tasks.findBar.getByRole('searchbox', { name: '查找内容' });
	await expect(query).toBeFocused();
	await query.fill('区教育局');
	const status = tasks.findBar.getByRole('status');
	await expect(status).toHaveText('第 1 项，共 2 项');
	await expect(tasks.detail).toContainText('任务4');
	await page.keyboard.press('Enter');
	await expect(status).toHaveText('第 2 项，共 2 项');
	await expect(tasks.detail).toContainText('任务27');
	await page.keyboard.press('Shift+Enter');
	await expect(status).toHaveText('第 1 项，共 2 项');
	// A status is found by its word, as the cell shows it; whole-cell leaves out the headings'
	// counts (未启动 2) and finds the 35 tasks' statuses.
	await tasks.findBar.getByRole('checkbox', { name: '单元格完全匹配' }).check();
	await query.fill('未启动');
	await expect(status).toHaveText(/共 35 项$/);
	await query.fill('区教育');
	await expect(status).toHaveText('未找到');
	await tasks.findBar.getByRole('checkbox', { name: '单元格完全匹配' }).uncheck();
	await query.fill('区人社局');
	await expect(status).toHaveText('第 1 项，共 1 项');
	await page.keyboard.press('Escape');
	await expect(tasks.findBar).toBeHidden();
	await expect(tasks.detail).toContainText('任务20');
	// The keyboard is on the found cell: typing replaces it, as in Excel.
	await page.keyboard.type('区人力资源和社会保障局');
	await page.keyboard.press('Enter');
	await expect(tasks.cell(20, '牵头单位')).toHaveText('区人力资源和社会保障局');
});

test('Ctrl+Z after a reload takes back the last task edit; a step whose record changed since is refused', async ({
	page,
	context
}) => {
	const tasks = new TasksPage(page);
	await tasks.open();
	await tasks.chooseYear(2025);
	await tasks.typeInto(11, '落实情况', '已开设专业3个');
	await tasks.typeInto(12, '牵头单位', '张掖市职业技术教育中心');
	await tasks.saved();

	await page.reload();
	await tasks.ready();
	await tasks.chooseYear(2025);
	await tasks.select(1, '备注');
	await page.keyboard.press('Control+z');
	await expect(tasks.cell(12, '牵头单位')).toHaveText('');
	await expect(tasks.cell(11, '落实情况')).toHaveText('已开设专业3个');
	await tasks.saved();

	// Task 11's progress is changed in another tab: the undo of this tab's step, kept from
	// before the reload, is refused with the task and field named, and overwrites nothing.
	const other = new TasksPage(await context.newPage());
	await other.open();
	await other.chooseYear(2025);
	await other.typeInto(11, '落实情况', '已开设专业4个');
	await other.saved();
	await expect(tasks.cell(11, '落实情况')).toHaveText('已开设专业4个');
	await tasks.select(1, '备注');
	await page.keyboard.press('Control+z');
	await expect(page.getByRole('alert').filter({ hasText: '撤销未执行' })).toContainText(
		'撤销未执行：任务11「落实情况」此后已被改为“已开设专业4个”'
	);
	await expect(tasks.cell(11, '落实情况')).toHaveText('已开设专业4个');
	await expect(other.cell(11, '落实情况')).toHaveText('已开设专业4个');
	// A refused step is not a failed save.
	await expect(page.getByText('保存失败')).toHaveCount(0);
	// Redo still brings back the step undone after the reload.
	await page.keyboard.press('Control+y');
	await expect(tasks.cell(12, '牵头单位')).toHaveText('张掖市职业技术教育中心');
});
