// The workbook as the pages see it: every stored series and the counties' own indicators,
// held in memory after one read, and written through to IndexedDB on every change.
// A write that fails leaves both the database and this in-memory copy as they were.
// The copy itself, its reading and its write guard are WorkbookCopy's (workbook-copy.svelte.ts);
// its parts do the work behind some methods: the rows of a sheet (workbook-rows.ts), the
// problems listed (workbook-problems.svelte.ts) and imports (workbook-import.svelte.ts).
import { browser } from '$app/environment';
import { workbookSlot } from './workbook-slot.svelte';
import { type OwnIndicator, type Direction, type SeriesKind } from '$lib/core/model';
import type { WorkbookDb } from '$lib/storage/db';
import type { SeriesDraft } from '$lib/storage/series-table';
import type { CellProblem } from '$lib/core/cell-problems';
import { diffRows } from '$lib/storage/cell-writes';
import { figureHistory, lastChange } from '$lib/storage/history-table';
import { loadUndoStacks, saveUndoStacks } from '$lib/storage/undo-table';
import type { ChangeHow, FigureChange } from '$lib/core/figure-history';
import type { UndoStacks } from '$lib/core/undo-entry';
import { listTaskRecords, writeTaskRecords, type TaskWrite } from '$lib/storage/tasks-table';
import type { TaskRecord } from '$lib/core/tasks/task-record';
import type { ImportUndo } from '$lib/storage/exchange';
import type { FileInfo, ImportPlan } from '$lib/core/exchange/import';
import { WorkbookImport } from './workbook-import.svelte';
import { WorkbookRows, type RowIndicator } from './workbook-rows';
import { WorkbookProblems } from './workbook-problems.svelte';
import { WorkbookCopy } from './workbook-copy.svelte';
import { senderSchema, type Sender } from '$lib/core/exchange/metadata';
import { setMeta } from '$lib/storage/meta-table';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';
import type { DeletedIndicator } from '$lib/storage/indicators-table';

export type { RowIndicator } from './workbook-rows';
export type { ReplacedNotice } from './workbook-tabs.svelte';

export class Workbook extends WorkbookCopy {
	/** Which rows a sheet has; own indicators written (workbook-rows.ts). */
	readonly #rows = new WorkbookRows(this, (write) => this.guard(write));
	/** The problems listed, cleared one at a time (workbook-problems.svelte.ts). */
	readonly #problems = new WorkbookProblems(this, (write) => this.guard(write));

	/** The plan's nine, the commitment rows if the county took them up, then the county's own. */
	rowIndicators(regionCode: string): RowIndicator[] {
		return this.#rows.rowIndicators(regionCode);
	}

	/** Whether a county's sheet shows the commitment rows: turned on, or holding a figure. */
	hasCommitments(regionCode: string): boolean {
		return this.#rows.hasCommitments(regionCode);
	}

	/** How many figures (and notes) a county holds in its commitment rows. */
	commitmentFigureCount(regionCode: string): number {
		return this.#rows.commitmentFigureCount(regionCode);
	}

	/** Turns a county's commitment rows on or off, remembered in the workbook (and its backups). */
	setCommitmentsTakenUp(regionCode: string, on: boolean): Promise<void> {
		return this.#rows.setCommitmentsTakenUp(regionCode, on);
	}

	/** Cells filled and the last edit of a county's own figures, for the start page. */
	summary(regionCode: string): { filled: number; lastEdited: number | null } {
		let filled = 0;
		let lastEdited: number | null = null;
		for (const s of this.series.values()) {
			if (s.regionCode !== regionCode || s.kind !== 'actual') continue;
			filled += Object.keys(s.cells).length;
			if (Object.keys(s.cells).length > 0 || s.note) {
				lastEdited = Math.max(lastEdited ?? 0, s.updatedAt);
			}
		}
		for (const c of this.ownIndicators.values()) {
			if (c.regionCode === regionCode) lastEdited = Math.max(lastEdited ?? 0, c.updatedAt ?? 0);
		}
		return { filled, lastEdited: lastEdited || null };
	}

	/** Remembers the name asked once ('' when the planner skipped); the question is not asked again. */
	async setEditorName(name: string): Promise<void> {
		const valid = name.trim().slice(0, 60);
		this.askEditorName = false;
		await this.guard(() => setMeta(this.db, 'editor', { name: valid }));
		this.editor = valid;
	}

	/**
	 * The one write path for task records (落实情况): each record re-read and its changed
	 * fields merged in, all in one transaction, stamped with this tab's name (asked once, as
	 * for figures); other tabs are told and re-read.
	 */
	async writeTasks(writes: readonly TaskWrite[]): Promise<TaskRecord[]> {
		if (writes.length === 0) return [];
		if (!this.editorName && this.editor === undefined) this.askEditorName = true;
		const snapshot = $state.snapshot([...writes]) as TaskWrite[];
		return this.guard(() => writeTaskRecords(this.db, snapshot, { at: Date.now(), by: this.editorName }));
	}

