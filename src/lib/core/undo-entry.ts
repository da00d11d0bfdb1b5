// One step of a sheet's undo history, as plain data: kept in IndexedDB so that undo and
// redo survive a reload, and read back through this schema (a damaged stack is dropped,
// never half-applied).
import { z } from 'zod/mini';
import { ownIndicatorSchema, seriesSchema } from './model';

/** A cell's content as the grid and the engine hold it (number, text, yes/no, formula source). */
export const rawContentSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const cellChangeSchema = z.object({
	indicatorCode: z.string(),
	col: z.int().check(z.nonnegative()),
	before: rawContentSchema,
	after: rawContentSchema
});
export type CellChange = z.infer<typeof cellChangeSchema>;

export const undoEntrySchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('cells'), changes: z.array(cellChangeSchema) }),
	z.object({ kind: z.literal('add-row'), indicator: ownIndicatorSchema }),
	z.object({
		kind: z.literal('delete-row'),
		deleted: z.object({ indicator: ownIndicatorSchema, series: z.array(seriesSchema) }),
		row: z.int().check(z.nonnegative())
	}),
	// A figure's 批注 set, changed or removed (null: none).
	z.object({
		kind: z.literal('note'),
		indicatorCode: z.string(),
		year: z.int(),
		before: z.nullable(z.string()),
		after: z.nullable(z.string())
	}),
	// A 批注 on the targets sheet: a level's baseline or target cell, named by its column.
	z.object({
		kind: z.literal('target-note'),
		indicatorCode: z.string(),
		col: z.int().check(z.nonnegative()),
		before: z.nullable(z.string()),
		after: z.nullable(z.string())
	})
]);
export type UndoEntry = z.infer<typeof undoEntrySchema>;

/** The undo stacks' key of the targets sheet (the others are keyed by region code). */
export const TARGETS_UNDO_KEY = 'targets';

/** Steps kept per direction and region; the oldest is dropped. */
export const UNDO_LIMIT = 200;

export const undoStacksSchema = z.object({
	undo: z.array(undoEntrySchema).check(z.maxLength(UNDO_LIMIT)),
	redo: z.array(undoEntrySchema).check(z.maxLength(UNDO_LIMIT))
});
export type UndoStacks = z.infer<typeof undoStacksSchema>;
