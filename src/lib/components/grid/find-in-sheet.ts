// Find within a sheet (Ctrl+F), matching what each cell shows: the figure as displayed
// (99 for 99.0), the indicator's name, a status with its symbol (✓ 已达标), 是/否. The text
// is what the cell's own renderer draws, so find and screen can never disagree; where the
// grid shortens a word to fit (缺数据 for 数据不足, `data-full-text`), the full word matches too,
// as printouts and the comparison sheet use it.
import type Handsontable from 'handsontable/base';

export interface CellPosition {
	row: number;
	col: number;
}

/** Compared without case, with full-width letters and digits read as half-width. */
function fold(text: string): string {
	return text.normalize('NFKC').toLowerCase();
}

export function cellMatches(shown: string, query: string, wholeCell: boolean): boolean {
	const q = fold(query.trim());
	if (q === '') return false;
	const s = fold(shown.trim());
	return wholeCell ? s === q : s.includes(q);
}

/** The text a cell shows (and its full wording where shortened), drawn by its renderer into a cell that is never attached. */
export function shownTexts(hot: Handsontable, row: number, col: number): string[] {
	const td = hot.rootDocument.createElement('td');
	const meta = hot.getCellMeta(row, col);
	const render = hot.getCellRenderer(meta) as unknown as (...args: unknown[]) => void;
	render(hot, td, row, col, meta.prop, hot.getDataAtCell(row, col), meta);
	const full = td.dataset.fullText;
	return full === undefined ? [td.textContent ?? ''] : [td.textContent ?? '', full];
}

/** Every match, row by row (as Excel searches by default), skipping folded-away columns. */
export function findMatches(hot: Handsontable, query: string, wholeCell: boolean): CellPosition[] {
	if (query.trim() === '') return [];
	const hidden = hot.getPlugin('hiddenColumns');
	const out: CellPosition[] = [];
	for (let row = 0; row < hot.countRows(); row++) {
		for (let col = 0; col < hot.countCols(); col++) {
			if (hidden?.isHidden(col)) continue;
			if (shownTexts(hot, row, col).some((t) => cellMatches(t, query, wholeCell))) out.push({ row, col });
		}
	}
	return out;
}

/** The first match at or after a cell, in search order (wrapping to the first). */
export function matchFrom(matches: readonly CellPosition[], from: CellPosition | null): number {
	if (matches.length === 0) return -1;
	if (!from) return 0;
	const i = matches.findIndex((m) => m.row > from.row || (m.row === from.row && m.col >= from.col));
	return i < 0 ? 0 : i;
}
