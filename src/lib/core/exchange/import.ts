// CSV text → a checked import plan: what each row means, which rows are refused and why,
// and how the workbook would change. Nothing here writes; applying the plan is storage's job.
// Runs in a Web Worker for big files, and in Node for the tests.
import Papa from 'papaparse';
import {
	BASELINE_YEAR,
	customIndicatorSchema,
	indicatorCodeSchema,
	regionCodeSchema,
	seriesKey,
	type Cell,
	type CustomIndicator,
	type Indicator,
	type Region,
	type Series,
	type SeriesKind
} from '../model';
import { planCodeLookalike, planIndicator, planIndicatorLoosely, regionByCode } from '../plan';
import { isPlausible, parseCellInput, type InputErrorCode } from '../value-input';
import { decimalsOf, roundTo } from '../compare';
import { plainDecimal } from '../decimal';
import {
	FILE_MAX_YEAR,
	FILE_MIN_YEAR,
	HEADER_ZH,
	MAX_FILE_BYTES,
	isWorkbookYear,
	readHeaderCell,
	readDirection,
	readKind,
	unguardText,
	type ColumnName,
	type Layout
} from './contract';
import { columnLetter } from '../columns';
import { FIGURE_NOTE_MAX, type FigureNotes } from '../figure-note';
import { readFigureNoteCell } from './figure-notes';
import { sameCell, seriesIndex, type WorkbookSnapshot } from './snapshot';
import { decodeBytes, sniffFile, type Decoded, type Encoding } from './encoding';
import { fileSource, isMetadataRow, readMetadataRow, type FileMetadata, type FileSource } from './metadata';

/** Why a row was refused. The UI words each code in its language (i18n `import.issue.*`). */
export type RejectCode =
	| 'missing-region-code'
	| 'unknown-region'
	| 'missing-indicator-code'
	| 'bad-indicator-code'
	| 'plan-code-lookalike'
	| 'own-indicator-not-county'
	| 'own-indicator-needs-name'
	| 'bad-kind'
	| 'county-target'
	| 'missing-year'
	| 'bad-year'
	| 'year-outside-workbook'
	| 'conflict'
	| 'baseline-formula'
	| 'figure-note-too-long'
	| `value-${InputErrorCode}`;

export type WarningCode =
	| 'region-name-mismatch'
	| 'indicator-name-mismatch'
	| 'unit-mismatch'
	| 'implausible'
	| 'fraction-percent'
	| 'note-conflict'
	| 'csv-syntax';

export type FileProblemCode =
	| 'no-header'
	| 'missing-columns'
	| 'duplicate-column'
	| 'ignored-columns'
	| 'ignored-years'
	| 'rows-before-header'
	| 'no-rows'
	// Files refused before reading (see readImportFile):
	| 'too-large'
	| 'empty'
	| 'xlsx'
	| 'xls'
	| 'binary';

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
interface IncomingCell {
	cell: Cell;
	file: number;
	row: number;
}

interface IncomingSeries {
	regionCode: string;
	indicatorCode: string;
	kind: SeriesKind;
	cells: Map<string, IncomingCell>;
	note: { text: string; file: number; row: number } | null;
	/** Notes per figure (批注, format 1.2), by year. */
	figureNotes: Map<string, { text: string; file: number; row: number }>;
}

/** A county's own indicator as a file defines it (by a code the workbook may not know). */
interface IncomingIndicator {
	regionCode: string;
	code: string;
	nameZh: string;
	unit: string;
	direction: 'higher' | 'lower';
	file: number;
	row: number;
}

/** What the workbook knows, for checking rows: the snapshot's own indicators by key. */
interface Context {
	ownIndicators: Map<string, CustomIndicator>;
	incomingIndicators: Map<string, IncomingIndicator>;
	series: Map<string, IncomingSeries>;
	rejected: RowIssue[];
	warnings: RowIssue[];
	/** Rows refused, per region code ('' when the region itself was not readable). */
	rejectedRows: Map<string, number>;
	/** The same, per file: `${file}|${regionCode}`. */
	rejectedFileRows: Map<string, number>;
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
	before: CustomIndicator | undefined;
	after: CustomIndicator;
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
}

