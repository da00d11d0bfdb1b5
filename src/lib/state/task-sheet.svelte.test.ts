// A county's tasks page state against real workbooks (fake-indexeddb): what is typed is
// stored as typed, one record per change; two tabs keep each other's tasks; an undo never
// overwrites what another tab wrote since; a failed write leaves everything as stored.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete } from './test-workbooks';
import { TaskSheet, defaultTaskYear, type TaskGridPort } from './task-sheet.svelte';
import { Locale } from '$lib/i18n/locale.svelte';
import { columnOfField } from '$lib/core/tasks/task-grid';
import { listTaskRecords } from '$lib/storage/tasks-table';

const GANZHOU = '620702';
const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

async function setUp() {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	const sheet = new TaskSheet(workbook, GANZHOU, new Locale());
	const shown: { row: number; col: number; content: unknown }[] = [];
	const port: TaskGridPort = {
		load: () => {},
		setCells: (cells) => void shown.push(...cells),
		render: () => {},
		select: () => {}
	};
	sheet.port = port;
	sheet.year = 2025;
	await sheet.load();
	return { workbook, sheet, shown };
}

function type(sheet: TaskSheet, task: number, field: Parameters<typeof columnOfField>[0], text: string) {
	const row = sheet.rowOfTask(task);
	const col = columnOfField(field);
	const checked = sheet.validate(row, col, text);
	if (!checked.ok) return checked.message;
	sheet.onEdits([{ row, col, after: checked.content }]);
	return null;
}

