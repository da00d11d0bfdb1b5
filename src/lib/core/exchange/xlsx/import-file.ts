// Stage 1 for a workbook: .xlsx bytes → one text file of the import per sheet read, each
// with its table already made (sheet-table.ts), so that every stage after this one reads a
// sheet exactly as it reads a CSV. The sheet read is the first that has the format's header,
// or the one the planner picks in the preview; our own export's sheets are all read (it
// carries a county per sheet, and goes back in as it came out).
import { findHeader } from '../import/header';
import { HEADER_SEARCH_ROWS } from '../import/table';
import { isTaskHeaderRow } from '../tasks/contract';
import { fileInfo } from '../import/decode';
import type { FileBytes, FileInfo, FileProblem, TextFile } from '../import/types';
import {
	METADATA_LABEL_ZH,
	METADATA_MARK_ZH,
	isMetadataRow,
	readMetadataRow,
	type FileMetadata
} from '../metadata';
import { headerKey, readKind } from '../contract';
import { planIndicators } from '../../plan';
import { sheetAddressToGrid, type SheetLayout } from './formula-address';
import { FORMULA_SHEET, readFormulaSheet, restoreFormulas } from './formula-sheet';
import { ABOUT_SHEET, ALL_SHEETS, COMPARISON_SHEET, type BookSheet } from './book';
import { BookUnreadable, readBook } from './read';
import { sheetTable, type FormulaToGrid } from './sheet-table';
import type { Table } from '../import/table';

export interface WorkbookBytes extends FileBytes {
	/** A sheet's name or ALL_SHEETS; left out, the first sheet with the header (or all, ours). */
	sheet?: string;
}

type Read = { text: TextFile; info: FileInfo };

type Found = ReturnType<typeof findHeader>;

/**
 * A sheet's header, looked for once: `has` when the format's header is there (a header with
 * a column missing counts: the preview names what is missing), `found` when it reads.
 */
function headerOf(table: Table): { has: boolean; found: Found } {
	const problems: FileProblem[] = [];
	const found = findHeader(table.rows, problems);
	return { has: !problems.some((p) => p.code === 'no-header'), found };
}

const LABELS = new Set(Object.values(METADATA_LABEL_ZH).map(headerKey));

/**
 * Our own export's 说明 sheet says when and by whom, as label and value side by side
 * (导出时间 | 2026-11-30 09:05), under the CSV metadata row's own labels: read as that row.
 * A metadata row as a CSV writes it (a CSV saved as a workbook) is read as it is.
 */
function aboutMetadata(sheets: readonly BookSheet[]): FileMetadata | undefined {
	const about = sheets.find((s) => s.name === ABOUT_SHEET);
	if (!about) return undefined;
	const rows = sheetTable(about).rows;
	const at = rows.findIndex((row) => isMetadataRow(row));
	if (at >= 0) return readMetadataRow(rows[at]!, at + 1);
	const pairs = rows.filter((row) => LABELS.has(headerKey(row[0] ?? '')));
	if (pairs.length === 0) return undefined;
	return readMetadataRow([METADATA_MARK_ZH, ...pairs.flatMap((row) => [row[0]!, row[1] ?? ''])], 1);
}

/**
 * Where the grid's cells sit in one of our own sheets, read off its header and rows as the
 * export laid them out (export-book.ts): the years side by side from 2020, and the grid's
 * row n the sheet's nth 实际 row. A sheet laid out otherwise gives none: its formulas are
 * read as their results.
 */
const PLAN_CODES = planIndicators.map((i) => i.code);

function ownLayout(table: Table, found: Found): SheetLayout | undefined {
	if (!found) return undefined;
	const { years, columns } = found.header;
	const first = years.get(2020);
	if (first === undefined || [...years].some(([year, col]) => col !== first + (year - 2020)))
		return undefined;
	const kind = columns.get('kind');
	const code = columns.get('indicator_code');
	if (kind === undefined || code === undefined) return undefined;
	const rows: number[] = [];
	const planOrder: number[] = [];
	for (let r = found.index + 1; r < table.rows.length; r++) {
		if (readKind(table.rows[r]![kind] ?? '') !== 'actual') continue;
		rows.push(r + 1);
		const at = PLAN_CODES.indexOf(table.rows[r]![code] ?? '');
		if (at >= 0) planOrder.push(at);
	}
	// Rows sorted in Excel (by name, by a year) no longer stand where the export put them: an
	// address would then name another indicator's figure. The plan's indicators must still
	// come in the plan's order.
	if (planOrder.some((at, i) => i > 0 && at <= planOrder[i - 1]!)) return undefined;
	return { yearColumn: first, rows };
}

export async function readWorkbookFile(file: WorkbookBytes): Promise<Read[]> {
	const info = fileInfo(file);
	const named = { name: file.name, lastModified: file.lastModified };
	let sheets: BookSheet[];
	try {
		sheets = (await readBook(file.bytes)).sheets;
	} catch (e) {
		if (!(e instanceof BookUnreadable)) throw e;
		return [{ text: { text: '', refused: e.code, ...named }, info }];
	}
	const tables = sheets.map((s) => sheetTable(s));
	const heads = tables.map(headerOf);
	const metadata = aboutMetadata(sheets);
	// Our own 对照 and 公式 sheets have codes but are no exchange sheets.
	const own = (name: string) =>
		metadata !== undefined && (name === COMPARISON_SHEET || name === FORMULA_SHEET);
	const choices = sheets.filter((s, i) => heads[i]!.has && !own(s.name)).map((s) => s.name);
	const formulas = metadata ? readFormulaSheet(sheets) : new Map();
	if (choices.length === 0) {
		// A task file (落实情况) saved as a workbook: the task import reads CSV only, say so.
		const task = tables.some((t) => t.rows.slice(0, HEADER_SEARCH_ROWS).some((row) => isTaskHeaderRow(row)));
		if (task) return [{ text: { text: '', refused: 'xlsx-task-file', ...named }, info }];
		const names = sheets.map((s) => s.name).join('、');
		return [
			{ text: { text: '', refused: 'xlsx-no-header', refusedParams: { sheets: names }, ...named }, info }
		];
	}
	const asked = file.sheet === ALL_SHEETS || choices.includes(file.sheet ?? '') ? file.sheet : undefined;
	const chosen = asked ?? (metadata ? ALL_SHEETS : choices[0]!);
	const read = chosen === ALL_SHEETS ? choices : [chosen];
	return read.map((name): Read => {
		const i = sheets.findIndex((s) => s.name === name);
		const sheet = sheets[i]!;
		// Only our own export's formulas are in addresses the grid can take back.
		const found = heads[i]!.found;
		const layout = metadata ? ownLayout(tables[i]!, found) : undefined;
		const toGrid: FormulaToGrid | undefined = layout && ((f) => sheetAddressToGrid(f, layout));
		// Read again with the formulas translated: only formula cells differ, the header not.
		const table = toGrid ? sheetTable(sheet, toGrid) : tables[i]!;
		if (metadata && found) restoreFormulas(sheet, table, found, formulas);
		// A workbook of one sheet with the header is named as the file; of several, with the sheet.
		const shown = choices.length > 1 ? `${file.name} · ${name}` : file.name;
		return {
			// The text keeps the file's own name: a date in it (…-20261130.xlsx) dates the file.
			text: { text: '', name: file.name, lastModified: file.lastModified, table, sheet: name, metadata },
			info: { ...info, name: shown, sheet: { name, choices, chosen } }
		};
	});
}