export type Progress = (done: number, total: number) => void;

// --- reading the table ------------------------------------------------------------------

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter is the one that splits the header into columns we know. Papaparse's own
 * guess goes by consistent field counts, which a note full of semicolons can fool.
 */
function delimiterOf(text: string): string | undefined {
	for (const delimiter of DELIMITERS) {
		const head = Papa.parse<string[]>(text, { delimiter, preview: HEADER_SEARCH_ROWS * 2 });
		const found = head.data.some((row) => {
			const names = row.map((c) => readHeaderCell(c)).flatMap((c) => (c && 'column' in c ? [c.column] : []));
			return names.includes('region_code') && names.includes('indicator_code');
		});
		if (found) return delimiter;
	}
	return undefined;
}

/**
 * Line ends as LF outside quoted cells. A file whose lines end in CRLF and in LF alike (a
 * line added in another editor) would otherwise read as one long row, since papaparse takes
 * the line end from the first line. Line breaks inside a quoted cell (a note) are kept as
 * they are.
 */
export function unifyLineEnds(text: string): string {
	// Most files end every line alike; only a mix (or a bare CR) needs the slower pass.
	if (!text.includes('\r') || !/(?:^|[^\r])\n|\r(?!\n)/.test(text)) return text;
	return text.replace(/("(?:[^"]|"")*")|\r\n?/g, (match, quoted: string | undefined) => quoted ?? '\n');
}

/** CSV text → rows of cells. Comma, tab or semicolon, whichever the file uses. */
export function parseTable(text: string): { rows: string[][]; delimiter: string; errors: Papa.ParseError[] } {
	const unified = unifyLineEnds(text);
	const delimiter = delimiterOf(unified);
	const result = Papa.parse<string[]>(unified, {
		...(delimiter ? { delimiter } : { delimitersToGuess: [...DELIMITERS] }),
		skipEmptyLines: false
	});
	return { rows: result.data, delimiter: result.meta.delimiter, errors: result.errors };
}

function isBlank(row: readonly string[]): boolean {
	return row.every((c) => c.trim() === '');
}

interface HeaderMap {
	layout: Layout;
	columns: Map<ColumnName, number>;
	years: Map<number, number>;
	/** Grid layout: `2023批注` columns, year → column index. */
	noteYears: Map<number, number>;
	/** The header as written, per column index. */
	labels: string[];
}

/** Planners put a title above the header; look a few rows down for it. */
const HEADER_SEARCH_ROWS = 10;

function findHeader(
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
	const hasData = (col: number) => body.some((r) => (r[col] ?? '').trim() !== '');
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
	if (ignored.length > 0)
		problems.push({ code: 'ignored-columns', params: { columns: ignored.join('、') }, fatal: false });
	if (ignoredYears.length > 0) {
		problems.push({ code: 'ignored-years', params: { years: ignoredYears.join('、') }, fatal: false });
	}
	return fatal ? null : { layout, columns, years, noteYears, labels };
}

// --- checking rows ----------------------------------------------------------------------

function norm(text: string): string {
	return text.normalize('NFKC').trim();
}

interface RowReader {
	file: number;
	row: number;
	cells: string[];
	header: HeaderMap;
	issues: RowIssue[];
	warnings: RowIssue[];
}

function get(r: RowReader, column: ColumnName): string | undefined {
	const col = r.header.columns.get(column);
	return col === undefined ? undefined : (r.cells[col] ?? '');
}

function label(r: RowReader, column: ColumnName): string {
	const col = r.header.columns.get(column);
	return col === undefined ? HEADER_ZH[column] : (r.header.labels[col] ?? HEADER_ZH[column]);
}

