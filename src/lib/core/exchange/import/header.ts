// Stage 3: the table's header → which column holds what (layout, columns, years).
import {
	FILE_MAX_YEAR,
	FILE_MIN_YEAR,
	HEADER_ZH,
	isWorkbookYear,
	readHeaderCell,
	type ColumnName,
	type Layout
} from '../contract';
import { columnLetter } from '../../columns';
import { isMetadataRow, readMetadataRow, type FileMetadata } from '../metadata';
import { HEADER_SEARCH_ROWS, isBlank } from './table';
import type { FileProblem } from './types';

/** Columns named in a message: a header of 100,000 columns lists its first 20 and a count. */
export const LISTED_COLUMNS = 20;

function listed(
	code: 'ignored-columns' | 'ignored-years',
	param: string,
	names: readonly string[]
): FileProblem {
	if (names.length <= LISTED_COLUMNS) return { code, params: { [param]: names.join('、') }, fatal: false };
	return {
		code: `${code}-more`,
		params: { [param]: names.slice(0, LISTED_COLUMNS).join('、'), more: names.length - LISTED_COLUMNS },
		fatal: false
	};
}

export interface HeaderMap {
	layout: Layout;
	columns: Map<ColumnName, number>;
	years: Map<number, number>;
	/** Grid layout: `2023批注` columns, year → column index. */
	noteYears: Map<number, number>;
	/** The header as written, per column index. */
	labels: string[];
}

export function findHeader(
	rows: string[][],
	problems: FileProblem[]
): { header: HeaderMap; index: number; metadata: FileMetadata | null } | null {
	let seen = 0;
	let metadata: FileMetadata | null = null;
	for (let i = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
		const row = rows[i] ?? [];
		if (isBlank(row)) continue;
		// Our own metadata row (format v1.1) is read, not counted as a title row.
		if (isMetadataRow(row)) {
			metadata ??= readMetadataRow(row, i + 1);
			continue;
		}
		seen++;
		const cells = row.map((c) => readHeaderCell(c));
		const names = cells.flatMap((c) => (c && 'column' in c ? [c.column] : []));
		if (!names.includes('region_code') || !names.includes('indicator_code')) continue;
		if (seen > 1) problems.push({ code: 'rows-before-header', params: { row: i + 1 }, fatal: false });
		const header = readHeader(row, cells, rows.slice(i + 1), problems);
		return header ? { header, index: i, metadata } : null;
	}
	problems.push({ code: 'no-header', params: {}, fatal: true });
	return null;
}

function readHeader(
	row: string[],
	cells: ReturnType<typeof readHeaderCell>[],
	body: string[][],
	problems: FileProblem[]
): HeaderMap | null {
	const columns = new Map<ColumnName, number>();
	const years = new Map<number, number>();
	const noteYears = new Map<number, number>();
	const ignored: string[] = [];
	const ignoredYears: number[] = [];
	const labels = row.map((c, i) => c.trim() || columnLetter(i));
	// Which columns hold data, in one pass over the cells: asking per column scanned every
	// row once per column (a header of 100,000 columns froze the page).
	// Only the header's own columns are asked about, and a column known to hold data needs
	// no more looking at: after a few rows only the empty columns are left to look at.
	const filled = new Set<number>();
	const open = row.map((_, col) => col);
	for (const r of body) {
		if (open.length === 0) break;
		let kept = 0;
		for (const col of open) {
			const c = r[col];
			if (c !== undefined && c.trim() !== '') filled.add(col);
			else open[kept++] = col;
		}
		if (kept < open.length) open.length = kept;
	}
	const hasData = (col: number) => filled.has(col);
	let fatal = false;
	cells.forEach((cell, col) => {
		const label = labels[col] ?? columnLetter(col);
		if (cell && 'column' in cell) {
			if (columns.has(cell.column)) {
				problems.push({ code: 'duplicate-column', params: { column: label }, fatal: true });
				fatal = true;
			}
			columns.set(cell.column, col);
		} else if (cell && 'year' in cell && cell.year >= FILE_MIN_YEAR && cell.year <= FILE_MAX_YEAR) {
			if (years.has(cell.year)) {
				problems.push({ code: 'duplicate-column', params: { column: label }, fatal: true });
				fatal = true;
			}
			if (isWorkbookYear(cell.year)) years.set(cell.year, col);
			else if (hasData(col)) ignoredYears.push(cell.year);
		} else if (cell && 'noteYear' in cell && isWorkbookYear(cell.noteYear)) {
			if (noteYears.has(cell.noteYear)) {
				problems.push({ code: 'duplicate-column', params: { column: label }, fatal: true });
				fatal = true;
			}
			noteYears.set(cell.noteYear, col);
		} else if (hasData(col)) {
			// An empty header over empty cells is Excel's trailing column; only data counts.
			ignored.push(label);
		}
	});
	const layout: Layout = columns.has('year') || columns.has('value') ? 'long' : 'grid';
	const required: ColumnName[] =
		layout === 'long'
			? ['region_code', 'indicator_code', 'kind', 'year', 'value']
			: ['region_code', 'indicator_code', 'kind'];
	const missing = required.filter((c) => !columns.has(c));
	if (layout === 'grid' && years.size === 0 && ignoredYears.length === 0) {
		missing.push('year');
	}
	if (missing.length > 0) {
		problems.push({
			code: 'missing-columns',
			params: { columns: missing.map((c) => HEADER_ZH[c]).join('、') },
			fatal: true
		});
		fatal = true;
	}
	if (layout === 'long' && years.size > 0) {
		ignored.push(...[...years.keys()].map(String));
		years.clear();
	}
	// Each layout has its own way to carry notes per figure; the other's is not read.
	if (layout === 'long' && noteYears.size > 0) {
		ignored.push(...[...noteYears.values()].map((c) => labels[c] ?? columnLetter(c)));
		noteYears.clear();
	}
	const noteColumn = columns.get('figure_note');
	if (layout === 'grid' && noteColumn !== undefined) {
		if (hasData(noteColumn)) ignored.push(labels[noteColumn] ?? HEADER_ZH.figure_note);
		columns.delete('figure_note');
	}
	if (ignored.length > 0) problems.push(listed('ignored-columns', 'columns', ignored));
	if (ignoredYears.length > 0) problems.push(listed('ignored-years', 'years', ignoredYears.map(String)));
	return fatal ? null : { layout, columns, years, noteYears, labels };
}
