// The workbook as the pages see it: every stored series and the counties' own indicators,
// held in memory after one read, and written through to IndexedDB on every change.
// A write that fails leaves both the database and this in-memory copy as they were.
// Its parts do the work behind some of its methods: the rows of a sheet (workbook-rows.ts),
// the other tabs (workbook-tabs.svelte.ts), the problems listed (workbook-problems.svelte.ts)
// and imports (workbook-import.svelte.ts); this class holds the copy and the one write guard.
import { SvelteMap } from 'svelte/reactivity';
import { browser } from '$app/environment';
import { workbookSlot } from './workbook-slot.svelte';
import { seriesKey, type OwnIndicator, type Direction, type Series, type SeriesKind } from '$lib/core/model';
import { seedSeries } from '$lib/core/plan';
import type { WorkbookDb } from '$lib/storage/db';
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import { openWorkbookDb } from '$lib/storage/open';
import { getAllSeriesSalvaged, type SeriesDraft } from '$lib/storage/series-table';
import { damagedProblems, type CellProblem, type DamagedSeries } from '$lib/core/cell-problems';
import { diffRows, writeCells, type CellWrite, type ReplacedFigure } from '$lib/storage/cell-writes';
import { figureHistory, lastChange } from '$lib/storage/history-table';
import { loadUndoStacks, saveUndoStacks } from '$lib/storage/undo-table';
import type { ChangeHow, FigureChange } from '$lib/core/figure-history';
import type { UndoStacks } from '$lib/core/undo-entry';
import { ensureSeeded } from '$lib/storage/seed';
import { listTaskRecords, writeTaskRecords, type TaskWrite } from '$lib/storage/tasks-table';
import type { TaskRecord } from '$lib/core/tasks/task-record';
import type { ImportUndo } from '$lib/storage/exchange';
import type { FileInfo, ImportPlan } from '$lib/core/exchange/import';
import type { ImportRecord } from '$lib/core/exchange/import-record';
import { WorkbookImport } from './workbook-import.svelte';
import { WorkbookRows, type RowIndicator } from './workbook-rows';
import { announced, WorkbookTabs, type ReplacedNotice } from './workbook-tabs.svelte';
import { formulaProblemsOf, WorkbookProblems } from './workbook-problems.svelte';
import { EMPTY_SENDER, senderSchema, type Sender } from '$lib/core/exchange/metadata';
import { listImportsSalvaged } from '$lib/storage/imports-table';
import { getMetaSalvaged, setMeta } from '$lib/storage/meta-table';
import type { DamagedRecord } from '$lib/storage/salvage';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';
import { listAllOwnIndicatorsSalvaged, type DeletedIndicator } from '$lib/storage/indicators-table';

export type { RowIndicator } from './workbook-rows';
export type { ReplacedNotice } from './workbook-tabs.svelte';

