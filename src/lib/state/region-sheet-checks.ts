// What a value typed or pasted into a region sheet becomes, or why it is refused, and the
// notices and warnings that go with it (a thousands separator read, an implausible figure).
// Apart from RegionSheet because it only reads the sheet: it decides, it never writes.
import { isPlausible, plausibleRange } from '$lib/core/value-input';
import { checkFigure, checkText, type CellRefusal, type FigureContext } from '$lib/core/cell-check';
import { cellRefusalText } from '$lib/i18n/cell-refusal-text';
import { plainDecimal } from '$lib/core/decimal';
import type { Cell } from '$lib/core/model';
import { regionByCode, regionMeasure } from '$lib/core/plan';
import {
	cellContent,
	COL_NAME,
	COL_NOTE,
	COL_UNIT,
	textContent,
	yearOfColumn,
	type RawContent
} from '$lib/engine/sheet-layout';
import type { GridEdit, Validation } from '$lib/grid/contract';
import type { Locale } from '$lib/i18n/locale.svelte';
import { indicatorName } from './engine-inputs';
import { buildSheetsNamedIn } from './region-sheet-cells';
import type { RowIndicator } from './workbook.svelte';
import type { SheetEngine, SheetMessageState } from './region-sheet.svelte';

/** What the checks use of the sheet they belong to (RegionSheet). */
export interface CellChecksHost {
	readonly regionCode: string;
	readonly locale: Locale;
	readonly engine: SheetEngine;
	readonly rows: RowIndicator[];
	message: SheetMessageState | null;
}

export class SheetCellChecks {
	readonly #host: CellChecksHost;
	/** Notices about values of the edit being validated, shown with its other messages. */
	#notices: string[] = [];

	constructor(host: CellChecksHost) {
		this.#host = host;
	}

	where(row: number, col: number): string {
		const { locale } = this.#host;
		const r = this.#host.rows[row];
		const year = yearOfColumn(col);
		const column =
			year !== null
				? `${year}`
				: col === COL_NOTE
					? locale.t('grid.note')
					: col === COL_NAME
						? locale.t('grid.indicator')
						: locale.t('grid.unit');
		return locale.t('error.where', {
			row: row + 1,
			indicator: r ? indicatorName(r.indicator, locale.lang) : '',
			column
		});
	}

	/** Where a figure of this sheet goes, for the one cell check (core/cell-check.ts). */
	#figureContext(r: RowIndicator, year: number): FigureContext {
		const { regionCode } = this.#host;
		return {
			level: regionByCode(regionCode)?.level ?? 'county',
			unit: r.indicator.unit,
			kind: 'actual',
			measure: r.planRow !== null ? regionMeasure(r.indicator, regionCode) : 'value',
			year
		};
	}

	/** What a typed or pasted value becomes, or why it is refused (the cell keeps its value). */
	validate(row: number, col: number, raw: unknown): Validation {
		const r = this.#host.rows[row];
		if (!r) return { ok: false, message: '' };
		const year = yearOfColumn(col);
		if (year !== null) {
			const verdict = checkFigure(
				{ ...this.#figureContext(r, year), formulaSyntax: (f) => this.#host.engine.validateFormula(f) },
				raw
			);
			if (!verdict.ok) return { ok: false, message: this.#refusal(verdict, row, col) };
			const cell = verdict.cell;
			if (cell?.t === 'f') buildSheetsNamedIn(this.#host.engine, [cell.f]);
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
	cellOf(r: RowIndicator, year: number, content: RawContent): Cell | null | undefined {
		const verdict = checkFigure(this.#figureContext(r, year), content);
		return verdict.ok ? verdict.cell : undefined;
	}

	/** `1,234.5` was read as 1234.5: say so (the figure is kept; this is no refusal). */
	#noteSeparator(row: number, col: number, raw: unknown, value: number): void {
		this.#notices.push(
			this.#host.locale.t('grid.thousandsDropped', {
				where: this.where(row, col),
				input: String(raw).trim().slice(0, 60),
				value: plainDecimal(value)
			})
		);
		this.#host.message = { kind: 'info', text: this.#notices.join('\n') };
	}

	/** The notices of the edit just validated, handed over once (the next edit starts afresh). */
	takeNotices(): string[] {
		return this.#notices.splice(0);
	}

	#refusal(refusal: CellRefusal, row: number, col: number): string {
		return cellRefusalText(this.#host.locale, refusal, this.where(row, col));
	}

	/** A figure outside its unit's plausible range is kept, but the cell says so. */
	implausibleRange(row: number, value: unknown): string | null {
		const r = this.#host.rows[row];
		if (!r || typeof value !== 'number') return null;
		if (isPlausible(value, r.indicator.unit)) return null;
		const range = plausibleRange(r.indicator.unit);
		return range ? `${range.min}–${range.max}${r.indicator.unit.trim()}` : null;
	}

	/** Say at once that a figure looks wrong; it is kept, and the cell stays marked. */
	warnImplausible(edits: GridEdit[], notices: string[]): void {
		// Notices of this edit (separators dropped) stay beside the warning, not under it.
		const odd = edits.filter(
			(e) => yearOfColumn(e.col) !== null && this.implausibleRange(e.row, e.after) !== null
		);
		const first = odd[0];
		if (!first) return;
		const warning = this.#host.locale.t('grid.implausibleAt', {
			where: this.where(first.row, first.col),
			range: this.implausibleRange(first.row, first.after) ?? ''
		});
		this.#host.message = { kind: 'info', text: [...notices, warning].join('\n') };
	}

	/** A formula in a figure cell while the engine is on its way: the grid holds it until then. */
	mustWait(row: number, col: number, raw: unknown): boolean {
		if (this.#host.engine.isAttached !== false) return false;
		const r = this.#host.rows[row];
		const year = yearOfColumn(col);
		if (!r || year === null) return false;
		const verdict = checkFigure(this.#figureContext(r, year), raw);
		return verdict.ok && verdict.cell?.t === 'f';
	}
}
