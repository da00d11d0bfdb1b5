// Task files' text → a checked import plan: per row whether it is new, changed, unchanged or
// refused (and why, by column), and per county the counts. Nothing here writes.
import type { TextFile } from '../import';
import { fileSource } from '../metadata';
import { TASK_HEADER_ZH } from './contract';
import { isBlank, readTaskTable } from './table';
import { readTaskRow, rowRegion, type RowRead } from './rows';
import {
	TASK_FIELDS,
	type StoredTask,
	type TaskChange,
	type TaskField,
	type TaskFieldChange,
	type TaskFields,
	type TaskFileReading,
	type TaskImportPlan,
	type TaskKey,
	type TaskRegionSummary,
	type TaskRowIssue
} from './types';
import { fieldText } from './export';
import { emptyTaskRecord, sameTaskValue, taskKeyString } from '../../tasks/task-record';

const FIELD_COLUMN: Record<TaskField, keyof typeof TASK_HEADER_ZH> = {
	status: 'status',
	leadUnit: 'lead_unit',
	responsible: 'responsible',
	measures: 'measures',
	progress: 'progress',
	evidence: 'evidence',
	note: 'note'
};

interface Incoming {
	key: TaskKey;
	fields: Partial<TaskFields>;
	/** Where each field came from, to name the other row in a conflict. */
	from: Partial<Record<TaskField, { file: number; row: number }>>;
	file: number;
	row: number;
}

function sameField(a: TaskFields[TaskField] | undefined, b: TaskFields[TaskField] | undefined): boolean {
	if (a === undefined || b === undefined) return a === b;
	return sameTaskValue(a, b);
}

/**
 * A row's fields join what earlier rows gave the same record. A field given differently
 * refuses the later row (the first stands), as a figure given twice does.
 */
function merge(
	into: Map<string, Incoming>,
	read: RowRead,
	file: number,
	row: number,
	rejected: TaskRowIssue[],
	warnings: TaskRowIssue[]
): boolean {
	const id = taskKeyString(read.key);
	const had = into.get(id);
	if (!had) {
		const from: Incoming['from'] = {};
		for (const f of Object.keys(read.fields) as TaskField[]) from[f] = { file, row };
		into.set(id, { key: read.key, fields: { ...read.fields }, from, file, row });
		return true;
	}
	const clashes = (Object.keys(read.fields) as TaskField[]).filter(
		(f) => had.fields[f] !== undefined && !sameField(had.fields[f], read.fields[f])
	);
	if (clashes.length > 0) {
		for (const f of clashes) {
			const other = had.from[f]!;
			rejected.push({
				file,
				row,
				column: read.columns[f] ?? TASK_HEADER_ZH[FIELD_COLUMN[f]],
				code: 'conflict',
				params: { otherFile: other.file, otherRow: other.row }
			});
		}
		return false;
	}
	warnings.push({
		file,
		row,
		column: null,
		code: 'repeated',
		params: { otherFile: had.file, otherRow: had.row }
	});
	for (const f of Object.keys(read.fields) as TaskField[]) {
		if (had.fields[f] !== undefined) continue;
		(had.fields as Record<TaskField, unknown>)[f] = read.fields[f];
		had.from[f] = { file, row };
	}
	return true;
}

function summary(map: Map<string, TaskRegionSummary>, regionCode: string): TaskRegionSummary {
	let s = map.get(regionCode);
	if (!s) {
		s = { regionCode, added: 0, changed: 0, unchanged: 0, rejected: 0 };
		map.set(regionCode, s);
	}
	return s;
}

/** Read task files against the stored records and say what importing them would do. */
export function planTaskImport(files: readonly TextFile[], stored: readonly StoredTask[]): TaskImportPlan {
	const incoming = new Map<string, Incoming>();
	const rejected: TaskRowIssue[] = [];
	const warnings: TaskRowIssue[] = [];
	const regions = new Map<string, TaskRegionSummary>();
	const readings = files.map((f, file): TaskFileReading => {
		if (f.refused) {
			return {
				read: false,
				delimiter: '',
				rows: 0,
				problems: [
					{ code: f.refused as TaskFileReading['problems'][number]['code'], params: {}, fatal: true }
				],
				metadata: null,
				source: fileSource(null, f)
			};
		}
		const problems: TaskFileReading['problems'] = [];
		const table = readTaskTable(f.text, problems);
		const reading: TaskFileReading = {
			read: table.header !== null,
			delimiter: table.delimiter,
			rows: 0,
			problems,
			metadata: table.metadata,
			source: fileSource(table.metadata, f)
		};
		if (!table.header) return reading;
		for (const e of table.csvErrors)
			warnings.push({ file, row: e.row, column: null, code: 'csv-syntax', params: { detail: e.message } });
		for (let i = table.headerIndex + 1; i < table.rows.length; i++) {
			const cells = table.rows[i] ?? [];
			if (isBlank(cells)) continue;
			reading.rows++;
			const before = rejected.length;
			const read = readTaskRow(file, i + 1, cells, table.header, rejected);
			if (!read || !merge(incoming, read, file, i + 1, rejected, warnings)) {
				// A row refused for several reasons counts once.
				if (rejected.length > before) summary(regions, rowRegion(cells, table.header)).rejected++;
			}
		}
		if (reading.rows === 0) problems.push({ code: 'no-rows', params: {}, fatal: false });
		return reading;
	});
	const storedByKey = new Map(stored.map((s) => [taskKeyString(s), s]));
	const changes: TaskChange[] = [];
	const unchanged: TaskImportPlan['unchanged'] = [];
	for (const inc of incoming.values()) {
		const before = storedByKey.get(taskKeyString(inc.key));
		const base: TaskFields = pickFields(before ?? emptyTaskRecord(inc.key));
		const after: TaskFields = { ...base, ...inc.fields };
		const fields: TaskFieldChange[] = TASK_FIELDS.filter((f) => !sameField(base[f], after[f])).map((f) => ({
			field: f,
			before: before ? fieldText(f, base) : '',
			after: fieldText(f, after)
		}));
		const s = summary(regions, inc.key.regionCode);
		// A row that gives nothing (only its key) changes nothing, even for a new record.
		const givesSomething = Object.keys(inc.fields).length > 0;
		if (!before && givesSomething) {
			s.added++;
			changes.push({ ...inc.key, kind: 'new', before, after, fields, file: inc.file, row: inc.row });
		} else if (before && fields.length > 0) {
			s.changed++;
			changes.push({ ...inc.key, kind: 'changed', before, after, fields, file: inc.file, row: inc.row });
		} else {
			s.unchanged++;
			unchanged.push({ ...inc.key, file: inc.file, row: inc.row });
		}
	}
	const byPlace = (a: TaskKey, b: TaskKey) =>
		a.regionCode.localeCompare(b.regionCode) || a.year - b.year || a.task - b.task;
	const byPosition = (a: TaskRowIssue, b: TaskRowIssue) => a.file - b.file || a.row - b.row;
	return {
		files: readings,
		changes: changes.sort(byPlace),
		unchanged: unchanged.sort(byPlace),
		regions: [...regions.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
		rejected: rejected.sort(byPosition),
		warnings: warnings.sort(byPosition),
		hasChanges: changes.length > 0
	};
}

export function pickFields(t: TaskFields): TaskFields {
	return {
		status: t.status,
		leadUnit: t.leadUnit,
		responsible: t.responsible,
		measures: t.measures,
		progress: t.progress,
		evidence: [...t.evidence],
		note: t.note
	};
}
