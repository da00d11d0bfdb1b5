// The workbook's in-memory copy of what is stored: every series, the counties' own
// indicators, the import history and the settings kept with them, read once when it opens and
// again when another tab writes; and the one guard every write runs through (counted while
// under way, its failure kept for the page, other tabs told). Apart from the Workbook
// (workbook.svelte.ts), which adds what the pages do with the copy, so that reading and
// guarding stay in one place that every write of every part goes through.
import { SvelteMap } from 'svelte/reactivity';
import { seriesKey, type OwnIndicator, type Series, type SeriesKind } from '$lib/core/model';
import { seedSeries } from '$lib/core/plan';
import type { WorkbookDb } from '$lib/storage/db';
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import { openWorkbookDb } from '$lib/storage/open';
import { getAllSeriesSalvaged } from '$lib/storage/series-table';
import { damagedProblems, type CellProblem, type DamagedSeries } from '$lib/core/cell-problems';
import { writeCells, type CellWrite, type ReplacedFigure } from '$lib/storage/cell-writes';
import type { ChangeHow } from '$lib/core/figure-history';
import { ensureSeeded } from '$lib/storage/seed';
import type { ImportRecord } from '$lib/core/exchange/import-record';
import { EMPTY_SENDER, type Sender } from '$lib/core/exchange/metadata';
import { listImportsSalvaged } from '$lib/storage/imports-table';
import { getMetaSalvaged } from '$lib/storage/meta-table';
import type { DamagedRecord } from '$lib/storage/salvage';
import { listAllOwnIndicatorsSalvaged } from '$lib/storage/indicators-table';
import { announced, WorkbookTabs, type ReplacedNotice } from './workbook-tabs.svelte';
import { formulaProblemsOf } from './workbook-problems.svelte';

export class WorkbookCopy {
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
		readAll: () => this.readAll(),
		writeCells: (writes, how) => this.writeCells(writes, how),
		changed: () => {
			this.externalRevision++;
		},
		failed: (e) => {
			this.saveFailure = e instanceof StorageError ? e : classifyStorageError(e);
		}
	});

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
			await this.readAll();
			this.#tabs.listen();
			this.phase = 'ready';
		} catch (e) {
			this.failure = e instanceof StorageError ? e : classifyStorageError(e);
			this.phase = 'failed';
		}
	}

	/** Counts this tab's writes as they finish (see readAll). */
	#writesFinished = 0;

	protected async readAll(): Promise<void> {
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

	/** Every write: counted while under way, its failure kept for the page, other tabs told. */
	#persistAsked = false;

	protected async guard<T>(
		write: () => Promise<T>,
		replacedOf?: (out: T) => readonly ReplacedFigure[]
	): Promise<T> {
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
		const result = await this.guard(
			() => writeCells(this.db, snapshot, { who: this.editorName, how }),
			announced
		);
		for (const s of result.series) this.series.set(seriesKey(s), s);
		this.#tabs.wrote(result.changes);
		return result.replaced;
	}
}
