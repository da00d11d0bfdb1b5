// One undo step of a county's tasks page, as plain data: kept in the undo table beside the
// figure sheets' stacks so that Ctrl+Z after a reload still takes back a task edit. Read back
// through this schema: a damaged stack is dropped (the steps are lost, never a record).
import { z } from 'zod';
import { UNDO_LIMIT } from '../undo-entry';
import { TASK_FIELDS, taskNumberSchema, taskStatusSchema, taskYearSchema } from './task-record';

/** A field's value: a status, a text, or the evidence's items. */
const taskValueSchema = z.union([taskStatusSchema, z.string(), z.array(z.string())]);

export const taskChangeSchema = z.object({
	task: taskNumberSchema,
	field: z.enum(TASK_FIELDS),
	before: taskValueSchema,
	after: taskValueSchema
});
export type TaskChange = z.infer<typeof taskChangeSchema>;

/** Everything one edit (a typed cell, a pasted block, a cleared range) changed in one year. */
export const taskStepSchema = z.object({
	year: taskYearSchema,
	changes: z.array(taskChangeSchema).min(1)
});
export type TaskStep = z.infer<typeof taskStepSchema>;

export const taskUndoStacksSchema = z.object({
	undo: z.array(taskStepSchema).max(UNDO_LIMIT),
	redo: z.array(taskStepSchema).max(UNDO_LIMIT)
});
export type TaskUndoStacks = z.infer<typeof taskUndoStacksSchema>;

/**
 * The undo table's key of a county's tasks page. The figure sheets are keyed by region code
 * and the targets sheet by 'targets'; a county's tasks have a key of their own, so neither
 * sheet ever reads the other's steps.
 */
export function taskUndoKey(regionCode: string): string {
	return `tasks:${regionCode}`;
}
