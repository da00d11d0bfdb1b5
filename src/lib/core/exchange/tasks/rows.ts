// One data row of a task file → the record it speaks for and the fields it gives, or the
// reasons it is refused (by column). A blank cell gives nothing: it never clears a field,
// as a blank figure never clears a figure.
import { unguardText } from '../contract';
import { regionByCode } from '../../plan';
import {
	TASK_FIRST_YEAR,
	TASK_LAST_YEAR,
	checkTaskValue,
	evidenceFromText,
	type TaskField,
	type TaskRecord
} from '../../tasks/task-record';
import { TASK_HEADER_ZH, readTaskNo, readTaskStatus, type TaskColumn } from './contract';
import type { TaskHeader } from './table';
import type { TaskFields, TaskKey, TaskRejectCode, TaskRowIssue, TaskParams } from './types';

export interface RowRead {
	key: TaskKey;
	fields: Partial<TaskFields>;
	/** Which column gave each field, for naming it in a conflict. */
	columns: Partial<Record<keyof TaskFields, string>>;
}

interface Reader {
	file: number;
	row: number;
	cells: string[];
	header: TaskHeader;
	issues: TaskRowIssue[];
}

function label(r: Reader, column: TaskColumn): string {
	const col = r.header.columns.get(column);
	return col === undefined ? TASK_HEADER_ZH[column] : (r.header.labels[col] ?? TASK_HEADER_ZH[column]);
}

/** The cell's text, apostrophe guard taken off (see contract.ts's guardText), trimmed. */
function get(r: Reader, column: TaskColumn): string {
	const col = r.header.columns.get(column);
	if (col === undefined) return '';
	return unguardText((r.cells[col] ?? '').trim()).trim();
}

function reject(r: Reader, column: TaskColumn | null, code: TaskRejectCode, params: TaskParams = {}): void {
	r.issues.push({ file: r.file, row: r.row, column: column ? label(r, column) : null, code, params });
}

/** A one-line field (a unit's or a person's name): line breaks and tabs become spaces. */
function oneLine(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f]+/g, ' ')
			.replace(/\s{2,}/g, ' ')
			.trim()
	);
}

function readKey(r: Reader): TaskKey | null {
	const code = get(r, 'region_code').normalize('NFKC');
	const taskText = get(r, 'task_no');
	const yearText = get(r, 'year').normalize('NFKC').replace(/年$/u, '');
	let ok = true;
	if (code === '') {
		reject(r, 'region_code', 'missing-region-code');
		ok = false;
	} else if (!regionByCode(code)) {
		reject(r, 'region_code', 'unknown-region', { value: code });
		ok = false;
	} else if (regionByCode(code)?.level !== 'county') {
		reject(r, 'region_code', 'not-county', { value: code });
		ok = false;
	}
	const task = readTaskNo(taskText);
	if (taskText === '') {
		reject(r, 'task_no', 'missing-task-no');
		ok = false;
	} else if (task === null) {
		reject(r, 'task_no', 'bad-task-no', { value: taskText });
		ok = false;
	}
	const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
	if (yearText === '') {
		reject(r, 'year', 'missing-year');
		ok = false;
	} else if (year === null) {
		reject(r, 'year', 'bad-year', { value: yearText });
		ok = false;
	} else if (year < TASK_FIRST_YEAR || year > TASK_LAST_YEAR) {
		reject(r, 'year', 'year-outside-workbook', { value: year });
		ok = false;
	}
	return ok ? { regionCode: code, year: year!, task: task! } : null;
}

const TEXT_FIELDS = [
	['lead_unit', 'leadUnit', true],
	['responsible', 'responsible', true],
	['measures', 'measures', false],
	['progress', 'progress', false],
	['note', 'note', false]
] as const;

/** A value the record cannot hold refuses the row, by the model's own limits. */
function checked<F extends TaskField>(
	r: Reader,
	column: TaskColumn,
	field: F,
	value: TaskRecord[F]
): boolean {
	const problem = checkTaskValue(field, value);
	if (!problem) return true;
	if (problem.code === 'too-long')
		reject(r, column, 'too-long', { max: problem.limit, length: problem.length });
	else if (problem.code === 'too-many')
		reject(r, column, 'evidence-too-many', { max: problem.limit, n: problem.count });
	else if (problem.code === 'item-too-long') {
		const item = (value as string[])[problem.item - 1] ?? '';
		reject(r, column, 'evidence-too-long', { max: problem.limit, item: item.slice(0, 20) });
	}
	return false;
}

/** Reads a row; null (with `issues` added to) when any of its cells is refused. */
export function readTaskRow(
	file: number,
	row: number,
	cells: string[],
	header: TaskHeader,
	issues: TaskRowIssue[]
): RowRead | null {
	const r: Reader = { file, row, cells, header, issues: [] };
	const key = readKey(r);
	const fields: Partial<TaskFields> = {};
	const columns: RowRead['columns'] = {};
	const statusText = get(r, 'status');
	if (statusText !== '') {
		const status = readTaskStatus(statusText);
		if (status) {
			fields.status = status;
			columns.status = label(r, 'status');
		} else reject(r, 'status', 'bad-status', { value: statusText });
	}
	for (const [column, field, single] of TEXT_FIELDS) {
		const raw = get(r, column);
		const text = single ? oneLine(raw) : raw;
		if (text === '' || !checked(r, column, field, text)) continue;
		fields[field] = text;
		columns[field] = label(r, column);
	}
	const evidenceCell = get(r, 'evidence');
	if (evidenceCell !== '') {
		const items = evidenceFromText(evidenceCell);
		if (checked(r, 'evidence', 'evidence', items)) {
			fields.evidence = items;
			columns.evidence = label(r, 'evidence');
		}
	}
	issues.push(...r.issues);
	return key && r.issues.length === 0 ? { key, fields, columns } : null;
}

/** The region code a refused row names, when it is a region at all ('' otherwise). */
export function rowRegion(cells: string[], header: TaskHeader): string {
	const col = header.columns.get('region_code');
	const code = col === undefined ? '' : (cells[col] ?? '').normalize('NFKC').trim();
	return regionByCode(code) ? code : '';
}
