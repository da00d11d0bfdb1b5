// A note in localStorage that this browser's workbook holds data and when it was last
// backed up. A cleanup that empties IndexedDB often leaves localStorage (and the backup
// folder) alone; finding the note beside an empty workbook says what happened.
const KEY = 'zy-edu2035.backup-marker';

export interface BackupMarker {
	/** When the workbook was first seen holding a planner's data. */
	hasDataSince: number | null;
	lastBackupAt: number | null;
	folderName: string | null;
}

const EMPTY: BackupMarker = { hasDataSince: null, lastBackupAt: null, folderName: null };

export function readMarker(): BackupMarker {
	try {
		const raw = globalThis.localStorage?.getItem(KEY);
		if (!raw) return EMPTY;
		const v = JSON.parse(raw) as Partial<BackupMarker>;
		const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
		return {
			hasDataSince: num(v.hasDataSince),
			lastBackupAt: num(v.lastBackupAt),
			folderName: typeof v.folderName === 'string' ? v.folderName : null
		};
	} catch {
		return EMPTY;
	}
}

export function writeMarker(patch: Partial<BackupMarker>): void {
	try {
		globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...readMarker(), ...patch }));
	} catch {
		// localStorage refused (private mode, full): the marker is a help, not a duty.
	}
}
