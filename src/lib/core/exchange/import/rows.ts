// Stage 4: one data row → its subject (subject.ts) and checked cells and notes.
import type { Cell } from '../../model';
import { isPlausible } from '../../value-input';
import { plainDecimal } from '../../decimal';
import { checkFigure } from '../../cell-check';
import { NOTE_MAX } from '../../limits';
import { shorten } from '../../cell-problems';
import { FILE_MAX_YEAR, FILE_MIN_YEAR, isWorkbookYear, unguardText } from '../contract';
import { FIGURE_NOTE_MAX } from '../../figure-note';
import { readFigureNoteCell } from '../figure-notes';
import { memoize, norm } from './memo';
import { get, label, reject, warn, type RowReader } from './reader';
import { readSubject, type RowSubject } from './subject';
import type { Context } from './types';

// Used by the other stages from here, as before the split.
export { get, label, norm, reject, warn, type RowReader, type RowSubject };

/** A plain `2023` (or `2023.0`, `2023年`) year cell: its year, or null when it is none. */
const yearOf = memoize((text: string): number | null => {
	const m = /^(\d{4})(?:\.0+)?年?$/.exec(text);
	return m ? Number(m[1]) : null;
});

/** A workbook's cell that holds no figure, by what it holds (see xlsx/sheet-table.ts). */
const REFUSED_MARKS = {
	date: 'xlsx-date',
	boolean: 'xlsx-boolean',
	error: 'xlsx-error',
	merged: 'xlsx-merged',
	'formula-novalue': 'xlsx-formula-novalue'
} as const;

function readValue(
	r: RowReader,
	ctx: Context,
	subject: RowSubject,
	raw: string,
	column: string,
	year: number,
	col: number | undefined
): Cell | null | 'refused' {
	const mark = col === undefined ? undefined : r.marks?.get(col);
	if (mark !== undefined && mark !== 'formula-value') {
		reject(r, column, REFUSED_MARKS[mark], { text: shorten(raw.trim(), 60) });
		return 'refused';
	}
	if (mark === 'formula-value') warn(r, column, 'xlsx-formula-value', { text: shorten(raw.trim(), 60) });
	// The apostrophe guard of our own export (see contract.ts) comes off before parsing.
	const text = unguardText(raw.trim());
	// The grid's own check (core/cell-check.ts): the same text is refused alike everywhere.
	// Formula syntax needs the engine, which the worker does not load: the page checks the
	// plan's formulas when the worker replies, and those it refuses come back as badFormulas.
	const verdict = checkFigure(
		{
			level: subject.region.level,
			unit: subject.unit,
			measure: subject.measure,
			kind: subject.kind,
			year,
			formulaSyntax: (f) => !ctx.badFormulas.has(f)
		},
		text
	);
	if (!verdict.ok) {
		const code =
			verdict.code === 'baseline-formula' ? 'baseline-formula' : (`value-${verdict.code}` as const);
		reject(r, column, code, { text: shorten(raw.trim(), 60) });
		return 'refused';
	}
	const cell = verdict.cell;
	if (cell?.t === 'n' && !isPlausible(cell.v, subject.unit)) {
		warn(r, column, 'implausible', { text: raw.trim(), unit: subject.unit });
	}
	// `1,234.5` read as 1234.5: as the grid says when it is typed.
	if (cell?.t === 'n' && verdict.notice === 'thousands-separator') {
		warn(r, column, 'thousands-separator', { text: raw.trim(), value: plainDecimal(cell.v) });
	}
	return cell;
}

function readYear(r: RowReader): number | 'none' | 'refused' {
	const text = norm(get(r, 'year') ?? '');
	if (text === '') return 'none';
	const year = yearOf(text);
	const column = label(r, 'year');
	if (year === null) {
		reject(r, column, 'bad-year', { text });
		return 'refused';
	}
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
export function readRow(r: RowReader, ctx: Context): RowRead | null {
	const subject = readSubject(r, ctx);
	if (!subject) return null;
	// Year and cell side by side: a row gives each year once (a header names a year once).
	const years: string[] = [];
	const cells: Cell[] = [];
	// Most rows have no note per figure: the map is made for the first one.
	let figureNotes: Map<string, string> | null = null;
	const readNote = (raw: string | undefined, column: string, year: number) => {
		// A blank cell is no note (readFigureNoteCell gives null for it, after two replaces).
		if (raw === undefined || raw === '') return;
		const note = readFigureNoteCell(raw);
		if (note === 'too-long') reject(r, column, 'figure-note-too-long', { year, max: FIGURE_NOTE_MAX });
		else if (note !== null) (figureNotes ??= new Map()).set(String(year), note);
	};
	if (r.header.layout === 'grid') {
		for (const [year, col] of r.header.noteYears) {
			readNote(r.cells[col], r.header.labels[col] ?? String(year), year);
		}
		for (const [year, col] of r.header.years) {
			const raw = r.cells[col] ?? '';
			if (raw.trim() === '') continue;
			const cell = readValue(r, ctx, subject, raw, r.header.labels[col] ?? String(year), year, col);
			if (cell && cell !== 'refused') {
				years.push(String(year));
				cells.push(cell);
			}
		}
	} else {
		const year = readYear(r);
		const raw = get(r, 'value') ?? '';
		const noteRaw = get(r, 'figure_note') ?? '';
		if (year === 'none' && (raw.trim() !== '' || noteRaw.trim() !== '')) {
			reject(r, label(r, 'year'), 'missing-year');
		}
		if (typeof year === 'number') {
			const cell =
				raw.trim() === ''
					? null
					: readValue(r, ctx, subject, raw, label(r, 'value'), year, r.header.columns.get('value'));
			if (cell && cell !== 'refused') {
				years.push(String(year));
				cells.push(cell);
			}
			readNote(noteRaw, label(r, 'figure_note'), year);
		}
	}
	// A note of only spaces is no note; a note's own spaces at either end mean nothing.
	const noteText = unguardText(get(r, 'note') ?? '').trim();
	const note = noteText === '' ? null : noteText;
	// Refused here, by row, rather than by the stored schema at apply (a raw ZodError then).
	if (note !== null && note.length > NOTE_MAX) {
		reject(r, label(r, 'note'), 'note-too-long', { max: NOTE_MAX, length: note.length });
	}
	return { subject, years, cells, note, figureNotes: figureNotes ?? NO_NOTES };
}

const NO_NOTES: ReadonlyMap<string, string> = new Map();

export interface RowRead {
	subject: RowSubject;
	/** The years the row gives a figure for, and the figures (same index). */
	years: string[];
	cells: Cell[];
	note: string | null;
	figureNotes: ReadonlyMap<string, string>;
}
