// Notes per figure (批注) on the targets sheet's baselines and targets: which cells take one,
// where each is stored (the level's series for the year), the note shown while its write is
// under way, and the write itself. Undo steps are the sheet's ('target-note').
import { BASELINE_YEAR } from '$lib/core/model';
import { normalizeFigureNote, FIGURE_NOTE_MAX } from '$lib/core/figure-note';
import { planIndicators } from '$lib/core/plan';
import type { UndoEntry } from '$lib/core/undo-entry';
import type { Locale } from '$lib/i18n/locale.svelte';
import { describeTargetCell, targetColumnAt } from './targets-cells';
import type { UndoHistory } from './undo-history.svelte';
import type { Workbook } from './workbook.svelte';

/** What the notes ask of the sheet around them. */
export interface TargetNotesHost {
	readonly workbook: Workbook;
	readonly locale: Locale;
	readonly history: UndoHistory<UndoEntry>;
	/** Runs a write after the sheet's writes before it. */
	enqueue(task: () => Promise<void>): void;
	/** Draws the grid again (the corner marks). */
	render(): void;
}

export class TargetNotes {
	/** Notes set but not yet stored: what the cell shows, and a quick second edit's "before". */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
	#unsaved = new Map<number, Map<string, string | null>>();

	constructor(readonly host: TargetNotesHost) {}

	/** A note belongs to a figure: a value cell (a level's baseline or target for a year). */
	canNote(row: number, col: number): boolean {
		return planIndicators[row] !== undefined && targetColumnAt(col)?.field === 'value';
	}

	/** Where the note is stored: the level's series for the year (2020 is its actual figure). */
	#key(row: number, col: number) {
		const c = targetColumnAt(col);
		const indicator = planIndicators[row];
		if (!c || !indicator || c.field !== 'value') return null;
		return {
			regionCode: c.level,
			indicatorCode: indicator.code,
			kind: c.year === BASELINE_YEAR ? ('actual' as const) : ('target' as const),
			year: c.year
		};
	}

	noteAt(row: number, col: number): string | null {
		const key = this.#key(row, col);
		if (!key) return null;
		const pending = this.#unsaved.get(col);
		if (pending?.has(key.indicatorCode)) return pending.get(key.indicatorCode) ?? null;
		const s = this.host.workbook.getSeries(key.regionCode, key.indicatorCode, key.kind);
		return s?.notes?.[String(key.year)] ?? null;
	}

	/** Sets (blank: removes) a figure's note: checked, stored, one undo step; returns a refusal. */
	set(row: number, col: number, text: string): string | null {
		const key = this.#key(row, col);
		if (!key) return null;
		const { locale, history } = this.host;
		const outcome = normalizeFigureNote(text);
		if (!outcome.ok)
			return locale.t('note.tooLong', {
				where: describeTargetCell(locale, row, col),
				max: FIGURE_NOTE_MAX,
				length: outcome.length
			});
		const before = this.noteAt(row, col);
		if (before === outcome.note) return null;
		const entry: UndoEntry = {
			kind: 'target-note',
			indicatorCode: key.indicatorCode,
			col,
			before,
			after: outcome.note
		};
		history.push(entry);
		this.#pending(col).set(key.indicatorCode, outcome.note);
		this.host.enqueue(async () => {
			try {
				await this.write(row, col, outcome.note);
			} catch {
				if (history.last() === entry) history.drop(entry);
				this.host.render();
			}
		});
		return null;
	}

	#pending(col: number): Map<string, string | null> {
		let m = this.#unsaved.get(col);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
		if (!m) this.#unsaved.set(col, (m = new Map()));
		return m;
	}

	/** Stores a note (an edit, an undo or a redo of one). */
	async write(row: number, col: number, note: string | null): Promise<void> {
		const key = this.#key(row, col);
		if (!key) return;
		try {
			// Only this figure's 批注 is written, merged into the row as stored (like a figure).
			await this.host.workbook.writeCells(
				[{ ...key, year: 'figureNote', noteYear: key.year, after: note }],
				'input'
			);
		} finally {
			const pending = this.#unsaved.get(col);
			if (pending?.get(key.indicatorCode) === note) pending.delete(key.indicatorCode);
			this.host.render();
		}
	}
}
