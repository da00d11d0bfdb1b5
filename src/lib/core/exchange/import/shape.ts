// Stage 4a: a row's shape against the header, before any cell of it is read. A row with
// more cells than the header has its figures in the wrong years (an unquoted `99,5` moves
// every later figure one year to the right); one with fewer was cut short or lost a cell;
// one with a broken quote was read only to the end of its line (see table.ts). Each is
// refused as a whole, with the likely cause, so that no figure lands where it does not belong.
import { reject, warn, type RowReader } from './rows';

/**
 * The header's extent: a row may not have more cells than the header (even empty ones: the
 * cell a shift pushes out is often the empty note), and must reach its last named column.
 */
export interface HeaderShape {
	/** Cells in the header row, trailing empty ones included. */
	width: number;
	/** One past the last header cell with a name: a row may leave out empty cells after it. */
	named: number;
}

export function headerShape(headerRow: readonly string[]): HeaderShape {
	let named = 0;
	headerRow.forEach((c, i) => {
		if (c.trim() !== '') named = i + 1;
	});
	return { width: headerRow.length, named };
}

export interface RowContext {
	shape: HeaderShape;
	/** The table stage cut this row at the end of its line: its quote never closed. */
	brokenQuote: boolean;
	/** The last row of a file that does not end in a line break: the file may be cut short. */
	lastOfFile: boolean;
	/** Set when decoding lost bytes: the encoding's name, to refuse rows showing U+FFFD. */
	lossyEncoding: string | null;
}

// `99,5` (a decimal comma) or `1,234` (a thousands separator) split in two: whole digits,
// then one to three digits (and a thousands group's decimals).
const SPLIT_HEAD = /^[+-]?\d{1,3}$/;
const SPLIT_TAIL = /^\d{1,3}(?:\.\d+)?%?$/;

/**
 * Whether the row is refused for its shape (the reasons recorded on the reader). `column`
 * gives a cell's header label, for naming where the trouble starts.
 */
export function refuseByShape(r: RowReader, row: RowContext, column: (index: number) => string): boolean {
	const cells = r.cells;
	if (row.brokenQuote) {
		const at = cells.length - 1;
		reject(r, column(at), 'unclosed-quote', { text: preview(cells[at] ?? '') });
		return true;
	}
	if (row.lossyEncoding !== null) {
		const at = cells.findIndex((c) => c.includes('\uFFFD'));
		if (at >= 0) {
			reject(r, column(at), 'unreadable-text', { encoding: row.lossyEncoding, text: preview(cells[at]!) });
			return true;
		}
	}
	const { width, named } = row.shape;
	if (cells.length > width) {
		const extra = cells.length - width;
		const split = splitFigure(r, cells);
		if (split >= 0) {
			reject(r, column(split), 'row-split-figure', {
				text: `${cells[split]!.trim()},${cells[split + 1]!.trim()}`,
				extra
			});
		} else {
			reject(r, null, 'row-too-long', { cells: cells.length, width, extra });
		}
		return true;
	}
	if (cells.length < named) {
		reject(r, null, row.lastOfFile ? 'row-cut-short' : 'row-too-short', {
			cells: cells.length,
			width: named
		});
		return true;
	}
	return false;
}

/**
 * The first figure column whose cell and the next read as one number split at a comma
 * (`99,5` written with a decimal comma, `1,234` with a thousands separator): the likely
 * cause of the extra cell. The first such pair, since every figure after it moved; the
 * message says "probably", as whole figures side by side (95, 96) look the same.
 */
function splitFigure(r: RowReader, cells: readonly string[]): number {
	const figureColumns = new Set<number>(r.header.years.values());
	const value = r.header.columns.get('value');
	if (value !== undefined) figureColumns.add(value);
	for (const i of [...figureColumns].sort((a, b) => a - b)) {
		const a = (cells[i] ?? '').trim();
		const b = (cells[i + 1] ?? '').trim();
		if (SPLIT_HEAD.test(a) && SPLIT_TAIL.test(b)) return i;
	}
	return -1;
}

/** A cell's start, for a message: a broken quote's cell can hold a whole line. */
function preview(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 30 ? line.slice(0, 30) + '…' : line;
}

// A line inside a note that starts like a data row: a region code, then a delimiter.
const ROW_IN_NOTE = /\n\s*"?\d{6}"?\s*[,\t;]/;

/**
 * Warn when a note holds what looks like CSV rows: a quote opened in one row and closed
 * in a later one swallows the rows between into the note, which no row count shows.
 */
export function warnRowsInNote(r: RowReader, note: string | undefined, column: string): void {
	if (note === undefined || !note.includes('\n')) return;
	if (!ROW_IN_NOTE.test(note)) return;
	const lines = note.split('\n').filter((l) => /^\s*"?\d{6}"?\s*[,\t;]/.test(l)).length;
	warn(r, column, 'note-holds-rows', { lines });
}
