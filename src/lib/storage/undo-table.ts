// A sheet's undo and redo steps, one record per region (schema v4), so that Ctrl+Z after a
// reload still takes back the last edit. A stack that no longer reads back is dropped (the
// steps are lost, never the figures): undo is a convenience, the figures are the record.
import { undoStacksSchema, type UndoStacks } from '../core/undo-entry';
import type { WorkbookDb } from './db';
import { damagedRecord, type DamagedRecord } from './salvage';

export interface UndoStackRecord extends UndoStacks {
	regionCode: string;
	savedAt: number;
}

export async function saveUndoStacks(db: WorkbookDb, regionCode: string, stacks: UndoStacks): Promise<void> {
	const valid = undoStacksSchema.parse(stacks);
	await db.undoStacks.put({ regionCode, ...valid, savedAt: Date.now() });
}

export async function loadUndoStacks(
	db: WorkbookDb,
	regionCode: string,
	onDamaged?: (damaged: DamagedRecord) => void
): Promise<UndoStacks | undefined> {
	const row = await db.undoStacks.get(regionCode);
	if (!row) return undefined;
	const parsed = undoStacksSchema.safeParse(row);
	if (!parsed.success) onDamaged?.(damagedRecord('undoStacks', regionCode, row));
	return parsed.success ? parsed.data : undefined;
}