function reject(r: RowReader, column: string | null, code: RejectCode, params: Params = {}): void {
	r.issues.push({ file: r.file, row: r.row, column, code, params });
}
function warn(r: RowReader, column: string | null, code: WarningCode, params: Params = {}): void {
	r.warnings.push({ file: r.file, row: r.row, column, code, params });
}

interface RowSubject {
	region: Region;
	indicator: Indicator;
	kind: SeriesKind;
	/** How values of this row parse. */
	measure: 'value' | 'certified';
	unit: string;
}

/** Region, indicator and kind of a row, or null (with the reasons recorded) when unreadable. */
function readSubject(r: RowReader, ctx: Context): RowSubject | null {
	const regionCode = norm(get(r, 'region_code') ?? '');
	const indicatorCode = norm(get(r, 'indicator_code') ?? '');
	const kindText = get(r, 'kind') ?? '';
	let region: Region | undefined;
	if (regionCode === '') reject(r, label(r, 'region_code'), 'missing-region-code');
	else if (!regionCodeSchema.safeParse(regionCode).success || !(region = regionByCode(regionCode))) {
		reject(r, label(r, 'region_code'), 'unknown-region', { code: regionCode });
	}
	const kind = readKind(kindText);
	if (!kind) reject(r, label(r, 'kind'), 'bad-kind', { text: kindText.trim() });
	if (indicatorCode === '') {
		reject(r, label(r, 'indicator_code'), 'missing-indicator-code');
		return null;
	}
	if (!indicatorCodeSchema.safeParse(indicatorCode).success) {
		reject(r, label(r, 'indicator_code'), 'bad-indicator-code', { code: indicatorCode });
		return null;
	}
	if (!region || !kind) return null;

	const regionName = norm(unguardText(get(r, 'region') ?? ''));
	if (regionName && regionName !== region.nameZh && regionName !== region.nameEn) {
		warn(r, label(r, 'region'), 'region-name-mismatch', {
			name: regionName,
			expected: region.nameZh,
			code: region.code
		});
	}
	if (region.level === 'county' && kind === 'target') {
		reject(r, label(r, 'kind'), 'county-target');
		return null;
	}

	const nameInFile = norm(unguardText(get(r, 'indicator') ?? ''));
	const unitColumn = get(r, 'unit');
	const unitInFile = unitColumn === undefined ? undefined : norm(unguardText(unitColumn));

	const plan = planIndicatorLoosely(indicatorCode);
	if (!plan) {
		const suggestion = planCodeLookalike(indicatorCode, nameInFile);
		if (suggestion) {
			reject(r, label(r, 'indicator_code'), 'plan-code-lookalike', { code: indicatorCode, suggestion });
			return null;
		}
	}
	if (plan) {
		if (nameInFile && nameInFile !== plan.nameZh && nameInFile !== plan.nameEn) {
			warn(r, label(r, 'indicator'), 'indicator-name-mismatch', { name: nameInFile, expected: plan.nameZh });
		}
		if (unitInFile && unitInFile !== norm(plan.unit)) {
			warn(r, label(r, 'unit'), 'unit-mismatch', { unit: unitInFile, expected: plan.unit });
		}
		const certified = plan.countyMeasure === 'certified' && region.level === 'county';
		return { region, indicator: plan, kind, measure: certified ? 'certified' : 'value', unit: plan.unit };
	}

	// A code the plan does not have: a county's own indicator.
	if (region.level !== 'county') {
		reject(r, label(r, 'indicator_code'), 'own-indicator-not-county', { code: indicatorCode });
		return null;
	}
	const key = `${region.code}|${indicatorCode}`;
	const defined = ctx.incomingIndicators.get(key);
	if (defined) {
		if (nameInFile && nameInFile !== defined.nameZh) {
			warn(r, label(r, 'indicator'), 'indicator-name-mismatch', {
				name: nameInFile,
				expected: defined.nameZh
			});
		}
		return { region, indicator: { ...asIndicator(defined) }, kind, measure: 'value', unit: defined.unit };
	}
	const stored = ctx.ownIndicators.get(key);
	const nameZh = nameInFile || stored?.nameZh || '';
	if (!nameZh) {
		reject(r, label(r, 'indicator'), 'own-indicator-needs-name', { code: indicatorCode });
		return null;
	}
	const unit = unitInFile ?? stored?.unit ?? '';
	const direction = readDirection(get(r, 'direction') ?? '') ?? stored?.direction ?? 'higher';
	const incoming: IncomingIndicator = {
		regionCode: region.code,
		code: indicatorCode,
		nameZh,
		unit,
		direction,
		file: r.file,
		row: r.row
	};
	ctx.incomingIndicators.set(key, incoming);
	return { region, indicator: asIndicator(incoming), kind, measure: 'value', unit };
}

