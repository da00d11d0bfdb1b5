// Stage 2: text → table of cells (decode.ts is stage 1, bytes → text).
import Papa from 'papaparse';
import { readHeaderCell } from '../contract';
import type { CellMark } from '../xlsx/sheet-table';

/** Planners put a title above the header; look a few rows down for it. */
export const HEADER_SEARCH_ROWS = 10;

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter is the one that splits the header into columns we know. Papaparse's own
 * guess goes by consistent field counts, which a note full of semicolons can fool.
 */
function delimiterOf(text: string): string | undefined {
	for (const delimiter of DELIMITERS) {
		const head = Papa.parse<string[]>(text, { delimiter, preview: HEADER_SEARCH_ROWS * 2 });
		const found = head.data.some((row) => {
			const names = row.map((c) => readHeaderCell(c)).flatMap((c) => (c && 'column' in c ? [c.column] : []));
			return names.includes('region_code') && names.includes('indicator_code');
		});
		if (found) return delimiter;
	}
	return undefined;
}

/**
 * Line ends as LF outside quoted cells. A file whose lines end in CRLF and in LF alike (a
 * line added in another editor) would otherwise read as one long row, since papaparse takes
 * the line end from the first line. Line breaks inside a quoted cell (a note) are kept as
 * they are.
 */
export function unifyLineEnds(text: string): string {
	// Most files end every line alike; only a mix (or a bare CR) needs the slower pass.
	if (!text.includes('\r') || !/(?:^|[^\r])\n|\r(?!\n)/.test(text)) return text;
	// One pass by hand: a regular expression over quoted cells recurses per character and
	// overflowed the stack on a quoted cell of a few million characters.
	const parts: string[] = [];
	let quoted = false;
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 34 /* " */) quoted = !quoted;
		else if (ch === 13 /* \r */ && !quoted) {
			parts.push(text.slice(from, i), '\n');
			if (text.charCodeAt(i + 1) === 10) i++;
			from = i + 1;
		}
	}
	parts.push(text.slice(from));
	return parts.join('');
}

/**
 * Rows of CSV text, counting line ends outside quoted cells only (a note may run over many
 * lines): cheap enough to refuse a file by its size in rows before parsing it.
 */
export function countRows(text: string): number {
	let rows = 1;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 34 /* " */) quoted = !quoted;
		else if (!quoted && (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10))) rows++;
	}
	return rows;
}

export interface Table {
	rows: string[][];
	delimiter: string;
	/**
	 * Rows (indexes into `rows`) whose quote does not close where it should: an opening `"`
	 * never closed, or a closing one followed by more text. Each is read only to the end of
	 * its line, so the rows after it are read as rows, not swallowed into one cell.
	 */
	brokenQuotes: Set<number>;
	/** More broken quotes than MAX_BROKEN_QUOTES: the file is refused as a whole. */
	tooManyBrokenQuotes: boolean;
	/** A workbook's sheet: cells whose type the rows stage must know, by row and column. */
	marks?: Map<number, Map<number, CellMark>>;
}

/**
 * Past this many broken quotes a file is not a CSV with a slip in it; each one costs a
 * parse of the rest of the file, so the count also bounds the time.
 */
export const MAX_BROKEN_QUOTES = 20;

/** CSV text → rows of cells. Comma, tab or semicolon, whichever the file uses. */
export function parseTable(text: string): Table {
	const unified = unifyLineEnds(text);
	const delimiter = delimiterOf(unified);
	const result = Papa.parse<string[]>(unified, {
		...(delimiter ? { delimiter } : { delimitersToGuess: [...DELIMITERS] }),
		skipEmptyLines: false
	});
	const table: Table = {
		rows: result.data,
		delimiter: result.meta.delimiter,
		brokenQuotes: new Set(),
		tooManyBrokenQuotes: false
	};
	// Papaparse's other errors (an undetectable delimiter) leave a file without a header,
	// which the header stage says in its own words.
	if (result.errors.some((e) => e.type === 'Quotes')) readPastBrokenQuotes(unified, table);
	return table;
}

/**
 * A quote that does not close reads, in papaparse as in Excel, to the next quote or the end
 * of the file: one unclosed quote in a note swallowed the next nine rows into that note.
 * Here the row with the broken quote ends at the end of its line (and is refused by the
 * rows stage), and reading starts again on the next line.
 */
function readPastBrokenQuotes(text: string, table: Table): void {
	const rows: string[][] = [];
	let rest = text;
	for (;;) {
		const parsed = Papa.parse<string[]>(rest, { delimiter: table.delimiter, skipEmptyLines: false });
		const first = parsed.errors
			.filter((e) => e.type === 'Quotes')
			.reduce<Papa.ParseError | null>((a, e) => (a === null || e.row! < a.row! ? e : a), null);
		if (!first) {
			rows.push(...parsed.data);
			break;
		}
		if (table.brokenQuotes.size >= MAX_BROKEN_QUOTES) {
			table.tooManyBrokenQuotes = true;
			break;
		}
		const row = first.row ?? 0;
		// Papaparse's index points just past the opening quote of the broken cell.
		const quote = Math.max(0, (first.index ?? 1) - 1);
		const lineStart = rest.lastIndexOf('\n', quote) + 1;
		const lineEnd = rest.indexOf('\n', quote);
		const end = lineEnd < 0 ? rest.length : lineEnd;
		rows.push(...parsed.data.slice(0, row));
		table.brokenQuotes.add(rows.length);
		rows.push(
			Papa.parse<string[]>(rest.slice(lineStart, end), { delimiter: table.delimiter }).data[0] ?? ['']
		);
		if (lineEnd < 0) break;
		rest = rest.slice(lineEnd + 1);
		if (rest === '') break;
	}
	table.rows = rows;
}

export function isBlank(row: readonly string[]): boolean {
	return row.every((c) => c.trim() === '');
}
