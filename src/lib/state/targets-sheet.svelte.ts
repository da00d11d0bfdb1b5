// The targets page: the city's and province's baselines and targets, edited as a grid.
// Each edit is stored at once; every region's comparison formulas read this sheet. The city's
// baselines are also the 2020 column of the city's own sheet, and are kept alike there.
import {
	checkComparator,
	checkFigure,
	checkText,
	targetText,
	type FigureContext
} from '$lib/core/cell-check';
import { cellRefusalText } from '$lib/i18n/cell-refusal-text';
import { planIndicators } from '$lib/core/plan';
import { plainDecimal } from '$lib/core/decimal';
import { BASELINE_YEAR, CITY_CODE, type Cell, type Series } from '$lib/core/model';
import {
	cellContent,
	COMPARATOR_TEXT,
	TARGET_COLUMNS,
	targetColumn,
	targetsRowContent,
	textContent,
	textFromContent,
	type RawContent,
	type TargetColumn
} from '$lib/engine/sheet-layout';
import type { GridEdit, GridPort, Validation } from '$lib/grid/contract';
import { TARGETS_UNDO_KEY, type CellChange, type UndoEntry } from '$lib/core/undo-entry';
import { normalizeFigureNote, FIGURE_NOTE_MAX } from '$lib/core/figure-note';
import type { Locale } from '$lib/i18n/locale.svelte';
import { indicatorName, showCityBaseline, targetRows } from './engine-session';
import type { SheetEngine } from './region-sheet.svelte';
import { UndoHistory } from './undo-history.svelte';
import type { Workbook } from './workbook.svelte';

/** A plan indicator's row on this sheet (the plan's order, as on every sheet). */
function rowOf(indicatorCode: string): number {
	return planIndicators.findIndex((i) => i.code === indicatorCode);
}

export class TargetsSheet {
	message = $state<{ kind: 'error' | 'info'; text: string } | null>(null);
	/**
	 * Steps are kept in the undo table like a region sheet's ('cells' by indicator code and
	 * column, 'target-note' for a 批注), so Ctrl+Z after a reload still takes back an edit.
	 */
	readonly history = new UndoHistory<UndoEntry>();
	port: GridPort | undefined;
	#queue: Promise<unknown> = Promise.resolve();
	#undoSaves: Promise<void> = Promise.resolve();
	/** Set while the comparator of a value typed as `>99` is put beside it (same undo step). */
	#pairing = false;
	/** Set while an undo or redo replays cells into the grid. */
	#replaying = false;
	/** Notes set but not yet stored: what the cell shows, and a quick second edit's "before". */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
	#unsavedNotes = new Map<number, Map<string, string | null>>();

	constructor(
		readonly workbook: Workbook,
		readonly locale: Locale,
		readonly engine: Pick<SheetEngine, 'setCells'>
	) {
		this.history.onchange = (stacks) => {
			const copy = $state.snapshot(stacks) as { undo: UndoEntry[]; redo: UndoEntry[] };
			this.#undoSaves = this.#undoSaves.then(() => this.workbook.saveUndo(TARGETS_UNDO_KEY, copy));
		};
	}

	/** Brings back the steps kept before a reload (each still checked when undone). */
	async restoreHistory(): Promise<void> {
		const stacks = await this.workbook.loadUndo(TARGETS_UNDO_KEY);
		if (stacks) this.history.restore(stacks);
	}

	/** Resolves once the undo stacks as they are now are kept. */
	historySaved(): Promise<void> {
		return this.#undoSaves;
	}

	content(): RawContent[][] {
		return targetRows(this.workbook, this.locale.lang).map(targetsRowContent);
	}

	column(col: number): TargetColumn | undefined {
		return TARGET_COLUMNS.find((c) => c.col === col);
	}