function asIndicator(i: IncomingIndicator): Indicator {
	return {
		code: i.code,
		nameZh: i.nameZh,
		nameEn: '',
		unit: i.unit,
		direction: i.direction,
		precision: 2,
		countyMeasure: 'value'
	};
}

function readValue(
	r: RowReader,
	subject: RowSubject,
	raw: string,
	column: string,
	year: number
): Cell | null | 'refused' {
	// The apostrophe guard of our own export (see contract.ts) comes off before parsing.
	const text = unguardText(raw.trim());
	const outcome = parseCellInput(text, { unit: subject.unit, kind: subject.kind, measure: subject.measure });
	if (!outcome.ok) {
		reject(r, column, `value-${outcome.error.code}`, { text: raw.trim() });
		return 'refused';
	}
	const cell = outcome.cell;
	// The city's and province's 2020 figures are the targets sheet's baselines: figures only.
	if (cell?.t === 'f' && subject.region.level !== 'county' && year === BASELINE_YEAR) {
		reject(r, column, 'baseline-formula', { text: raw.trim() });
		return 'refused';
	}
	if (cell?.t === 'n' && !isPlausible(cell.v, subject.unit)) {
		warn(r, column, 'implausible', { text: raw.trim(), unit: subject.unit });
	}
	return cell;
}

function readYear(r: RowReader): number | 'none' | 'refused' {
	const text = norm(get(r, 'year') ?? '');
	if (text === '') return 'none';
	const m = /^(\d{4})(?:\.0+)?年?$/.exec(text);
	const column = label(r, 'year');
	if (!m) {
		reject(r, column, 'bad-year', { text });
		return 'refused';
	}
	const year = Number(m[1]);
	if (year < FILE_MIN_YEAR || year > FILE_MAX_YEAR) {
		reject(r, column, 'bad-year', { text });
		return 'refused';
	}
	if (!isWorkbookYear(year)) {
		reject(r, column, 'year-outside-workbook', { year });
		return 'refused';
	}
	return year;
}

/** One data row → cells and note (or refusals recorded on the reader). */
function readRow(r: RowReader, ctx: Context): RowRead | null {
	const subject = readSubject(r, ctx);
	if (!subject) return null;
	const cells = new Map<string, Cell>();
	const figureNotes = new Map<string, string>();
	const readNote = (raw: string | undefined, column: string, year: number) => {
		const note = readFigureNoteCell(raw);
		if (note === 'too-long') reject(r, column, 'figure-note-too-long', { year, max: FIGURE_NOTE_MAX });
		else if (note !== null) figureNotes.set(String(year), note);
	};
	if (r.header.layout === 'grid') {
		for (const [year, col] of r.header.noteYears) {
			readNote(r.cells[col], r.header.labels[col] ?? String(year), year);
		}
		for (const [year, col] of r.header.years) {
			const raw = r.cells[col] ?? '';
			if (raw.trim() === '') continue;
			const cell = readValue(r, subject, raw, r.header.labels[col] ?? String(year), year);
			if (cell && cell !== 'refused') cells.set(String(year), cell);
		}
	} else {
		const year = readYear(r);
		const raw = get(r, 'value') ?? '';
		const noteRaw = get(r, 'figure_note') ?? '';
		if (year === 'none' && (raw.trim() !== '' || noteRaw.trim() !== '')) {
			reject(r, label(r, 'year'), 'missing-year');
		}
		if (typeof year === 'number') {
			const cell = raw.trim() === '' ? null : readValue(r, subject, raw, label(r, 'value'), year);
			if (cell && cell !== 'refused') cells.set(String(year), cell);
			readNote(noteRaw, label(r, 'figure_note'), year);
		}
	}
	const noteRaw = get(r, 'note');
	const note = noteRaw === undefined || noteRaw === '' ? null : unguardText(noteRaw);
	return { subject, cells, note, figureNotes };
}

