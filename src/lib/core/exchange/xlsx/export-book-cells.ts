// The cells an exported workbook is made of, and the widths of its columns.
import { plainDecimal } from '../../decimal';
import { roundTo } from '../../compare';
import { STATUS_SYMBOL } from '../../status-words';
import type { BookCell } from './book';

/** Text as a cell; an empty text is an empty cell. */
export function textCell(text: string): BookCell {
	return text === '' ? null : { t: 'text', v: text };
}

/** `0`, `0.0`, `0.00`: a figure's number format, by its decimals. */
export function decimalsFormat(decimals: number): string {
	return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

/** Decimals a figure is written with (99.53 → 2). */
export function figureDecimals(v: number): number {
	const text = plainDecimal(v);
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A stored figure as a number, shown with the indicator's decimals, or with its own when it
 * has more: Excel must never show a figure rounded to something else.
 */
export function figureCell(v: number, precision: number): BookCell {
	return { t: 'number', v, format: decimalsFormat(Math.max(precision, figureDecimals(v))) };
}

/**
 * A computed value (a formula's, a gap) as a number at the indicator's decimals. Rounded to
 * ten decimals first, as the CSV writes computed values, so that binary noise (0.1 + 0.2)
 * does not travel.
 */
export function computedCell(v: number, precision: number): BookCell {
	return Number.isFinite(v) ? { t: 'number', v: roundTo(v, 10), format: decimalsFormat(precision) } : null;
}

/** `已达标` → `✓ 已达标`; any other text as it is. */
export function withStatusSymbol(text: string): string {
	const symbol = STATUS_SYMBOL[text];
	return symbol ? `${symbol} ${text}` : text;
}

/** How wide a text prints in Excel's character units: a CJK or full-width character is two. */
export function textWidth(text: string): number {
	let w = 0;
	for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
	return w;
}

function shown(cell: BookCell): string {
	if (cell === null) return '';
	switch (cell.t) {
		case 'number': {
			const decimals = cell.format?.split('.')[1]?.length ?? 0;
			return cell.v.toFixed(decimals);
		}
		case 'formula':
			return cell.v === null ? '' : String(cell.v);
		default:
			return String(cell.v);
	}
}

export const MIN_WIDTH = 6;
export const MAX_WIDTH = 40;

/** Each column as wide as its widest cell and a little margin, within MIN_WIDTH–MAX_WIDTH. */
export function columnWidths(rows: readonly (readonly BookCell[])[], max = MAX_WIDTH): number[] {
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, c) => {
			widths[c] = Math.max(widths[c] ?? MIN_WIDTH, Math.min(max, textWidth(shown(cell)) + 2));
		});
	}
	return Array.from(widths, (w) => w ?? MIN_WIDTH);
}
