// Which IndexedDB tables a backup carries, and how each one's rows are checked on restore.
//
// A backup carries EVERY table of the database except LOCAL_TABLES (this browser's own
// snapshots and device settings). A table registered in BACKUP_TABLE_SCHEMAS has every row
// checked against its schema; any other table (one added by a later schema version before
// it is registered here) is still carried, provided each row is a plain JSON object.
// To add a table (e.g. per-figure history or notes): register its row schema below; nothing
// else in the backup code needs to change.
import { z } from 'zod/mini';
import { ownIndicatorSchema, seriesSchema } from '../model';
import { importRecordSchema } from '../exchange/import-record';
import { senderSchema } from '../exchange/metadata';
import { figureChangeSchema, historyRunSchema } from '../figure-history';
import { taskRecordSchema } from '../tasks/task-record';

/** Never in a backup or snapshot: they describe this browser, not the workbook. */
export const LOCAL_TABLES: readonly string[] = ['snapshots', 'device', 'undoStacks'];

/**
 * Logs: carried in a backup file, and added to (never replaced) when one is restored; not in
 * a snapshot, since undoing an import or a restore adds to the per-figure history rather
 * than rewriting it (and a snapshot would carry up to 50,000 records each time).
 */
export const LOG_TABLES: readonly string[] = ['history', 'historyRuns'];

/** Meta keys that belong to the database itself (its schema note), not to the workbook. */
export const LOCAL_META_KEYS: readonly string[] = ['schemaNote'];

const metaValueSchemas: Record<string, z.ZodMiniType> = {
	seededAt: z.int().check(z.nonnegative()),
	sender: senderSchema,
	/** Counties that took up the commitment rows (storage/meta-table.ts). */
	commitments: z.object({ regions: z.array(z.string().check(z.regex(/^\d{6}$/))).check(z.maxLength(50)) })
};

export const metaRowSchema = z
	.object({ key: z.string().check(z.minLength(1), z.maxLength(100)), value: z.unknown() })
	.check(
		z.superRefine((row, ctx) => {
			const schema = metaValueSchemas[row.key];
			if (!schema) return;
			const result = schema.safeParse(row.value);
			for (const issue of result.error?.issues ?? []) {
				ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
			}
		})
	);

export const BACKUP_TABLE_SCHEMAS: Record<string, z.ZodMiniType> = {
	series: seriesSchema,
	indicators: ownIndicatorSchema,
	imports: importRecordSchema,
	meta: metaRowSchema,
	history: figureChangeSchema,
	tasks: taskRecordSchema,
	historyRuns: historyRunSchema
};

/** Rows of an unregistered table: plain objects only (what IndexedDB held as JSON). */
export const unknownRowSchema = z.record(z.string(), z.unknown());
