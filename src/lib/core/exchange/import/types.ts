// The import pipeline's vocabulary: refusal and warning codes, what a file reading says,
// and the plan of changes. Shared by every stage; nothing here computes.
import type { Cell, OwnIndicator, Series, SeriesKind } from '../../model';
import type { FigureRefusalCode } from '../../cell-check';
import type { Layout } from '../contract';
import type { FigureNotes } from '../../figure-note';
import type { Decoded, Encoding } from '../encoding';
import type { FileMetadata, FileSource } from '../metadata';
import type { CellGivers } from './conflicts';
import type { Table } from './table';

/** Why a row was refused. The UI words each code in its language (i18n `import.issue.*`). */
export type RejectCode =
	// A row whose shape or text is damaged (shape.ts): refused before its cells are read.
	| 'unclosed-quote'
	| 'unreadable-text'
	| 'row-split-figure'
	| 'row-too-long'
	| 'row-too-short'
	| 'row-cut-short'
	| 'plan-code-unknown'
	| 'missing-region-code'
	| 'unknown-region'
	| 'missing-indicator-code'
	| 'bad-indicator-code'
	| 'plan-code-lookalike'
	| 'own-indicator-not-county'
	| 'commitment-not-county'
	| 'own-indicator-needs-name'
	| 'bad-kind'
	| 'county-target'
	| 'missing-year'
	| 'bad-year'
	| 'year-outside-workbook'
	| 'conflict'
	| 'baseline-formula'
	| 'figure-note-too-long'
	| 'note-too-long'
	| 'own-indicator-name-too-long'
	| 'own-indicator-unit-too-long'
	| 'own-indicator-limit'
	| 'cell-too-large'
	// A workbook's cell where a figure is expected (xlsx/sheet-table.ts):
	| 'xlsx-date'
	| 'xlsx-boolean'
	| 'xlsx-error'
	| 'xlsx-merged'
	| 'xlsx-formula-novalue'
	| `value-${Exclude<FigureRefusalCode, 'baseline-formula'>}`;

export type WarningCode =
	| 'note-holds-rows'
	| 'thousands-separator'
	| 'region-name-mismatch'
	| 'indicator-name-mismatch'
	| 'unit-mismatch'
	| 'implausible'
	| 'fraction-percent'
	| 'note-conflict'
	| 'xlsx-formula-value';

export type FileProblemCode =
	// How the bytes were read (decode.ts) and quotes past counting (table.ts).
	| 'encoding-fallback'
	| 'encoding-doubt'
	| 'encoding-doubt-guess'
	| 'no-header-encoding'
	| 'too-many-broken-quotes'
	| 'ignored-columns-more'
	| 'ignored-years-more'
	| 'no-header'
	| 'missing-columns'
	| 'duplicate-column'
	| 'ignored-columns'
	| 'ignored-years'
	| 'rows-before-header'
	| 'no-rows'
	// Limits (core/limits.ts), checked before any row is read:
	| 'too-many-rows'
	| 'too-many-figures'
	// Files refused before reading (see readImportFile):
	| 'too-large'
	| 'empty'
	| 'xlsx'
	| 'xls'
	| 'binary'
	// Workbooks (xlsx/import-file.ts):
	| 'xlsx-damaged'
	| 'xlsx-too-large'
	| 'xlsx-no-header'
	| 'xlsx-task-file';

export type Params = Record<string, string | number>;

export interface RowIssue {
	/** Index into the files of the import. */
	file: number;
	/** The row number Excel shows for it (the header is usually row 1). */
	row: number;
	/** The column's header as the file writes it; null for the row as a whole. */
	column: string | null;
	code: RejectCode | WarningCode;
	params: Params;
}

export interface FileProblem {
	code: FileProblemCode;
	params: Params;
	/** An error stops the whole file; a warning is shown and the file is read. */
	fatal: boolean;
}

export interface FileReading {
	layout: Layout | null;
	delimiter: string;
	/** Data rows read (blank rows not counted). */
	rows: number;
	problems: FileProblem[];
	/** The metadata row (format v1.1), when the file has one. */
	metadata: FileMetadata | null;
	/** Who sent the file and when, by the best source there is (see metadata.ts). */
	source: FileSource;
}

/** One cell as a file gives it, after checking. */
export interface IncomingCell {
	cell: Cell;
	file: number;
	row: number;
}

export interface IncomingSeries {
	regionCode: string;
	indicatorCode: string;
	kind: SeriesKind;
	cells: Map<string, IncomingCell>;
	note: { text: string; file: number; row: number } | null;
	/** Notes per figure (批注, format 1.2), by year. */
	figureNotes: Map<string, { text: string; file: number; row: number }>;
}

/** A county's own indicator as a file defines it (by a code the workbook may not know). */
export interface IncomingIndicator {
	regionCode: string;
	code: string;
	nameZh: string;
	unit: string;
	direction: 'higher' | 'lower';
	file: number;
	row: number;
}

