// A county's tasks page undo and redo steps, in the undo table (schema v4) under their own
// key (core/tasks/task-undo.ts), so that Ctrl+Z after a reload still takes back a task edit.
// No new schema version: the table is keyed by a string and holds whatever its schema reads.
import type { Table } from 'dexie';
import { taskUndoKey, taskUndoStacksSchema, type TaskUndoStacks } from '../core/tasks/task-undo';
import type { WorkbookDb } from './db';
import { damagedRecord, type DamagedRecord } from './salvage';

interface TaskUndoStackRecord extends TaskUndoStacks {
	regionCode: string;
	savedAt: number;
}

/** The undo table as this module writes it: the same table, rows of the tasks' own shape. */
function table(db: WorkbookDb): Table<TaskUndoStackRecord, string> {
	return db.undoStacks as unknown as Table<TaskUndoStackRecord, string>;
}

export async function saveTaskUndoStacks(
	db: WorkbookDb,
	regionCode: string,
	stacks: TaskUndoStacks
): Promise<void> {
	const valid = taskUndoStacksSchema.parse(stacks);
	await table(db).put({ regionCode: taskUndoKey(regionCode), ...valid, savedAt: Date.now() });
}

export async function loadTaskUndoStacks(
	db: WorkbookDb,
	regionCode: string,
	onDamaged?: (damaged: DamagedRecord) => void
): Promise<TaskUndoStacks | undefined> {
	const key = taskUndoKey(regionCode);
	const row = await table(db).get(key);
	if (!row) return undefined;
	const parsed = taskUndoStacksSchema.safeParse(row);
	if (!parsed.success) onDamaged?.(damagedRecord('undoStacks', key, row));
	return parsed.success ? parsed.data : undefined;
}
