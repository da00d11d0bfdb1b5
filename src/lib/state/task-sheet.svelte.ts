// A county's year of tasks (落实情况) as the tasks page edits it: the records as stored, the
// rows the grid shows (headings and tasks, filtered by status), and each edit written as one
// change per record, undoable. A write that fails leaves the records and the grid as stored.
import { planTask } from '$lib/core/tasks/plan-tasks';
import {
	TASK_LAST_YEAR,
	TASK_FIRST_YEAR,
	TASK_STATUS_TEXT,
	emptyTaskRecord,
	sameTaskValue,
	type TaskField,
	type TaskRecord,
	type TaskStatus
} from '$lib/core/tasks/task-record';
import {
	cellText,
	columnOfField,
	fieldOfColumn,
	fieldValueOf,
	headingCounts,
	readStatus,
	taskRows,
	type TaskFilter,
	type TaskRow
} from '$lib/core/tasks/task-grid';
import type { GridEdit, RawContent, Validation } from '$lib/grid/contract';
import type { Locale } from '$lib/i18n/locale.svelte';
import type { TaskConflict, TaskWrite } from '$lib/storage/tasks-table';
import { StorageError } from '$lib/storage/errors';
import { loadTaskUndoStacks, saveTaskUndoStacks } from '$lib/storage/task-undo-table';
import type { TaskChange, TaskStep, TaskUndoStacks } from '$lib/core/tasks/task-undo';
import type { DamagedRecord } from '$lib/storage/salvage';
import type { Workbook } from './workbook.svelte';
import { checkTaskCell, taskFailureMessage, taskStatusWords } from './task-cell-text';
import { UndoHistory } from './undo-history.svelte';

type TaskValue = TaskRecord[TaskField];

export type { TaskChange };

/** What the page's grid can be told (a subset of the figures grid's port). */
export interface TaskGridPort {
	/** `spans`: the rows drawn across the grid (the headings). */
	load(data: RawContent[][], spans: number[]): void;
	/** Cells set to what is stored, without counting as an edit. */
	setCells(cells: { row: number; col: number; content: RawContent }[]): void;
	/** Draws again (counts, update times) without touching the data or the selection. */
	render(): void;
	select(row: number, col: number): void;
}

