// Restoring the workbook: from a backup file, a snapshot or the backup folder, always
// through the same validation as a backup file, shown as a preview, applied in one
// transaction that keeps the workbook before it as a snapshot (so it can be undone).
import { diffContent, type RestoreDiff } from '$lib/core/backup/diff';
import {
	formulaSyntaxProblem,
	parseBackup,
	validateContent,
	type BackupContent,
	type BackupProblem,
	type BackupReading
} from '$lib/core/backup/envelope';
import { backupsInFolder, pickFolder } from '$lib/backup/folder';
import { readContent, replaceWorkbook, undoToSnapshot } from '$lib/storage/backup/content';
import { getSnapshot } from '$lib/storage/backup/snapshots';
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import { locale } from '$lib/i18n/locale.svelte';
import { backupCenter, type BackupCenter } from './backup.svelte';
import { reloadEngineIfBuilt } from './engine-slot';
import { workbook, type Workbook } from './workbook.svelte';

export interface RestorePreview {
	source: 'file' | 'snapshot' | 'folder';
	label: string;
	/** When the backup or snapshot was made (ms). */
	madeAt: number;
	content: BackupContent;
	diff: RestoreDiff;
}

export type RestoreProblem =
	| BackupProblem
	| { code: 'storage'; error: StorageError }
	| { code: 'no-backup-in-folder' }
	| { code: 'parser-unavailable' };

/** A snapshot's content, checked like a backup file's (it may be from an older build). */
function parseSnapshotContent(text: string): BackupContent {
	const checked = validateContent(JSON.parse(text) as BackupContent);
	if (!checked.ok) throw new StorageError('corrupt-row', { table: 'snapshots', problem: checked.problem });
	return checked.content;
}

/**
 * A backup file read as parseBackup reads it, and then its formulas through the grid's own
 * parser, loaded on first use (the engine's chunk): a formula typing refuses is refused here.
 */
async function readBackup(
	text: string
): Promise<Extract<BackupReading, { ok: true }> | { ok: false; problem: RestoreProblem }> {
	const reading = await parseBackup(text);
	if (!reading.ok) return reading;
	let parser: typeof import('$lib/engine/formula-check');
	try {
		parser = await import('$lib/engine/formula-check');
	} catch {
		// The engine's file did not load (offline before the app was kept for offline use).
		return { ok: false, problem: { code: 'parser-unavailable' } };
	}
	const problem = formulaSyntaxProblem(reading.envelope.content, parser.unparsableFormulas);
	return problem ? { ok: false, problem } : reading;
}

function asStorageError(e: unknown): StorageError {
	return e instanceof StorageError ? e : classifyStorageError(e);
}

export class RestoreSession {
	preview = $state.raw<RestorePreview | null>(null);
	problem = $state.raw<RestoreProblem | null>(null);
	/** What the last restore or undo did, for the page to confirm. */
	done = $state<{ kind: 'restored' | 'undone'; label: string } | null>(null);
	busy = $state(false);

	constructor(
		private readonly workbook: Workbook,
		private readonly center: BackupCenter
	) {}

	async #previewOf(
		source: RestorePreview['source'],
		label: string,
		madeAt: number,
		content: BackupContent
	): Promise<void> {
		// A snapshot holds no log: compare it with the workbook less its history.
		const current = await readContent(this.workbook.db, source === 'snapshot' ? 'snapshot' : 'backup');
		this.preview = { source, label, madeAt, content, diff: diffContent(current, content) };
	}

	async previewFile(file: File): Promise<void> {
		this.problem = null;
		this.done = null;
		const reading = await readBackup(await file.text());
		if (!reading.ok) {
			this.preview = null;
			this.problem = reading.problem;
			return;
		}
		await this.#previewOf(
			'file',
			file.name,
			Date.parse(reading.envelope.createdAt),
			reading.envelope.content
		);
	}

	async previewSnapshot(id: number): Promise<void> {
		this.problem = null;
		this.done = null;
		try {
			const record = await getSnapshot(this.workbook.db, id);
			if (!record) return;
			const label = locale.t('safety.snapshotLabel', {
				time: new Intl.DateTimeFormat(locale.lang === 'zh' ? 'zh-CN' : 'en-GB', {
					dateStyle: 'short',
					timeStyle: 'short'
				}).format(record.takenAt)
			});
			await this.#previewOf('snapshot', label, record.takenAt, parseSnapshotContent(record.content));
		} catch (e) {
			this.problem = { code: 'storage', error: asStorageError(e) };
		}
	}

	cancelPreview(): void {
		this.preview = null;
	}

	/** Applies the previewed restore: one transaction, the workbook before kept as a snapshot. */
	async applyPreview(): Promise<boolean> {
		const preview = this.preview;
		if (!preview || this.busy) return false;
		this.busy = true;
		this.problem = null;
		try {
			await this.workbook.replaceAll((db) =>
				replaceWorkbook(db, preview.content, {
					reason: 'restore',
					label: preview.label,
					keep: this.center.settings.keepSnapshots
				})
			);
			reloadEngineIfBuilt(this.workbook, locale.lang);
			this.preview = null;
			this.done = { kind: 'restored', label: preview.label };
			await this.center.refresh();
			return true;
		} catch (e) {
			this.problem = { code: 'storage', error: asStorageError(e) };
			return false;
		} finally {
			this.busy = false;
		}
	}

	/** Puts back the workbook as it was before the operation the snapshot was kept for. */
	async undo(id: number): Promise<boolean> {
		this.problem = null;
		try {
			await this.workbook.replaceAll((db) => undoToSnapshot(db, id, parseSnapshotContent));
			reloadEngineIfBuilt(this.workbook, locale.lang);
			const info = this.center.snapshots.find((s) => s.id === id);
			this.done = { kind: 'undone', label: info?.label ?? '' };
			await this.center.refresh();
			return true;
		} catch (e) {
			this.problem = { code: 'storage', error: asStorageError(e) };
			return false;
		}
	}

	/**
	 * The empty-workbook rescue, in one click: pick the backup folder, restore its newest
	 * readable backup (the empty workbook is kept as a snapshot), and keep backing up there.
	 */
	async restoreFromFolder(): Promise<boolean> {
		this.problem = null;
		const folder = await pickFolder();
		if (!folder) return false;
		const files = await backupsInFolder(folder);
		for (const file of files) {
			const reading = await readBackup(await file.text());
			if (!reading.ok) continue;
			await this.#previewOf(
				'folder',
				file.name,
				Date.parse(reading.envelope.createdAt),
				reading.envelope.content
			);
			const ok = await this.applyPreview();
			if (ok) {
				await this.center.adoptFolder(folder);
			}
			return ok;
		}
		this.problem = { code: 'no-backup-in-folder' };
		return false;
	}
}

export const restoreSession = new RestoreSession(workbook, backupCenter);
