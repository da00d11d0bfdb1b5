// One region's sheet of yearly figures as the planner works on it (a county's, or the city's
// own): what the page and the grid call. Its parts do the work: the checks of a typed value
// (region-sheet-checks.ts), the writes to storage (region-sheet-writes.ts), undo and redo
// (region-sheet-undo.svelte.ts), row changes (region-sheet-rows.svelte.ts) and notes per
// figure (region-sheet-notes.svelte.ts); this class holds what they share.
import { BASELINE_YEAR, CITY_CODE, type Direction } from '$lib/core/model';
import { columnOfYear, regionSheetContent, type RawContent } from '$lib/engine/sheet-layout';
import type { GridEdit, GridPort, Validation } from '$lib/grid/contract';
import type { Locale } from '$lib/i18n/locale.svelte';
import { regionRows, showCityBaseline } from './engine-inputs';
import { UndoHistory } from './undo-history.svelte';
import { SheetRowChanges } from './region-sheet-rows.svelte';
import { SheetFigureNotes } from './region-sheet-notes.svelte';
import { SheetCellChecks } from './region-sheet-checks';
import { SheetCellWrites } from './region-sheet-writes';
import { SheetUndo } from './region-sheet-undo.svelte';
import { buildSheetsNamedIn } from './region-sheet-cells';
import type { RowIndicator, Workbook } from './workbook.svelte';
import type { UndoEntry } from '$lib/core/undo-entry';

/** What the sheet asks of the workbook's formula engine. */
export interface SheetEngine {
	validateFormula(formula: string): boolean;
	/** Every cell of a sheet as the engine holds it now (formulas as their source). */
	sheetSource(sheetName: string): RawContent[][];
	/** Content for cells of sheets other than the one on screen. */
	setCells(cells: readonly { sheet: string; row: number; col: number; content: RawContent }[]): void;
	/** Builds the sheets a page left out, before a row change shifts references in all of them. */
	buildAllSheets(): void;
	/** False while the engine is on its way (region-sheet-engine.svelte.ts); absent: it is there. */
	readonly isAttached?: boolean;
	whenAttached?(): Promise<unknown>;
	/** Before it is there: whether this content shows exactly without it. */
	computable?(content: RawContent[][]): boolean;
}

/** A message above the sheet; `failure` is an unexpected error, kept for 复制详情. */
export interface SheetMessageState {
	kind: 'error' | 'info';
	text: string;
	failure?: unknown;
}

export class RegionSheet {
	rows = $state.raw<RowIndicator[]>([]);
	message = $state<SheetMessageState | null>(null);
	readonly history = new UndoHistory<UndoEntry>();
	port: GridPort | undefined;
	/** What a typed value becomes, or why it is refused (region-sheet-checks.ts). */
	readonly #checks: SheetCellChecks;
	/** Edits of the grid on their way to storage (region-sheet-writes.ts). */
	readonly #writes: SheetCellWrites;
	/** Undo and redo, and the history kept for after a reload (region-sheet-undo.svelte.ts). */
	readonly #undo: SheetUndo;
	/** Own indicators added, renamed, deleted; commitment rows (region-sheet-rows.svelte.ts). */
	readonly #rowChanges: SheetRowChanges;
	/** Notes per figure (region-sheet-notes.svelte.ts). */
	readonly #notes: SheetFigureNotes;

	/** Serialises writes so a quick second edit never races the first to IndexedDB. */
	#queue: Promise<unknown> = Promise.resolve();

