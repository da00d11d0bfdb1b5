// A county's answer for one of the plan's tasks in one year (落实情况): its status, who leads
// it, this year's measures, how far it has come and the evidence. Pure types, zod schemas,
// named limits and the one way a record changes (applyTaskPatch).
import { z } from 'zod/mini';
import { LAST_YEAR, regionCodeSchema } from '../model';
import { isCounty } from '../plan';

/** The plan was issued on 2021-09-30: the first year a county answers for its tasks. */
export const TASK_FIRST_YEAR = 2021;
export const TASK_LAST_YEAR = LAST_YEAR;
export const TASK_YEARS: readonly number[] = Array.from(
	{ length: TASK_LAST_YEAR - TASK_FIRST_YEAR + 1 },
	(_, i) => TASK_FIRST_YEAR + i
);

export const TASK_STATUSES = ['not-started', 'in-progress', 'done', 'not-applicable'] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** The status words as the city bureau's forms write them (files and print use these). */
export const TASK_STATUS_TEXT = {
	'not-started': '未启动',
	'in-progress': '推进中',
	done: '已完成',
	'not-applicable': '不适用'
} as const satisfies Record<TaskStatus, string>;

/** Lengths a field may have, in characters: a long report fits, a pasted document does not. */
export const TASK_LIMITS = {
	leadUnit: 100,
	responsible: 60,
	measures: 4000,
	progress: 8000,
	evidenceItem: 300,
	evidenceItems: 100,
	note: 2000,
	updatedBy: 60
} as const;

/** 35: the plan's tasks are numbered 1…PLAN_TASK_COUNT (plan-tasks.ts checks its seed). */
export const PLAN_TASK_COUNT = 35;

export const taskNumberSchema = z.int().check(z.gte(1), z.lte(PLAN_TASK_COUNT));
export const taskYearSchema = z.int().check(z.gte(TASK_FIRST_YEAR), z.lte(TASK_LAST_YEAR));

/** Tasks are answered per county (the city reads the six counties' answers). */
export const taskRegionSchema = regionCodeSchema.check(z.refine(isCounty, 'a county of the plan'));

export const taskRecordSchema = z.object({
	regionCode: taskRegionSchema,
	year: taskYearSchema,
	task: taskNumberSchema,
	status: taskStatusSchema,
	/** 牵头单位 */
	leadUnit: z.string().check(z.maxLength(TASK_LIMITS.leadUnit)),
	/** 责任人 */
	responsible: z.string().check(z.maxLength(TASK_LIMITS.responsible)),
	/** 年度举措: what the county does this year. */
	measures: z.string().check(z.maxLength(TASK_LIMITS.measures)),
	/** 落实情况: how far the task has come. */
	progress: z.string().check(z.maxLength(TASK_LIMITS.progress)),
	/** 佐证材料: document names or references, one per item, as typed. */
	evidence: z
		.array(z.string().check(z.minLength(1), z.maxLength(TASK_LIMITS.evidenceItem)))
		.check(z.maxLength(TASK_LIMITS.evidenceItems)),
	/** 备注 */
	note: z.string().check(z.maxLength(TASK_LIMITS.note)),
	/** ms since epoch of the last change; 0 for a record never changed. */
	updatedAt: z.int().check(z.nonnegative()),
	/** The editor's name (填报人, or the name asked once); '' when skipped. */
	updatedBy: z.string().check(z.maxLength(TASK_LIMITS.updatedBy))
});
export type TaskRecord = z.infer<typeof taskRecordSchema>;

/** The fields a planner edits. */
export const TASK_FIELDS = [
	'status',
	'leadUnit',
	'responsible',
	'measures',
	'progress',
	'evidence',
	'note'
] as const;
export type TaskField = (typeof TASK_FIELDS)[number];
export type TaskPatch = Partial<Pick<TaskRecord, TaskField>>;

/** The stored key of a record, in the order the table's key path lists it. */
export type TaskKeyTuple = [regionCode: string, year: number, task: number];
export interface TaskKey {
	regionCode: string;
	year: number;
	task: number;
}

export function taskKeyTuple(k: TaskKey): TaskKeyTuple {
	return [k.regionCode, k.year, k.task];
}

