// A region sheet's cells on their way to storage: the grid's edits (typed, pasted, filled, or
// replayed by an undo) turned into the changes of one undo step, and written in the sheet's
// write queue, each cell with what the sheet showed before it. Apart from RegionSheet because
// it owns the bookkeeping of cells edited but not yet stored, which nothing else may touch.
import { BASELINE_YEAR, CITY_CODE, type OwnIndicator } from '$lib/core/model';
import {
	cellContent,
	COL_NAME,
	COL_NOTE,
	COL_UNIT,
	isUnreadableFormula,
	textContent,
	textFromContent,
	yearOfColumn,
	type RawContent
} from '$lib/engine/sheet-layout';
import type { GridEdit, GridPort } from '$lib/grid/contract';
import type { CellChange, UndoEntry } from '$lib/core/undo-entry';
import type { ChangeHow } from '$lib/core/figure-history';
import type { CellWrite } from '$lib/storage/cell-writes';
import { showCityBaseline } from './engine-inputs';
import type { UndoHistory } from './undo-history.svelte';
import { buildSheetsNamedIn, gridContent, howOf, isStoredColumn, storedForm } from './region-sheet-cells';
import type { SheetCellChecks } from './region-sheet-checks';
import type { RowIndicator, Workbook } from './workbook.svelte';
import type { SheetEngine } from './region-sheet.svelte';

/** What the writes use of the sheet they belong to (RegionSheet). */
export interface CellWritesHost {
	readonly workbook: Workbook;
	readonly regionCode: string;
	readonly engine: SheetEngine;
	readonly history: UndoHistory<UndoEntry>;
	readonly port: GridPort | undefined;
	rows: RowIndicator[];
	/** Runs after the sheet's writes queued so far (one write at a time). */
	enqueue(task: () => Promise<void>): Promise<void>;
	rowOf(indicatorCode: string): number;
}

export class SheetCellWrites {
	readonly #host: CellWritesHost;
	readonly #checks: SheetCellChecks;
	/**
	 * Cells edited but not yet written. A second edit of the same cell made before the first
	 * is stored must remember the first as its "before", or undo would skip it.
	 */
	#unsaved = new Map<string, RawContent>();
	/** Set while an undo or redo replays cells into the grid, for the history's "how". */
	#replaying: ChangeHow | null = null;
	/**
	 * While a step is replayed: the formula text behind each stand-in handed to the grid, so
	 * that what is stored is the formula itself, never the stand-in (`indicator|col` → text).
	 */
	#replaySources = new Map<string, string>();

	constructor(host: CellWritesHost, checks: SheetCellChecks) {
		this.#host = host;
		this.#checks = checks;
	}

	/** A cell that is also the city baseline on the targets page: the row's plan row, else null. */
	#cityBaselineRow(row: number, col: number): number | null {
		if (this.#host.regionCode !== CITY_CODE || yearOfColumn(col) !== BASELINE_YEAR) return null;
		return this.#host.rows[row]?.planRow ?? null;
	}

