// The tasks page's grid as plain data: which row is which (a heading, or a task), which
// column holds which field, what a cell shows and how what is typed into it is read. Pure,
// so the rules the grid edits by are tested in Node.
import { planTaskHeadings, planTasks } from './plan-tasks';
import {
	TASK_STATUSES,
	countTaskStatuses,
	evidenceFromText,
	evidenceText,
	type TaskCounts,
	type TaskField,
	type TaskRecord,
	type TaskStatus
} from './task-record';

/** The grid's columns, left to right. */
export const TASK_COLUMNS = [
	'number',
	'title',
	'status',
	'leadUnit',
	'responsible',
	'measures',
	'progress',
	'evidence',
	'note',
	'indicators',
	'updated'
] as const;
export type TaskColumn = (typeof TASK_COLUMNS)[number];

/** The field a column edits; null for the columns the grid only shows. */
export function fieldOfColumn(col: number): TaskField | null {
	const column = TASK_COLUMNS[col];
	switch (column) {
		case 'status':
		case 'leadUnit':
		case 'responsible':
		case 'measures':
		case 'progress':
		case 'evidence':
		case 'note':
			return column;
		default:
			return null;
	}
}

export function columnOfField(field: TaskField): number {
	return TASK_COLUMNS.indexOf(field);
}

export type TaskRow = { kind: 'heading'; heading: number } | { kind: 'task'; task: number; heading: number };

export type TaskFilter = TaskStatus | 'all';

/**
 * The rows shown: each heading, then its tasks that pass the filter. A heading none of
 * whose tasks pass is left out, as a filtered Excel sheet leaves no empty group.
 */
export function taskRows(filter: TaskFilter, statusOf: (task: number) => TaskStatus): TaskRow[] {
	const rows: TaskRow[] = [];
	for (const heading of planTaskHeadings) {
		const tasks = planTasks.filter(
			(t) => t.heading === heading.number && (filter === 'all' || statusOf(t.number) === filter)
		);
		if (tasks.length === 0) continue;
		rows.push({ kind: 'heading', heading: heading.number });
		for (const t of tasks) rows.push({ kind: 'task', task: t.number, heading: heading.number });
	}
	return rows;
}

/** Counts per heading (over all its tasks, whatever the filter) and for the whole plan. */
export function headingCounts(statusOf: (task: number) => TaskStatus): {
	byHeading: Map<number, TaskCounts>;
	all: TaskCounts;
} {
	const byHeading = new Map<number, TaskCounts>();
	for (const h of planTaskHeadings) {
		byHeading.set(
			h.number,
			countTaskStatuses(
				planTasks.filter((t) => t.heading === h.number).map((t) => t.number),
				statusOf
			)
		);
	}
	return {
		byHeading,
		all: countTaskStatuses(
			planTasks.map((t) => t.number),
			statusOf
		)
	};
}

/** What a field's cell holds: the status word in the planner's language, or the text as typed. */
export function cellText(
	record: TaskRecord,
	field: TaskField,
	statusWords: Record<TaskStatus, string>
): string {
	if (field === 'status') return statusWords[record.status];
	if (field === 'evidence') return evidenceText(record.evidence);
	return record[field];
}

/**
 * Reads a status as typed: the word in either language (未启动, In progress), the code, its
 * number in the list (1–4), or the start of one word that no other word starts with (推 is
 * 推进中), ignoring case and surrounding spaces. Null when it names no status or several.
 */
export function readStatus(
	text: string,
	languages: readonly Record<TaskStatus, string>[]
): TaskStatus | null {
	const typed = text.trim().toLowerCase();
	if (typed === '') return null;
	const digit = /^[1-4１-４]$/.test(typed) ? Number(typed.normalize('NFKC')) : 0;
	if (digit) return TASK_STATUSES[digit - 1] ?? null;
	const words = TASK_STATUSES.flatMap((s) => [
		{ status: s, word: s },
		...languages.map((l) => ({ status: s, word: l[s].toLowerCase() }))
	]);
	const exact = words.find((w) => w.word === typed);
	if (exact) return exact.status;
	const matching = new Set(words.filter((w) => w.word.startsWith(typed)).map((w) => w.status));
	return matching.size === 1 ? [...matching][0]! : null;
}

/** A typed cell as the field's value: evidence one document per line, text exactly as typed. */
export function fieldValueOf(field: Exclude<TaskField, 'status'>, raw: unknown): string | string[] {
	const text = raw === null || raw === undefined ? '' : String(raw);
	return field === 'evidence' ? evidenceFromText(text) : text;
}
