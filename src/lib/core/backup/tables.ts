// Which IndexedDB tables a backup carries, and how each one's rows are checked on restore.
//
// A backup carries EVERY table of the database except LOCAL_TABLES (this browser's own
// snapshots and device settings). A table registered in BACKUP_TABLE_SCHEMAS has every row
// checked against its schema; any other table (one added by a later schema version before
// it is registered here) is still carried, provided each row is a plain JSON object.
// To add a table (e.g. per-figure history or notes): register its row schema below; nothing
// else in the backup code needs to change.
import { z } from 'zod';
import { customIndicatorSchema, seriesSchema } from '../model';
import { importRecordSchema } from '../exchange/import-record';
import { senderSchema } from '../exchange/metadata';

/**
 * Never in a backup or snapshot: they describe this browser, not the workbook. The per-figure
 * history is this browser's log of changes: a restore or an undone import adds to it rather
 * than rewriting it, and it would make every snapshot carry up to 50,000 records. The undo
 * stacks are this browser's sheets' own.
 */
export const LOCAL_TABLES: readonly string[] = ['snapshots', 'device', 'history', 'undoStacks'];

/** Meta keys that belong to the database itself (its schema note), not to the workbook. */
export const LOCAL_META_KEYS: readonly string[] = ['schemaNote'];

const metaValueSchemas: Record<string, z.ZodType> = {
	seededAt: z.number().int().nonnegative(),
	sender: senderSchema
};

export const metaRowSchema = z
	.object({ key: z.string().min(1).max(100), value: z.unknown() })
	.superRefine((row, ctx) => {
		const schema = metaValueSchemas[row.key];
		if (!schema) return;
		const result = schema.safeParse(row.value);
		for (const issue of result.error?.issues ?? []) {
			ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
		}
	});

export const BACKUP_TABLE_SCHEMAS: Record<string, z.ZodType> = {
	series: seriesSchema,
	indicators: customIndicatorSchema,
	imports: importRecordSchema,
	meta: metaRowSchema
};

/** Rows of an unregistered table: plain objects only (what IndexedDB held as JSON). */
export const unknownRowSchema = z.record(z.string(), z.unknown());