interface RowRead {
	subject: RowSubject;
	cells: Map<string, Cell>;
	note: string | null;
	figureNotes: Map<string, string>;
}

function cellText(cell: Cell): string {
	switch (cell.t) {
		case 'n':
			return (cell.cmp === '>' ? '>' : '') + plainDecimal(cell.v) + (cell.q ? ` (${cell.q})` : '');
		case 'f':
			return cell.f;
		case 'b':
			return cell.v ? '是' : '否';
	}
}

/** Lay a checked row over what earlier rows (and files) gave; a contradiction refuses it. */
function mergeRow(r: RowReader, ctx: Context, read: RowRead): void {
	const { subject } = read;
	const key = seriesKey({
		regionCode: subject.region.code,
		indicatorCode: subject.indicator.code,
		kind: subject.kind
	});
	let series = ctx.series.get(key);
	if (!series) {
		series = {
			regionCode: subject.region.code,
			indicatorCode: subject.indicator.code,
			kind: subject.kind,
			cells: new Map(),
			note: null,
			figureNotes: new Map()
		};
		ctx.series.set(key, series);
	}
	for (const [year, cell] of read.cells) {
		const earlier = series.cells.get(year);
		if (earlier && !sameCell(earlier.cell, cell)) {
			reject(r, year, 'conflict', {
				year,
				text: cellText(cell),
				other: cellText(earlier.cell),
				otherRow: earlier.row,
				otherFile: earlier.file
			});
		}
	}
	if (r.issues.length > 0) return;
	for (const [year, cell] of read.cells) {
		if (!series.cells.has(year)) series.cells.set(year, { cell, file: r.file, row: r.row });
	}
	if (read.note !== null) {
		if (series.note && series.note.text !== read.note) {
			warn(r, label(r, 'note'), 'note-conflict', { otherRow: series.note.row });
		} else if (!series.note) {
			series.note = { text: read.note, file: r.file, row: r.row };
		}
	}
	for (const [year, text] of read.figureNotes) {
		const earlier = series.figureNotes.get(year);
		if (earlier && earlier.text !== text) {
			warn(r, year, 'note-conflict', { otherRow: earlier.row });
		} else if (!earlier) {
			series.figureNotes.set(year, { text, file: r.file, row: r.row });
		}
	}
}

