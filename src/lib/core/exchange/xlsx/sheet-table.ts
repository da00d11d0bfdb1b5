// A sheet of a Book → the table the import's stages read (rows of cell texts), with a mark
// on each cell whose type matters where a figure is expected: the rows stage refuses a date,
// a TRUE/FALSE, a formula's error or a figure merged over several rows, by name, and says
// when a formula came in as its value. Numbers become the digits the file stores (never the
// text Excel shows with its format), a percentage the percent that Excel shows.
import { plainDecimal } from '../../decimal';
import { columnIndex } from '../../columns';
import type { BookCell, BookSheet } from './book';
import type { Table } from '../import/table';

/**
 * - `date`, `boolean`, `error`: what the cell held (its text is what Excel shows).
 * - `merged`: filled from the first row of a merge down one column (a region's code over
 *   its rows): read as given in every row, but no figure is read from it.
 * - `formula-value`: a formula of another workbook's addresses, read as its result.
 * - `formula-novalue`: a formula the file holds no result for (never calculated).
 */
export type CellMark = 'date' | 'boolean' | 'error' | 'merged' | 'formula-value' | 'formula-novalue';

/** Translates a formula of the sheet's addresses to the grid's, or null when it does not. */
export type FormulaToGrid = (formula: string, row: number, col: number) => string | null;

/** `0.958` shown as a percentage → `95.8%`, by moving the decimal point: no float maths. */
export function percentText(v: number): string {
	const s = plainDecimal(v);
	const sign = s.startsWith('-') ? '-' : '';
	const [whole = '', frac = ''] = s.replace('-', '').split('.');
	const digits = whole + frac.padEnd(2, '0');
	const point = whole.length + 2;
	const int = digits.slice(0, point).replace(/^0+(?=\d)/, '');
	const rest = digits.slice(point).replace(/0+$/, '');
	return `${sign}${int}${rest ? '.' + rest : ''}%`;
}

function valueText(v: number | string | null): string {
	return v === null ? '' : typeof v === 'number' ? plainDecimal(v) : v;
}

function cellText(
	cell: BookCell,
	at: [number, number],
	toGrid: FormulaToGrid | undefined
): [string, CellMark | undefined] {
	if (cell === null) return ['', undefined];
	switch (cell.t) {
		case 'text':
			return [cell.v, undefined];
		case 'number':
			if (!Number.isFinite(cell.v)) return ['', undefined];
			return [cell.format?.includes('%') ? percentText(cell.v) : plainDecimal(cell.v), undefined];
		case 'date':
			return [cell.v, 'date'];
		case 'boolean':
			return [cell.v ? 'TRUE' : 'FALSE', 'boolean'];
		case 'error':
			return [cell.v, 'error'];
		// `f` is '' for a follower of a shared formula (filled down in Excel): no text to translate.
		case 'formula': {
			const grid = cell.f === '' ? null : (toGrid?.(cell.f, at[0], at[1]) ?? null);
			if (grid !== null) return [grid, undefined];
			// No result to read: the cell is named, not skipped as empty.
			if (cell.v === null || cell.v === '') return [cell.f, 'formula-novalue'];
			return [valueText(cell.v), 'formula-value'];
		}
	}
}

/** The sheet as rows of equal length (Excel's grid), marks by row and column. */
export function sheetTable(sheet: BookSheet, toGrid?: FormulaToGrid): Table {
	const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
	const marks = new Map<number, Map<number, CellMark>>();
	const mark = (r: number, c: number, m: CellMark) => {
		let row = marks.get(r);
		if (!row) marks.set(r, (row = new Map()));
		row.set(c, m);
	};
	const rows = sheet.rows.map((row, r) => {
		const out: string[] = new Array<string>(width).fill('');
		row.forEach((cell, c) => {
			const [text, m] = cellText(cell, [r, c], toGrid);
			out[c] = text;
			if (m) mark(r, c, m);
		});
		return out;
	});
	// A merge down one column repeats its first cell (a region's code beside its nine rows);
	// a merge across columns (a title) is read, as Excel shows it, in its first cell only.
	for (const ref of sheet.merged ?? []) {
		const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
		if (!m || m[1] !== m[3]) continue;
		const col = columnIndex(m[1]!);
		const top = Number(m[2]) - 1;
		for (let r = top + 1; r <= Number(m[4]) - 1 && r < rows.length; r++) {
			if (rows[r]![col] !== '') continue;
			rows[r]![col] = rows[top]![col] ?? '';
			mark(r, col, 'merged');
		}
	}
	return { rows, delimiter: '', brokenQuotes: new Set(), tooManyBrokenQuotes: false, marks };
}
