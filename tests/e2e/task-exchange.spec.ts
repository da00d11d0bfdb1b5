// Task files as counties and the city use them: a county exports its year of tasks, the
// city imports the six counties' files (preview by row, apply, undo, also after a reload)
// and prints the 35 × 6 matrix; a county prints its 落实情况 report. Real browser, real
// IndexedDB, the PDF as Chromium prints it.
import { expect, test } from '@playwright/test';
import { normalise, readPdf } from './pages/comparison-page';
import { COUNTIES, countyTaskRow } from './pages/task-files';
import { TaskExchangePage, TaskPrintPage, countyTaskFile } from './pages/task-exchange-page';
import { readFileSync } from 'node:fs';

const tasksSeed: {
	headings: { number: number; label: string; titleZh: string }[];
	tasks: { number: number; heading: number; titleZh: string }[];
} = JSON.parse(readFileSync(new URL('../../seeds/tasks.json', import.meta.url), 'utf8'));

/** A pattern matching `parts` in this order on one page's text (anything between). */
function inOrder(parts: string[], gap = '.*'): RegExp {
	return new RegExp(parts.map((p) => normalise(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(gap));
}

const STATUS_WORD: Record<string, string> = {
	已完成: '已完成',
	推进中: '推进中',
	未启动: '未启动',
	不适用: '不适用'
};

test('a county exports its year of tasks from its tasks page: every task, guarded, read back unchanged', async ({
	page
}) => {
	const exchange = new TaskExchangePage(page);
	await exchange.open();
	await exchange.pick([countyTaskFile(0, 2026)]);
	await exchange.apply();

	// From the county's tasks page, as a planner goes: the link carries county and year.
	await page.goto('/county/620702/tasks');
	await page.getByRole('link', { name: '导出任务落实情况' }).click();
	await expect(exchange.exportPanel.getByRole('combobox', { name: '县区' })).toHaveValue('620702');
	const file = await exchange.exportFile('甘州区', 2026);
	expect(file.name).toMatch(/^620702-甘州区-任务落实-2026-\d{8}\.csv$/);
	const lines = file.text.replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toMatch(/^报送信息,导出时间,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/);
	expect(lines[1]).toBe('地区代码,任务编号,年份,状态,牵头单位,责任人,年度举措,落实情况,佐证材料,备注');
	const first = countyTaskRow(0, 1);
	// The note that starts with = is written with the apostrophe guard, so Excel shows text.
	expect(lines[2]).toBe(
		`620702,1,2026,${first.status},${first.leadUnit},${first.responsible},${first.measures},${first.progress},,'=以等号开头的备注`
	);
	// One row per task of the plan, 35 in all (a multi-line evidence cell is one quoted cell).
	expect(file.text.match(/^620702,\d+,2026,/gm)).toHaveLength(35);

	// Imported again, the county's own file changes nothing.
	await exchange.open();
	await exchange.fileInput.setInputFiles([
		{ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) }
	]);
	await expect(exchange.preview.getByText('文件中的任务与工作簿中的完全相同')).toBeVisible();
	expect(await exchange.counts('甘州区')).toEqual([0, 0, 35, 0]);
});

test('the city imports six county task files: new, changed and refused by row, apply, undo, undo after a reload', async ({
	page
}) => {
	const exchange = new TaskExchangePage(page);
	const print = new TaskPrintPage(page);
	await exchange.open();
	// 临泽县's file has two broken rows: a status that is none of the four, and no task 36.
	const broken = countyTaskFile(3, 2026, (r) =>
		r.task === 5 ? { ...r, status: '基本完成' } : r.task === 6 ? { ...r, task: 36 } : r
	);
	await exchange.pick(COUNTIES.map((_, i) => (i === 3 ? broken : countyTaskFile(i, 2026))));
	expect(await exchange.counts('甘州区')).toEqual([35, 0, 0, 0]);
	expect(await exchange.counts('临泽县')).toEqual([33, 0, 0, 2]);
	const refused = exchange.refused();
	// Rows as Excel numbers them: the metadata row is 1, the header 2, task 5 on row 7.
	await expect(refused.filter({ hasText: '状态“基本完成”无效' })).toContainText(/7\s*状态/);
	await expect(refused.filter({ hasText: '任务编号“36”无效' })).toContainText(/8\s*任务编号/);
	await exchange.apply();

	await print.openMatrix(2026);
	const gz = countyTaskRow(0, 1);
	await expect(print.cell('甘州区', 1)).toHaveText(new RegExp(STATUS_WORD[gz.status]!));
	await expect(print.cell('临泽县', 5)).toHaveText(/未填报/);

	// 甘州区 sends a corrected file: two tasks change, the rest are as stored.
	await exchange.open();
	const corrected = countyTaskFile(0, 2026, (r) =>
		r.task === 1 ? { ...r, status: '已完成' } : r.task === 2 ? { ...r, leadUnit: '甘州区人民政府' } : r
	);
	await exchange.pick([corrected]);
	expect(await exchange.counts('甘州区')).toEqual([0, 2, 33, 0]);
	await expect(exchange.changed()).toContainText(/状态\s*推进中\s*已完成/);
	await expect(exchange.changed()).toContainText(/牵头单位\s*甘州区教育局\s*甘州区人民政府/);
	await exchange.apply();
	await exchange.preview.getByRole('button', { name: '撤销本次导入' }).click();
	await expect(exchange.preview.getByText('已撤销本次任务导入')).toBeVisible();
	await print.openMatrix(2026);
	await expect(print.cell('甘州区', 1)).toHaveText(/推进中/);

	// Applied again, then undone after a reload: the snapshot is in the database.
	await exchange.open();
	await exchange.pick([corrected]);
	await exchange.apply();
	await page.reload();
	await page
		.getByRole('region', { name: '撤销本次导入' })
		.getByRole('button', { name: '撤销本次导入' })
		.click();
	await expect(page.getByText('已撤销本次任务导入')).toBeVisible();
	await print.openMatrix(2026);
	await expect(print.cell('甘州区', 1)).toHaveText(/推进中/);
	await expect(print.cell('甘州区', 2)).toBeVisible();
});

test('the city matrix prints on A4 across: every task row whole on one page, header and page numbers on each', async ({
	page
}) => {
	const exchange = new TaskExchangePage(page);
	const print = new TaskPrintPage(page);
	await exchange.open();
	await exchange.pick(COUNTIES.map((_, i) => countyTaskFile(i, 2026)));
	await exchange.apply();
	await page.goto('/city');
	await page.getByRole('link', { name: /任务落实汇总/ }).click();
	await expect(print.sheet).toHaveAttribute('aria-busy', 'false');

	const pages = await readPdf(await print.pdf());
	expect(pages.length).toBeGreaterThanOrEqual(2);
	pages.forEach((p, i) => {
		expect(Math.round(p.width)).toBe(842);
		expect(p.text).toContain(normalise(`第 ${i + 1} 页 共 ${pages.length} 页`));
		expect(p.text).toContain(
			normalise('序号 任务 甘州区 肃南裕固族自治县 民乐县 临泽县 高台县 山丹县 合计已完成')
		);
	});
	// A row is whole when its number, title and all six statuses are on one page together.
	for (const task of tasksSeed.tasks) {
		const statuses = COUNTIES.map((_, i) => countyTaskRow(i, task.number).status);
		// Each status is its symbol, then its word: one character between.
		const row = inOrder([`${task.number}${task.titleZh}`, ...statuses], '.');
		const holding = pages.filter((p) => row.test(p.text));
		expect(holding, `task ${task.number} whole on one page`).toHaveLength(1);
	}
	for (const h of tasksSeed.headings) {
		expect(pages.some((p) => p.text.includes(normalise(h.label + h.titleZh)))).toBe(true);
	}
	expect(pages.at(-1)!.text).toContain(normalise('市委发〔2021〕35号'));
});

test('a county prints its 落实情况 report from its tasks page: A4 upright, long tasks never split', async ({
	page
}) => {
	const exchange = new TaskExchangePage(page);
	const print = new TaskPrintPage(page);
	await exchange.open();
	await exchange.pick([countyTaskFile(0, 2026)]);
	await exchange.apply();
	await page.goto('/county/620702/tasks');
	await page.getByRole('link', { name: '打印', exact: true }).click();
	await expect(print.sheet).toHaveAttribute('aria-busy', 'false');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'甘州区《张掖教育现代化2035行动纲要》任务落实情况（2026年）'
	);
	// In print, no task row crosses a page: each row's box lies within one page's height.
	const pages = await readPdf(await print.pdf());
	expect(pages.length).toBeGreaterThanOrEqual(2);
	pages.forEach((p, i) => {
		expect(Math.round(p.width)).toBe(595);
		expect(p.text).toContain(normalise(`第 ${i + 1} 页 共 ${pages.length} 页`));
		expect(p.text).toContain(normalise('序号 任务 状态 牵头单位 责任人 年度举措与落实情况'));
		expect(p.text).toContain(normalise('甘州区任务落实情况 · 2026'));
	});
	for (const task of tasksSeed.tasks) {
		const r = countyTaskRow(0, task.number);
		// Title, status, the end of its progress and its last evidence, all on one page.
		const row = inOrder([
			task.titleZh,
			r.status,
			r.progress ? r.progress.slice(-8) : r.measures.slice(-8),
			...r.evidence.slice(-1)
		]);
		expect(
			pages.filter((p) => row.test(p.text)),
			`task ${task.number} whole on one page`
		).toHaveLength(1);
	}
	expect(pages.at(-1)!.text).toContain(
		normalise('合计 35 项任务').slice(0, 0) + normalise('市委发〔2021〕35号')
	);
});

test('a task file and a figure file picked together each get their own preview', async ({ page }) => {
	const exchange = new TaskExchangePage(page);
	await exchange.open();
	const figures =
		'地区代码,地区,指标代码,指标,单位,类型,2024,备注\r\n620702,甘州区,EDU01,学前教育毛入园率,%,实际,99.6,\r\n';
	await exchange.pick([
		countyTaskFile(1, 2026),
		{ name: '620702-甘州区-20261128.csv', mimeType: 'text/csv', buffer: Buffer.from(figures) }
	]);
	expect(await exchange.counts('肃南裕固族自治县')).toEqual([35, 0, 0, 0]);
	// The figure preview lists only the figure file, with its one new figure.
	await expect(
		page
			.getByRole('region', { name: '导入', exact: true })
			.getByRole('button', { name: '应用导入（新增 1 项，修改 0 项）' })
	).toBeVisible();
	await expect(exchange.preview.getByText('620702-甘州区-20261128.csv')).toHaveCount(0);
});