describe('the tasks page state', { timeout: 30_000 }, () => {
	it('stores what is typed exactly, the status from its first character, and counts it', async () => {
		const { workbook, sheet, shown } = await setUp();
		expect(type(sheet, 4, 'status', '推')).toBeNull();
		expect(type(sheet, 4, 'progress', ' 已建成2所；=1+1 ')).toBeNull();
		expect(type(sheet, 4, 'evidence', '《方案》\n\n纪要')).toBeNull();
		await sheet.settled();
		const [stored] = await listTaskRecords(workbook.db, GANZHOU, 2025);
		expect(stored).toMatchObject({
			task: 4,
			status: 'in-progress',
			progress: ' 已建成2所；=1+1 ',
			evidence: ['《方案》', '纪要']
		});
		expect(sheet.counts.all['in-progress']).toBe(1);
		expect(sheet.counts.byHeading.get(2)?.['in-progress']).toBe(1);
		// The grid is shown what is stored: the word for 推, the evidence without its blank line.
		expect(shown).toContainEqual({
			row: sheet.rowOfTask(4),
			col: columnOfField('status'),
			content: '推进中'
		});
		expect(shown).toContainEqual({
			row: sheet.rowOfTask(4),
			col: columnOfField('evidence'),
			content: '《方案》\n纪要'
		});
	});

	it('refuses a status it cannot read and a text too long, naming the task and field', async () => {
		const { workbook, sheet } = await setUp();
		expect(type(sheet, 19, 'status', '完成了')).toContain('任务19「状态」');
		expect(type(sheet, 19, 'leadUnit', 'x'.repeat(101))).toContain('任务19「牵头单位」最多 100 个字');
		expect(sheet.validate(0, columnOfField('status'), '推')).toMatchObject({ ok: false });
		// Delete on a status leaves the task 未启动, as one nobody has answered for.
		expect(sheet.validate(sheet.rowOfTask(19), columnOfField('status'), null)).toEqual({
			ok: true,
			content: '未启动'
		});
		await sheet.settled();
		expect(await listTaskRecords(workbook.db, GANZHOU, 2025)).toEqual([]);
	});

	it('undoes and redoes a step; an undo whose field another tab changed since is refused', async () => {
		const { sheet } = await setUp();
		type(sheet, 5, 'leadUnit', '区教育局');
		await sheet.settled();
		sheet.undo();
		await sheet.settled();
		expect(sheet.record(5).leadUnit).toBe('');
		sheet.redo();
		await sheet.settled();
		expect(sheet.record(5).leadUnit).toBe('区教育局');

		const other = new Workbook();
		opened.push(other);
		await other.open();
		const tab = new TaskSheet(other, GANZHOU, new Locale());
		tab.year = 2025;
		await tab.load();
		type(tab, 5, 'leadUnit', '区发改局');
		type(tab, 6, 'note', '另一个标签页');
		await tab.settled();

		sheet.undo();
		await sheet.settled();
		expect(sheet.message?.text).toContain('撤销未执行：任务5「牵头单位」此后已被改为“区发改局”');
		const stored = await listTaskRecords(other.db, GANZHOU, 2025);
		expect(stored.map((r) => [r.task, r.leadUnit, r.note])).toEqual([
			[5, '区发改局', ''],
			[6, '', '另一个标签页']
		]);
	});

	it('keeps its undo steps across a reload, per county; a step whose record changed since is refused', async () => {
		const { workbook, sheet } = await setUp();
		type(sheet, 8, 'leadUnit', '区教育局');
		type(sheet, 8, 'progress', '已开工');
		await sheet.settled();
		sheet.undo();
		await sheet.settled();
		await sheet.historySaved();

		// The page opened again (a reload): the same steps, each direction.
		const again = new TaskSheet(workbook, GANZHOU, new Locale());
		again.year = 2025;
		await again.load();
		expect([again.canUndo, again.canRedo]).toEqual([true, true]);
		// Another county's tasks page has steps of its own (none).
		const other = new TaskSheet(workbook, '620721', new Locale());
		other.year = 2025;
		await other.load();
		expect([other.canUndo, other.canRedo]).toEqual([false, false]);

		again.redo();
		await again.settled();
		expect(again.record(8).progress).toBe('已开工');
		again.undo();
		again.undo();
		await again.settled();
		expect(again.record(8)).toMatchObject({ leadUnit: '', progress: '' });
		again.redo();
		await again.settled();
		expect(again.record(8).leadUnit).toBe('区教育局');
		await again.historySaved();

		// Changed since (here by an import-like write from another page): the step is refused
		// and stays where it was; the record keeps what was written since.
		await workbook.writeTasks([
			{ key: { regionCode: GANZHOU, year: 2025, task: 8 }, patch: { progress: '已竣工' } }
		]);
		const third = new TaskSheet(workbook, GANZHOU, new Locale());
		third.year = 2025;
		await third.load();
		third.redo();
		await third.settled();
		expect(third.message?.text).toContain('任务8「落实情况」');
		expect(third.record(8).progress).toBe('已竣工');
		expect(third.canRedo).toBe(true);
		// A refused step is a message, not a failed save.
		expect(workbook.saveFailure).toBeNull();
		third.undo();
		await third.settled();
		expect(third.record(8)).toMatchObject({ leadUnit: '', progress: '已竣工' });
		const [stored] = await listTaskRecords(workbook.db, GANZHOU, 2025);
		expect(stored).toMatchObject({ task: 8, leadUnit: '', progress: '已竣工' });
	});

	it('a write that fails leaves the stored records, the page and the undo steps as they were', async () => {
		const { workbook, sheet } = await setUp();
		type(sheet, 7, 'note', '保存前');
		await sheet.settled();
		workbook.db.close();
		type(sheet, 7, 'note', '保存不了');
		await sheet.settled();
		expect(sheet.message?.kind).toBe('error');
		expect(sheet.record(7).note).toBe('保存前');
		expect(sheet.canUndo).toBe(true);
		expect(sheet.canRedo).toBe(false);
	});

	it('opens on this year, within the plan’s years', () => {
		expect(defaultTaskYear(2026)).toBe(2026);
		expect(defaultTaskYear(2019)).toBe(2021);
		expect(defaultTaskYear(2040)).toBe(2035);
	});
});