/** The key in maps: region|year|task. */
export function taskKeyString(k: TaskKey): string {
	return `${k.regionCode}|${k.year}|${k.task}`;
}

/** What a task is before anyone answered for it: 未启动, every field empty. */
export function emptyTaskRecord(key: TaskKey): TaskRecord {
	return {
		regionCode: key.regionCode,
		year: key.year,
		task: key.task,
		status: 'not-started',
		leadUnit: '',
		responsible: '',
		measures: '',
		progress: '',
		evidence: [],
		note: '',
		updatedAt: 0,
		updatedBy: ''
	};
}

/** One field's value compares equal to another's (evidence item by item). */
export function sameTaskValue<F extends TaskField>(a: TaskRecord[F], b: TaskRecord[F]): boolean {
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
	return a === b;
}

/**
 * Evidence as typed in one box, one document per line: each non-blank line is an item,
 * kept exactly as typed (blank lines carry nothing and are dropped).
 */
export function evidenceFromText(text: string): string[] {
	return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}
export function evidenceText(items: readonly string[]): string {
	return items.join('\n');
}

/** Why a value cannot be stored in a field, named for the message: too long, or too many items. */
export type TaskFieldProblem =
	| { code: 'too-long'; field: TaskField; limit: number; length: number }
	| { code: 'too-many'; field: 'evidence'; limit: number; count: number }
	| { code: 'item-too-long'; field: 'evidence'; limit: number; item: number }
	| { code: 'bad-status'; field: 'status' };

const TEXT_LIMITS: Record<Exclude<TaskField, 'status' | 'evidence'>, number> = {
	leadUnit: TASK_LIMITS.leadUnit,
	responsible: TASK_LIMITS.responsible,
	measures: TASK_LIMITS.measures,
	progress: TASK_LIMITS.progress,
	note: TASK_LIMITS.note
};

/** Checks a value for a field before it is written; null when it can be stored as it is. */
export function checkTaskValue<F extends TaskField>(field: F, value: TaskRecord[F]): TaskFieldProblem | null {
	if (field === 'status')
		return taskStatusSchema.safeParse(value).success ? null : { code: 'bad-status', field };
	if (field === 'evidence') {
		const items = value as string[];
		if (items.length > TASK_LIMITS.evidenceItems) {
			return { code: 'too-many', field, limit: TASK_LIMITS.evidenceItems, count: items.length };
		}
		const long = items.findIndex((item) => item.length > TASK_LIMITS.evidenceItem);
		return long >= 0
			? { code: 'item-too-long', field, limit: TASK_LIMITS.evidenceItem, item: long + 1 }
			: null;
	}
	const limit = TEXT_LIMITS[field as keyof typeof TEXT_LIMITS];
	const length = (value as string).length;
	return length > limit ? { code: 'too-long', field, limit, length } : null;
}

/**
 * The record after a change of some fields, stamped with when and by whom. Fields not in the
 * patch are kept as `base` holds them (another tab's edit of another field survives).
 */
export function applyTaskPatch(
	base: TaskRecord | undefined,
	key: TaskKey,
	patch: TaskPatch,
	stamp: { at: number; by: string }
): TaskRecord {
	const next: TaskRecord = { ...(base ?? emptyTaskRecord(key)) };
	for (const field of TASK_FIELDS) {
		if (!(field in patch) || patch[field] === undefined) continue;
		(next as Record<TaskField, unknown>)[field] =
			field === 'evidence' ? [...(patch.evidence ?? [])] : patch[field];
	}
	next.updatedAt = stamp.at;
	next.updatedBy = stamp.by.slice(0, TASK_LIMITS.updatedBy);
	return taskRecordSchema.parse(next);
}

/** How many tasks stand at each status; a task without a record counts as 未启动. */
export type TaskCounts = Record<TaskStatus, number> & { total: number };

export function countTaskStatuses(
	taskNumbers: readonly number[],
	statusOf: (task: number) => TaskStatus | undefined
): TaskCounts {
	const counts: TaskCounts = { 'not-started': 0, 'in-progress': 0, done: 0, 'not-applicable': 0, total: 0 };
	for (const n of taskNumbers) {
		counts[statusOf(n) ?? 'not-started']++;
		counts.total++;
	}
	return counts;
}
