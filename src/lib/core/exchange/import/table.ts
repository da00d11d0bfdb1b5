// Stage 1–2: bytes → text → table of cells. Files that are not text are refused here.
import Papa from 'papaparse';
import { MAX_FILE_BYTES, readHeaderCell } from '../contract';
import { decodeBytes, sniffFile } from '../encoding';
import type { FileBytes, FileInfo, TextFile } from './types';

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

/** CSV text → rows of cells. Comma, tab or semicolon, whichever the file uses. */
export function parseTable(text: string): { rows: string[][]; delimiter: string; errors: Papa.ParseError[] } {
	const unified = unifyLineEnds(text);
	const delimiter = delimiterOf(unified);
	const result = Papa.parse<string[]>(unified, {
		...(delimiter ? { delimiter } : { delimitersToGuess: [...DELIMITERS] }),
		skipEmptyLines: false
	});
	return { rows: result.data, delimiter: result.meta.delimiter, errors: result.errors };
}

export function isBlank(row: readonly string[]): boolean {
	return row.every((c) => c.trim() === '');
}

/** Bytes → text, or the reason the file is not read at all. */
export function readImportFile(file: FileBytes): { text: TextFile; info: FileInfo } {
	const info: FileInfo = {
		name: file.name,
		size: file.bytes.length,
		lastModified: file.lastModified,
		encoding: null,
		by: null,
		replaced: 0
	};
	const named = { name: file.name, lastModified: file.lastModified };
	if (file.bytes.length > MAX_FILE_BYTES) return { text: { text: '', refused: 'too-large', ...named }, info };
	const kind = sniffFile(file.bytes);
	if (kind !== 'text') return { text: { text: '', refused: kind, ...named }, info };
	const decoded = decodeBytes(file.bytes, file.encoding);
	return {
		text: { text: decoded.text, ...named },
		info: { ...info, encoding: decoded.encoding, by: decoded.by, replaced: decoded.replaced }
	};
}