/** The year a report is usually for: this year, within the plan's years. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never changed
export function defaultTaskYear(thisYear = new Date().getFullYear()): number {
	return Math.min(TASK_LAST_YEAR, Math.max(TASK_FIRST_YEAR, thisYear));
}

export class TaskSheet {
	year = $state(defaultTaskYear());
	filter = $state<TaskFilter>('all');
	phase = $state<'loading' | 'ready' | 'failed'>('loading');
	message = $state<{ kind: 'error' | 'info'; text: string; failure?: unknown } | null>(null);
	/** The stored records of the year shown, by task number. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole in $state.raw, never mutated in place
	records = $state.raw<ReadonlyMap<number, TaskRecord>>(new Map());
	/** The rows as the grid was last loaded: an edit does not re-filter them (as in Excel). */
	rows = $state.raw<TaskRow[]>([]);
	/**
	 * Kept in the undo table under the county's tasks key, as a figure sheet's steps are, so
	 * Ctrl+Z after a reload still takes back an edit (each step checked when it is applied).
	 */
	readonly history = new UndoHistory<TaskStep>();
	port: TaskGridPort | undefined;
	#writing: Promise<unknown> = Promise.resolve();
	#undoSaves: Promise<void> = Promise.resolve();
	#historyRestored = false;

	constructor(
		readonly workbook: Workbook,
		readonly regionCode: string,
		readonly locale: Locale
	) {
		this.history.onchange = (stacks) => {
			const copy = $state.snapshot(stacks) as TaskUndoStacks;
			// A failure to keep the steps costs the steps after a reload, never a record.
			this.#undoSaves = this.#undoSaves
				.then(() => saveTaskUndoStacks(this.workbook.db, this.regionCode, copy))
				.catch(() => undefined);
		};
	}

	get canUndo(): boolean {
		return this.history.canUndo;
	}

	get canRedo(): boolean {
		return this.history.canRedo;
	}

	/** Resolves once the undo stacks as they are now are kept. */
	historySaved(): Promise<void> {
		return this.#undoSaves;
	}

	/** Brings back the steps kept before a reload (once, when the page first reads). */
	async #restoreHistory(): Promise<void> {
		if (this.#historyRestored) return;
		this.#historyRestored = true;
		const stacks = await loadTaskUndoStacks(this.workbook.db, this.regionCode, (d) =>
			this.#noteDamaged(d)
		).catch(() => undefined);
		if (stacks) this.history.restore(stacks);
	}

	/** An unreadable stack is listed with the workbook's other damaged records, once. */
	#noteDamaged(d: DamagedRecord): void {
		const known = this.workbook.damagedRecords.some((x) => x.table === d.table && x.key === d.key);
		if (!known) this.workbook.damagedRecords = [...this.workbook.damagedRecords, d];
	}

	readonly statusOf = (task: number): TaskStatus => this.records.get(task)?.status ?? 'not-started';

	readonly counts = $derived(headingCounts(this.statusOf));

	record(task: number): TaskRecord {
		return this.records.get(task) ?? emptyTaskRecord({ regionCode: this.regionCode, year: this.year, task });
	}

	statusWords(): Record<TaskStatus, string> {
		return taskStatusWords(this.locale);
	}

	/** Reads the year's records and lays the rows out again for the filter. */
	async load(): Promise<void> {
		const year = this.year;
		try {
			await this.#restoreHistory();
			const list = await this.workbook.readTasks(this.regionCode, year);
			if (year !== this.year) return;
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole in $state.raw, never mutated in place
			this.records = new Map(list.map((r) => [r.task, r]));
			this.rows = taskRows(this.filter, this.statusOf);
			this.phase = 'ready';
			this.#redraw();
		} catch (e) {
			this.phase = 'failed';
			this.message = { kind: 'error', text: this.locale.t('tasks.readFailed'), failure: e };
		}
	}

	async chooseYear(year: number): Promise<void> {
		if (year === this.year) return;
		this.year = year;
		await this.load();
	}

	chooseFilter(filter: TaskFilter): void {
		this.filter = filter;
		this.rows = taskRows(filter, this.statusOf);
		this.#redraw();
	}

	/** The row a task is on in the grid as loaded, or -1 (filtered out). */
	rowOfTask(task: number): number {
		return this.rows.findIndex((r) => r.kind === 'task' && r.task === task);
	}

	taskAt(row: number): number | null {
		const r = this.rows[row];
		return r?.kind === 'task' ? r.task : null;
	}

	/** Checks a typed or pasted cell before the grid takes it; the content it stores is normalised. */
	validate(row: number, col: number, raw: unknown): Validation {
		const task = this.taskAt(row);
		const field = fieldOfColumn(col);
		if (task === null || field === null) return { ok: false, message: this.locale.t('tasks.readOnly') };
		return checkTaskCell(this.locale, task, field, raw);
	}

	/** The grid took these (validated) cells: written, one write per task, as one undo step. */
	onEdits(edits: readonly GridEdit[]): void {
		const changes: TaskChange[] = [];
		for (const e of edits) {
			const task = this.taskAt(e.row);
			const field = fieldOfColumn(e.col);
			if (task === null || field === null) continue;
			const after: TaskValue =
				field === 'status'
					? (readStatus(String(e.after ?? ''), [TASK_STATUS_TEXT, this.statusWords()]) ?? this.statusOf(task))
					: fieldValueOf(field, e.after);
			const before = this.record(task)[field];
			const earlier = changes.find((c) => c.task === task && c.field === field);
			if (earlier) earlier.after = after;
			else changes.push({ task, field, before, after });
		}
		const real = changes.filter((c) => !sameTaskValue(c.before, c.after));
		if (real.length === 0) {
			// Nothing changed (a status retyped as it was): the grid shows the stored text again.
			if (changes.length) this.#showStored(changes);
			return;
		}
		const step: TaskStep = { year: this.year, changes: real };
		this.history.push(step);
		void this.#write(step, 'edit');
	}

	undo(): void {
		const step = this.history.takeUndo();
		if (!step) return void (this.message = { kind: 'info', text: this.locale.t('undo.nothing') });
		void this.#write(step, 'undo');
	}

	redo(): void {
		const step = this.history.takeRedo();
		if (!step) return void (this.message = { kind: 'info', text: this.locale.t('redo.nothing') });
		void this.#write(step, 'redo');
	}

	/** Resolves once this sheet's writes so far have finished (another tab's save waits for it). */
	settled(): Promise<unknown> {
		return this.#writing;
	}

	reloadFromStorage(): void {
		void this.load();
	}

	relabel(): void {
		this.#redraw();
	}

	/**
	 * Writes a step: an edit's values, or an undo's / a redo's. An undo expects each field to
	 * hold what the step wrote, a redo what it found, so a value changed since (another tab,
	 * an import, before a reload) is never overwritten: the step is refused with the task and
	 * field named, and stays where it was, as on a county sheet.
	 */
	async #write(step: TaskStep, how: 'edit' | 'undo' | 'redo'): Promise<void> {
		const isUndo = how === 'undo';
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, never rendered
		const byTask = new Map<number, TaskWrite>();
		for (const c of step.changes) {
			const key = { regionCode: this.regionCode, year: step.year, task: c.task };
			const write = byTask.get(c.task) ?? { key, patch: {}, expected: how === 'edit' ? undefined : {} };
			(write.patch as Record<TaskField, TaskValue>)[c.field] = isUndo ? c.before : c.after;
			if (write.expected)
				(write.expected as Record<TaskField, TaskValue>)[c.field] = isUndo ? c.after : c.before;
			byTask.set(c.task, write);
		}
		const run = (async () => {
			try {
				if (how !== 'edit') await this.#checkStillHolds(step.year, [...byTask.values()]);
				const stored = await this.workbook.writeTasks([...byTask.values()]);
				if (step.year !== this.year) {
					this.year = step.year;
					await this.load();
				} else {
					// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole in $state.raw, never mutated in place
					const next = new Map(this.records);
					for (const r of stored) next.set(r.task, r);
					this.records = next;
					this.#showStored(step.changes);
				}
				this.message = null;
			} catch (e) {
				if (how === 'edit') this.history.drop(step);
				else this.history.putBack(step, how);
				this.message = taskFailureMessage(this.locale, e, isUndo);
				// The grid shows what is stored again, not what failed to be written.
				this.#showStored(step.changes);
			}
		})();
		this.#writing = this.#writing.then(() => run);
		await run;
	}

	/**
	 * An undo or redo is checked against the records as stored before anything is written, so
	 * a refused step is a message, not a failed save (the write checks again, in its
	 * transaction, for a change that lands in between).
	 */
	async #checkStillHolds(year: number, writes: readonly TaskWrite[]): Promise<void> {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, never rendered
		const stored = new Map((await this.workbook.readTasks(this.regionCode, year)).map((r) => [r.task, r]));
		for (const w of writes) {
			const now = stored.get(w.key.task) ?? emptyTaskRecord(w.key);
			for (const [field, value] of Object.entries(w.expected ?? {}) as [TaskField, TaskValue][]) {
				if (sameTaskValue(now[field], value)) continue;
				const conflict: TaskConflict = { key: w.key, field, stored: now[field] };
				throw new StorageError('conflict', { reason: 'task-changed', conflict });
			}
		}
	}

	/**
	 * The changed cells as stored (a status in its word, evidence without blank lines), set
	 * only where the grid shows something else, then the counts and update times redrawn. The
	 * selection and a Tab run under way are left alone, as they would not be by a reload.
	 */
	#showStored(changes: readonly TaskChange[]): void {
		const port = this.port;
		if (!port) return;
		const words = this.statusWords();
		const cells: { row: number; col: number; content: RawContent }[] = [];
		for (const c of changes) {
			const row = this.rowOfTask(c.task);
			if (row < 0) continue;
			cells.push({
				row,
				col: columnOfField(c.field),
				content: cellText(this.record(c.task), c.field, words)
			});
		}
		port.setCells(cells);
		port.render();
	}

	#redraw(): void {
		this.port?.load(this.content(), this.headingRows());
	}

	/** The grid rows that are headings, drawn across the grid. */
	headingRows(): number[] {
		return this.rows.flatMap((r, i) => (r.kind === 'heading' ? [i] : []));
	}

	/** The grid's data: one row per heading or task, the columns of TASK_COLUMNS. */
	content(): RawContent[][] {
		const words = this.statusWords();
		return this.rows.map((row) => {
			if (row.kind === 'heading') return [null, null, null, null, null, null, null, null, null, null, null];
			const r = this.record(row.task);
			const plan = planTask(row.task)!;
			return [
				row.task,
				this.locale.lang === 'zh' ? plan.titleZh : plan.titleEn,
				cellText(r, 'status', words),
				r.leadUnit,
				r.responsible,
				r.measures,
				r.progress,
				cellText(r, 'evidence', words),
				r.note,
				null,
				null
			];
		});
	}
}