/** What the workbook knows, for checking rows: the snapshot's own indicators by key. */
export interface Context {
	ownIndicators: Map<string, OwnIndicator>;
	incomingIndicators: Map<string, IncomingIndicator>;
	series: Map<string, IncomingSeries>;
	rejected: RowIssue[];
	warnings: RowIssue[];
	/** Rows refused, per region code ('' when the region itself was not readable). */
	rejectedRows: Map<string, number>;
	/** The same, per file: `${file}|${regionCode}`. */
	rejectedFileRows: Map<string, number>;
	/** Cells more than one row gave, by `${seriesKey}|${year}` (conflicts.ts). */
	givers: Map<string, CellGivers>;
	/** Own indicators per county, stored and defined by the files so far (for the limit). */
	ownCounts: Map<string, number>;
	/** Formulas the engine could not parse (checked on the page, see planImport). */
	badFormulas: ReadonlySet<string>;
}

export interface CellChange {
	year: string;
	before: Cell | undefined;
	after: Cell;
	file: number;
	row: number;
}

export interface SeriesChange {
	regionCode: string;
	indicatorCode: string;
	kind: SeriesKind;
	/** The stored series the change was computed against (undefined: none yet). */
	before: Series | undefined;
	/** The series to store: before's cells with the file's cells laid over them. */
	after: { cells: Record<string, Cell>; note: string; notes?: FigureNotes };
	added: CellChange[];
	changed: CellChange[];
	unchanged: number;
	noteChanged: boolean;
	/** Notes per figure the file sets or changes (a blank in the file leaves a note alone). */
	figureNotesChanged: FigureNoteChange[];
}

export interface FigureNoteChange {
	year: string;
	before: string | undefined;
	after: string;
	file: number;
	row: number;
}

export interface RegionSummary {
	regionCode: string;
	added: number;
	changed: number;
	unchanged: number;
	rejected: number;
}

/**
 * One file's part of an import, for one region. A cell two files give alike counts for
 * the first of them (the second adds nothing to it).
 */
export interface FileRegionSummary extends RegionSummary {
	file: number;
}

export interface IndicatorChange {
	before: OwnIndicator | undefined;
	after: OwnIndicator;
}

export interface ImportPlan {
	files: FileReading[];
	changes: SeriesChange[];
	indicators: IndicatorChange[];
	regions: RegionSummary[];
	/** The same counts per file × region, files in order, regions in code order. */
	fileRegions: FileRegionSummary[];
	rejected: RowIssue[];
	warnings: RowIssue[];
	/** Whether applying would change anything at all. */
	hasChanges: boolean;
}

export interface TextFile {
	text: string;
	/** The file's name and modified time: a file's date when its metadata gives none. */
	name?: string;
	lastModified?: number;
	/** Set when the file was refused before reading: it is listed, not read. */
	refused?: FileProblemCode;
	/** How its bytes were read, when they were (readImportFile). */
	decoding?: TextDecoding;
	/** `text` already parsed (parseTable), when reading it looked for the header. */
	table?: Table;
	/** What to name in the refusal (`refused`), e.g. the sheets a workbook has. */
	refusedParams?: Params;
	/** Set for a workbook's sheet: its table is `table`, `text` is empty. */
	sheet?: string;
	/** Who sent the workbook and when (its 说明 sheet), for a sheet without its own row. */
	metadata?: FileMetadata;
}

export interface TextDecoding {
	/** The encoding's name, for messages. */
	name: string;
	/** Whether decoding lost bytes: rows that show U+FFFD are then refused. */
	lossy: boolean;
	/** What to say about the encoding (read in another than detected, or looks misread). */
	problems: FileProblem[];
	/** The encoding the file seems to be in, to name if its header is not found. */
	guess: string | null;
}

export type Progress = (done: number, total: number) => void;

export interface PlanOptions {
	onProgress?: Progress;
	/**
	 * Formulas the engine cannot parse. The worker has no engine: it plans, the page checks
	 * the plan's formulas (formulasOf) and, if any fail, asks for the plan again with them.
	 */
	badFormulas?: ReadonlySet<string>;
}

export interface FileBytes {
	name: string;
	bytes: Uint8Array;
	/** The File's lastModified (ms): the file's date when neither metadata nor name gives one. */
	lastModified?: number;
	/** The encoding the user picked for this file; detected when left out. */
	encoding?: Encoding;
}

export interface FileInfo {
	name: string;
	size: number;
	lastModified?: number;
	encoding: Encoding | null;
	by: Decoded['by'] | null;
	/** Characters the encoding could not read: a hint that another encoding is right. */
	replaced: number;
	/** Which of the files picked this reading is of (a workbook gives one per sheet read). */
	picked?: number;
	/**
	 * A workbook's sheet: `name` read here; `choices`, the sheets that have the format's
	 * header; `chosen`, the planner's choice (a sheet's name, or ALL_SHEETS).
	 */
	sheet?: { name: string; choices: string[]; chosen: string };
}