/** Read one file's text into the context; returns how it was read. */
function readFile(fileIndex: number, file: TextFile, ctx: Context, onRow: () => void): FileReading {
	const problems: FileProblem[] = [];
	const table = parseTable(file.text);
	const reading: FileReading = {
		layout: null,
		delimiter: table.delimiter,
		rows: 0,
		problems,
		metadata: null,
		source: fileSource(null, file)
	};
	const found = findHeader(table.rows, problems);
	if (!found) return reading;
	reading.layout = found.header.layout;
	reading.metadata = found.metadata;
	reading.source = fileSource(found.metadata, file);
	for (const e of table.errors) {
		// Papaparse numbers rows from 0 and does not count the header apart.
		const row = (e.row ?? 0) + 1;
		ctx.warnings.push({
			file: fileIndex,
			row,
			column: null,
			code: 'csv-syntax',
			params: { detail: e.message }
		});
	}
	for (let i = found.index + 1; i < table.rows.length; i++) {
		const cells = table.rows[i] ?? [];
		onRow();
		if (isBlank(cells)) continue;
		reading.rows++;
		const r: RowReader = {
			file: fileIndex,
			row: i + 1,
			cells,
			header: found.header,
			issues: [],
			warnings: []
		};
		const read = readRow(r, ctx);
		if (read && r.issues.length === 0) mergeRow(r, ctx, read);
		ctx.warnings.push(...r.warnings);
		if (r.issues.length > 0) {
			ctx.rejected.push(...r.issues);
			const region = norm(get(r, 'region_code') ?? '');
			const key = regionByCode(region) ? region : '';
			ctx.rejectedRows.set(key, (ctx.rejectedRows.get(key) ?? 0) + 1);
			const fileKey = `${fileIndex}|${key}`;
			ctx.rejectedFileRows.set(fileKey, (ctx.rejectedFileRows.get(fileKey) ?? 0) + 1);
		}
	}
	if (reading.rows === 0) problems.push({ code: 'no-rows', params: {}, fatal: false });
	return reading;
}

// --- the plan ---------------------------------------------------------------------------

/** 0.9951 in a percent row whose other figures are like 99.4: probably 99.51 meant. */
function warnFractions(ctx: Context, all: Map<string, Series>): void {
	for (const s of ctx.series.values()) {
		const unit =
			planIndicator(s.indicatorCode)?.unit ??
			ctx.incomingIndicators.get(`${s.regionCode}|${s.indicatorCode}`)?.unit ??
			'';
		if (norm(unit) !== '%') continue;
		const stored = all.get(seriesKey(s))?.cells ?? {};
		const figures = new Map<string, number>();
		for (const [year, c] of Object.entries(stored)) if (c.t === 'n') figures.set(year, c.v);
		for (const [year, c] of s.cells) if (c.cell.t === 'n') figures.set(year, c.cell.v);
		for (const [year, c] of s.cells) {
			if (c.cell.t !== 'n' || c.cell.v <= 0 || c.cell.v > 1) continue;
			const neighbours = [...figures].filter(([y, v]) => y !== year && v > 10);
			if (neighbours.length === 0) continue;
			const meant = roundTo(c.cell.v * 100, Math.max(0, decimalsOf(c.cell.v) - 2));
			ctx.warnings.push({
				file: c.file,
				row: c.row,
				column: year,
				code: 'fraction-percent',
				params: {
					text: plainDecimal(c.cell.v),
					meant: plainDecimal(meant),
					neighbour: plainDecimal(neighbours[0]![1])
				}
			});
		}
	}
}

