// Page object for a county's tasks page (落实情况), used as a planner would: tasks found by
// their number, columns by their header, statuses and text typed from the keyboard.
import { expect, type Locator, type Page } from '@playwright/test';

export const TASK_COLUMNS = [
	'序号',
	'任务',
	'状态',
	'牵头单位',
	'责任人',
	'年度举措',
	'落实情况',
	'佐证材料',
	'备注',
	'相关指标',
	'更新'
] as const;
export type TaskColumnName = (typeof TASK_COLUMNS)[number];

export class TasksPage {
	readonly grid: Locator;
	readonly master: Locator;
	readonly year: Locator;
	readonly detail: Locator;
	readonly saveState: Locator;
	readonly findBar: Locator;
	readonly menu: Locator;

	constructor(readonly page: Page) {
		this.grid = page.getByRole('region', { name: /年工作任务$/ });
		this.master = this.grid.locator('.ht_master');
		this.year = page.getByRole('combobox', { name: '年份' });
		this.detail = page.getByRole('region', { name: '所选任务' });
		this.saveState = page.getByRole('toolbar', { name: '工作任务工具栏' }).getByRole('status');
		this.findBar = page.getByRole('search', { name: '在本工作表中查找' });
		this.menu = page.getByRole('menu');
	}

	/** Right-click a cell; the menu's items are then menuitems by their visible words. */
	async openMenu(task: number, column: TaskColumnName): Promise<void> {
		await this.cell(task, column).click({ button: 'right' });
		await expect(this.menu).toBeVisible();
	}

	menuItem(name: string): Locator {
		return this.menu.getByRole('menuitem', { name, exact: true });
	}

	async chooseFromMenu(task: number, column: TaskColumnName, item: string): Promise<void> {
		await this.openMenu(task, column);
		await this.menuItem(item).click();
		await expect(this.menu).toBeHidden();
	}

	/** Types a cell's text and commits it with Enter (the name prompt skipped). */
	async typeInto(task: number, column: TaskColumnName, text: string): Promise<void> {
		await this.select(task, column);
		await this.page.keyboard.type(text);
		await this.page.keyboard.press('Enter');
		await this.skipNamePrompt();
	}

	async open(code = '620702'): Promise<void> {
		await this.page.goto(`/county/${code}/tasks`);
		await this.ready();
	}

	async ready(): Promise<void> {
		// The grid and the formula engine load first: slow on a loaded machine.
		await expect(this.row(1)).toBeVisible({ timeout: 30_000 });
	}

	/** The grid row of a task, by the number in its first column. */
	row(task: number): Locator {
		return this.master
			.getByRole('row')
			.filter({ has: this.page.locator('td[aria-colindex="1"]').getByText(String(task), { exact: true }) });
	}

	/** The heading row whose text starts with its label, e.g. （二）. */
	heading(label: string): Locator {
		return this.master.getByRole('gridcell').filter({ hasText: label });
	}

	cell(task: number, column: TaskColumnName): Locator {
		return this.row(task).locator(`td[aria-colindex="${TASK_COLUMNS.indexOf(column) + 1}"]`);
	}

	/** Selects a cell with one click (the keyboard then goes to it). */
	async select(task: number, column: TaskColumnName): Promise<void> {
		await this.cell(task, column).click();
		// The keyboard is on the selected cell's editor (the status list has an editor of its own).
		await expect(this.grid.locator('textarea.handsontableInput:focus')).toHaveCount(1);
	}

	async chooseYear(year: number): Promise<void> {
		await this.year.selectOption(String(year));
		await expect(this.page.getByRole('heading', { level: 1 })).toContainText(`${year}年`);
	}

	filter(name: string | RegExp): Locator {
		return this.page.getByRole('group', { name: '按状态筛选' }).getByRole('radio', { name });
	}

	/** Waits until every write so far has been stored. */
	async saved(): Promise<void> {
		await expect(this.saveState).toContainText('已保存');
		await expect(this.saveState).not.toContainText('正在保存');
	}

	/** Answers the name asked once on the first edit (修改记录里的名字). */
	async giveName(name: string): Promise<void> {
		await this.page.getByRole('textbox', { name: '名字' }).fill(name);
		await this.page.getByRole('button', { name: '确定' }).click();
		await expect(this.page.getByRole('textbox', { name: '名字' })).toBeHidden();
	}

	async skipNamePrompt(): Promise<void> {
		const skip = this.page.getByRole('button', { name: '跳过' });
		if (await skip.isVisible()) await skip.click();
	}
}
