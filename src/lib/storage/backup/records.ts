// Records of the two tables schema v3 added: snapshots of the whole workbook, and this
// browser's own backup settings. Both are local to the browser and never in a backup.
import { z } from 'zod';

export const snapshotReasonSchema = z.enum(['import', 'restore']);
export type SnapshotReason = z.infer<typeof snapshotReasonSchema>;

export const snapshotRecordSchema = z.object({
	id: z.number().int().positive().optional(),
	takenAt: z.number().int().nonnegative(),
	reason: snapshotReasonSchema,
	/** The files imported, or the backup restored (its file name or snapshot time). */
	label: z.string().max(2000),
	/** Characters of `content` (UTF-16 code units ≈ bytes for the mostly ASCII JSON). */
	size: z.number().int().nonnegative(),
	/** The workbook before the operation: canonical JSON of a BackupContent. */
	content: z.string(),
	/** Fingerprint of the workbook right after the operation: unchanged means undoable. */
	after: z.string(),
	/** Import history records the import wrote (for an import). */
	importIds: z.array(z.number().int().positive()).default([])
});
export type SnapshotRecord = z.infer<typeof snapshotRecordSchema>;
/** A snapshot as listed: without its content. */
export type SnapshotInfo = Omit<SnapshotRecord, 'content'> & { id: number };

export const backupSettingsSchema = z.object({
	keepSnapshots: z.number().int().min(1).max(100),
	keepFolderBackups: z.number().int().min(1).max(365)
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keepSnapshots: 10, keepFolderBackups: 10 };

export const lastBackupSchema = z.object({
	at: z.number().int().nonnegative(),
	where: z.enum(['folder', 'download']),
	folderName: z.string().max(500).nullable(),
	fileName: z.string().max(500)
});
export type LastBackup = z.infer<typeof lastBackupSchema>;

export const backupFailureSchema = z.object({
	at: z.number().int().nonnegative(),
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
	lastFailure: backupFailureSchema.nullable(),
	folder: folderSchema
} as const;
export type DeviceKey = keyof typeof deviceSchemas;
export type DeviceValue<K extends DeviceKey> = z.output<(typeof deviceSchemas)[K]>;

export interface DeviceRecord {
	key: string;
	value: unknown;
}
