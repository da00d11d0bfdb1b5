// Keeping the workbook safe, as the pages see it: backups (download, folder), snapshots,
// storage health, and noticing a cleared workbook. Restoring is in restore.svelte.ts.
import { buildBackup, serializeBackup } from '$lib/core/backup/envelope';
import { hasPlannerData } from '$lib/core/backup/seeded';
import { seedSeries } from '$lib/core/plan';
import {
	backupFileName,
	folderPermission,
	pickFolder,
	supportsFolder,
	writeToFolder
} from '$lib/backup/folder';
import { readMarker, writeMarker, type BackupMarker } from '$lib/backup/marker';
import { readContent, readFingerprint } from '$lib/storage/backup/content';
import { deleteDevice, getBackupSettings, getDevice, setDevice } from '$lib/storage/backup/device';
import {
	DEFAULT_BACKUP_SETTINGS,
	type BackupFailure,
	type BackupSettings,
	type LastBackup,
	type SnapshotInfo
} from '$lib/storage/backup/records';
import { deleteSnapshot, listSnapshots, pruneSnapshots } from '$lib/storage/backup/snapshots';
import { workbook, type Workbook } from './workbook.svelte';

/** Quiet time after the last edit before the folder backup is written. */
export const QUIET_MS = 2 * 60 * 1000;
/** Without a backup for this long, the planner is reminded. */
export const REMIND_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export class BackupCenter {
	settings = $state.raw<BackupSettings>(DEFAULT_BACKUP_SETTINGS);
	lastBackup = $state.raw<LastBackup | null>(null);
	lastFailure = $state.raw<BackupFailure | null>(null);
	folder = $state.raw<FileSystemDirectoryHandle | null>(null);
	permission = $state<PermissionState | null>(null);
	snapshots = $state.raw<SnapshotInfo[]>([]);
	/** The workbook's fingerprint when last refreshed: a snapshot whose `after` equals it can be undone. */
	fingerprint = $state<string | null>(null);
	persisted = $state<boolean | null>(null);
	estimate = $state.raw<{ usage: number; quota: number } | null>(null);
	marker = $state.raw<BackupMarker>(readMarker());
	readonly folderSupported = supportsFolder();

	#ready: Promise<void> | null = null;
	#dirty = false;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** The folder backup being written, if one is. */
	#flushing: Promise<void> | null = null;

	constructor(private readonly workbook: Workbook) {}

	/** Holds planner data (not only the seeded targets). */
	get hasData(): boolean {
		return hasPlannerData(
			{
				series: [...this.workbook.series.values()],
				indicators: [...this.workbook.ownIndicators.values()],
				imports: this.workbook.imports
			},
			seedSeries(0)
		);
	}

	/** The workbook is empty although this browser once held data: storage was likely cleared. */
	get looksCleared(): boolean {
		return !this.hasData && this.marker.hasDataSince !== null;
	}

	get needsReminder(): boolean {
		if (!this.hasData) return false;
		// Without a marker (localStorage refused), the oldest figure typed stands for it.
		const since =
			this.lastBackup?.at ?? this.marker.lastBackupAt ?? this.marker.hasDataSince ?? this.#oldestFigure();
		return since !== null && Date.now() - since > REMIND_AFTER_MS;
	}

	#oldestFigure(): number | null {
		let oldest: number | null = null;
		for (const s of this.workbook.series.values()) {
			if (s.kind !== 'actual' || Object.keys(s.cells).length === 0) continue;
			oldest = Math.min(oldest ?? s.updatedAt, s.updatedAt);
		}
		return oldest;
	}

	init(): Promise<void> {
		this.#ready ??= this.refresh();
		return this.#ready;
	}

	async refresh(): Promise<void> {
		const db = this.workbook.db;
		const [settings, last, failure, folder, snapshots] = await Promise.all([
			getBackupSettings(db),
			getDevice(db, 'lastBackup').catch(() => undefined),
			getDevice(db, 'lastFailure').catch(() => undefined),
			getDevice(db, 'folder').catch(() => undefined),
			listSnapshots(db).catch(() => [])
		]);
		this.settings = settings;
		this.lastBackup = last ?? null;
		this.lastFailure = failure ?? null;
		this.folder = folder ?? null;
		this.snapshots = snapshots;
		this.fingerprint = await readFingerprint(db);
		this.permission = folder ? await folderPermission(folder, false).catch(() => 'prompt' as const) : null;
		this.marker = readMarker();
		if (this.hasData && this.marker.hasDataSince === null) writeMarker({ hasDataSince: Date.now() });
		this.marker = readMarker();
		const storage = globalThis.navigator?.storage;
		this.persisted = (await storage?.persisted?.().catch(() => null)) ?? null;
		const est = await storage?.estimate?.().catch(() => null);
		this.estimate = est ? { usage: est.usage ?? 0, quota: est.quota ?? 0 } : null;
	}

	/** After every saved edit: the folder backup follows once the planner pauses. */
	noteEdit(): void {
		this.#dirty = true;
		if (this.marker.hasDataSince === null && this.hasData) {
			writeMarker({ hasDataSince: Date.now() });
			this.marker = readMarker();
		}
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), QUIET_MS);
	}

	/**
	 * Leaving the page (hidden or closed), or the quiet time is over: write the folder backup
	 * if edits wait. One backup at a time: a flush asked for while one is being written waits
	 * for it, then writes again only if edits came meanwhile. A backup that did not complete
	 * (failed, or cut off by the page closing) leaves the edits waiting, so the next flush
	 * writes them; only a backup written and read back is recorded as made.
	 */
	async flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		while (this.#flushing) await this.#flushing;
		if (!this.#dirty || !this.folder || this.permission !== 'granted') return;
		this.#dirty = false;
		const run = this.backupToFolder().then(
			(ok) => {
				if (!ok) this.#dirty = true;
			},
			() => {
				this.#dirty = true;
			}
		);
		this.#flushing = run;
		try {
			await run;
		} finally {
			this.#flushing = null;
		}
	}

	async #text(): Promise<string> {
		return serializeBackup(await buildBackup(await readContent(this.workbook.db), __APP_VERSION__));
	}

	async #recordSuccess(last: LastBackup): Promise<void> {
		await setDevice(this.workbook.db, 'lastBackup', last);
		await setDevice(this.workbook.db, 'lastFailure', null);
		this.lastBackup = last;
		this.lastFailure = null;
		writeMarker({
			lastBackupAt: last.at,
			folderName: last.folderName,
			hasDataSince: this.marker.hasDataSince ?? (this.hasData ? last.at : null)
		});
		this.marker = readMarker();
	}

	async #recordFailure(code: BackupFailure['code']): Promise<void> {
		const failure = { at: Date.now(), code };
		this.lastFailure = failure;
		await setDevice(this.workbook.db, 'lastFailure', failure).catch(() => undefined);
	}

	/** Writes the folder backup; true only when it was written and read back. */
	async backupToFolder(): Promise<boolean> {
		const folder = this.folder;
		if (!folder) return false;
		try {
			this.permission = await folderPermission(folder, false);
			if (this.permission !== 'granted') {
				await this.#recordFailure('permission');
				return false;
			}
			const now = Date.now();
			const fileName = await writeToFolder(folder, await this.#text(), now, this.settings.keepFolderBackups);
			await this.#recordSuccess({ at: now, where: 'folder', folderName: folder.name, fileName });
			return true;
		} catch (e) {
			const name = e instanceof DOMException ? e.name : '';
			await this.#recordFailure(
				name === 'QuotaExceededError' ? 'quota' : name === 'NotFoundError' ? 'gone' : 'write'
			);
			return false;
		}
	}

	/** One click: a backup file in the browser's downloads. */
	async download(): Promise<void> {
		const now = Date.now();
		const fileName = backupFileName(now);
		const url = URL.createObjectURL(new Blob([await this.#text()], { type: 'application/json' }));
		const a = document.createElement('a');
		a.href = url;
		a.download = fileName;
		a.click();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
		await this.#recordSuccess({ at: now, where: 'download', folderName: null, fileName });
	}

	async chooseFolder(): Promise<void> {
		const folder = await pickFolder();
		if (!folder) return;
		await setDevice(this.workbook.db, 'folder', folder);
		this.folder = folder;
		this.permission = 'granted';
		await this.backupToFolder();
	}

	/** The browser forgot the permission (a new session): one click asks again. */
	async reconnect(): Promise<void> {
		if (!this.folder) return;
		this.permission = await folderPermission(this.folder, true).catch(() => 'denied' as const);
		if (this.permission === 'granted') await this.backupToFolder();
	}

	async forgetFolder(): Promise<void> {
		await deleteDevice(this.workbook.db, 'folder');
		this.folder = null;
		this.permission = null;
	}

	async setSettings(settings: BackupSettings): Promise<void> {
		await setDevice(this.workbook.db, 'settings', settings);
		this.settings = settings;
		await pruneSnapshots(this.workbook.db, settings.keepSnapshots);
		this.snapshots = await listSnapshots(this.workbook.db);
	}

	/** A folder restored from becomes the backup folder: backups carry on there. */
	async adoptFolder(folder: FileSystemDirectoryHandle): Promise<void> {
		await setDevice(this.workbook.db, 'folder', folder);
		this.folder = folder;
		this.permission = 'granted';
	}

	async deleteSnapshot(id: number): Promise<void> {
		await deleteSnapshot(this.workbook.db, id);
		this.snapshots = await listSnapshots(this.workbook.db);
	}
}

export const backupCenter = new BackupCenter(workbook);
