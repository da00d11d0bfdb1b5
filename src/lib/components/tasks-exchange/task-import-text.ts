// How the task import preview words what it found: issues by row and column, file problems,
// field values old → new, a task by its number and title. Kept out of the component so the
// preview stays a drawing of the plan.
import type { TaskFileProblem, TaskRowIssue, TaskField, TaskFileReading } from '$lib/core/exchange/tasks';
import { planTask } from '$lib/core/tasks/plan-tasks';
import { TASK_FIRST_YEAR, TASK_LAST_YEAR } from '$lib/core/tasks/task-record';
import { regionByCode } from '$lib/core/plan';
import type { Locale } from '$lib/i18n/locale.svelte';

export function regionName(code: string, locale: Locale): string {
	const r = regionByCode(code);
	if (!r) return code || '—';
	return locale.lang === 'zh' ? r.nameZh : r.nameEn;
}

export function taskLabel(task: number, locale: Locale): string {
	const t = planTask(task);
	const title = t ? (locale.lang === 'en' ? t.titleEn : t.titleZh) : '';
	return locale.t('taskExchange.taskLabel', { task, title });
}

export function where(fileNames: readonly string[], file: number, row: number, locale: Locale): string {
	return fileNames.length > 1
		? locale.t('taskExchange.where', { file: fileNames[file] ?? '', row })
		: locale.t('taskExchange.rowOf', { row });
}

export function issueText(issue: TaskRowIssue, fileNames: readonly string[], locale: Locale): string {
	const params: Record<string, string | number> = {
		...issue.params,
		first: TASK_FIRST_YEAR,
		last: TASK_LAST_YEAR
	};
	if (issue.code === 'conflict' || issue.code === 'repeated') {
		const file = Number(issue.params.otherFile);
		const row = Number(issue.params.otherRow);
		params.where =
			file === issue.file ? locale.t('taskExchange.rowOf', { row }) : where(fileNames, file, row, locale);
	}
	return locale.tDynamic(`taskExchange.issue.${issue.code}`, issue.code, params);
}

export function problemText(p: TaskFileProblem, locale: Locale): string {
	return locale.tDynamic(`taskExchange.problem.${p.code}`, p.code, p.params);
}

export function fieldName(field: TaskField, locale: Locale): string {
	return locale.t(`taskExchange.field.${field}`);
}

/** A field's value as the preview shows it: a status in the interface's words, one line. */
export function valueText(field: TaskField, text: string, locale: Locale): string {
	if (text === '') return locale.t('taskExchange.empty');
	if (field === 'status') {
		const key = (
			{ 未启动: 'not-started', 推进中: 'in-progress', 已完成: 'done', 不适用: 'not-applicable' } as const
		)[text];
		return key ? locale.t(`taskPrint.status.${key}`) : text;
	}
	return text.replace(/\n/g, ' ⏎ ');
}

/** Who sent a file and when, as its metadata row says (or where its date came from). */
export function sentBy(reading: TaskFileReading, locale: Locale): string {
	const s = reading.source;
	const sender = [s.senderUnit, s.senderName].filter((p): p is string => !!p).join(' · ');
	const date =
		s.dateFrom === 'metadata' && s.exportedAt
			? locale.t('sources.dateFrom.metadata', { time: s.exportedAt })
			: locale.t(`sources.dateFrom.${s.dateFrom}`, { date: s.date ?? '' });
	return sender ? locale.t('import.sentByDate', { sender, date }) : date;
}
