// The snapshots list: kept newest last, read without their (large) content unless asked.
import type { WorkbookDb } from '../db';
import { parseRow } from '../validate';
import { snapshotRecordSchema, type SnapshotInfo, type SnapshotRecord } from './records';

export async function listSnapshots(db: WorkbookDb): Promise<SnapshotInfo[]> {
	const rows = await db.snapshots.orderBy('id').toArray();
	return rows.map((row) => {
		const { content: _content, ...info } = parseRow(snapshotRecordSchema, 'snapshots', row.id, row);
		return { ...info, id: row.id! };
	});
}

export async function getSnapshot(db: WorkbookDb, id: number): Promise<SnapshotRecord | undefined> {
	const row = await db.snapshots.get(id);
	return row ? parseRow(snapshotRecordSchema, 'snapshots', id, row) : undefined;
}

export async function deleteSnapshot(db: WorkbookDb, id: number): Promise<void> {
	await db.snapshots.delete(id);
}

/** Keeps the newest `keep` (after the planner lowers the setting). */
export async function pruneSnapshots(db: WorkbookDb, keep: number): Promise<void> {
	await db.transaction('rw', db.snapshots, async () => {
		const ids = (await db.snapshots.orderBy('id').primaryKeys()) as number[];
		if (ids.length > keep) await db.snapshots.bulkDelete(ids.slice(0, ids.length - keep));
	});
}
