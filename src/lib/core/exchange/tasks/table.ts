// A task file's text → its rows and header: the delimiter that splits the header into task
// columns, the metadata row above it (as in figure files), and which column is which.
import Papa from 'papaparse';
import { columnLetter } from '../../columns';
import { unifyLineEnds } from '../import';
import { isMetadataRow, readMetadataRow, type FileMetadata } from '../metadata';
import { headerKey } from '../contract';
import {
	TASK_HEADER_ZH,
	TASK_REQUIRED,
	isTaskHeaderRow,
	readTaskHeaderCell,
	type TaskColumn
} from './contract';
import type { TaskFileProblem } from './types';

const DELIMITERS = [',', '\t', ';'] as const;
/** Planners put a title above the header; look a few rows down for it, as figure files do. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Columns a planner may add for reading the file in Excel (the county's name, the task's
 * title): read past silently, neither imported nor warned about.
 */
const READING_AIDS = new Set(
	['地区', '地区名称', 'region', '任务', '任务名称', '任务标题', 'task_title', 'title'].map(headerKey)
);

export interface TaskHeader {
	columns: Map<TaskColumn, number>;
	/** The header as written, per column index (a letter where it is blank). */
	labels: string[];
}

export interface TaskTable {
	rows: string[][];
	delimiter: string;
	/** Index of the header row in `rows`; -1 when none was found. */
	headerIndex: number;
	header: TaskHeader | null;
	metadata: FileMetadata | null;
	csvErrors: { row: number; message: string }[];
}

function isBlank(row: readonly string[]): boolean {
	return row.every((c) => c.trim() === '');
}

function delimiterOf(text: string): string | undefined {
	for (const delimiter of DELIMITERS) {
		const head = Papa.parse<string[]>(text, { delimiter, preview: HEADER_SEARCH_ROWS * 2 });
		if (head.data.some((row) => isTaskHeaderRow(row))) return delimiter;
	}
	return undefined;
}

/** Whether a text is a task file: its header (within the first rows) names 任务编号. */
export function isTaskFileText(text: string): boolean {
	const head = text.slice(0, 64 * 1024);
	return delimiterOf(unifyLineEnds(head)) !== undefined;
}

function readHeader(row: string[], body: string[][], problems: TaskFileProblem[]): TaskHeader | null {
	const columns = new Map<TaskColumn, number>();
	const labels = row.map((c, i) => c.trim() || columnLetter(i));
	const ignored: string[] = [];
	let fatal = false;
	row.forEach((text, col) => {
		const label = labels[col] ?? columnLetter(col);
		const column = readTaskHeaderCell(text);
		if (column) {
			if (columns.has(column)) {
				problems.push({ code: 'duplicate-column', params: { column: label }, fatal: true });
				fatal = true;
			}
			columns.set(column, col);
		} else if (!READING_AIDS.has(headerKey(text)) && body.some((r) => (r[col] ?? '').trim() !== '')) {
			// An empty header over empty cells is Excel's trailing column; only data counts.
			ignored.push(label);
		}
	});
	const missing = TASK_REQUIRED.filter((c) => !columns.has(c));
	if (missing.length > 0) {
		problems.push({
			code: 'missing-columns',
			params: { columns: missing.map((c) => TASK_HEADER_ZH[c]).join('、') },
			fatal: true
		});
		fatal = true;
	}
	if (ignored.length > 0)
		problems.push({ code: 'ignored-columns', params: { columns: ignored.join('、') }, fatal: false });
	return fatal ? null : { columns, labels };
}

/** Text → rows, the header found and read. Problems of the file as a whole go to `problems`. */
export function readTaskTable(text: string, problems: TaskFileProblem[]): TaskTable {
	const unified = unifyLineEnds(text);
	const delimiter = delimiterOf(unified);
	const parsed = Papa.parse<string[]>(unified, { delimiter: delimiter ?? ',', skipEmptyLines: false });
	const table: TaskTable = {
		rows: parsed.data,
		delimiter: parsed.meta.delimiter,
		headerIndex: -1,
		header: null,
		metadata: null,
		csvErrors: parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }))
	};
	let seen = 0;
	for (let i = 0; i < table.rows.length && seen < HEADER_SEARCH_ROWS; i++) {
		const row = table.rows[i] ?? [];
		if (isBlank(row)) continue;
		if (isMetadataRow(row)) {
			table.metadata ??= readMetadataRow(row, i + 1);
			continue;
		}
		seen++;
		if (!isTaskHeaderRow(row)) continue;
		if (seen > 1) problems.push({ code: 'rows-before-header', params: { row: i + 1 }, fatal: false });
		table.headerIndex = i;
		table.header = readHeader(row, table.rows.slice(i + 1), problems);
		return table;
	}
	problems.push({ code: 'no-header', params: {}, fatal: true });
	return table;
}

export { isBlank };
