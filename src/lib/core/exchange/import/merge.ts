// Stage 5: checked rows laid into one series per region × indicator × kind, file by file.
import { seriesKey } from '../../model';
import { regionByCode } from '../../plan';
import { columnLetter } from '../../columns';
import { fileSource } from '../metadata';
import { sameCell } from '../snapshot';
import { cellText, noteGiver } from './conflicts';
import { findHeader, type HeaderMap } from './header';
import { FILE_CELL_MAX, FILE_FIGURES_MAX, FILE_ROWS_MAX } from '../../limits';
import { get, label, norm, readRow, reject, warn, type RowRead, type RowReader } from './rows';
import { headerShape, refuseByShape, warnRowsInNote } from './shape';
import { countRows, isBlank, MAX_BROKEN_QUOTES, parseTable } from './table';
import type { Context, FileProblem, FileReading, TextFile } from './types';

/**
 * Lay a checked row over what earlier rows (and files) gave. A contradiction refuses it, and
 * the earlier rows that gave the cell are refused at the end (conflicts.ts).
 */
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
	const { years, cells } = read;
	for (let i = 0; i < years.length; i++) {
		const year = years[i]!;
		const cell = cells[i]!;
		const earlier = series.cells.get(year);
		if (earlier && !sameCell(earlier.cell, cell)) {
			reject(r, year, 'conflict', {
				year,
				text: cellText(cell),
				other: cellText(earlier.cell),
				otherRow: earlier.row,
				otherFile: earlier.file
			});
			noteGiver(ctx, series, year, { cell, file: r.file, row: r.row }, 'other');
		}
	}
	if (r.issues.length > 0) return;
	for (let i = 0; i < years.length; i++) {
		const year = years[i]!;
		const cell = cells[i]!;
		const giver = { cell, file: r.file, row: r.row };
		if (!series.cells.has(year)) series.cells.set(year, giver);
		else noteGiver(ctx, series, year, giver, 'alike');
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

const isOversized = (cell: string) => cell.length > FILE_CELL_MAX;

/** Read one file's text into the context; returns how it was read. */
export function readFile(fileIndex: number, file: TextFile, ctx: Context, onRow: () => void): FileReading {
	const problems: FileProblem[] = [...(file.decoding?.problems ?? [])];
	// A file past the row limit is refused before papaparse holds a million rows of it.
	const lines = file.sheet !== undefined && file.table ? file.table.rows.length : countRows(file.text);
	if (lines > FILE_ROWS_MAX) {
		problems.push({ code: 'too-many-rows', params: { max: FILE_ROWS_MAX, count: lines }, fatal: true });
		return { layout: null, delimiter: '', rows: 0, problems, metadata: null, source: fileSource(null, file) };
	}
	const table = file.table ?? parseTable(file.text);
	const reading: FileReading = {
		layout: null,
		delimiter: table.delimiter,
		rows: 0,
		problems,
		metadata: null,
		source: fileSource(null, file)
	};
	if (table.tooManyBrokenQuotes) {
		problems.push({ code: 'too-many-broken-quotes', params: { max: MAX_BROKEN_QUOTES }, fatal: true });
		return reading;
	}
	const found = findHeader(table.rows, problems);
	if (!found) {
		const guess = file.decoding?.guess;
		const at = problems.findIndex((p) => p.code === 'no-header');
		if (guess && at >= 0) {
			problems[at] = {
				code: 'no-header-encoding',
				params: { used: file.decoding!.name, guess },
				fatal: true
			};
		}
		return reading;
	}
	reading.layout = found.header.layout;
	// A workbook's sheet has no row of its own: its 说明 sheet says who sent it and when.
	reading.metadata = found.metadata ?? file.metadata ?? null;
	reading.source = fileSource(reading.metadata, file);
	const figures = countFigures(table.rows, found.index + 1, found.header);
	if (figures > FILE_FIGURES_MAX) {
		problems.push({
			code: 'too-many-figures',
			params: { max: FILE_FIGURES_MAX, count: figures },
			fatal: true
		});
		reading.layout = null;
		return reading;
	}
	const shape = headerShape(table.rows[found.index] ?? []);
	const header = found.header;
	const column = (i: number) => header.labels[i] ?? columnLetter(i);
	// A last row without a line break after it may be where the file was cut off.
	const cut = file.sheet === undefined && !/[\r\n]$/.test(file.text);
	let lastRow = table.rows.length - 1;
	while (lastRow > found.index && isBlank(table.rows[lastRow] ?? [])) lastRow--;
	const lossyEncoding = file.decoding?.lossy ? file.decoding.name : null;
	const noteColumns = [
		...[header.columns.get('note'), header.columns.get('figure_note')].filter((c) => c !== undefined),
		...header.noteYears.values()
	];
	// One reader and one row context for the file, reset row by row: 100,000 rows made
	// 400,000 short-lived objects here. What a row is told is copied out before the next.
	const r: RowReader = { file: fileIndex, row: 0, cells: [], header, issues: [], warnings: [] };
	const context = { shape, brokenQuote: false, lastOfFile: false, lossyEncoding };
	for (let i = found.index + 1; i < table.rows.length; i++) {
		const cells = table.rows[i] ?? [];
		onRow();
		if (isBlank(cells)) continue;
		reading.rows++;
		r.row = i + 1;
		r.cells = cells;
		r.marks = table.marks?.get(i);
		if (r.issues.length > 0) r.issues = [];
		if (r.warnings.length > 0) r.warnings = [];
		context.brokenQuote = table.brokenQuotes.has(i);
		context.lastOfFile = cut && i === lastRow;
		// A cell longer than a spreadsheet's cell is no figure, code or note (a runaway quote).
		const oversized = cells.findIndex(isOversized);
		if (oversized >= 0) {
			reject(r, column(oversized), 'cell-too-large', {
				max: FILE_CELL_MAX,
				length: cells[oversized]!.length
			});
		} else if (!refuseByShape(r, context, column)) {
			for (const c of noteColumns) warnRowsInNote(r, cells[c], column(c));
			const read = readRow(r, ctx);
			if (read && r.issues.length === 0) mergeRow(r, ctx, read);
		}
		for (const w of r.warnings) ctx.warnings.push(w);
		if (r.issues.length > 0) {
			for (const issue of r.issues) ctx.rejected.push(issue);
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

/** Figures a file gives: filled year cells (grid) or filled values (long), after the header. */
function countFigures(rows: readonly string[][], from: number, header: HeaderMap): number {
	const columns = header.layout === 'long' ? [header.columns.get('value')] : [...header.years.values()];
	let n = 0;
	for (let i = from; i < rows.length; i++) {
		const row = rows[i]!;
		for (const col of columns) if (col !== undefined && (row[col] ?? '').trim() !== '') n++;
	}
	return n;
}

export function countLines(text: string): number {
	let n = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
	return n;
}
