// What a task import reads and what it would change: the shapes the preview shows and the
// storage writes. Plain data (it may cross to a worker or into a test as it is).
import type { FileMetadata, FileSource } from '../metadata';
import { TASK_FIELDS, type TaskField, type TaskKey, type TaskRecord } from '../../tasks/task-record';

/** A stored record as the import compares against it; `updatedAt` proves it unchanged at apply. */
export type StoredTask = TaskRecord;
/** What a county reports on a task in a year: the fields a planner edits. */
export type TaskFields = Pick<TaskRecord, TaskField>;
export { TASK_FIELDS, type TaskField, type TaskKey };

export type TaskRejectCode =
	| 'missing-region-code'
	| 'unknown-region'
	| 'not-county'
	| 'missing-task-no'
	| 'bad-task-no'
	| 'missing-year'
	| 'bad-year'
	| 'year-outside-workbook'
	| 'bad-status'
	| 'too-long'
	| 'evidence-too-long'
	| 'evidence-too-many'
	| 'conflict';

export type TaskWarningCode = 'repeated' | 'csv-syntax';

export type TaskFileProblemCode =
	| 'no-header'
	| 'missing-columns'
	| 'duplicate-column'
	| 'ignored-columns'
	| 'rows-before-header'
	| 'no-rows'
	| 'too-large'
	| 'empty'
	| 'xlsx'
	| 'xls'
	| 'binary';

export type TaskParams = Record<string, string | number>;

export interface TaskFileProblem {
	code: TaskFileProblemCode;
	params: TaskParams;
	/** An error stops the whole file; a warning is shown and the file is read. */
	fatal: boolean;
}

export interface TaskRowIssue {
	file: number;
	/** The row number Excel shows. */
	row: number;
	/** The column's header as the file writes it; null for the row as a whole. */
	column: string | null;
	code: TaskRejectCode | TaskWarningCode;
	params: TaskParams;
}

export interface TaskFileReading {
	/** Whether the file was read as a task file (a header was found and is usable). */
	read: boolean;
	delimiter: string;
	/** Data rows read (blank rows not counted). */
	rows: number;
	problems: TaskFileProblem[];
	metadata: FileMetadata | null;
	source: FileSource;
}

export interface TaskFieldChange {
	field: TaskField;
	/** As written in a file cell (evidence one item per line); '' for nothing. */
	before: string;
	after: string;
}

/** What importing does to one task record. */
export interface TaskChange extends TaskKey {
	kind: 'new' | 'changed';
	before: StoredTask | undefined;
	after: TaskFields;
	fields: TaskFieldChange[];
	/** The (first) row that gives it. */
	file: number;
	row: number;
}

export interface TaskRegionSummary {
	regionCode: string;
	added: number;
	changed: number;
	unchanged: number;
	rejected: number;
}

export interface TaskImportPlan {
	files: TaskFileReading[];
	changes: TaskChange[];
	/** Records the files give exactly as stored, by the row that gives them. */
	unchanged: (TaskKey & { file: number; row: number })[];
	regions: TaskRegionSummary[];
	rejected: TaskRowIssue[];
	warnings: TaskRowIssue[];
	hasChanges: boolean;
}
