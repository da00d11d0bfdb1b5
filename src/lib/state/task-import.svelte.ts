// One task import, from the files picked (or dropped) on 导入导出 to applying and undoing
// it. Files whose header names 任务编号 come here; the rest go on to the figure import.
// Task files are small (35 tasks × 6 counties × a year or a few), so they are read on the
// page's thread: a worker would cost more to start than the reading takes.
import { MAX_FILE_BYTES } from '$lib/core/exchange/contract';
import type { Encoding } from '$lib/core/exchange/encoding';
import { readImportFile, type FileInfo, type TextFile } from '$lib/core/exchange/import';
import { isTaskFileText, planTaskImport, type TaskImportPlan } from '$lib/core/exchange/tasks';
import { validateContent, type BackupContent } from '$lib/core/backup/envelope';
import { getBackupSettings } from '$lib/storage/backup/device';
import { undoToSnapshot } from '$lib/storage/backup/content';
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import { applyTaskImportWrites, listAllTaskRecords } from '$lib/storage/task-exchange';
import type { Workbook } from './workbook.svelte';

export type TaskImportPhase = 'idle' | 'reading' | 'preview' | 'applying' | 'applied';

/**
 * Starts the label of a task import's snapshot. It tells the snapshot apart from a figure
 * import's (which also records its files in the import history), so 撤销本次导入 after a
 * reload offers the right one.
 */
export const TASK_SNAPSHOT_LABEL = '任务落实情况：';

export interface TaskApplied {
	added: number;
	changed: number;
	regions: string[];
	snapshotId: number;
}

async function readFile(file: File, encoding?: Encoding): Promise<{ text: TextFile; info: FileInfo }> {
	return readImportFile({
		name: file.name,
		bytes: new Uint8Array(await file.arrayBuffer()),
		lastModified: file.lastModified,
		encoding
	});
}

/** Bytes of a file's head enough to tell a task file by its header (isTaskFileText reads 64 KB). */
const HEAD_BYTES = 64 * 1024;

/**
 * The head of a file, decoded, to tell what kind of file it is: reading and decoding a whole
 * 6 MB figure file here held the page for 200 ms before its own import began. Cut after the
 * last line feed, which no multibyte character of GB18030, UTF-8 or Big5 contains (with the
 * zero byte that follows it in UTF-16LE).
 */
export async function readHead(file: File): Promise<{ text: TextFile; info: FileInfo }> {
	const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
	let end = bytes.lastIndexOf(0x0a) + 1;
	if (end > 0 && bytes[end] === 0x00) end += 1;
	// Only the text is looked at: no doubts about the encoding (chardet), which the preview
	// of whichever kind of file it is works out off this thread or after.
	return readImportFile(
		{
			name: file.name,
			bytes: file.size <= HEAD_BYTES || end === 0 ? bytes : bytes.subarray(0, end),
			lastModified: file.lastModified
		},
		{ doubts: false }
	);
}

function asStorageError(e: unknown): StorageError {
	return e instanceof StorageError ? e : classifyStorageError(e);
}

/** A snapshot's content, checked like a backup file's before it is put back. */
function parseSnapshotContent(text: string): BackupContent {
	const checked = validateContent(JSON.parse(text) as BackupContent);
	if (!checked.ok) throw new StorageError('corrupt-row', { table: 'snapshots', problem: checked.problem });
	return checked.content;
}

export class TaskImportSession {
	phase = $state<TaskImportPhase>('idle');
	plan = $state.raw<TaskImportPlan | null>(null);
	files = $state.raw<FileInfo[]>([]);
	failure = $state.raw<StorageError | null>(null);
	applied = $state.raw<TaskApplied | null>(null);
	undone = $state(false);

	#picked: File[] = [];
	#encodings: (Encoding | undefined)[] = [];
	#run = 0;

	constructor(private readonly workbook: Workbook) {}

