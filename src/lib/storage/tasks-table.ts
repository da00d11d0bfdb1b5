// The counties' task records (schema v6): one record per county × year × plan task. A change
// writes one record in a transaction that re-reads it, so two tabs editing different tasks,
// or different fields of one task, both keep what they typed.
import {
	applyTaskPatch,
	emptyTaskRecord,
	sameTaskValue,
	taskKeyTuple,
	taskRecordSchema,
	type TaskField,
	type TaskKey,
	type TaskPatch,
	type TaskRecord
} from '../core/tasks/task-record';
import type { WorkbookDb } from './db';
import { StorageError } from './errors';
import { parseRow } from './validate';

/** A county's records for one year, in task order (tasks nobody answered have none). */
export async function listTaskRecords(
	db: WorkbookDb,
	regionCode: string,
	year: number
): Promise<TaskRecord[]> {
	const rows = await db.tasks.where('[regionCode+year]').equals([regionCode, year]).toArray();
	return rows
		.map((row) => parseRow(taskRecordSchema, 'tasks', taskKeyTuple(row), row))
		.sort((a, b) => a.task - b.task);
}

/** Every county's records for one year (the city's matrix). */
export async function listTaskRecordsOfYear(db: WorkbookDb, year: number): Promise<TaskRecord[]> {
	const rows = await db.tasks.where('year').equals(year).toArray();
	return rows.map((row) => parseRow(taskRecordSchema, 'tasks', taskKeyTuple(row), row));
}

export async function getTaskRecord(db: WorkbookDb, key: TaskKey): Promise<TaskRecord | undefined> {
	const row = await db.tasks.get(taskKeyTuple(key));
	return row ? parseRow(taskRecordSchema, 'tasks', taskKeyTuple(key), row) : undefined;
}

export interface TaskWrite {
	key: TaskKey;
	patch: TaskPatch;
	/**
	 * What the writer believes each patched field holds now (an undo: it takes back only a
	 * value still there). A field that holds something else refuses the write ('conflict').
	 */
	expected?: TaskPatch;
}

/** A field that did not hold what an undo expected, for the message. */
export interface TaskConflict {
	key: TaskKey;
	field: TaskField;
	stored: TaskRecord[TaskField];
}

/**
 * Writes one record: re-read, the patched fields merged in, stamped, put, in one
 * transaction. Returns the record as stored. Throws StorageError 'conflict' (details
 * `conflict`: a TaskConflict) when `expected` no longer holds; nothing is written then.
 */
export async function writeTaskRecord(
	db: WorkbookDb,
	write: TaskWrite,
	stamp: { at: number; by: string }
): Promise<TaskRecord> {
	const [record] = await writeTaskRecords(db, [write], stamp);
	return record!;
}

/**
 * Several records (a pasted block, an undo step) all or nothing: each re-read and merged as
 * in writeTaskRecord, in one transaction. Writes to one record are merged in order.
 */
export async function writeTaskRecords(
	db: WorkbookDb,
	writes: readonly TaskWrite[],
	stamp: { at: number; by: string }
): Promise<TaskRecord[]> {
	return db.transaction('rw', db.tasks, async () => {
		const out: TaskRecord[] = [];
		for (const write of writes) {
			const stored = await getTaskRecord(db, write.key);
			for (const [field, value] of Object.entries(write.expected ?? {}) as [TaskField, never][]) {
				const now = (stored ?? emptyTaskRecord(write.key))[field];
				if (!sameTaskValue(now, value)) {
					const conflict: TaskConflict = { key: write.key, field, stored: now };
					throw new StorageError('conflict', { reason: 'task-changed', conflict });
				}
			}
			const next = applyTaskPatch(stored, write.key, write.patch, stamp);
			await db.tasks.put(next);
			out.push(next);
		}
		return out;
	});
}
