// The task layout of the CSV exchange: one row per county × task × year, the county's
// answer on how far the task has come (落实情况). docs/csv-format.md ("Task files") is the
// same contract for people. It shares the figure files' metadata row, encodings, text
// guard and file names (../contract.ts, ../metadata.ts, ../encoding.ts); its own header
// tells it apart (任务编号 instead of 指标代码).
import { headerKey } from '../contract';
import { PLAN_TASK_COUNT } from '../../tasks/plan-tasks';
import type { TaskStatus } from '../../tasks/task-record';

export type TaskColumn =
	| 'region_code'
	| 'task_no'
	| 'year'
	| 'status'
	| 'lead_unit'
	| 'responsible'
	| 'measures'
	| 'progress'
	| 'evidence'
	| 'note';

/** The columns in the order an export writes them. */
export const TASK_COLUMNS: readonly TaskColumn[] = [
	'region_code',
	'task_no',
	'year',
	'status',
	'lead_unit',
	'responsible',
	'measures',
	'progress',
	'evidence',
	'note'
];

export const TASK_HEADER_ZH: Readonly<Record<TaskColumn, string>> = {
	region_code: '地区代码',
	task_no: '任务编号',
	year: '年份',
	status: '状态',
	lead_unit: '牵头单位',
	responsible: '责任人',
	measures: '年度举措',
	progress: '落实情况',
	evidence: '佐证材料',
	note: '备注'
};

/** English headers a hand-made file may use (case, spaces, `_` and `-` do not matter). */
const TASK_HEADER_EN: Readonly<Record<TaskColumn, readonly string[]>> = {
	region_code: ['region_code'],
	task_no: ['task_no', 'task', 'task_number'],
	year: ['year'],
	status: ['status'],
	lead_unit: ['lead_unit', 'lead'],
	responsible: ['responsible', 'responsible_person', 'person'],
	measures: ['measures', 'annual_measures'],
	progress: ['progress'],
	evidence: ['evidence'],
	note: ['note', 'notes']
};

const ALIASES: ReadonlyMap<string, TaskColumn> = new Map(
	TASK_COLUMNS.flatMap((c) =>
		[TASK_HEADER_ZH[c], ...TASK_HEADER_EN[c]].map((h) => [headerKey(h), c] as const)
	)
);

export function readTaskHeaderCell(text: string): TaskColumn | null {
	return ALIASES.get(headerKey(text)) ?? null;
}

/** A task file's header names these; a figure file's never names 任务编号. */
export const TASK_REQUIRED: readonly TaskColumn[] = ['region_code', 'task_no', 'year'];

/** Whether a row of cells is a task file's header (it names 地区代码 and 任务编号). */
export function isTaskHeaderRow(cells: readonly string[]): boolean {
	const names = new Set(cells.map(readTaskHeaderCell));
	return names.has('region_code') && names.has('task_no');
}

const STATUS_ALIASES: ReadonlyMap<string, TaskStatus> = new Map(
	(
		[
			['not-started', ['未启动', '未开始', 'not started', 'notstarted', 'not_started']],
			['in-progress', ['推进中', '进行中', 'in progress', 'inprogress', 'ongoing']],
			['done', ['已完成', '完成', 'done', 'completed', 'complete']],
			['not-applicable', ['不适用', 'n/a', 'na', 'not applicable', 'notapplicable']]
		] as const
	).flatMap(([key, words]) => words.map((w) => [headerKey(w).replace(/\//g, ''), key] as const))
);

/** A status cell → its key; null when it is none of the four (the row is refused). */
export function readTaskStatus(text: string): TaskStatus | null {
	// Our own symbols (● 已完成) may be copied along from the printed matrix.
	const bare = text.replace(/^[●◎○／—\s]+/u, '');
	return STATUS_ALIASES.get(headerKey(bare).replace(/\//g, '')) ?? null;
}

/** `12`, `12.`, `任务12`, `第12项`, `（12）`, full-width digits → 12; null otherwise. */
export function readTaskNo(text: string): number | null {
	const t = text
		.normalize('NFKC')
		.trim()
		.replace(/^(?:任务|第|\()/u, '')
		.replace(/(?:项|号|条|\)|\.)$/u, '')
		.trim();
	if (!/^\d{1,3}$/.test(t)) return null;
	const n = Number(t);
	return n >= 1 && n <= PLAN_TASK_COUNT ? n : null;
}
