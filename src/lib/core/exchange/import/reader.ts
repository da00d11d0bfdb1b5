// Stage 4, shared: a data row as the rows stage reads it, and how a refusal or warning is
// recorded on it (by row, with the header's own label for the column).
import { HEADER_ZH, type ColumnName } from '../contract';
import type { HeaderMap } from './header';
import type { Params, RejectCode, RowIssue, WarningCode } from './types';
import type { CellMark } from '../xlsx/sheet-table';

export interface RowReader {
	file: number;
	row: number;
	cells: string[];
	header: HeaderMap;
	issues: RowIssue[];
	warnings: RowIssue[];
	/** A workbook's row: the cells whose type matters, by column (see sheet-table.ts). */
	marks?: ReadonlyMap<number, CellMark>;
}

export function get(r: RowReader, column: ColumnName): string | undefined {
	const col = r.header.columns.get(column);
	return col === undefined ? undefined : (r.cells[col] ?? '');
}

export function label(r: RowReader, column: ColumnName): string {
	const col = r.header.columns.get(column);
	return col === undefined ? HEADER_ZH[column] : (r.header.labels[col] ?? HEADER_ZH[column]);
}

export function reject(r: RowReader, column: string | null, code: RejectCode, params: Params = {}): void {
	r.issues.push({ file: r.file, row: r.row, column, code, params });
}
export function warn(r: RowReader, column: string | null, code: WarningCode, params: Params = {}): void {
	r.warnings.push({ file: r.file, row: r.row, column, code, params });
}