	/**
	 * Takes the task files out of `files` and previews them; returns the others, for the
	 * figure import. A file refused before reading (too large, a workbook) is left to the
	 * figure import, which says why.
	 */
	async takeTaskFiles(files: readonly File[]): Promise<File[]> {
		const others: File[] = [];
		const tasks: File[] = [];
		for (const file of files) {
			if (file.size > MAX_FILE_BYTES) {
				others.push(file);
				continue;
			}
			try {
				const read = await readHead(file);
				if (!read.text.refused && isTaskFileText(read.text.text)) tasks.push(file);
				else others.push(file);
			} catch {
				// Unreadable here is unreadable there: the figure import reports it.
				others.push(file);
			}
		}
		if (tasks.length > 0) this.start(tasks);
		return others;
	}

	start(files: readonly File[]): void {
		this.#picked = [...files];
		this.#encodings = files.map(() => undefined);
		this.applied = null;
		this.undone = false;
		void this.#preview();
	}

	setEncoding(index: number, encoding: Encoding): void {
		if (index < 0 || index >= this.#picked.length) return;
		this.#encodings[index] = encoding;
		void this.#preview();
	}

	async #preview(): Promise<void> {
		const run = ++this.#run;
		this.phase = 'reading';
		this.plan = null;
		this.failure = null;
		try {
			const read = await Promise.all(this.#picked.map((f, i) => readFile(f, this.#encodings[i])));
			const stored = await listAllTaskRecords(this.workbook.db);
			if (run !== this.#run) return;
			this.plan = planTaskImport(
				read.map((r) => r.text),
				stored
			);
			this.files = read.map((r) => r.info);
			this.phase = 'preview';
		} catch (e) {
			if (run !== this.#run) return;
			this.failure = asStorageError(e);
			this.phase = 'idle';
		}
	}

	cancel(): void {
		this.#run++;
		this.plan = null;
		this.files = [];
		this.#picked = [];
		this.phase = 'idle';
	}

	/** Writes the previewed records in one transaction, keeping a snapshot to undo with. */
	async apply(): Promise<void> {
		const plan = this.plan;
		if (!plan || this.phase !== 'preview' || !plan.hasChanges) return;
		this.phase = 'applying';
		this.failure = null;
		try {
			const { keepSnapshots } = await getBackupSettings(this.workbook.db);
			const label = TASK_SNAPSHOT_LABEL + this.files.map((f) => f.name).join('、');
			const result = await this.workbook.replaceAll((db) =>
				applyTaskImportWrites(
					db,
					plan.changes.map((c) => ({
						key: { regionCode: c.regionCode, year: c.year, task: c.task },
						patch: Object.fromEntries(c.fields.map((f) => [f.field, c.after[f.field]])),
						expected: c.before ? c.before.updatedAt : null
					})),
					{
						now: Date.now(),
						who: this.workbook.editorName,
						snapshot: { reason: 'import', label, keep: keepSnapshots }
					}
				)
			);
			this.applied = {
				added: plan.changes.filter((c) => c.kind === 'new').length,
				changed: plan.changes.filter((c) => c.kind === 'changed').length,
				regions: plan.changes.map((c) => c.regionCode).filter((c, i, all) => all.indexOf(c) === i),
				snapshotId: result.snapshotId
			};
			this.plan = null;
			this.phase = 'applied';
		} catch (e) {
			// Nothing was written (one transaction); the preview stays for another try.
			this.failure = asStorageError(e);
			this.phase = 'preview';
		}
	}

	/** Puts the workbook back as it was before the import, while nothing changed since. */
	async undo(snapshotId = this.applied?.snapshotId): Promise<boolean> {
		if (snapshotId === undefined) return false;
		this.failure = null;
		try {
			await this.workbook.replaceAll((db) => undoToSnapshot(db, snapshotId, parseSnapshotContent));
			this.undone = true;
			return true;
		} catch (e) {
			this.failure = asStorageError(e);
			return false;
		}
	}
}

import { workbook } from './workbook.svelte';

/** One task import at a time, kept while the planner moves between pages. */
export const taskImportSession = new TaskImportSession(workbook);
