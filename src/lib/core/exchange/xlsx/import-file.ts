// Stage 1 for a workbook: .xlsx bytes → one text file of the import per sheet read, each
// with its table already made (sheet-table.ts), so that every stage after this one reads a
// sheet exactly as it reads a CSV. The sheet read is the first that has the format's header,
// or the one the planner picks in the preview; our own export's sheets are all read (it
// carries a county per sheet, and goes back in as it came out).
import { findHeader } from '../import/header';
import type { FileBytes, FileInfo, FileProblem, TextFile } from '../import/types';
import { isMetadataRow, readMetadataRow, type FileMetadata } from '../metadata';
import { ABOUT_SHEET, ALL_SHEETS, type BookSheet } from './book';
import { BookUnreadable, readBook } from './read';
import { sheetTable, type FormulaToGrid } from './sheet-table';
import type { Table } from '../import/table';

export interface WorkbookBytes extends FileBytes {
	/** A sheet's name or ALL_SHEETS; left out, the first sheet with the header (or all, ours). */
	sheet?: string;
}

/** How a sheet's formulas come back to the grid's addresses, once its header is known. */
export type FormulaReader = (sheet: BookSheet, header: Table) => FormulaToGrid | undefined;

type Read = { text: TextFile; info: FileInfo };

function hasHeader(table: Table): boolean {
	const problems: FileProblem[] = [];
	findHeader(table.rows, problems);
	return !problems.some((p) => p.code === 'no-header');
}

/** Our own export's 说明 sheet holds the metadata row: when and by whom, and the format. */
function aboutMetadata(sheets: readonly BookSheet[]): FileMetadata | undefined {
	const about = sheets.find((s) => s.name === ABOUT_SHEET);
	if (!about) return undefined;
	const table = sheetTable(about);
	const at = table.rows.findIndex((row) => isMetadataRow(row));
	return at < 0 ? undefined : readMetadataRow(table.rows[at]!, at + 1);
}

export async function readWorkbookFile(file: WorkbookBytes, formulas?: FormulaReader): Promise<Read[]> {
	const info: FileInfo = {
		name: file.name,
		size: file.bytes.length,
		lastModified: file.lastModified,
		encoding: null,
		by: null,
		replaced: 0
	};
	const named = { name: file.name, lastModified: file.lastModified };
	let sheets: BookSheet[];
	try {
		sheets = (await readBook(file.bytes)).sheets;
	} catch (e) {
		if (!(e instanceof BookUnreadable)) throw e;
		return [{ text: { text: '', refused: e.code, ...named }, info }];
	}
	const tables = sheets.map((s) => sheetTable(s));
	const choices = sheets.filter((_, i) => hasHeader(tables[i]!)).map((s) => s.name);
	if (choices.length === 0) {
		const names = sheets.map((s) => s.name).join('、');
		return [
			{ text: { text: '', refused: 'xlsx-no-header', refusedParams: { sheets: names }, ...named }, info }
		];
	}
	const metadata = aboutMetadata(sheets);
	const asked = file.sheet === ALL_SHEETS || choices.includes(file.sheet ?? '') ? file.sheet : undefined;
	const chosen = asked ?? (metadata ? ALL_SHEETS : choices[0]!);
	const read = chosen === ALL_SHEETS ? choices : [chosen];
	return read.map((name): Read => {
		const i = sheets.findIndex((s) => s.name === name);
		const sheet = sheets[i]!;
		const toGrid = formulas?.(sheet, tables[i]!);
		const table = toGrid ? sheetTable(sheet, toGrid) : tables[i]!;
		// A workbook of one sheet with the header is named as the file; of several, with the sheet.
		const shown = choices.length > 1 ? `${file.name} · ${name}` : file.name;
		return {
			text: { text: '', name: shown, lastModified: file.lastModified, table, sheet: name, metadata },
			info: { ...info, name: shown, sheet: { name, choices, chosen } }
		};
	});
}
