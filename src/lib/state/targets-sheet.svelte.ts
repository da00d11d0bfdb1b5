// The targets page: the city's and province's baselines and targets, edited as a grid.
// Each edit is stored at once; every region's comparison formulas read this sheet. The city's
// baselines are also the 2020 column of the city's own sheet, and are kept alike there.
// Where a cell is and how it is checked: targets-cells.ts; its notes (批注): targets-notes.
import { plainDecimal } from '$lib/core/decimal';
import { planIndicators } from '$lib/core/plan';
import { BASELINE_YEAR, CITY_CODE } from '$lib/core/model';
import {
	cellContent,
	COMPARATOR_TEXT,
	targetsRowContent,
	type RawContent,
	type TargetColumn
} from '$lib/engine/sheet-layout';
import type { GridEdit, GridPort, Validation } from '$lib/grid/contract';
import { TARGETS_UNDO_KEY, type CellChange, type UndoEntry } from '$lib/core/undo-entry';
import type { Locale } from '$lib/i18n/locale.svelte';
import { showCityBaseline, targetRows } from './engine-session';
import type { SheetEngine } from './region-sheet.svelte';
import {
	checkTargetCell,
	describeTargetCell,
	targetColumnAt,
	targetRowOf,
	targetSeriesDrafts
} from './targets-cells';
import { TargetNotes } from './targets-notes.svelte';
import { UndoHistory } from './undo-history.svelte';
import type { Workbook } from './workbook.svelte';

export class TargetsSheet {
	message = $state<{ kind: 'error' | 'info'; text: string } | null>(null);
	/**
	 * Steps are kept in the undo table like a region sheet's ('cells' by indicator code and
	 * column, 'target-note' for a 批注), so Ctrl+Z after a reload still takes back an edit.
	 */
	readonly history = new UndoHistory<UndoEntry>();
	port: GridPort | undefined;
	readonly #notes: TargetNotes;
	#queue: Promise<unknown> = Promise.resolve();
	#undoSaves: Promise<void> = Promise.resolve();
	/** Set while the comparator of a value typed as `>99` is put beside it (same undo step). */
	#pairing = false;
	/** Set while an undo or redo replays cells into the grid. */
	#replaying = false;

	constructor(
		readonly workbook: Workbook,
		readonly locale: Locale,
		readonly engine: Pick<SheetEngine, 'setCells'>
	) {
		this.history.onchange = (stacks) => {
			const copy = $state.snapshot(stacks) as { undo: UndoEntry[]; redo: UndoEntry[] };
			this.#undoSaves = this.#undoSaves.then(() => this.workbook.saveUndo(TARGETS_UNDO_KEY, copy));
		};
		this.#notes = new TargetNotes({
			workbook,
			locale,
			history: this.history,
			enqueue: (task) => this.#enqueue(task),
			render: () => this.port?.render()
		});
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
		return targetColumnAt(col);
	}

	validate(row: number, col: number, raw: unknown): Validation {
		const checked = checkTargetCell(this.locale, row, col, raw);
		if (checked.thousandsDropped !== undefined) {
			this.message = {
				kind: 'info',
				text: this.locale.t('grid.thousandsDropped', {
					where: describeTargetCell(this.locale, row, col),
					input: String(raw).trim().slice(0, 60),
					value: plainDecimal(checked.thousandsDropped)
				})
			};
		}
		// `>99` typed in a value cell sets the comparator beside it as well.
		const paired = checked.pairedComparator;
		if (paired) {
			queueMicrotask(() => {
				this.#pairing = true;
				try {
					this.port?.setCells([{ row, col: paired.col, content: COMPARATOR_TEXT[paired.comparator] }]);
				} finally {
					this.#pairing = false;
				}
			});
		}
		return checked.validation;
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
		const drafts = targetSeriesDrafts(this.workbook, source);
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
			const row = targetRowOf(entry.indicatorCode);
			await this.#notes.write(row, entry.col, direction === 'undo' ? entry.before : entry.after);
			return;
		}
		if (entry.kind !== 'cells') return;
		const moved = entry.changes.find((c) => {
			const row = targetRowOf(c.indicatorCode);
			return row < 0 || this.#stored(row, c.col) !== (direction === 'undo' ? c.after : c.before);
		});
		if (moved) {
			this.history.putBack(entry, direction);
			const row = targetRowOf(moved.indicatorCode);
			this.message = {
				kind: 'error',
				text: this.locale.t(direction === 'undo' ? 'undo.conflict' : 'redo.conflict', {
					where: describeTargetCell(this.locale, row, moved.col),
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
					row: targetRowOf(c.indicatorCode),
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

	// --- notes per figure (批注) on baselines and targets: targets-notes.svelte.ts -------------

	canNote(row: number, col: number): boolean {
		return this.#notes.canNote(row, col);
	}

	figureNote(row: number, col: number): string | null {
		return this.#notes.noteAt(row, col);
	}

	describeCell(row: number, col: number): string {
		return describeTargetCell(this.locale, row, col);
	}

	/** Sets (blank: removes) a figure's note: checked, stored, one undo step; returns a refusal. */
	setFigureNote(row: number, col: number, text: string): string | null {
		return this.#notes.set(row, col, text);
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
