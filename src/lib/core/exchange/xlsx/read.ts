// .xlsx bytes → a Book: every sheet's cells with their types. read-excel-file reads the
// values (shared strings, rich text, dates told by their format); scan.ts adds what it
// leaves out. Nothing here judges a cell: the import's stages do, as for a CSV.
import readExcelFile from 'read-excel-file/universal';
import { columnLetter } from '../../columns';
import type { Book, BookCell, BookSheet } from './book';
import { scanWorkbook, UnpackedTooLarge, type SheetScan } from './scan';

/** Why a workbook could not be read at all (the preview words each). */
export type BookFailure = 'xlsx-damaged' | 'xlsx-too-large' | 'xls';

export class BookUnreadable extends Error {
	constructor(readonly code: BookFailure) {
		super(code);
	}
}

/** A number as the file stores it: kept as text so that no digit is lost or added. */
interface StoredNumber {
	stored: string;
}

function isStoredNumber(v: unknown): v is StoredNumber {
	return typeof v === 'object' && v !== null && 'stored' in v;
}

function isoDate(d: Date): string {
	return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function toCell(value: unknown, key: string, scan: SheetScan | undefined): BookCell {
	const error = scan?.errors.get(key);
	if (error !== undefined) return { t: 'error', v: error };
	const formula = scan?.formulas.get(key);
	let cell: BookCell;
	if (value === null || value === undefined) cell = null;
	else if (isStoredNumber(value)) {
		const v = Number(value.stored);
		cell = Number.isFinite(v)
			? { t: 'number', v, ...(scan?.percents.has(key) ? { format: '0%' } : {}) }
			: { t: 'text', v: value.stored };
	} else if (value instanceof Date) cell = { t: 'date', v: isoDate(value) };
	else if (typeof value === 'boolean') cell = { t: 'boolean', v: value };
	else cell = { t: 'text', v: String(value) };
	if (formula === undefined) return cell;
	const v = cell === null ? null : cell.t === 'number' ? cell.v : cell.t === 'text' ? cell.v : null;
	// A shared formula's follower has no text: '' keeps it a formula, read as its result.
	// Excel writes a formula without its `=`; some writers keep it (write-excel-file does).
	return { t: 'formula', f: formula === '' ? '' : `=${formula.replace(/^=/, '')}`, v };
}

function merged(scan: SheetScan | undefined): string[] {
	return (scan?.merged ?? []).map(
		(m) => `${columnLetter(m.left)}${m.top + 1}:${columnLetter(m.right)}${m.bottom + 1}`
	);
}

/** Reads every sheet. Throws BookUnreadable with the reason when the file is no workbook. */
export async function readBook(bytes: Uint8Array): Promise<Book> {
	let scans: Map<string, SheetScan>;
	try {
		scans = scanWorkbook(bytes);
	} catch (e) {
		throw new BookUnreadable(e instanceof UnpackedTooLarge ? 'xlsx-too-large' : 'xlsx-damaged');
	}
	let sheets: { sheet: string; data: unknown[][] }[];
	try {
		const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		sheets = (await readExcelFile(buffer, {
			trim: false,
			parseNumber: (stored: string): StoredNumber => ({ stored })
		})) as { sheet: string; data: unknown[][] }[];
	} catch (e) {
		const code = (e as { code?: string } | null)?.code;
		throw new BookUnreadable(code === 'XLS_FILE_NOT_SUPPORTED' ? 'xls' : 'xlsx-damaged');
	}
	return {
		sheets: sheets.map(({ sheet, data }): BookSheet => {
			const scan = scans.get(sheet);
			const rows = data.map((row, r) => row.map((value, c) => toCell(value, `${r},${c}`, scan)));
			// A formula's error in a cell past the values read (the library drops empty edges).
			for (const key of scan?.errors.keys() ?? []) {
				const [r, c] = key.split(',').map(Number) as [number, number];
				while (rows.length <= r) rows.push([]);
				const row = rows[r]!;
				while (row.length <= c) row.push(null);
				row[c] = { t: 'error', v: scan!.errors.get(key)! };
			}
			return { name: sheet, rows, merged: merged(scan) };
		})
	};
}