	/** A county's task records for a year, as stored now. */
	async readTasks(regionCode: string, year: number): Promise<TaskRecord[]> {
		return listTaskRecords(this.db, regionCode, year);
	}

	/** Whole rows as the caller wants them: written as the cells that differ from this copy. */
	async writeSeries(drafts: readonly SeriesDraft[], how: ChangeHow = 'input'): Promise<void> {
		const writes = drafts.flatMap((d) => {
			const stored = this.getSeries(d.regionCode, d.indicatorCode, d.kind);
			return diffRows(stored, { ...d, note: d.note ?? stored?.note ?? '' });
		});
		await this.writeCells(writes, how);
	}

	/** One figure's changes, newest first (the 修改记录 dialog). */
	figureHistory(key: {
		regionCode: string;
		indicatorCode: string;
		kind: SeriesKind;
		year: number;
	}): Promise<FigureChange[]> {
		return figureHistory(this.db, key, undefined, (d) => this.#problems.noteDamaged(d));
	}

	/** The newest change of a figure (the line under the formula bar). */
	lastChange(key: {
		regionCode: string;
		indicatorCode: string;
		kind: SeriesKind;
		year: number;
	}): Promise<FigureChange | undefined> {
		return lastChange(this.db, key, (d) => this.#problems.noteDamaged(d));
	}

	/** A sheet's undo steps as kept at its last change (undefined: none, or unreadable). */
	loadUndo(regionCode: string): Promise<UndoStacks | undefined> {
		return loadUndoStacks(this.db, regionCode, (d) => this.#problems.noteDamaged([d])).catch(() => undefined);
	}

	/** Keeps a sheet's undo steps for after a reload; a failure costs the steps, not figures. */
	saveUndo(regionCode: string, stacks: UndoStacks): Promise<void> {
		return saveUndoStacks(this.db, regionCode, stacks).catch(() => undefined);
	}

	/**
	 * Clears one listed problem: the cell's stored formula (the rest of the row stays), or a
	 * damaged record (rewritten with its readable cells, or deleted if nothing of it reads).
	 */
	clearProblem(problem: CellProblem): Promise<void> {
		return this.#problems.clearProblem(problem);
	}

	/** Plain data for the exchange code (and for posting to its worker). */
	snapshot(): WorkbookSnapshot {
		return {
			series: $state.snapshot([...this.series.values()]),
			ownIndicators: $state.snapshot([...this.ownIndicators.values()]),
			commitmentRegions: [...this.commitmentRegions]
		};
	}

	/** Remembers who exports from this browser; refused (zod) when too long or not one line. */
	async setSender(sender: Sender): Promise<void> {
		const valid = senderSchema.parse(sender);
		await this.guard(() => setMeta(this.db, 'sender', valid));
		this.sender = valid;
	}

	/** The import part (workbook-import.svelte.ts). */
	readonly #import = new WorkbookImport({
		db: () => this.db,
		editorName: () => this.editorName,
		series: this.series,
		ownIndicators: this.ownIndicators,
		guard: (write, replacedOf) => this.guard(write, replacedOf),
		addImports: (records) => {
			this.imports = [...this.imports, ...records];
		},
		readAll: () => this.readAll()
	});

	/**
	 * Writes a previewed import as one transaction, with a history record per file read
	 * (`files` as the preview listed them); what it returns takes it back.
	 */
	applyImport(plan: ImportPlan, files: readonly FileInfo[] = []): Promise<ImportUndo> {
		return this.#import.apply(plan, files);
	}

	/**
	 * Runs a write that replaces the workbook wholesale (a restore, an undo to a snapshot),
	 * then re-reads everything; other tabs are told as after any write.
	 */
	async replaceAll<T>(write: (db: WorkbookDb) => Promise<T>): Promise<T> {
		const out = await this.guard(() => write(this.db));
		await this.readAll();
		this.externalRevision++;
		return out;
	}

	undoImport(undo: ImportUndo): Promise<void> {
		return this.#import.undo(undo);
	}

	addOwnIndicator(
		regionCode: string,
		draft: { nameZh: string; unit: string; direction: Direction }
	): Promise<OwnIndicator> {
		return this.#rows.addOwnIndicator(regionCode, draft);
	}

	updateOwnIndicator(indicator: OwnIndicator): Promise<OwnIndicator> {
		return this.#rows.updateOwnIndicator(indicator);
	}

	deleteOwnIndicator(regionCode: string, code: string): Promise<DeletedIndicator | undefined> {
		return this.#rows.deleteOwnIndicator(regionCode, code);
	}

	restoreOwnIndicator(deleted: DeletedIndicator): Promise<void> {
		return this.#rows.restoreOwnIndicator(deleted);
	}
}

export const workbook = new Workbook();
workbookSlot.current = workbook;
// Opens as soon as this module is evaluated: a page that shows figures imports it statically,
// so the database is read while the rest of the page's code still loads, not after mount.
if (browser) void workbook.open();
