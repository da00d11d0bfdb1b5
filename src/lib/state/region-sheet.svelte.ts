// One region's sheet of yearly figures as the planner works on it (a county's, or the city's
// own): what a typed value becomes, what is written to storage, and the undo history over
// edits, pastes and row changes.
import { isPlausible, plausibleRange } from '$lib/core/value-input';
import { checkFigure, checkText, type CellRefusal, type FigureContext } from '$lib/core/cell-check';
import { cellRefusalText } from '$lib/i18n/cell-refusal-text';
import { plainDecimal } from '$lib/core/decimal';
import { BASELINE_YEAR, CITY_CODE, type Cell, type OwnIndicator, type Direction } from '$lib/core/model';
import {
	cellContent,
	columnOfYear,
	COL_NAME,
	COL_NOTE,
	COL_UNIT,
	isUnreadableFormula,
	regionSheetContent,
	textContent,
	textFromContent,
	yearOfColumn,
	type RawContent
} from '$lib/engine/sheet-layout';
import type { GridEdit, GridPort, Validation } from '$lib/grid/contract';
import type { Locale } from '$lib/i18n/locale.svelte';
import { regionByCode, regionMeasure } from '$lib/core/plan';
import { indicatorName, regionRows, showCityBaseline } from './engine-inputs';
import { UndoHistory } from './undo-history.svelte';
import { SheetRowChanges } from './region-sheet-rows.svelte';
import { SheetFigureNotes } from './region-sheet-notes.svelte';
import { gridContent, howOf, isStoredColumn, storedForm } from './region-sheet-cells';
import type { RowIndicator, Workbook } from './workbook.svelte';

import type { CellChange, UndoEntry } from '$lib/core/undo-entry';
import type { ChangeHow } from '$lib/core/figure-history';
import type { CellWrite } from '$lib/storage/cell-writes';

