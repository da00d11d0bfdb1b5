// Writing a task import in one transaction: every record as previewed or none, with the
// workbook as it was kept as a snapshot, so 撤销本次导入 works after a reload too (through
// undoToSnapshot, as a figure import's does once its page is gone).
import {
	applyTaskPatch,
	taskKeyTuple,
	taskRecordSchema,
	type TaskKey,
	type TaskPatch,
	type TaskRecord
} from '../core/tasks/task-record';
import type { WorkbookDb } from './db';
import { StorageError } from './errors';
import { parseRow } from './validate';
import { contentTables, readContentRows, storeSnapshot, type SnapshotRequest } from './backup/content';

/** Every county's records of every year: what a task import is previewed against. */
export async function listAllTaskRecords(db: WorkbookDb): Promise<TaskRecord[]> {
	const rows = await db.tasks.toArray();
	return rows.map((row) => parseRow(taskRecordSchema, 'tasks', taskKeyTuple(row), row));
}

export interface TaskImportWrite {
	key: TaskKey;
	/** The fields the file changes; the others keep what is stored. */
	patch: TaskPatch;
	/** The record's stamp as previewed; null when there was none. */
	expected: number | null;
}

/**
 * Writes the import whole or not at all. A record whose stamp differs from the preview's
 * (another tab edited it since) refuses it all with 'conflict': preview again.
 */
export async function applyTaskImportWrites(
	db: WorkbookDb,
	writes: readonly TaskImportWrite[],
	options: { now: number; who: string; snapshot: SnapshotRequest }
): Promise<{ records: TaskRecord[]; snapshotId: number }> {
	const stamp = { at: options.now, by: options.who };
	return db.transaction('rw', [...contentTables(db), db.snapshots], async () => {
		const before = await readContentRows(db);
		const stored = await db.tasks.bulkGet(writes.map((w) => taskKeyTuple(w.key)));
		const records = writes.map((w, i) => {
			const row = stored[i];
			const now = row ? parseRow(taskRecordSchema, 'tasks', taskKeyTuple(w.key), row) : undefined;
			if ((now ? now.updatedAt : null) !== w.expected) {
				throw new StorageError('conflict', { table: 'tasks', key: taskKeyTuple(w.key) });
			}
			return applyTaskPatch(now, w.key, w.patch, stamp);
		});
		await db.tasks.bulkPut(records);
		const snapshotId = await storeSnapshot(db, before, options.snapshot, { now: options.now });
		return { records, snapshotId };
	});
}