	/** The grid changed (typing, paste, fill, or an undo replaying): store it. */
	onEdits(edits: GridEdit[], reason: 'user' | 'replay', source?: string): void {
		const notices = this.#checks.takeNotices();
		const how: ChangeHow = reason === 'replay' ? (this.#replaying ?? 'input') : howOf(source);
		const changes: CellChange[] = [];
		for (const e of edits) {
			const r = this.#host.rows[e.row];
			if (!r || !isStoredColumn(e.col)) continue;
			// Even a cell put back as stored (a failed write undone) must show alike in both sheets.
			const planRow = this.#cityBaselineRow(e.row, e.col);
			if (planRow !== null) showCityBaseline(this.#host.engine, planRow, e.after);
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
			this.#host.history.push({ kind: 'cells', changes });
			this.#checks.warnImplausible(edits, notices);
		}
		void this.#host.enqueue(() => this.#persistCells(changes, how));
	}

	storedContent(r: RowIndicator, col: number): RawContent {
		const { workbook, regionCode } = this.#host;
		const year = yearOfColumn(col);
		if (year !== null) {
			return cellContent(workbook.getSeries(regionCode, r.indicator.code, 'actual')?.cells[String(year)]);
		}
		if (col === COL_NOTE) {
			const note = workbook.getSeries(regionCode, r.indicator.code, 'actual')?.note ?? '';
			return textContent(note);
		}
		if (r.own && col === COL_NAME) return textContent(r.own.nameZh);
		if (r.own && col === COL_UNIT) return textContent(r.own.unit);
		return null;
	}

	/** What a cell holds now for an undo's check: an edit not yet stored, else the stored content. */
	shownNow(r: RowIndicator, col: number): RawContent {
		return this.#unsaved.get(`${r.indicator.code}|${col}`) ?? this.storedContent(r, col);
	}

	/** As storedContent, but a stored formula as its own text (never the grid's stand-in). */
	#storedSource(r: RowIndicator, col: number): RawContent {
		const year = yearOfColumn(col);
		const cell =
			year === null
				? undefined
				: this.#host.workbook.getSeries(this.#host.regionCode, r.indicator.code, 'actual')?.cells[
						String(year)
					];
		return cell?.t === 'f' ? cell.f : this.storedContent(r, col);
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
		const { workbook, regionCode } = this.#host;
		const writes: CellWrite[] = [];
		const indicatorUpdates = new Map<string, OwnIndicator>();
		for (const c of changes) {
			const year = yearOfColumn(c.col);
			const key = { regionCode, indicatorCode: c.indicatorCode, kind: 'actual' as const };
			const stored = workbook.getSeries(regionCode, c.indicatorCode, 'actual');
			if (year !== null) {
				// The stored cell itself when the sheet showed it (its comparator and qualifier
				// included), else what an earlier, still unsaved edit of the cell left.
				const r = this.#host.rows[this.#host.rowOf(c.indicatorCode)];
				// An undo or redo puts back what was stored, even a formula the checks of today
				// refuse (stored before they existed): refusing it here would lose it unseen.
				const replay = how === 'undo' || how === 'redo';
				const checked = r ? this.#checks.cellOf(r, year, c.after) : undefined;
				const after = checked === undefined && replay ? storedForm(c.after) : checked;
				if (!r || after === undefined) continue;
				const storedCell = stored?.cells[String(year)] ?? null;
				const expected =
					cellContent(storedCell) === gridContent(c.before)
						? storedCell
						: (this.#checks.cellOf(r, year, c.before) ?? null);
				// A figure retyped keeps the qualifier it is counted by (the city's 2020 EDU03
				// baseline is 100 by 基本均衡); the grid shows the number only.
				writes.push({ ...key, year, after, expected, keepQualifier: true });
			} else if (c.col === COL_NOTE) {
				writes.push({ ...key, year: 'note', after: textFromContent(c.after) });
			} else if (c.col === COL_NAME || c.col === COL_UNIT) {
				const ownIndicator =
					indicatorUpdates.get(c.indicatorCode) ??
					workbook.ownIndicators.get(`${regionCode}|${c.indicatorCode}`);
				if (!ownIndicator) continue;
				const text = textFromContent(c.after);
				indicatorUpdates.set(
					c.indicatorCode,
					c.col === COL_NAME ? { ...ownIndicator, nameZh: text, nameEn: '' } : { ...ownIndicator, unit: text }
				);
			}
		}
		try {
			if (writes.length) await workbook.writeCells(writes, how);
			for (const ind of indicatorUpdates.values()) await workbook.updateOwnIndicator(ind);
			if (indicatorUpdates.size) this.#host.rows = workbook.rowIndicators(regionCode);
			this.#settle(changes);
		} catch {
			this.#settle(changes);
			// Nothing was written: put the grid back to what is stored, so screen and disk agree.
			this.#host.port?.setCells(
				changes.map((c) => ({ row: this.#host.rowOf(c.indicatorCode), col: c.col, content: c.before }))
			);
			this.#dropChanges(changes);
		}
	}

	/** A write that failed never happened: its step leaves the history. */
	#dropChanges(changes: CellChange[]): void {
		const last = this.#host.history.last();
		if (last?.kind === 'cells' && last.changes === changes) this.#host.history.drop(last);
	}

	/**
	 * Puts a step's cells back into the grid (an undo or redo); the grid reports them back
	 * through onEdits('replay'), which stores them with `direction` as their "how".
	 */
	replay(changes: readonly CellChange[], direction: 'undo' | 'redo'): void {
		const cells = changes.map((c) => {
			const content = direction === 'undo' ? c.before : c.after;
			if (typeof content === 'string' && gridContent(content) !== content)
				this.#replaySources.set(`${c.indicatorCode}|${c.col}`, content);
			return { row: this.#host.rowOf(c.indicatorCode), col: c.col, content: gridContent(content) };
		});
		buildSheetsNamedIn(
			this.#host.engine,
			cells.map((c) => c.content)
		);
		this.#replaying = direction;
		try {
			this.#host.port?.setCells(cells.filter((c) => c.row >= 0));
		} finally {
			this.#replaying = null;
			this.#replaySources.clear();
		}
	}
}
