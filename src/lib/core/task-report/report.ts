// What the task printouts show: a county's tasks under their headings for a year (the
// 落实情况 report), and the city's matrix of the 35 tasks × six counties with counts per
// heading. Pure: records in, rows out; the pages only draw them.
import { planTaskHeadings, planTasks, type PlanTask, type PlanTaskHeading } from '../tasks/plan-tasks';
import { taskKeyString, type TaskRecord, type TaskStatus } from '../tasks/task-record';

/** A task's status as printed; 'none' when the county has no record of it for the year. */
export type ReportStatus = TaskStatus | 'none';
export const REPORT_STATUSES: readonly ReportStatus[] = [
	'done',
	'in-progress',
	'not-started',
	'not-applicable',
	'none'
];

/**
 * Symbols that survive a black-and-white laser printer and every Chinese Windows font
 * (all in GB2312): filled for done, a ring for under way, hollow for not started.
 */
export const STATUS_SYMBOL: Readonly<Record<ReportStatus, string>> = {
	done: '●',
	'in-progress': '◎',
	'not-started': '○',
	'not-applicable': '／',
	none: '—'
};

export type StatusCounts = Record<ReportStatus, number> & { total: number };

function emptyCounts(): StatusCounts {
	return { done: 0, 'in-progress': 0, 'not-started': 0, 'not-applicable': 0, none: 0, total: 0 };
}

function statusOf(record: TaskRecord | undefined): ReportStatus {
	return record ? record.status : 'none';
}

export interface CountyReportRow {
	task: PlanTask;
	status: ReportStatus;
	record: TaskRecord | undefined;
}

export interface CountyReportHeading {
	heading: PlanTaskHeading;
	rows: CountyReportRow[];
	counts: StatusCounts;
}

export interface CountyReport {
	regionCode: string;
	year: number;
	headings: CountyReportHeading[];
	counts: StatusCounts;
	/** When a record of the year was last changed (ms); null when none was. */
	lastEdited: number | null;
}

/** A county's year of tasks, under the plan's headings, in the plan's order. */
export function countyReport(regionCode: string, year: number, records: readonly TaskRecord[]): CountyReport {
	const mine = new Map(
		records.filter((r) => r.regionCode === regionCode && r.year === year).map((r) => [r.task, r])
	);
	const counts = emptyCounts();
	let lastEdited: number | null = null;
	for (const r of mine.values()) if (r.updatedAt > 0) lastEdited = Math.max(lastEdited ?? 0, r.updatedAt);
	const headings = planTaskHeadings.map((heading) => {
		const own = emptyCounts();
		const rows = planTasks
			.filter((t) => t.heading === heading.number)
			.map((task) => {
				const record = mine.get(task.number);
				const status = statusOf(record);
				own[status]++;
				own.total++;
				counts[status]++;
				counts.total++;
				return { task, status, record };
			});
		return { heading, rows, counts: own };
	});
	return { regionCode, year, headings, counts, lastEdited };
}

export interface MatrixRow {
	task: PlanTask;
	/** One per county, in the order given. */
	statuses: ReportStatus[];
}

export interface MatrixHeading {
	heading: PlanTaskHeading;
	rows: MatrixRow[];
	/** Per county: its tasks under this heading by status. */
	counts: StatusCounts[];
}

export interface TaskMatrix {
	year: number;
	regionCodes: readonly string[];
	headings: MatrixHeading[];
	/** Per county, over all 35 tasks. */
	totals: StatusCounts[];
	lastEdited: number | null;
}

/** The 35 tasks × the counties for a year, counted per heading and in all. */
export function taskMatrix(
	regionCodes: readonly string[],
	year: number,
	records: readonly TaskRecord[]
): TaskMatrix {
	const byKey = new Map(records.filter((r) => r.year === year).map((r) => [taskKeyString(r), r]));
	const totals = regionCodes.map(emptyCounts);
	let lastEdited: number | null = null;
	for (const r of byKey.values()) if (r.updatedAt > 0) lastEdited = Math.max(lastEdited ?? 0, r.updatedAt);
	const headings = planTaskHeadings.map((heading) => {
		const counts = regionCodes.map(emptyCounts);
		const rows = planTasks
			.filter((t) => t.heading === heading.number)
			.map((task) => ({
				task,
				statuses: regionCodes.map((regionCode, i) => {
					const status = statusOf(byKey.get(taskKeyString({ regionCode, year, task: task.number })));
					for (const c of [counts[i]!, totals[i]!]) {
						c[status]++;
						c.total++;
					}
					return status;
				})
			}));
		return { heading, rows, counts };
	});
	return { year, regionCodes, headings, totals, lastEdited };
}
