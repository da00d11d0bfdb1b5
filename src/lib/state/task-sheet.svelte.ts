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
import type { TaskWrite } from '$lib/storage/tasks-table';
import type { Workbook } from './workbook.svelte';
import { checkTaskCell, taskFailureMessage, taskStatusWords } from './task-cell-text';

type TaskValue = TaskRecord[TaskField];

/** One field of one task changed by an edit. */
export interface TaskChange {
	task: number;
	field: TaskField;
	before: TaskValue;
	after: TaskValue;
}

/** One undo step: everything one edit (a typed cell, a pasted block) changed. */
interface TaskStep {
	year: number;
	changes: TaskChange[];
}

/** Steps kept per direction, as for the figures' sheets. */
const UNDO_LIMIT = 200;

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
	canUndo = $state(false);
	canRedo = $state(false);
	port: TaskGridPort | undefined;
	#undo: TaskStep[] = [];
	#redo: TaskStep[] = [];
	#writing: Promise<unknown> = Promise.resolve();

	constructor(
		readonly workbook: Workbook,
		readonly regionCode: string,
		readonly locale: Locale
	) {}

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
		this.#push(this.#undo, step);
		this.#redo = [];
		this.#sync();
		void this.#write(step, 'after');
	}

	undo(): void {
		const step = this.#undo.pop();
		this.#sync();
		if (step)
			void this.#write(
				step,
				'before',
				() => this.#push(this.#redo, step),
				() => this.#undo.push(step)
			);
	}

	redo(): void {
		const step = this.#redo.pop();
		this.#sync();
		if (step)
			void this.#write(
				step,
				'after',
				() => this.#push(this.#undo, step),
				() => this.#redo.push(step)
			);
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
	 * Writes a step's values in one direction. An undo ('before') expects each field to hold
	 * what the step wrote, so a value changed since (another tab, an import) is never
	 * overwritten: the undo is refused with the task and field named.
	 */
	async #write(
		step: TaskStep,
		side: 'before' | 'after',
		done?: () => void,
		undone?: () => void
	): Promise<void> {
		const isUndo = side === 'before';
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole in $state.raw, never mutated in place
		const byTask = new Map<number, TaskWrite>();
		for (const c of step.changes) {
			const key = { regionCode: this.regionCode, year: step.year, task: c.task };
			const write = byTask.get(c.task) ?? { key, patch: {}, expected: isUndo ? {} : undefined };
			(write.patch as Record<TaskField, TaskValue>)[c.field] = isUndo ? c.before : c.after;
			if (write.expected) (write.expected as Record<TaskField, TaskValue>)[c.field] = c.after;
			byTask.set(c.task, write);
		}
		const run = (async () => {
			try {
				const stored = await this.workbook.writeTasks([...byTask.values()]);
				done?.();
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
				undone?.();
				if (!isUndo && !done) this.#undo = this.#undo.filter((s) => s !== step);
				this.message = taskFailureMessage(this.locale, e, isUndo);
				// The grid shows what is stored again, not what failed to be written.
				this.#showStored(step.changes);
			} finally {
				this.#sync();
			}
		})();
		this.#writing = this.#writing.then(() => run);
		await run;
	}

	#push(stack: TaskStep[], step: TaskStep): void {
		stack.push(step);
		if (stack.length > UNDO_LIMIT) stack.shift();
	}

	#sync(): void {
		this.canUndo = this.#undo.length > 0;
		this.canRedo = this.#redo.length > 0;
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
