// What the tasks page says about a cell: whether what was typed can be stored (and as what),
// and why a write failed, in the planner's language, naming the task and the column.
import {
	TASK_STATUS_TEXT,
	checkTaskValue,
	type TaskField,
	type TaskStatus
} from '$lib/core/tasks/task-record';
import { fieldValueOf, readStatus } from '$lib/core/tasks/task-grid';
import type { Validation } from '$lib/grid/contract';
import type { Locale } from '$lib/i18n/locale.svelte';
import { StorageError, classifyStorageError } from '$lib/storage/errors';
import type { TaskConflict } from '$lib/storage/tasks-table';

export function taskStatusWords(locale: Locale): Record<TaskStatus, string> {
	return {
		'not-started': locale.t('tasks.status.not-started'),
		'in-progress': locale.t('tasks.status.in-progress'),
		done: locale.t('tasks.status.done'),
		'not-applicable': locale.t('tasks.status.not-applicable')
	};
}

export function taskFieldName(locale: Locale, field: TaskField): string {
	return locale.t(`tasks.col.${field}`);
}

/** A typed or pasted cell of a task: what it stores (a status as its word), or why not. */
export function checkTaskCell(locale: Locale, task: number, field: TaskField, raw: unknown): Validation {
	const where = { task, field: taskFieldName(locale, field) };
	const words = taskStatusWords(locale);
	if (field === 'status') {
		// A cleared status (Delete) is the status of a task nobody has answered for.
		if (raw === null || raw === undefined || String(raw).trim() === '') {
			return { ok: true, content: words['not-started'] };
		}
		const status = readStatus(String(raw), [TASK_STATUS_TEXT, words]);
		if (!status) {
			return {
				ok: false,
				message: locale.t('tasks.badStatus', { ...where, typed: String(raw).slice(0, 20) })
			};
		}
		return { ok: true, content: words[status] };
	}
	const problem = checkTaskValue(field, fieldValueOf(field, raw));
	if (problem?.code === 'too-long') {
		return {
			ok: false,
			message: locale.t('tasks.tooLong', { ...where, limit: problem.limit, length: problem.length })
		};
	}
	if (problem?.code === 'too-many') {
		return { ok: false, message: locale.t('tasks.tooMany', { ...where, limit: problem.limit }) };
	}
	if (problem?.code === 'item-too-long') {
		return {
			ok: false,
			message: locale.t('tasks.itemTooLong', { ...where, item: problem.item, limit: problem.limit })
		};
	}
	return { ok: true, content: raw === null || raw === undefined ? '' : String(raw) };
}

/** Why a write failed: an undo or redo refused over a changed field, or the storage's reason. */
export function taskFailureMessage(
	locale: Locale,
	e: unknown,
	isUndo: boolean
): { kind: 'error'; text: string; failure?: unknown } {
	const err = e instanceof StorageError ? e : classifyStorageError(e);
	const conflict = err.details.conflict as TaskConflict | undefined;
	if (err.code === 'conflict' && conflict) {
		const stored = conflict.stored;
		const shown = Array.isArray(stored)
			? stored.join('；')
			: conflict.field === 'status'
				? taskStatusWords(locale)[stored as TaskStatus]
				: String(stored);
		return {
			kind: 'error',
			text: locale.t(isUndo ? 'tasks.undoConflict' : 'tasks.redoConflict', {
				task: conflict.key.task,
				field: taskFieldName(locale, conflict.field),
				stored: shown === '' ? locale.t('tasks.empty') : shown.slice(0, 60)
			})
		};
	}
	return { kind: 'error', text: locale.t('failure.lead.save'), failure: err };
}