export class Workbook {
	phase = $state<'closed' | 'opening' | 'ready' | 'failed'>('closed');
	failure = $state.raw<StorageError | null>(null);
	/** Set when another tab upgraded the database: this one must reload. */
	mustReload = $state(false);
	/** The last write that failed, for the page to show. */
	saveFailure = $state.raw<StorageError | null>(null);
	lastSavedAt = $state<number | null>(null);
	/** Writes under way; the page asks before closing while any is. */
	pendingWrites = $state(0);
	/** Bumped when another tab changed the stored workbook and this copy was re-read. */
	externalRevision = $state(0);
	#db: WorkbookDb | null = null;
	#opening: Promise<void> | null = null;
	readonly series = new SvelteMap<string, Series>();
	readonly ownIndicators = new SvelteMap<string, OwnIndicator>();
	/** The import history, oldest first: one record per file applied in this browser. */
	imports = $state.raw<ImportRecord[]>([]);
	/** Who exports from this browser (the export panel's fields), remembered here. */
	sender = $state.raw<Sender>(EMPTY_SENDER);
	/** Stored series records that failed their schema, read around (see getAllSeriesSalvaged). */
	damaged = $state.raw<DamagedSeries[]>([]);
	/** Other stored records that failed their schema: skipped, listed (see storage/salvage.ts). */
	damagedRecords = $state.raw<DamagedRecord[]>([]);
	/** Every stored cell the pages cannot use as it is, for the 需要处理的单元格 list. */
	readonly problems: CellProblem[] = $derived([
		...damagedProblems(this.damaged),
		...[...this.series.values()].flatMap(formulaProblemsOf)
	]);
	/** Counties that took up the plan's commitment rows (meta 'commitments'), in any order. */
	commitmentRegions = $state.raw<readonly string[]>([]);
	/** The name given for the history when no 填报人 is set; '' skipped, undefined not asked. */
	editor = $state<string | undefined>(undefined);
	/** Set by the first edit without any name: the page asks once (it may be skipped). */
	askEditorName = $state(false);
	/** Bumped on every write here or in another tab, so views of the history re-read it. */
	historyRevision = $state(0);
	/** The other tabs of the app (workbook-tabs.svelte.ts). */
	readonly #tabs = new WorkbookTabs({
		readAll: () => this.#readAll(),
		writeCells: (writes, how) => this.writeCells(writes, how),
		changed: () => {
			this.externalRevision++;
		},
		failed: (e) => {
			this.saveFailure = e instanceof StorageError ? e : classifyStorageError(e);
		}
	});
	/** Which rows a sheet has; own indicators written (workbook-rows.ts). */
	readonly #rows = new WorkbookRows(this, (write) => this.#guard(write));
	/** The problems listed, cleared one at a time (workbook-problems.svelte.ts). */
	readonly #problems = new WorkbookProblems(this, (write) => this.#guard(write));

	open(): Promise<void> {
		this.#opening ??= this.#open();
		return this.#opening;
	}

	async #open(): Promise<void> {
		this.phase = 'opening';
		try {
			const db = await openWorkbookDb({
				onReloadNeeded: () => {
					this.mustReload = true;
				}
			});
			await ensureSeeded(db, seedSeries(Date.now()));
			this.#db = db;
			await this.#readAll();
			this.#tabs.listen();
			this.phase = 'ready';
		} catch (e) {
			this.failure = e instanceof StorageError ? e : classifyStorageError(e);
			this.phase = 'failed';
		}
	}

	/** Counts this tab's writes as they finish (see #readAll). */
	#writesFinished = 0;

	async #readAll(): Promise<void> {
		let read;
		const metaDamage: DamagedRecord[] = [];
		// A write of this tab that finishes while the workbook is being read may be missing
		// from what was read, and the copy would then lose it (on screen only: it is stored):
		// read again until no write finished in between.
		for (;;) {
			const finished = this.#writesFinished;
			metaDamage.length = 0;
			read = await Promise.all([
				getAllSeriesSalvaged(this.db),
				listAllOwnIndicatorsSalvaged(this.db),
				listImportsSalvaged(this.db),
				// Only a convenience: a sender that cannot be read is typed again, not fatal.
				getMetaSalvaged(this.db, 'sender', metaDamage),
				getMetaSalvaged(this.db, 'editor', metaDamage),
				getMetaSalvaged(this.db, 'commitments', metaDamage)
			]);
			if (finished === this.#writesFinished) break;
		}
		const [{ series, damaged }, owned, imported, sender, editor, commitments] = read;
		const imports = imported.imports;
		this.damagedRecords = [...owned.damaged, ...imported.damaged, ...metaDamage];
		this.commitmentRegions = commitments?.regions ?? [];
		this.series.clear();
		this.ownIndicators.clear();
		for (const s of series) this.series.set(seriesKey(s), s);
		for (const c of owned.indicators) this.ownIndicators.set(`${c.regionCode}|${c.code}`, c);
		this.imports = imports;
		this.sender = sender ?? EMPTY_SENDER;
		this.damaged = damaged;
		this.editor = editor?.name;
		this.historyRevision++;
	}

	get db(): WorkbookDb {
		if (!this.#db) throw new Error('workbook not open');
		return this.#db;
	}

	getSeries(regionCode: string, indicatorCode: string, kind: SeriesKind): Series | undefined {
		return this.series.get(`${regionCode}|${indicatorCode}|${kind}`);
	}

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

	/** Figures this tab typed that another tab has since replaced, until dismissed. */
	get replacedNotices(): ReplacedNotice[] {
		return this.#tabs.notices;
	}

	dismissReplaced(id: number): void {
		this.#tabs.dismiss(id);
	}

	/** Puts back the figure this tab had typed, replacing the other tab's (again, the later wins). */
	putBackReplaced(id: number): Promise<void> {
		return this.#tabs.putBack(id);
	}

	/** The name the history records: the 填报人 set for exports, else the one given once. */
	get editorName(): string {
		return this.sender.name || this.editor || '';
	}

	/** Remembers the name asked once ('' when the planner skipped); the question is not asked again. */
	async setEditorName(name: string): Promise<void> {
		const valid = name.trim().slice(0, 60);
		this.askEditorName = false;
		await this.#guard(() => setMeta(this.db, 'editor', { name: valid }));
		this.editor = valid;
	}

	/** Every write: counted while under way, its failure kept for the page, other tabs told. */
	#persistAsked = false;

	async #guard<T>(write: () => Promise<T>, replacedOf?: (out: T) => readonly ReplacedFigure[]): Promise<T> {
		this.pendingWrites++;
		try {
			const out = await write();
			this.#writesFinished++;
			// Without persistence the browser may clear the workbook under storage pressure, as
			// it does a cache. Asked on the first real edit (not on page load), when the site is
			// clearly in use; a refusal changes nothing.
			if (!this.#persistAsked) {
				this.#persistAsked = true;
				void globalThis.navigator?.storage?.persist?.().catch(() => false);
			}
			this.saveFailure = null;
			this.lastSavedAt = Date.now();
			this.historyRevision++;
			this.#tabs.tell(this.lastSavedAt, replacedOf?.(out) ?? []);
			return out;
		} catch (e) {
			const err = e instanceof StorageError ? e : classifyStorageError(e);
			this.saveFailure = err;
			throw err;
		} finally {
			this.pendingWrites--;
		}
	}

	/**
	 * The one write path for figures: only the cells named are written, merged into the row
	 * as stored (another tab's edits of other cells are kept), all or nothing, each changed
	 * figure recorded in the history with this tab's name and `how`. Returns the figures of
	 * another tab this write replaced (the later write wins; that tab is told).
	 */
	async writeCells(writes: readonly CellWrite[], how: ChangeHow): Promise<ReplacedFigure[]> {
		if (writes.length === 0) return [];
		if (!this.editorName && this.editor === undefined) this.askEditorName = true;
		const snapshot = $state.snapshot([...writes]) as CellWrite[];
		const result = await this.#guard(
			() => writeCells(this.db, snapshot, { who: this.editorName, how }),
			announced
		);
		for (const s of result.series) this.series.set(seriesKey(s), s);
		this.#tabs.wrote(result.changes);
		return result.replaced;
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
		return this.#guard(() => writeTaskRecords(this.db, snapshot, { at: Date.now(), by: this.editorName }));
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
		await this.#guard(() => setMeta(this.db, 'sender', valid));
		this.sender = valid;
	}

	/** The import part (workbook-import.svelte.ts). */
	readonly #import = new WorkbookImport({
		db: () => this.db,
		editorName: () => this.editorName,
		series: this.series,
		ownIndicators: this.ownIndicators,
		guard: (write, replacedOf) => this.#guard(write, replacedOf),
		addImports: (records) => {
			this.imports = [...this.imports, ...records];
		},
		readAll: () => this.#readAll()
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
		const out = await this.#guard(() => write(this.db));
		await this.#readAll();
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
