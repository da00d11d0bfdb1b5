// How the task printouts word statuses, counts and dates, in the interface's language.
import type { PlanTask } from '$lib/core/tasks/plan-tasks';
import type { ReportStatus, StatusCounts } from '$lib/core/task-report/report';
import type { Locale } from '$lib/i18n/locale.svelte';

export function statusWord(status: ReportStatus, locale: Locale): string {
	return locale.t(`taskPrint.status.${status}`);
}

export function taskTitle(task: PlanTask, locale: Locale): string {
	return locale.lang === 'en' ? task.titleEn : task.titleZh;
}

/** 「已完成 2 · 推进中 1 · …」 under a heading; with `all`, the report's whole-year line. */
export function countsText(c: StatusCounts, locale: Locale, all: boolean): string {
	const params = {
		total: c.total,
		done: c.done,
		inProgress: c['in-progress'],
		notStarted: c['not-started'],
		na: c['not-applicable'],
		none: c.none
	};
	return all ? locale.t('taskPrint.totals', params) : locale.t('taskPrint.headingCounts', params);
}

export function day(ts: number, locale: Locale): string {
	return new Date(ts).toLocaleDateString(locale.lang === 'zh' ? 'zh-CN' : 'en-GB', {
		year: 'numeric',
		month: 'long',
		day: 'numeric'
	});
}