function diff(
	ctx: Context,
	snapshot: WorkbookSnapshot
): { changes: SeriesChange[]; regions: RegionSummary[]; fileRegions: FileRegionSummary[] } {
	const stored = seriesIndex(snapshot);
	const changes: SeriesChange[] = [];
	const regions = new Map<string, RegionSummary>();
	const summary = (code: string) => {
		let s = regions.get(code);
		if (!s) regions.set(code, (s = { regionCode: code, added: 0, changed: 0, unchanged: 0, rejected: 0 }));
		return s;
	};
	const perFile = new Map<string, FileRegionSummary>();
	const fileSummary = (file: number, code: string) => {
		const key = `${file}|${code}`;
		let s = perFile.get(key);
		if (!s) {
			s = { file, regionCode: code, added: 0, changed: 0, unchanged: 0, rejected: 0 };
			perFile.set(key, s);
		}
		return s;
	};
	for (const s of ctx.series.values()) {
		const before = stored.get(seriesKey(s));
		const cells: Record<string, Cell> = { ...(before?.cells ?? {}) };
		const change: SeriesChange = {
			regionCode: s.regionCode,
			indicatorCode: s.indicatorCode,
			kind: s.kind,
			before,
			after: { cells, note: before?.note ?? '', ...(before?.notes ? { notes: { ...before.notes } } : {}) },
			added: [],
			changed: [],
			unchanged: 0,
			noteChanged: false,
			figureNotesChanged: []
		};
		for (const [year, incoming] of [...s.figureNotes].sort(([a], [b]) => a.localeCompare(b))) {
			const old = before?.notes?.[year];
			if (old === incoming.text) continue;
			change.figureNotesChanged.push({
				year,
				before: old,
				after: incoming.text,
				file: incoming.file,
				row: incoming.row
			});
			change.after.notes = { ...(change.after.notes ?? {}), [year]: incoming.text };
		}
		for (const [year, incoming] of [...s.cells].sort(([a], [b]) => a.localeCompare(b))) {
			const old = before?.cells[year];
			const entry: CellChange = {
				year,
				before: old,
				after: incoming.cell,
				file: incoming.file,
				row: incoming.row
			};
			const fileSum = fileSummary(incoming.file, s.regionCode);
			if (!old) {
				change.added.push(entry);
				fileSum.added++;
			} else if (!sameCell(old, incoming.cell)) {
				change.changed.push(entry);
				fileSum.changed++;
			} else {
				change.unchanged++;
				fileSum.unchanged++;
			}
			cells[year] = incoming.cell;
		}
		if (s.note && s.note.text !== change.after.note) {
			change.after.note = s.note.text;
			change.noteChanged = true;
		}
		const sum = summary(s.regionCode);
		sum.added += change.added.length;
		sum.changed += change.changed.length;
		sum.unchanged += change.unchanged;
		if (
			change.added.length ||
			change.changed.length ||
			change.noteChanged ||
			change.figureNotesChanged.length
		)
			changes.push(change);
	}
	for (const [code, n] of ctx.rejectedRows) summary(code).rejected += n;
	for (const [key, n] of ctx.rejectedFileRows) {
		const cut = key.indexOf('|');
		fileSummary(Number(key.slice(0, cut)), key.slice(cut + 1)).rejected += n;
	}
	// Plan order by code; rows whose region could not be read go last.
	const rank = (code: string) => (code === '' ? 'z' : code);
	const byRegion = (a: RegionSummary, b: RegionSummary) =>
		rank(a.regionCode) < rank(b.regionCode) ? -1 : rank(a.regionCode) > rank(b.regionCode) ? 1 : 0;
	const sorted = [...regions.values()].sort(byRegion);
	const fileRegions = [...perFile.values()].sort((a, b) => a.file - b.file || byRegion(a, b));
	return { changes, regions: sorted, fileRegions };
}

function indicatorChanges(ctx: Context, snapshot: WorkbookSnapshot): IndicatorChange[] {
	const out: IndicatorChange[] = [];
	const nextOrder = new Map<string, number>();
	for (const c of snapshot.customIndicators) {
		nextOrder.set(c.regionCode, Math.max(nextOrder.get(c.regionCode) ?? 0, c.order + 1));
	}
	// Files' own indicators in the order the files list them, so rows keep their places
	// (and formulas that point at them keep pointing at the same rows).
	const incoming = [...ctx.incomingIndicators.values()].sort((a, b) => a.file - b.file || a.row - b.row);
	for (const i of incoming) {
		const key = `${i.regionCode}|${i.code}`;
		const before = ctx.ownIndicators.get(key);
		if (before && before.nameZh === i.nameZh && before.unit === i.unit && before.direction === i.direction) {
			continue;
		}
		let order = before?.order;
		if (order === undefined) {
			order = nextOrder.get(i.regionCode) ?? 0;
			nextOrder.set(i.regionCode, order + 1);
		}
		const after = customIndicatorSchema.parse({
			...(before ?? { direction: 'higher', precision: 2, nameEn: '', countyMeasure: 'value' }),
			regionCode: i.regionCode,
			code: i.code,
			nameZh: i.nameZh,
			unit: i.unit,
			direction: i.direction,
			order,
			updatedAt: before?.updatedAt ?? 0
		});
		out.push({ before, after });
	}
	return out;
}