	#where(row: number, col: number): string {
		const c = this.column(col);
		const indicator = planIndicators[row];
		const level = c?.level === '620700' ? this.locale.t('targets.city') : this.locale.t('targets.province');
		return this.locale.t('error.where', {
			row: row + 1,
			indicator: indicator ? indicatorName(indicator, this.locale.lang) : '',
			column: `${level} ${c?.year ?? ''}`
		});
	}

	/** Where a figure of this sheet goes, for the one cell check (core/cell-check.ts). */
	#figureContext(level: string, year: number, indicator: { unit: string }): FigureContext {
		return {
			level: level === CITY_CODE ? 'city' : 'province',
			unit: indicator.unit,
			kind: year === BASELINE_YEAR ? 'actual' : 'target',
			measure: 'value',
			year
		};
	}

	validate(row: number, col: number, raw: unknown): Validation {
		const c = this.column(col);
		const indicator = planIndicators[row];
		if (!c || !indicator) return { ok: false, message: '' };
		const where = () => this.#where(row, col);
		if (c.field === 'comparator') {
			const verdict = checkComparator(raw);
			if (!verdict.ok) return { ok: false, message: cellRefusalText(this.locale, verdict, where()) };
			return { ok: true, content: COMPARATOR_TEXT[verdict.comparator] };
		}
		if (c.field === 'qualifier') {
			const verdict = checkText('qualifier', raw);
			if (!verdict.ok) return { ok: false, message: cellRefusalText(this.locale, verdict, where()) };
			return { ok: true, content: textContent(verdict.text) };
		}
		const outcome = checkFigure(this.#figureContext(c.level, c.year, indicator), raw);
		if (!outcome.ok) return { ok: false, message: cellRefusalText(this.locale, outcome, where()) };
		// The sheet holds a target's figure, comparator and qualifier in three columns; a
		// yes/no or a formula has no place in any of them (the context refuses formulas).
		if (outcome.cell?.t === 'b' || outcome.cell?.t === 'f') {
			const refusal = {
				ok: false as const,
				code: 'formula-not-allowed' as const,
				params: { input: String(raw) }
			};
			return { ok: false, message: cellRefusalText(this.locale, refusal, where()) };
		}
		const cell = outcome.cell;
		if (outcome.notice === 'thousands-separator' && cell) {
			this.message = {
				kind: 'info',
				text: this.locale.t('grid.thousandsDropped', {
					where: this.#where(row, col),
					input: String(raw).trim().slice(0, 60),
					value: plainDecimal(cell.v)
				})
			};
		}
		// `>99` typed in a value cell sets the comparator beside it as well.
		if (cell && c.year !== 2020 && cell.cmp) {
			const cmpCol = targetColumn(c.level, c.year, 'comparator');
			queueMicrotask(() => {
				this.#pairing = true;
				try {
					this.port?.setCells([{ row, col: cmpCol, content: COMPARATOR_TEXT[cell.cmp ?? '>='] }]);
				} finally {
					this.#pairing = false;
				}
			});
		}
		return { ok: true, content: cell ? cell.v : null };
	}

	#stored(row: number, col: number): RawContent {
		const source = targetsRowContent(targetRows(this.workbook, this.locale.lang)[row]!);
		return source[col] ?? null;
	}

	onEdits(edits: GridEdit[], reason: 'user' | 'replay'): void {
		const changes: CellChange[] = [];
		for (const e of edits) {
			const c = this.column(e.col);
			const indicator = planIndicators[e.row];
			if (!c || !indicator) continue;
			if (c.level === CITY_CODE && c.year === BASELINE_YEAR && c.field === 'value') {
				showCityBaseline(this.engine, e.row, e.after);
			}
			const before = this.#stored(e.row, e.col);
			if (before === e.after) continue;
			changes.push({ indicatorCode: indicator.code, col: e.col, before, after: e.after });
		}
		if (!changes.length) return;
		const last = this.history.last();
		if (reason === 'replay' && this.#pairing && last?.kind === 'cells' && !this.#replaying) {
			// A comparator set alongside its value (typed `>99`) belongs to the same step; the
			// entry is replaced rather than changed so the stacks are saved again with it.
			this.history.drop(last);
			this.history.push({ kind: 'cells', changes: [...last.changes, ...changes] });
		} else if (reason === 'user') {
			this.history.push({ kind: 'cells', changes });
		}
		this.#enqueue(() => this.#persist());
	}

	/** Rebuilds the affected series from the grid's current content and stores them together. */
	async #persist(): Promise<void> {
		const source = this.port?.source();
		if (!source) return;
		const drafts: Series[] = [];
		planIndicators.forEach((indicator, row) => {
			for (const level of ['620700', '620000'] as const) {
				for (const kind of ['actual', 'target'] as const) {
					const years = kind === 'actual' ? [2020] : [2025, 2035];
					const stored = this.workbook.getSeries(level, indicator.code, kind);
					const cells: Record<string, Cell> = { ...(stored?.cells ?? {}) };
					for (const year of years) {
						const v = source[row]?.[targetColumn(level, year, 'value')];
						if (typeof v !== 'number') {
							delete cells[String(year)];
							continue;
						}
						// The three columns as one text the plan would write (`>99 (优质均衡)`), through
						// the same check as typing it: one route from the grid to a stored cell.
						// The 2020 baseline has no comparator column.
						const cmpText = kind === 'target' ? source[row]?.[targetColumn(level, year, 'comparator')] : null;
						const cmp =
							kind === 'target' ? checkComparator(typeof cmpText === 'string' ? cmpText : '') : null;
						const q = textFromContent(source[row]?.[targetColumn(level, year, 'qualifier')]);
						const text = targetText(v, cmp?.ok ? cmp.comparator : '>=', q);
						const verdict = checkFigure(this.#figureContext(level, year, indicator), text);
						if (!verdict.ok || !verdict.cell) continue;
						const cell = verdict.cell;
						cells[String(year)] = cell;
					}
					if (JSON.stringify(cells) !== JSON.stringify(stored?.cells ?? {})) {
						drafts.push({
							regionCode: level,
							indicatorCode: indicator.code,
							kind,
							cells,
							note: stored?.note ?? '',
							updatedAt: 0
						});
					}
				}
			}
		});
		if (drafts.length === 0) return;
		try {
			await this.workbook.writeSeries(drafts);
		} catch {
			this.port?.load(this.content());
			planIndicators.forEach((indicator, row) => {
				const stored = this.workbook.getSeries(CITY_CODE, indicator.code, 'actual');
				showCityBaseline(this.engine, row, cellContent(stored?.cells[String(BASELINE_YEAR)]));
			});
		}
	}

	undo(): void {
		const entry = this.history.takeUndo();
		if (!entry) return void (this.message = { kind: 'info', text: this.locale.t('undo.nothing') });
		this.#enqueue(() => this.#apply(entry, 'undo'));
	}

	redo(): void {
		const entry = this.history.takeRedo();
		if (!entry) return void (this.message = { kind: 'info', text: this.locale.t('redo.nothing') });
		this.#enqueue(() => this.#apply(entry, 'redo'));
	}

	#enqueue(task: () => Promise<void>): void {
		this.#queue = this.#queue.then(task, task).catch(() => undefined);
	}

	/**
	 * Runs after the writes before it, so what is stored is what the step left. A cell changed
	 * since (by another tab, an import, before a reload) is not overwritten: the step is refused.
	 */
	async #apply(entry: UndoEntry, direction: 'undo' | 'redo'): Promise<void> {
		if (entry.kind === 'target-note') {
			const row = rowOf(entry.indicatorCode);
			await this.#writeNote(row, entry.col, direction === 'undo' ? entry.before : entry.after);
			return;
		}
		if (entry.kind !== 'cells') return;
		const moved = entry.changes.find((c) => {
			const row = rowOf(c.indicatorCode);
			return row < 0 || this.#stored(row, c.col) !== (direction === 'undo' ? c.after : c.before);
		});
		if (moved) {
			this.history.putBack(entry, direction);
			const row = rowOf(moved.indicatorCode);
			this.message = {
				kind: 'error',
				text: this.locale.t(direction === 'undo' ? 'undo.conflict' : 'redo.conflict', {
					where: this.#where(row, moved.col),
					now: this.#shown(row < 0 ? null : this.#stored(row, moved.col)),
					expected: this.#shown(direction === 'undo' ? moved.after : moved.before)
				})
			};
			return;
		}
		this.#replaying = true;
		try {
			// The grid reports these back through onEdits('replay'), which stores them.
			this.port?.setCells(
				entry.changes.map((c) => ({
					row: rowOf(c.indicatorCode),
					col: c.col,
					content: direction === 'undo' ? c.before : c.after
				}))
			);
		} finally {
			this.#replaying = false;
		}
	}

	#shown(content: RawContent): string {
		if (content === null || content === '') return this.locale.t('history.empty');
		return String(content);
	}

	// --- notes per figure (批注) on baselines and targets ------------------------------------

	/** A note belongs to a figure: a value cell (a level's baseline or target for a year). */
	canNote(row: number, col: number): boolean {
		return planIndicators[row] !== undefined && this.column(col)?.field === 'value';
	}

	/** Where the note is stored: the level's series for the year (2020 is its actual figure). */
	#noteKey(row: number, col: number) {
		const c = this.column(col);
		const indicator = planIndicators[row];
		if (!c || !indicator || c.field !== 'value') return null;
		return {
			regionCode: c.level,
			indicatorCode: indicator.code,
			kind: c.year === BASELINE_YEAR ? ('actual' as const) : ('target' as const),
			year: c.year
		};
	}

	figureNote(row: number, col: number): string | null {
		const key = this.#noteKey(row, col);
		if (!key) return null;
		const pending = this.#unsavedNotes.get(col);
		if (pending?.has(key.indicatorCode)) return pending.get(key.indicatorCode) ?? null;
		const s = this.workbook.getSeries(key.regionCode, key.indicatorCode, key.kind);
		return s?.notes?.[String(key.year)] ?? null;
	}

	describeCell(row: number, col: number): string {
		return this.#where(row, col);
	}

	/** Sets (blank: removes) a figure's note: checked, stored, one undo step; returns a refusal. */
	setFigureNote(row: number, col: number, text: string): string | null {
		const key = this.#noteKey(row, col);
		if (!key) return null;
		const outcome = normalizeFigureNote(text);
		if (!outcome.ok)
			return this.locale.t('note.tooLong', {
				where: this.#where(row, col),
				max: FIGURE_NOTE_MAX,
				length: outcome.length
			});
		const before = this.figureNote(row, col);
		if (before === outcome.note) return null;
		const entry: UndoEntry = {
			kind: 'target-note',
			indicatorCode: key.indicatorCode,
			col,
			before,
			after: outcome.note
		};
		this.history.push(entry);
		this.#pendingNotes(col).set(key.indicatorCode, outcome.note);
		this.#enqueue(async () => {
			try {
				await this.#writeNote(row, col, outcome.note);
			} catch {
				if (this.history.last() === entry) this.history.drop(entry);
				this.port?.render();
			}
		});
		return null;
	}

	#pendingNotes(col: number): Map<string, string | null> {
		let m = this.#unsavedNotes.get(col);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
		if (!m) this.#unsavedNotes.set(col, (m = new Map()));
		return m;
	}

	async #writeNote(row: number, col: number, note: string | null): Promise<void> {
		const key = this.#noteKey(row, col);
		if (!key) return;
		try {
			// Only this figure's 批注 is written, merged into the row as stored (like a figure).
			await this.workbook.writeCells(
				[{ ...key, year: 'figureNote', noteYear: key.year, after: note }],
				'input'
			);
		} finally {
			const pending = this.#unsavedNotes.get(col);
			if (pending?.get(key.indicatorCode) === note) pending.delete(key.indicatorCode);
			this.port?.render();
		}
	}

	settled(): Promise<unknown> {
		return this.#queue;
	}

	/**
	 * Another tab changed the stored workbook: show what is stored now. The steps are kept:
	 * an undo whose cells the other tab changed is refused (#apply), as on a region sheet.
	 */
	reloadFromStorage(): void {
		this.port?.load(this.content());
		this.message = { kind: 'info', text: this.locale.t('sync.reloaded') };
	}

	relabel(): void {
		this.port?.load(this.content());
	}
}
