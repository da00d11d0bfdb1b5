// The workbook as the pages see it: every stored series and the counties' own indicators,
// held in memory after one read, and written through to IndexedDB on every change.
// A write that fails leaves both the database and this in-memory copy as they were.
import { SvelteMap } from 'svelte/reactivity';
import { browser } from '$app/environment';
import { workbookSlot } from './workbook-slot.svelte';
import {
	figureKey,
	seriesKey,
	type OwnIndicator,
	type Direction,
	type Indicator,
	type Series,
	type SeriesKind
} from '$lib/core/model';
import { commitmentOf, commitmentCodes, isCounty, planIndicators, seedSeries } from '$lib/core/plan';
import { seriesHoldsAnything, type Commitment } from '$lib/core/commitments';
import type { WorkbookDb } from '$lib/storage/db';
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import { openWorkbookDb } from '$lib/storage/open';
import {
	deleteSeriesByKey,
	getAllSeriesSalvaged,
	putManySeries,
	type SeriesDraft
} from '$lib/storage/series-table';
import {
	damagedProblems,
	formulaProblemsIn,
	type CellProblem,
	type DamagedSeries
} from '$lib/core/cell-problems';
import { diffRows, writeCells, type CellWrite, type ReplacedFigure } from '$lib/storage/cell-writes';
import { figureHistory, lastChange } from '$lib/storage/history-table';
import { loadUndoStacks, saveUndoStacks } from '$lib/storage/undo-table';
import { sameCell, type ChangeHow, type FigureChange } from '$lib/core/figure-history';
import type { UndoStacks } from '$lib/core/undo-entry';
import { ensureSeeded } from '$lib/storage/seed';
import { listTaskRecords, writeTaskRecords, type TaskWrite } from '$lib/storage/tasks-table';
import type { TaskRecord } from '$lib/core/tasks/task-record';
import type { ImportUndo } from '$lib/storage/exchange';
import type { FileInfo, ImportPlan } from '$lib/core/exchange/import';
import type { ImportRecord } from '$lib/core/exchange/import-record';
import { WorkbookImport } from './workbook-import.svelte';
import { EMPTY_SENDER, senderSchema, type Sender } from '$lib/core/exchange/metadata';
import { listImportsSalvaged } from '$lib/storage/imports-table';
import { getMetaSalvaged, setMeta } from '$lib/storage/meta-table';
import type { DamagedRecord } from '$lib/storage/salvage';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';
import {
	deleteOwnIndicator,
	listAllOwnIndicatorsSalvaged,
	nextOwnCode,
	putOwnIndicator,
	restoreOwnIndicator,
	type DeletedIndicator
} from '$lib/storage/indicators-table';

export interface RowIndicator {
	indicator: Indicator;
	/** Null for the county's own indicators, which have no plan targets. */
	planRow: number | null;
	own: OwnIndicator | null;
	/** A commitment row the county has taken up (FIN01…); it has no plan row on the targets sheet. */
	commitment?: Commitment | null;
}

/** A figure this tab stored that another tab's later write replaced. */
export interface ReplacedNotice extends ReplacedFigure {
	id: number;
}

/** Changes announced to other tabs per write; a larger one (an import) has its own preview. */
const ANNOUNCED_LIMIT = 500;

/**
 * What other tabs hear of a write: each figure it changed, as "replaced": the figure before
 * (perhaps one that tab typed), what the writer believed was there, and what is there now.
 */
function announced(out: {
	changes: readonly FigureChange[];
	replaced: readonly ReplacedFigure[];
}): ReplacedFigure[] {
	if (out.changes.length > ANNOUNCED_LIMIT) return [];
	return out.changes.map((c) => {
		const conflict = out.replaced.find((r) => figureKey(r) === figureKey(c));
		return {
			regionCode: c.regionCode,
			indicatorCode: c.indicatorCode,
			kind: c.kind,
			year: c.year,
			expected: conflict ? conflict.expected : c.before,
			replaced: c.before,
			after: c.after
		};
	});
}