/**
 * Read files against the workbook and say what importing them would do. Rows refused
 * are listed and left out; everything else is in `changes`, ready to apply as one.
 */
export function planImport(
	files: readonly TextFile[],
	snapshot: WorkbookSnapshot,
	onProgress?: Progress
): ImportPlan {
	const ctx: Context = {
		ownIndicators: new Map(snapshot.customIndicators.map((c) => [`${c.regionCode}|${c.code}`, c])),
		incomingIndicators: new Map(),
		series: new Map(),
		rejected: [],
		warnings: [],
		rejectedRows: new Map(),
		rejectedFileRows: new Map()
	};
	const total = files.reduce((n, f) => n + f.text.length, 0);
	let done = 0;
	const readings = files.map((f, i): FileReading => {
		if (f.refused)
			return {
				layout: null,
				delimiter: '',
				rows: 0,
				problems: [{ code: f.refused, params: {}, fatal: true }],
				metadata: null,
				source: fileSource(null, f)
			};
		// Progress by characters read, reported every so many rows.
		const perRow = f.text.length / Math.max(1, countLines(f.text));
		let rows = 0;
		const reading = readFile(i, f, ctx, () => {
			if (++rows % 2000 === 0) onProgress?.(Math.min(total, done + rows * perRow), total);
		});
		done += f.text.length;
		onProgress?.(done, total);
		return reading;
	});
	const stored = seriesIndex(snapshot);
	warnFractions(ctx, stored);
	const { changes, regions, fileRegions } = diff(ctx, snapshot);
	const indicators = indicatorChanges(ctx, snapshot);
	const byPosition = (a: RowIssue, b: RowIssue) => a.file - b.file || a.row - b.row;
	return {
		files: readings,
		changes,
		indicators,
		regions,
		fileRegions,
		rejected: ctx.rejected.sort(byPosition),
		warnings: ctx.warnings.sort(byPosition),
		hasChanges: changes.length > 0 || indicators.length > 0
	};
}

function countLines(text: string): number {
	let n = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
	return n;
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
}

/** Bytes → text, or the reason the file is not read at all. */
export function readImportFile(file: FileBytes): { text: TextFile; info: FileInfo } {
	const info: FileInfo = {
		name: file.name,
		size: file.bytes.length,
		lastModified: file.lastModified,
		encoding: null,
		by: null,
		replaced: 0
	};
	const named = { name: file.name, lastModified: file.lastModified };
	if (file.bytes.length > MAX_FILE_BYTES) return { text: { text: '', refused: 'too-large', ...named }, info };
	const kind = sniffFile(file.bytes);
	if (kind !== 'text') return { text: { text: '', refused: kind, ...named }, info };
	const decoded = decodeBytes(file.bytes, file.encoding);
	return {
		text: { text: decoded.text, ...named },
		info: { ...info, encoding: decoded.encoding, by: decoded.by, replaced: decoded.replaced }
	};
}

/** The workbook after the plan is applied: what storage writes, as plain data. */
export function applyPlan(snapshot: WorkbookSnapshot, plan: ImportPlan, now: number): WorkbookSnapshot {
	const series = seriesIndex(snapshot);
	for (const c of plan.changes) {
		const s: Series = {
			regionCode: c.regionCode,
			indicatorCode: c.indicatorCode,
			kind: c.kind,
			cells: c.after.cells,
			note: c.after.note,
			...(c.after.notes ? { notes: c.after.notes } : {}),
			updatedAt: now
		};
		series.set(seriesKey(s), s);
	}
	const own = new Map(snapshot.customIndicators.map((c) => [`${c.regionCode}|${c.code}`, c]));
	for (const i of plan.indicators)
		own.set(`${i.after.regionCode}|${i.after.code}`, { ...i.after, updatedAt: now });
	return { series: [...series.values()], customIndicators: [...own.values()] };
}
