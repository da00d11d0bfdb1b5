// A region sheet's undo and redo: each step taken from the history and put back in the
// sheet's write queue (cells, a note, a row added or deleted), refused when its cells changed
// since; and the history kept for after a reload. Apart from RegionSheet because it is the one
// place that reads a step, whichever part of the sheet made it.
import type { RawContent } from '$lib/engine/sheet-layout';
import type { Locale } from '$lib/i18n/locale.svelte';
import type { UndoEntry } from '$lib/core/undo-entry';
import type { UndoHistory } from './undo-history.svelte';
import { gridContent } from './region-sheet-cells';
import type { SheetCellWrites } from './region-sheet-writes';
import type { SheetFigureNotes } from './region-sheet-notes.svelte';
import type { SheetRowChanges } from './region-sheet-rows.svelte';
import type { RowIndicator, Workbook } from './workbook.svelte';
import type { SheetEngine, SheetMessageState } from './region-sheet.svelte';

/** What undo and redo use of the sheet they belong to (RegionSheet). */
export interface SheetUndoHost {
	readonly workbook: Workbook;
	readonly regionCode: string;
	readonly locale: Locale;
	readonly engine: SheetEngine;
	readonly history: UndoHistory<UndoEntry>;
	readonly rows: RowIndicator[];
	message: SheetMessageState | null;
	where(row: number, col: number): string;
	/** After the changes the grid holds for the formula engine (RegionSheet). */
	afterHeld(fn: () => void): void;
	enqueue(task: () => Promise<void>): Promise<void>;
	failed(e: unknown): void;
	rowOf(indicatorCode: string): number;
}

/** The parts of the sheet whose steps an undo puts back. */
export interface UndoParts {
	writes: SheetCellWrites;
	notes: SheetFigureNotes;
	rowChanges: SheetRowChanges;
}

export class SheetUndo {
	readonly #host: SheetUndoHost;
	readonly #parts: UndoParts;
	/** Saves of the undo stacks, one after another (the last one wins). */
	#undoSaves: Promise<void> = Promise.resolve();

	constructor(host: SheetUndoHost, parts: UndoParts) {
		this.#host = host;
		this.#parts = parts;
		host.history.onchange = (stacks) => {
			const copy = $state.snapshot(stacks) as { undo: UndoEntry[]; redo: UndoEntry[] };
			this.#undoSaves = this.#undoSaves.then(() => host.workbook.saveUndo(host.regionCode, copy));
		};
	}

	/**
	 * Brings back the undo steps kept before the page was reloaded. An undo of one of them
	 * checks, like any undo, that its cells still hold what the step left (see #apply).
	 */
	async restoreHistory(): Promise<void> {
		const stacks = await this.#host.workbook.loadUndo(this.#host.regionCode);
		if (stacks) this.#host.history.restore(stacks);
	}

	/** Resolves once the undo stacks as they are now are kept. */
	historySaved(): Promise<void> {
		return this.#undoSaves;
	}

	undo(): void {
		this.#host.afterHeld(() => this.#take('undo'));
	}

	redo(): void {
		this.#host.afterHeld(() => this.#take('redo'));
	}

	#take(direction: 'undo' | 'redo'): void {
		const { history, locale } = this.#host;
		const entry = direction === 'undo' ? history.takeUndo() : history.takeRedo();
		if (!entry) {
			this.#host.message = {
				kind: 'info',
				text: locale.t(direction === 'undo' ? 'undo.nothing' : 'redo.nothing')
			};
			return;
		}
		void this.#host.enqueue(() => this.#apply(entry, direction)).catch((e: unknown) => this.#host.failed(e));
	}

	async #apply(entry: UndoEntry, direction: 'undo' | 'redo'): Promise<void> {
		const host = this.#host;
		const { writes, notes, rowChanges } = this.#parts;
		switch (entry.kind) {
			case 'cells': {
				// A step that puts back a formula (kept from before a reload) needs the engine to
				// show it; before the engine is bound it waits for it, in the write queue's order.
				const formula = (v: RawContent) => typeof v === 'string' && v.startsWith('=');
				if (entry.changes.some((c) => formula(c.before) || formula(c.after)))
					await host.engine.whenAttached?.();
				// A cell changed since this step (by another tab, an import, or before a reload)
				// is not silently overwritten: the step is refused and stays where it was.
				const moved = entry.changes.find((c) => {
					const r = host.rows[host.rowOf(c.indicatorCode)];
					if (!r) return false;
					// Compared as the grid shows them: a step kept from before may hold either form.
					const now = writes.shownNow(r, c.col);
					return gridContent(now) !== gridContent(direction === 'undo' ? c.after : c.before);
				});
				if (moved) {
					host.history.putBack(entry, direction);
					const r = host.rows[host.rowOf(moved.indicatorCode)];
					host.message = {
						kind: 'error',
						text: host.locale.t(direction === 'undo' ? 'undo.conflict' : 'redo.conflict', {
							where: host.where(host.rowOf(moved.indicatorCode), moved.col),
							now: this.#shown(r ? writes.storedContent(r, moved.col) : null),
							expected: this.#shown(direction === 'undo' ? moved.after : moved.before)
						})
					};
					return;
				}
				writes.replay(entry.changes, direction);
				return;
			}
			case 'note':
				await notes.writeNote(
					entry.indicatorCode,
					entry.year,
					direction === 'undo' ? entry.before : entry.after
				);
				return;
			case 'add-row':
				await host.engine.whenAttached?.();
				if (direction === 'undo') await rowChanges.removeRow(entry.indicator.code);
				else await rowChanges.restoreRow({ indicator: entry.indicator, series: [] }, host.rows.length);
				return;
			case 'delete-row':
				await host.engine.whenAttached?.();
				if (direction === 'undo') await rowChanges.restoreRow(entry.deleted, entry.row);
				else await rowChanges.removeRow(entry.deleted.indicator.code);
				return;
		}
	}

	/** A cell's content as a message quotes it. */
	#shown(content: RawContent): string {
		const { locale } = this.#host;
		if (content === null || content === '') return locale.t('history.empty');
		if (typeof content === 'boolean') return content ? locale.t('value.yes') : locale.t('value.no');
		return String(content);
	}
}
