// A region sheet's notes per figure (批注): shown on a year cell, set through the notes
// dialog, stored one figure at a time in the sheet's write queue, one undo step each.
import { columnOfYear, yearOfColumn } from '$lib/engine/sheet-layout';
import type { GridPort } from '$lib/grid/contract';
import type { Locale } from '$lib/i18n/locale.svelte';
import type { UndoEntry } from '$lib/core/undo-entry';
import { normalizeFigureNote, FIGURE_NOTE_MAX } from '$lib/core/figure-note';
import { indicatorName } from './engine-inputs';
import type { UndoHistory } from './undo-history.svelte';
import type { RowIndicator, Workbook } from './workbook.svelte';

/** What the notes use of the sheet they belong to (RegionSheet). */
export interface FigureNotesHost {
	readonly workbook: Workbook;
	readonly regionCode: string;
	readonly locale: Locale;
	readonly history: UndoHistory<UndoEntry>;
	readonly port: GridPort | undefined;
	readonly rows: RowIndicator[];
	where(row: number, col: number): string;
	/** After the changes the grid holds for the formula engine (RegionSheet). */
	afterHeld(fn: () => void): void;
	enqueue(task: () => Promise<void>): Promise<void>;
	rowOf(indicatorCode: string): number;
}

export class SheetFigureNotes {
	readonly #host: FigureNotesHost;

	constructor(host: FigureNotesHost) {
		this.#host = host;
	}

	/** Notes set but not yet stored (as #unsaved for cells): a quick second edit's "before". */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
	#unsavedNotes = new Map<string, string | null>();

	/** A figure's note, on a year cell of an indicator's row. */
	figureNote(row: number, col: number): string | null {
		const r = this.#host.rows[row];
		const year = yearOfColumn(col);
		if (!r || year === null) return null;
		const key = `${r.indicator.code}|${year}`;
		if (this.#unsavedNotes.has(key)) return this.#unsavedNotes.get(key) ?? null;
		return (
			this.#host.workbook.getSeries(this.#host.regionCode, r.indicator.code, 'actual')?.notes?.[
				String(year)
			] ?? null
		);
	}

	canNote(row: number, col: number): boolean {
		return this.#host.rows[row] !== undefined && yearOfColumn(col) !== null;
	}

	/** Where a cell is, in words (for the note dialog's title and refusals). */
	describeCell(row: number, col: number): string {
		const r = this.#host.rows[row];
		return this.#host.locale.t('note.where', {
			row: row + 1,
			indicator: r ? `${r.indicator.code} ${indicatorName(r.indicator, this.#host.locale.lang)}` : '',
			year: yearOfColumn(col) ?? ''
		});
	}

	/**
	 * Sets (or, for blank text, removes) a figure's note: checked, stored in the queue with
	 * the figures, one undo step. Returns the refusal to show, or null once accepted.
	 */
	setFigureNote(row: number, col: number, text: string): string | null {
		const r = this.#host.rows[row];
		const year = yearOfColumn(col);
		if (!r || year === null) return null;
		const outcome = normalizeFigureNote(text);
		if (!outcome.ok) {
			return this.#host.locale.t('note.tooLong', {
				where: this.#host.where(row, col),
				max: FIGURE_NOTE_MAX,
				length: outcome.length
			});
		}
		// Its place in the undo history is after the changes the grid holds for the engine.
		this.#host.afterHeld(() => this.#noteFigure(r, year, outcome.note));
		return null;
	}

	#noteFigure(r: RowIndicator, year: number, note: string | null): void {
		const row = this.#host.rowOf(r.indicator.code);
		const col = columnOfYear(year);
		if (row < 0) return;
		const before = this.figureNote(row, col);
		if (before === note) return;
		const entry = {
			kind: 'note',
			indicatorCode: r.indicator.code,
			year,
			before,
			after: note
		} as const;
		this.#host.history.push(entry);
		this.#unsavedNotes.set(`${entry.indicatorCode}|${year}`, entry.after);
		void this.#host.enqueue(async () => {
			try {
				await this.writeNote(entry.indicatorCode, year, entry.after);
			} catch {
				// Not stored: the step leaves the history, and the page says so.
				if (this.#host.history.last() === entry) this.#host.history.drop(entry);
				this.#host.port?.render();
			}
		});
	}

	async writeNote(indicatorCode: string, year: number, note: string | null): Promise<void> {
		const key = `${indicatorCode}|${year}`;
		try {
			await this.#storeNote(indicatorCode, year, note);
		} finally {
			if (this.#unsavedNotes.get(key) === note) this.#unsavedNotes.delete(key);
		}
		this.#host.port?.render();
	}

	async #storeNote(indicatorCode: string, year: number, note: string | null): Promise<void> {
		// Only this figure's 批注 is written, merged into the row as stored (like a figure).
		await this.#host.workbook.writeCells(
			[
				{
					regionCode: this.#host.regionCode,
					indicatorCode,
					kind: 'actual',
					year: 'figureNote',
					noteYear: year,
					after: note
				}
			],
			'input'
		);
	}
}
