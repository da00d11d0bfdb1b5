// Records of the two tables schema v3 added: snapshots of the whole workbook, and this
// browser's own backup settings. Both are local to the browser and never in a backup.
import { z } from 'zod/mini';

export const snapshotReasonSchema = z.enum(['import', 'restore']);
export type SnapshotReason = z.infer<typeof snapshotReasonSchema>;

export const snapshotRecordSchema = z.object({
	id: z.optional(z.int().check(z.positive())),
	takenAt: z.int().check(z.nonnegative()),
	reason: snapshotReasonSchema,
	/** The files imported, or the backup restored (its file name or snapshot time). */
	label: z.string().check(z.maxLength(2000)),
	/** Characters of `content` (UTF-16 code units ≈ bytes for the mostly ASCII JSON). */
	size: z.int().check(z.nonnegative()),
	/** The workbook before the operation: canonical JSON of a BackupContent. */
	content: z.string(),
	/** Fingerprint of the workbook right after the operation: unchanged means undoable. */
	after: z.string(),
	/** Import history records the import wrote (for an import). */
	importIds: z._default(z.array(z.int().check(z.positive())), [])
});
export type SnapshotRecord = z.infer<typeof snapshotRecordSchema>;
/** A snapshot as listed: without its content. */
export type SnapshotInfo = Omit<SnapshotRecord, 'content'> & { id: number };

export const backupSettingsSchema = z.object({
	keepSnapshots: z.int().check(z.gte(1), z.lte(100)),
	keepFolderBackups: z.int().check(z.gte(1), z.lte(365))
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keepSnapshots: 10, keepFolderBackups: 10 };

export const lastBackupSchema = z.object({
	at: z.int().check(z.nonnegative()),
	where: z.enum(['folder', 'download']),
	folderName: z.nullable(z.string().check(z.maxLength(500))),
	fileName: z.string().check(z.maxLength(500))
});
export type LastBackup = z.infer<typeof lastBackupSchema>;

export const backupFailureSchema = z.object({
	at: z.int().check(z.nonnegative()),
	/** A message-catalog suffix: backup.failure.<code>. */
	code: z.enum(['permission', 'write', 'quota', 'gone'])
});
export type BackupFailure = z.infer<typeof backupFailureSchema>;

/** A directory handle is structured-cloned into IndexedDB as it is; zod only sees its shape. */
const folderSchema = z.custom<FileSystemDirectoryHandle>(
	(v) => !!v && typeof v === 'object' && (v as { kind?: unknown }).kind === 'directory'
);

export const deviceSchemas = {
	settings: backupSettingsSchema,
	lastBackup: lastBackupSchema,
	lastFailure: z.nullable(backupFailureSchema),
	folder: folderSchema
} as const;
export type DeviceKey = keyof typeof deviceSchemas;
export type DeviceValue<K extends DeviceKey> = z.output<(typeof deviceSchemas)[K]>;

export interface DeviceRecord {
	key: string;
	value: unknown;
}