interface ChannelMessage {
	type: 'changed';
	at: number;
	replaced?: ReplacedFigure[];
}

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
	#channel: BroadcastChannel | null = null;

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
	/** Figures this tab typed that another tab has since replaced, until dismissed. */
	replacedNotices = $state.raw<ReplacedNotice[]>([]);
	#noticeId = 0;
	/** What this tab last wrote to each figure, to know when another tab replaced it. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
	#ownWrites = new Map<string, Series['cells'][string] | null>();

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
			this.#listenToOtherTabs();
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

	/**
	 * Two tabs of the app share one database. Each tells the others when it has written, and
	 * they re-read it, so neither shows (and later writes back) figures the other replaced.
	 */
	#listenToOtherTabs(): void {
		if (typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel('zy-edu2035.workbook');
		this.#channel.onmessage = (ev: MessageEvent<ChannelMessage>) => {
			void this.#readAll().then(
				() => {
					this.#noticeReplaced(ev.data?.replaced ?? []);
					this.externalRevision++;
				},
				(e: unknown) => {
					this.saveFailure = e instanceof StorageError ? e : classifyStorageError(e);
				}
			);
		};
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
		const own = [...this.ownIndicators.values()]
			.filter((c) => c.regionCode === regionCode)
			.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
		const commitments = this.hasCommitments(regionCode)
			? commitmentCodes.map((code) => commitmentOf(code)!)
			: [];
		return [
			...planIndicators.map((indicator, i) => ({ indicator, planRow: i, own: null })),
			...commitments.map((c) => ({ indicator: c, planRow: null, own: null, commitment: c })),
			...own.map((c) => ({ indicator: c, planRow: null, own: c }))
		];
	}

	/**
	 * Whether a county's sheet shows the commitment rows: it turned them on, or they hold a
	 * figure (an imported one, say), which is never hidden.
	 */
	hasCommitments(regionCode: string): boolean {
		if (!isCounty(regionCode)) return false;
		return (
			this.commitmentRegions.includes(regionCode) ||
			commitmentCodes.some((code) => seriesHoldsAnything(this.getSeries(regionCode, code, 'actual')))
		);
	}

	/** How many figures (and notes) a county holds in its commitment rows. */
	commitmentFigureCount(regionCode: string): number {
		let n = 0;
		for (const code of commitmentCodes) {
			const s = this.getSeries(regionCode, code, 'actual');
			n += Object.keys(s?.cells ?? {}).length + Object.keys(s?.notes ?? {}).length + (s?.note ? 1 : 0);
		}
		return n;
	}

	/** Turns a county's commitment rows on or off, remembered in the workbook (and its backups). */
	async setCommitmentsTakenUp(regionCode: string, on: boolean): Promise<void> {
		const others = this.commitmentRegions.filter((code) => code !== regionCode);
		const next = (on ? [...others, regionCode] : others).sort();
		await this.#guard(() => setMeta(this.db, 'commitments', { regions: next }));
		this.commitmentRegions = next;
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

	/**
	 * Another tab changed figures: those this tab had typed and it replaced (the later write
	 * wins, whether that tab had seen this one's figure or not) are listed, to put back in
	 * one click.
	 */
	#noticeReplaced(replaced: readonly ReplacedFigure[]): void {
		const mine = replaced.filter((r) => {
			const key = figureKey(r);
			const own = this.#ownWrites.get(key);
			return this.#ownWrites.has(key) && sameCell(own, r.replaced) && !sameCell(own, r.after);
		});
		if (mine.length === 0) return;
		for (const r of mine) this.#ownWrites.delete(figureKey(r));
		this.replacedNotices = [...this.replacedNotices, ...mine.map((r) => ({ ...r, id: ++this.#noticeId }))];
	}

	dismissReplaced(id: number): void {
		this.replacedNotices = this.replacedNotices.filter((n) => n.id !== id);
	}

	/** Puts back the figure this tab had typed, replacing the other tab's (again, the later wins). */
	async putBackReplaced(id: number): Promise<void> {
		const notice = this.replacedNotices.find((n) => n.id === id);
		if (!notice) return;
		const { regionCode, indicatorCode, kind, year } = notice;
		await this.writeCells(
			[{ regionCode, indicatorCode, kind, year, after: notice.replaced, expected: notice.after }],
			'put-back'
		);
		this.dismissReplaced(id);
		// Open sheets show what is stored now, as after another tab's write.
		this.externalRevision++;
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
			const message: ChannelMessage = { type: 'changed', at: this.lastSavedAt };
			const replaced = replacedOf?.(out) ?? [];
			if (replaced.length) message.replaced = $state.snapshot([...replaced]) as ReplacedFigure[];
			this.#channel?.postMessage(message);
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
		for (const c of result.changes) this.#ownWrites.set(figureKey(c), c.after);
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
		return figureHistory(this.db, key, undefined, (d) => this.#noteDamaged(d));
	}

	/** Adds records found unreadable after opening (history, undo steps) to the list, once each. */
	#noteDamaged(found: readonly DamagedRecord[]): void {
		const known = this.damagedRecords.map((d) => `${d.table}|${d.key}`);
		const fresh = found.filter((d) => !known.includes(`${d.table}|${d.key}`));
		if (fresh.length) this.damagedRecords = [...this.damagedRecords, ...fresh];
	}

	/** The newest change of a figure (the line under the formula bar). */
	lastChange(key: {
		regionCode: string;
		indicatorCode: string;
		kind: SeriesKind;
		year: number;
	}): Promise<FigureChange | undefined> {
		return lastChange(this.db, key, (d) => this.#noteDamaged(d));
	}

	/** A sheet's undo steps as kept at its last change (undefined: none, or unreadable). */
	loadUndo(regionCode: string): Promise<UndoStacks | undefined> {
		return loadUndoStacks(this.db, regionCode, (d) => this.#noteDamaged([d])).catch(() => undefined);
	}

	/** Keeps a sheet's undo steps for after a reload; a failure costs the steps, not figures. */
	saveUndo(regionCode: string, stacks: UndoStacks): Promise<void> {
		return saveUndoStacks(this.db, regionCode, stacks).catch(() => undefined);
	}

	/**
	 * Clears one listed problem: the cell's stored formula (the rest of the row stays), or a
	 * damaged record (rewritten with its readable cells, or deleted if nothing of it reads).
	 */
	async clearProblem(problem: CellProblem): Promise<void> {
		const damaged = this.damaged.find(
			(d) =>
				d.regionCode === problem.regionCode &&
				d.indicatorCode === problem.indicatorCode &&
				d.kind === problem.kind
		);
		if (problem.code === 'damaged-record' && damaged?.whole) {
			await this.#guard(() => deleteSeriesByKey(this.db, damaged.key));
			this.damaged = this.damaged.filter((d) => d !== damaged);
			this.externalRevision++;
			return;
		}
		const s = this.getSeries(problem.regionCode, problem.indicatorCode, problem.kind);
		if (!s) return;
		const cells = { ...$state.snapshot(s.cells) };
		if (problem.year !== null && problem.code !== 'damaged-cell') delete cells[String(problem.year)];
		// Rewriting the record drops its unreadable cells: they were never part of the series read.
		// A damaged record is put whole: the per-cell merge would re-read (and refuse) it.
		if (damaged) await this.#guard(() => putManySeries(this.db, [{ ...$state.snapshot(s), cells }]));
		else await this.writeSeries([{ ...$state.snapshot(s), cells }], 'input');
		if (damaged) this.damaged = this.damaged.filter((d) => d !== damaged);
		// Open sheets reload what is stored, as after another tab's write (sheet-sync.svelte.ts).
		this.externalRevision++;
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

	async addOwnIndicator(
		regionCode: string,
		draft: { nameZh: string; unit: string; direction: Direction }
	): Promise<OwnIndicator> {
		const code = await nextOwnCode(this.db, regionCode);
		const order = Math.max(
			-1,
			...[...this.ownIndicators.values()].filter((c) => c.regionCode === regionCode).map((c) => c.order)
		);
		const saved = await this.#guard(() =>
			putOwnIndicator(this.db, {
				regionCode,
				code,
				nameZh: draft.nameZh,
				nameEn: '',
				unit: draft.unit,
				direction: draft.direction,
				precision: 2,
				order: order + 1,
				updatedAt: Date.now()
			})
		);
		this.ownIndicators.set(`${regionCode}|${code}`, saved);
		return saved;
	}

	async updateOwnIndicator(indicator: OwnIndicator): Promise<OwnIndicator> {
		const saved = await this.#guard(() => putOwnIndicator(this.db, { ...indicator, updatedAt: Date.now() }));
		this.ownIndicators.set(`${saved.regionCode}|${saved.code}`, saved);
		return saved;
	}

	async deleteOwnIndicator(regionCode: string, code: string): Promise<DeletedIndicator | undefined> {
		const removed = await this.#guard(() => deleteOwnIndicator(this.db, regionCode, code));
		if (removed) {
			this.ownIndicators.delete(`${regionCode}|${code}`);
			for (const s of removed.series) this.series.delete(seriesKey(s));
		}
		return removed;
	}

	async restoreOwnIndicator(deleted: DeletedIndicator): Promise<void> {
		await this.#guard(() => restoreOwnIndicator(this.db, deleted));
		const c = deleted.indicator;
		this.ownIndicators.set(`${c.regionCode}|${c.code}`, c);
		for (const s of deleted.series) this.series.set(seriesKey(s), s);
	}
}

/**
 * A row's formula problems, kept per stored record (a write replaces the record): after an
 * import of 100,000 figures, re-reading every cell of every row took the page 130 ms.
 */
const problemsOf = new WeakMap<Series, CellProblem[]>();
function formulaProblemsOf(s: Series): CellProblem[] {
	let found = problemsOf.get(s);
	if (!found) {
		let formulas = false;
		for (const year in s.cells) if (s.cells[year]?.t === 'f') formulas = true;
		found = formulas ? formulaProblemsIn([s]) : [];
		problemsOf.set(s, found);
	}
	return found;
}

export const workbook = new Workbook();
workbookSlot.current = workbook;
// Opens as soon as this module is evaluated: a page that shows figures imports it statically,
// so the database is read while the rest of the page's code still loads, not after mount.
if (browser) void workbook.open();