	constructor(
		readonly workbook: Workbook,
		readonly regionCode: string,
		readonly locale: Locale,
		readonly engine: SheetEngine
	) {
		this.rows = workbook.rowIndicators(regionCode);
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the host's accessors read this sheet's fields
		const sheet = this;
		// What every part uses of this sheet: one host, so that they all see the same fields.
		const host = {
			workbook,
			regionCode,
			locale,
			engine,
			history: this.history,
			get port() {
				return sheet.port;
			},
			get rows() {
				return sheet.rows;
			},
			set rows(rows) {
				sheet.rows = rows;
			},
			get message() {
				return sheet.message;
			},
			set message(message) {
				sheet.message = message;
			},
			where: (row: number, col: number) => this.#checks.where(row, col),
			afterHeld: (fn: () => void) => this.#afterHeld(fn),
			enqueue: (task: () => Promise<void>) => this.#enqueue(task),
			failed: (e: unknown) => this.#failed(e),
			rowOf: (code: string) => this.#rowOf(code)
		};
		this.#checks = new SheetCellChecks(host);
		this.#writes = new SheetCellWrites(host, this.#checks);
		this.#rowChanges = new SheetRowChanges(host);
		this.#notes = new SheetFigureNotes(host);
		this.#undo = new SheetUndo(host, {
			writes: this.#writes,
			notes: this.#notes,
			rowChanges: this.#rowChanges
		});
	}

	/**
	 * Brings back the undo steps kept before the page was reloaded. An undo of one of them
	 * checks, like any undo, that its cells still hold what the step left.
	 */
	restoreHistory(): Promise<void> {
		return this.#undo.restoreHistory();
	}

	/** Resolves once the undo stacks as they are now are kept. */
	historySaved(): Promise<void> {
		return this.#undo.historySaved();
	}

	/** The city's sheet: its 2020 column is the city baseline of the targets sheet too. */
	get isCity(): boolean {
		return this.regionCode === CITY_CODE;
	}

	content(): RawContent[][] {
		return regionSheetContent(regionRows(this.workbook, this.regionCode, this.locale.lang));
	}

	row(i: number): RowIndicator | undefined {
		return this.rows[i];
	}

	/** What a typed or pasted value becomes, or why it is refused (the cell keeps its value). */
	validate(row: number, col: number, raw: unknown): Validation {
		return this.#checks.validate(row, col, raw);
	}

	/** A figure outside its unit's plausible range is kept, but the cell says so. */
	implausibleRange(row: number, value: unknown): string | null {
		return this.#checks.implausibleRange(row, value);
	}

	/** The grid changed (typing, paste, fill, or an undo replaying): store it. */
	onEdits(edits: GridEdit[], reason: 'user' | 'replay', source?: string): void {
		this.#writes.onEdits(edits, reason, source);
	}

	#rowOf(indicatorCode: string): number {
		return this.rows.findIndex((r) => r.indicator.code === indicatorCode);
	}

	#enqueue(task: () => Promise<void>): Promise<void> {
		const next = this.#queue.then(task, task);
		this.#queue = next.catch(() => undefined);
		return next;
	}

	/** Resolves once every write queued so far has finished. */
	settled(): Promise<unknown> {
		return this.#queue;
	}

	/**
	 * Runs `fn` after the changes the grid holds for the engine (a formula typed before it
	 * arrived, and what followed): an undo, a note or a row change keeps its place after them.
	 */
	#afterHeld(fn: () => void): void {
		if (this.port?.afterHeld) this.port.afterHeld(fn);
		else fn();
	}

	/** A row change needs the engine (it shifts references in every sheet): it waits for it. */
	async #withEngine<T>(fn: () => Promise<T>): Promise<T> {
		await this.engine.whenAttached?.();
		await new Promise<void>((resolve) => this.#afterHeld(resolve));
		return fn();
	}

	/** A formula in a figure cell while the engine is on its way: the grid holds it until then. */
	mustWait(row: number, col: number, raw: unknown): boolean {
		return this.#checks.mustWait(row, col, raw);
	}

	/**
	 * The engine is bound to the grid: the city's baselines typed before it (the engine was
	 * built from storage, perhaps before they were stored) go to its targets sheet too.
	 */
	engineBound(): void {
		if (!this.isCity) return;
		const source = this.port?.source();
		if (!source) return;
		this.rows.forEach((r, row) => {
			if (r.planRow !== null)
				showCityBaseline(this.engine, r.planRow, source[row]?.[columnOfYear(BASELINE_YEAR)] ?? null);
		});
	}

	undo(): void {
		this.#undo.undo();
	}

	redo(): void {
		this.#undo.redo();
	}

	/** A row change that failed wrote nothing: say so in the catalog's words, never throw to the page. */
	#failed(e: unknown): void {
		this.message = { kind: 'error', text: this.locale.t('failure.lead.indicator'), failure: e };
	}

	addIndicator(draft: { nameZh: string; unit: string; direction: Direction }): Promise<void> {
		return this.#withEngine(() => this.#rowChanges.addIndicator(draft));
	}

	renameIndicator(code: string, nameZh: string, unit: string): Promise<void> {
		return this.#withEngine(() => this.#rowChanges.renameIndicator(code, nameZh, unit));
	}

	deleteIndicator(code: string): Promise<void> {
		return this.#withEngine(() => this.#rowChanges.deleteIndicator(code));
	}

	/** Whether the county took up the plan's commitment rows (FIN01…), or they hold figures. */
	get hasCommitments(): boolean {
		return this.#rowChanges.hasCommitments;
	}

	setCommitmentsTakenUp(on: boolean): Promise<void> {
		return this.#withEngine(() => this.#rowChanges.setCommitmentsTakenUp(on));
	}

	/**
	 * Another tab changed the stored workbook: show what is stored now. The undo steps are
	 * kept: an undo whose cells the other tab changed is refused (region-sheet-undo), the rest work.
	 */
	reloadFromStorage(): void {
		this.#showStored(() => (this.message = { kind: 'info', text: this.locale.t('sync.reloaded') }));
	}

	/**
	 * Loads the grid with what is stored now, after the changes it holds for the engine. Before
	 * the engine is bound, only content shown exactly without it is loaded; other content
	 * (another tab typed a formula) waits for the engine, as the page's first drawing would.
	 */
	#showStored(then?: () => void): void {
		this.#afterHeld(() => {
			const rows = this.workbook.rowIndicators(this.regionCode);
			const content = regionSheetContent(regionRows(this.workbook, this.regionCode, this.locale.lang));
			if (this.engine.isAttached === false && !(this.engine.computable?.(content) ?? false)) {
				void this.engine.whenAttached?.().then(() => this.#showStored(then));
				return;
			}
			this.rows = rows;
			buildSheetsNamedIn(this.engine, content.flat());
			this.port?.load(content);
			then?.();
		});
	}

	// --- notes per figure (批注): region-sheet-notes.svelte.ts ---------------------------

	figureNote(row: number, col: number): string | null {
		return this.#notes.figureNote(row, col);
	}

	canNote(row: number, col: number): boolean {
		return this.#notes.canNote(row, col);
	}

	describeCell(row: number, col: number): string {
		return this.#notes.describeCell(row, col);
	}

	setFigureNote(row: number, col: number, text: string): string | null {
		return this.#notes.setFigureNote(row, col, text);
	}

	/** Language switched: names change, figures and formulas stay. */
	relabel(): void {
		this.#showStored();
	}
}