type HistoryEntry = UndoEntry;

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
	readonly history = new UndoHistory<HistoryEntry>();
	port: GridPort | undefined;
	/** Own indicators added, renamed, deleted; commitment rows (region-sheet-rows.svelte.ts). */
	readonly #rowChanges: SheetRowChanges;
	/** Notes per figure (region-sheet-notes.svelte.ts). */
	readonly #notes: SheetFigureNotes;
	/** Notices about values of the edit being validated, shown with its other messages. */
	#notices: string[] = [];

	/** Serialises writes so a quick second edit never races the first to IndexedDB. */
	#queue: Promise<unknown> = Promise.resolve();
	/**
	 * Cells edited but not yet written. A second edit of the same cell made before the first
	 * is stored must remember the first as its "before", or undo would skip it.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
	#unsaved = new Map<string, RawContent>();
	/** Set while an undo or redo replays cells into the grid, for the history's "how". */
	#replaying: ChangeHow | null = null;
	/** Saves of the undo stacks, one after another (the last one wins). */
	#undoSaves: Promise<void> = Promise.resolve();
	/**
	 * While a step is replayed: the formula text behind each stand-in handed to the grid, so
	 * that what is stored is the formula itself, never the stand-in (`indicator|col` → text).
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
	#replaySources = new Map<string, string>();

	constructor(
		readonly workbook: Workbook,
		readonly regionCode: string,
		readonly locale: Locale,
		readonly engine: SheetEngine
	) {
		this.rows = workbook.rowIndicators(regionCode);
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the host's accessors read this sheet's fields
		const sheet = this;
		this.#rowChanges = new SheetRowChanges({
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
			enqueue: (task) => this.#enqueue(task),
			failed: (e) => this.#failed(e),
			rowOf: (code) => this.#rowOf(code)
		});
		this.#notes = new SheetFigureNotes({
			workbook,
			regionCode,
			locale,
			history: this.history,
			get port() {
				return sheet.port;
			},
			get rows() {
				return sheet.rows;
			},
			where: (row, col) => this.#where(row, col),
			afterHeld: (fn) => this.#afterHeld(fn),
			enqueue: (task) => this.#enqueue(task),
			rowOf: (code) => this.#rowOf(code)
		});
		this.history.onchange = (stacks) => {
			const copy = $state.snapshot(stacks) as { undo: HistoryEntry[]; redo: HistoryEntry[] };
			this.#undoSaves = this.#undoSaves.then(() => this.workbook.saveUndo(this.regionCode, copy));
		};
	}

	/**
	 * Brings back the undo steps kept before the page was reloaded. An undo of one of them
	 * checks, like any undo, that its cells still hold what the step left (see #apply).
	 */
	async restoreHistory(): Promise<void> {
		const stacks = await this.workbook.loadUndo(this.regionCode);
		if (stacks) this.history.restore(stacks);
	}

	/** Resolves once the undo stacks as they are now are kept. */
	historySaved(): Promise<void> {
		return this.#undoSaves;
	}

	/** The city's sheet: its 2020 column is the city baseline of the targets sheet too. */
	get isCity(): boolean {
		return this.regionCode === CITY_CODE;
	}

	/** A cell that is also the city baseline on the targets page: the row's plan row, else null. */
	#cityBaselineRow(row: number, col: number): number | null {
		if (!this.isCity || yearOfColumn(col) !== BASELINE_YEAR) return null;
		return this.rows[row]?.planRow ?? null;
	}

	content(): RawContent[][] {
		return regionSheetContent(regionRows(this.workbook, this.regionCode, this.locale.lang));
	}

	row(i: number): RowIndicator | undefined {
		return this.rows[i];
	}

	#where(row: number, col: number): string {
		const r = this.rows[row];
		const year = yearOfColumn(col);
		const column =
			year !== null
				? `${year}`
				: col === COL_NOTE
					? this.locale.t('grid.note')
					: col === COL_NAME
						? this.locale.t('grid.indicator')
						: this.locale.t('grid.unit');
		return this.locale.t('error.where', {
			row: row + 1,
			indicator: r ? indicatorName(r.indicator, this.locale.lang) : '',
			column
		});
	}

	/** Where a figure of this sheet goes, for the one cell check (core/cell-check.ts). */
	#figureContext(r: RowIndicator, year: number): FigureContext {
		return {
			level: regionByCode(this.regionCode)?.level ?? 'county',
			unit: r.indicator.unit,
			kind: 'actual',
			measure: r.planRow !== null ? regionMeasure(r.indicator, this.regionCode) : 'value',
			year
		};
	}

	/** What a typed or pasted value becomes, or why it is refused (the cell keeps its value). */
	validate(row: number, col: number, raw: unknown): Validation {
		const r = this.rows[row];
		if (!r) return { ok: false, message: '' };
		const year = yearOfColumn(col);
		if (year !== null) {
			const verdict = checkFigure(
				{ ...this.#figureContext(r, year), formulaSyntax: (f) => this.engine.validateFormula(f) },
				raw
			);
			if (!verdict.ok) return { ok: false, message: this.#refusal(verdict, row, col) };
			const cell = verdict.cell;
			if (cell?.t === 'f') this.#buildSheetsNamedIn([cell.f]);
			if (verdict.notice === 'thousands-separator' && cell?.t === 'n')
				this.#noteSeparator(row, col, raw, cell.v);
			return { ok: true, content: cellContent(cell) };
		}
		const field = col === COL_NOTE ? 'note' : col === COL_NAME ? 'name' : col === COL_UNIT ? 'unit' : null;
		const text = raw === null || raw === undefined ? '' : String(raw);
		if (field === null) return { ok: true, content: textContent(text.trim()) };
		const verdict = checkText(field, text);
		if (!verdict.ok) return { ok: false, message: this.#refusal(verdict, row, col) };
		// Free text must stay text: the engine would otherwise read `=…` as a formula. A note
		// keeps its spaces as typed; the check only holds it to its length.
		return { ok: true, content: textContent(field === 'note' ? text : verdict.text) };
	}

	/**
	 * The stored cell for a year cell's grid content: the same check as typing, so the grid's
	 * content becomes a stored cell by one route only. Content the grid holds was checked
	 * when typed; should it somehow not pass, nothing is written for it (undefined).
	 */
	#cellOf(r: RowIndicator, year: number, content: RawContent): Cell | null | undefined {
		const verdict = checkFigure(this.#figureContext(r, year), content);
		return verdict.ok ? verdict.cell : undefined;
	}

	/** `1,234.5` was read as 1234.5: say so (the figure is kept; this is no refusal). */
	#noteSeparator(row: number, col: number, raw: unknown, value: number): void {
		this.#notices.push(
			this.locale.t('grid.thousandsDropped', {
				where: this.#where(row, col),
				input: String(raw).trim().slice(0, 60),
				value: plainDecimal(value)
			})
		);
		this.message = { kind: 'info', text: this.#notices.join('\n') };
	}

	#refusal(refusal: CellRefusal, row: number, col: number): string {
		return cellRefusalText(this.locale, refusal, this.#where(row, col));
	}

	/** A figure outside its unit's plausible range is kept, but the cell says so. */
	implausibleRange(row: number, value: unknown): string | null {
		const r = this.rows[row];
		if (!r || typeof value !== 'number') return null;
		if (isPlausible(value, r.indicator.unit)) return null;
		const range = plausibleRange(r.indicator.unit);
		return range ? `${range.min}–${range.max}${r.indicator.unit.trim()}` : null;
	}

	/** The grid changed (typing, paste, fill, or an undo replaying): store it. */
	onEdits(edits: GridEdit[], reason: 'user' | 'replay', source?: string): void {
		const notices = this.#notices.splice(0);
		const how: ChangeHow = reason === 'replay' ? (this.#replaying ?? 'input') : howOf(source);
		const changes: CellChange[] = [];
		for (const e of edits) {
			const r = this.rows[e.row];
			if (!r || !isStoredColumn(e.col)) continue;
			// Even a cell put back as stored (a failed write undone) must show alike in both sheets.
			const planRow = this.#cityBaselineRow(e.row, e.col);
			if (planRow !== null) showCityBaseline(this.engine, planRow, e.after);
			const key = `${r.indicator.code}|${e.col}`;
			const before = this.#unsaved.has(key) ? (this.#unsaved.get(key) ?? null) : this.#storedSource(r, e.col);
			// A stand-in the grid shows for an unloadable formula stands for its stored text.
			const replayed = this.#replaySources.get(key);
			const after = replayed !== undefined && gridContent(replayed) === e.after ? replayed : e.after;
			if (before === after || (isUnreadableFormula(String(e.after)) && gridContent(before) === e.after))
				continue;
			changes.push({ indicatorCode: r.indicator.code, col: e.col, before, after });
			this.#unsaved.set(key, after);
		}
		if (changes.length === 0) return;
		if (reason === 'user') {
			this.history.push({ kind: 'cells', changes });
			this.#warnImplausible(edits, notices);
		}
		void this.#enqueue(() => this.#persistCells(changes, how));
	}

	/** Say at once that a figure looks wrong; it is kept, and the cell stays marked. */
	#warnImplausible(edits: GridEdit[], notices: string[]): void {
		// Notices of this edit (separators dropped) stay beside the warning, not under it.
		const odd = edits.filter(
			(e) => yearOfColumn(e.col) !== null && this.implausibleRange(e.row, e.after) !== null
		);
		const first = odd[0];
		if (!first) return;
		const warning = this.locale.t('grid.implausibleAt', {
			where: this.#where(first.row, first.col),
			range: this.implausibleRange(first.row, first.after) ?? ''
		});
		this.message = { kind: 'info', text: [...notices, warning].join('\n') };
	}

	#storedContent(r: RowIndicator, col: number): RawContent {
		const year = yearOfColumn(col);
		if (year !== null) {
			return cellContent(
				this.workbook.getSeries(this.regionCode, r.indicator.code, 'actual')?.cells[String(year)]
			);
		}
		if (col === COL_NOTE) {
			const note = this.workbook.getSeries(this.regionCode, r.indicator.code, 'actual')?.note ?? '';
			return textContent(note);
		}
		if (r.own && col === COL_NAME) return textContent(r.own.nameZh);
		if (r.own && col === COL_UNIT) return textContent(r.own.unit);
		return null;
	}

	/** As #storedContent, but a stored formula as its own text (never the grid's stand-in). */
	#storedSource(r: RowIndicator, col: number): RawContent {
		const year = yearOfColumn(col);
		const cell =
			year === null
				? undefined
				: this.workbook.getSeries(this.regionCode, r.indicator.code, 'actual')?.cells[String(year)];
		return cell?.t === 'f' ? cell.f : this.#storedContent(r, col);
	}

	#settle(changes: CellChange[]): void {
		for (const c of changes) {
			const key = `${c.indicatorCode}|${c.col}`;
			if (this.#unsaved.get(key) === c.after) this.#unsaved.delete(key);
		}
	}

	/**
	 * Only the cells changed are written, each with what this sheet showed before it, so the
	 * workbook merges them into the row as stored and can tell whose figure a write replaced.
	 */
	async #persistCells(changes: CellChange[], how: ChangeHow): Promise<void> {
		const writes: CellWrite[] = [];
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to one write, never rendered
		const indicatorUpdates = new Map<string, OwnIndicator>();
		for (const c of changes) {
			const year = yearOfColumn(c.col);
			const key = { regionCode: this.regionCode, indicatorCode: c.indicatorCode, kind: 'actual' as const };
			const stored = this.workbook.getSeries(this.regionCode, c.indicatorCode, 'actual');
			if (year !== null) {
				// The stored cell itself when the sheet showed it (its comparator and qualifier
				// included), else what an earlier, still unsaved edit of the cell left.
				const r = this.rows[this.#rowOf(c.indicatorCode)];
				// An undo or redo puts back what was stored, even a formula the checks of today
				// refuse (stored before they existed): refusing it here would lose it unseen.
				const replay = how === 'undo' || how === 'redo';
				const checked = r ? this.#cellOf(r, year, c.after) : undefined;
				const after = checked === undefined && replay ? storedForm(c.after) : checked;
				if (!r || after === undefined) continue;
				const storedCell = stored?.cells[String(year)] ?? null;
				const expected =
					cellContent(storedCell) === gridContent(c.before)
						? storedCell
						: (this.#cellOf(r, year, c.before) ?? null);
				// A figure retyped keeps the qualifier it is counted by (the city's 2020 EDU03
				// baseline is 100 by 基本均衡); the grid shows the number only.
				writes.push({ ...key, year, after, expected, keepQualifier: true });
			} else if (c.col === COL_NOTE) {
				writes.push({ ...key, year: 'note', after: textFromContent(c.after) });
			} else if (c.col === COL_NAME || c.col === COL_UNIT) {
				const ownIndicator =
					indicatorUpdates.get(c.indicatorCode) ??
					this.workbook.ownIndicators.get(`${this.regionCode}|${c.indicatorCode}`);
				if (!ownIndicator) continue;
				const text = textFromContent(c.after);
				indicatorUpdates.set(
					c.indicatorCode,
					c.col === COL_NAME ? { ...ownIndicator, nameZh: text, nameEn: '' } : { ...ownIndicator, unit: text }
				);
			}
		}
		try {
			if (writes.length) await this.workbook.writeCells(writes, how);
			for (const ind of indicatorUpdates.values()) await this.workbook.updateOwnIndicator(ind);
			if (indicatorUpdates.size) this.rows = this.workbook.rowIndicators(this.regionCode);
			this.#settle(changes);
		} catch {
			this.#settle(changes);
			// Nothing was written: put the grid back to what is stored, so screen and disk agree.
			this.port?.setCells(
				changes.map((c) => ({ row: this.#rowOf(c.indicatorCode), col: c.col, content: c.before }))
			);
			this.#dropChanges(changes);
		}
	}

	#rowOf(indicatorCode: string): number {
		return this.rows.findIndex((r) => r.indicator.code === indicatorCode);
	}

	/** A write that failed never happened: its step leaves the history. */
	#dropChanges(changes: CellChange[]): void {
		const last = this.history.last();
		if (last?.kind === 'cells' && last.changes === changes) this.history.drop(last);
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
		if (this.engine.isAttached !== false) return false;
		const r = this.rows[row];
		const year = yearOfColumn(col);
		if (!r || year === null) return false;
		const verdict = checkFigure(this.#figureContext(r, year), raw);
		return verdict.ok && verdict.cell?.t === 'f';
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
		this.#afterHeld(() => this.#undo());
	}

	#undo(): void {
		const entry = this.history.takeUndo();
		if (!entry) {
			this.message = { kind: 'info', text: this.locale.t('undo.nothing') };
			return;
		}
		void this.#enqueue(() => this.#apply(entry, 'undo')).catch((e: unknown) => this.#failed(e));
	}

	redo(): void {
		this.#afterHeld(() => this.#redo());
	}

	#redo(): void {
		const entry = this.history.takeRedo();
		if (!entry) {
			this.message = { kind: 'info', text: this.locale.t('redo.nothing') };
			return;
		}
		void this.#enqueue(() => this.#apply(entry, 'redo')).catch((e: unknown) => this.#failed(e));
	}

	async #apply(entry: HistoryEntry, direction: 'undo' | 'redo'): Promise<void> {
		switch (entry.kind) {
			case 'cells': {
				// A step that puts back a formula (kept from before a reload) needs the engine to
				// show it; before the engine is bound it waits for it, in the write queue's order.
				const formula = (v: RawContent) => typeof v === 'string' && v.startsWith('=');
				if (entry.changes.some((c) => formula(c.before) || formula(c.after)))
					await this.engine.whenAttached?.();
				// A cell changed since this step (by another tab, an import, or before a reload)
				// is not silently overwritten: the step is refused and stays where it was.
				const moved = entry.changes.find((c) => {
					const row = this.#rowOf(c.indicatorCode);
					const r = this.rows[row];
					if (!r) return false;
					const now = this.#unsaved.get(`${c.indicatorCode}|${c.col}`) ?? this.#storedContent(r, c.col);
					// Compared as the grid shows them: a step kept from before may hold either form.
					return gridContent(now) !== gridContent(direction === 'undo' ? c.after : c.before);
				});
				if (moved) {
					this.history.putBack(entry, direction);
					const r = this.rows[this.#rowOf(moved.indicatorCode)];
					this.message = {
						kind: 'error',
						text: this.locale.t(direction === 'undo' ? 'undo.conflict' : 'redo.conflict', {
							where: this.#where(this.#rowOf(moved.indicatorCode), moved.col),
							now: this.#shown(r ? this.#storedContent(r, moved.col) : null),
							expected: this.#shown(direction === 'undo' ? moved.after : moved.before)
						})
					};
					return;
				}
				const cells = entry.changes.map((c) => {
					const content = direction === 'undo' ? c.before : c.after;
					if (typeof content === 'string' && gridContent(content) !== content)
						this.#replaySources.set(`${c.indicatorCode}|${c.col}`, content);
					return { row: this.#rowOf(c.indicatorCode), col: c.col, content: gridContent(content) };
				});
				// The grid reports these back through onEdits('replay'), which stores them.
				this.#buildSheetsNamedIn(cells.map((c) => c.content));
				this.#replaying = direction;
				try {
					this.port?.setCells(cells.filter((c) => c.row >= 0));
				} finally {
					this.#replaying = null;
					this.#replaySources.clear();
				}
				return;
			}
			case 'note':
				await this.#notes.writeNote(
					entry.indicatorCode,
					entry.year,
					direction === 'undo' ? entry.before : entry.after
				);
				return;
			case 'add-row':
				await this.engine.whenAttached?.();
				if (direction === 'undo') await this.#rowChanges.removeRow(entry.indicator.code);
				else await this.#rowChanges.restoreRow({ indicator: entry.indicator, series: [] }, this.rows.length);
				return;
			case 'delete-row':
				await this.engine.whenAttached?.();
				if (direction === 'undo') await this.#rowChanges.restoreRow(entry.deleted, entry.row);
				else await this.#rowChanges.removeRow(entry.deleted.indicator.code);
				return;
		}
	}

	/** A row change that failed wrote nothing: say so in the catalog's words, never throw to the page. */
	#failed(e: unknown): void {
		this.message = { kind: 'error', text: this.locale.t('failure.lead.indicator'), failure: e };
	}

	/** A cell's content as a message quotes it. */
	#shown(content: RawContent): string {
		if (content === null || content === '') return this.locale.t('history.empty');
		if (typeof content === 'boolean') return content ? this.locale.t('value.yes') : this.locale.t('value.no');
		return String(content);
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
	 * kept: an undo whose cells the other tab changed is refused (#apply), the rest still work.
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
			this.#buildSheetsNamedIn(content.flat());
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

	/**
	 * A formula that names another sheet ('临泽县'!H5) needs that sheet in the engine before it
	 * reaches the engine, or it shows #REF! for good; the page built only the sheets its stored
	 * formulas named. Any `!` in a formula builds the rest (once): cheap next to a wrong value.
	 */
	#buildSheetsNamedIn(contents: readonly unknown[]): void {
		if (contents.some((c) => typeof c === 'string' && c.startsWith('=') && c.includes('!')))
			this.engine.buildAllSheets();
	}
}
