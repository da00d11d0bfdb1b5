// Stage 4: one data row → its subject (region, indicator, kind) and checked cells and notes.
import {
	indicatorCodeSchema,
	regionCodeSchema,
	type Cell,
	type Indicator,
	type Measure,
	type Region,
	type SeriesKind
} from '../../model';
import {
	commitmentAllowed,
	isCommitmentCode,
	isPlanCodeLookalike,
	planCodeLookalike,
	planCodesLike,
	planIndicatorLoosely,
	regionByCode
} from '../../plan';
import { isPlausible } from '../../value-input';
import { plainDecimal } from '../../decimal';
import { checkFigure, checkText } from '../../cell-check';
import { NAME_MAX, NOTE_MAX, OWN_INDICATORS_MAX, UNIT_MAX } from '../../limits';
import { shorten } from '../../cell-problems';
import {
	FILE_MAX_YEAR,
	FILE_MIN_YEAR,
	HEADER_ZH,
	isWorkbookYear,
	readDirection,
	readKind,
	unguardText,
	type ColumnName
} from '../contract';
import { FIGURE_NOTE_MAX } from '../../figure-note';
import { readFigureNoteCell } from '../figure-notes';
import type { HeaderMap } from './header';
import { memoize, norm } from './memo';
import type { Context, IncomingIndicator, Params, RejectCode, RowIssue, WarningCode } from './types';

export { norm };

// Asked of every row, answered once per distinct text (memo.ts): each is pure.
const knownRegion = memoize((code: string): Region | undefined =>
	regionCodeSchema.safeParse(code).success ? regionByCode(code) : undefined
);
/** What an indicator code is: well formed or not, a plan indicator, or like one but none. */
const codeOf = memoize((code: string) => {
	const plan = planIndicatorLoosely(code);
	return {
		wellFormed: indicatorCodeSchema.safeParse(code).success,
		plan,
		lookalike: !plan && isPlanCodeLookalike(code)
	};
});
const kindOf = memoize(readKind);
const directionOf = memoize(readDirection);
/** A plain `2023` (or `2023.0`, `2023年`) year cell: its year, or null when it is none. */
const yearOf = memoize((text: string): number | null => {
	const m = /^(\d{4})(?:\.0+)?年?$/.exec(text);
	return m ? Number(m[1]) : null;
});

export interface RowReader {
	file: number;
	row: number;
	cells: string[];
	header: HeaderMap;
	issues: RowIssue[];
	warnings: RowIssue[];
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

export interface RowSubject {
	region: Region;
	indicator: Indicator;
	kind: SeriesKind;
	/** How values of this row parse. */
	measure: Measure;
	unit: string;
}

/** Region, indicator and kind of a row, or null (with the reasons recorded) when unreadable. */
function readSubject(r: RowReader, ctx: Context): RowSubject | null {
	const regionCode = norm(get(r, 'region_code') ?? '');
	const indicatorCode = norm(get(r, 'indicator_code') ?? '');
	const kindText = get(r, 'kind') ?? '';
	let region: Region | undefined;
	if (regionCode === '') reject(r, label(r, 'region_code'), 'missing-region-code');
	else if (!(region = knownRegion(regionCode))) {
		reject(r, label(r, 'region_code'), 'unknown-region', { code: regionCode });
	}
	const kind = kindOf(kindText);
	if (!kind) reject(r, label(r, 'kind'), 'bad-kind', { text: kindText.trim() });
	if (indicatorCode === '') {
		reject(r, label(r, 'indicator_code'), 'missing-indicator-code');
		return null;
	}
	const codeIs = codeOf(indicatorCode);
	if (!codeIs.wellFormed) {
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

	const plan = codeIs.plan;
	if (codeIs.lookalike) {
		const suggestion = planCodeLookalike(indicatorCode, nameInFile);
		const column = label(r, 'indicator_code');
		if (suggestion) reject(r, column, 'plan-code-lookalike', { code: indicatorCode, suggestion });
		else
			reject(r, column, 'plan-code-unknown', {
				code: indicatorCode,
				codes: planCodesLike(indicatorCode).join('、')
			});
		return null;
	}
	if (plan && isCommitmentCode(plan.code) && !commitmentAllowed(plan.code, region.code, kind)) {
		// The commitments are a county's own figures judged by a relative rule: no city or
		// province figure and no target means anything for them (core/commitments.ts).
		reject(r, label(r, 'indicator_code'), 'commitment-not-county', { code: plan.code });
		return null;
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
		return { region, indicator: asIndicator(defined), kind, measure: 'value', unit: defined.unit };
	}
	const stored = ctx.ownIndicators.get(key);
	const nameZh = nameInFile || stored?.nameZh || '';
	if (!nameZh) {
		reject(r, label(r, 'indicator'), 'own-indicator-needs-name', { code: indicatorCode });
		return null;
	}
	// The same limits as typing a name or unit in the grid, by name, before anything is written.
	const name = checkText('name', nameZh);
	if (!name.ok) {
		reject(r, label(r, 'indicator'), 'own-indicator-name-too-long', { code: indicatorCode, max: NAME_MAX });
		return null;
	}
	const unitChecked = checkText('unit', unitInFile ?? stored?.unit ?? '');
	if (!unitChecked.ok) {
		reject(r, label(r, 'unit'), 'own-indicator-unit-too-long', { code: indicatorCode, max: UNIT_MAX });
		return null;
	}
	const unit = unitChecked.text;
	if (!stored) {
		const count = ctx.ownCounts.get(region.code) ?? 0;
		if (count >= OWN_INDICATORS_MAX) {
			reject(r, label(r, 'indicator_code'), 'own-indicator-limit', {
				code: indicatorCode,
				max: OWN_INDICATORS_MAX
			});
			return null;
		}
		ctx.ownCounts.set(region.code, count + 1);
	}
	const direction = directionOf(get(r, 'direction') ?? '') ?? stored?.direction ?? 'higher';
	const incoming: IncomingIndicator = {
		regionCode: region.code,
		code: indicatorCode,
		nameZh: name.text,
		unit,
		direction,
		file: r.file,
		row: r.row
	};
	ctx.incomingIndicators.set(key, incoming);
	return { region, indicator: asIndicator(incoming), kind, measure: 'value', unit };
}

/** One Indicator per incoming one, shared by its rows (only its code and unit are read). */
const indicatorOf = new WeakMap<IncomingIndicator, Indicator>();

function asIndicator(i: IncomingIndicator): Indicator {
	let indicator = indicatorOf.get(i);
	if (!indicator) {
		indicator = {
			code: i.code,
			nameZh: i.nameZh,
			nameEn: '',
			unit: i.unit,
			direction: i.direction,
			precision: 2,
			countyMeasure: 'value'
		};
		indicatorOf.set(i, indicator);
	}
	return indicator;
}

function readValue(
	r: RowReader,
	ctx: Context,
	subject: RowSubject,
	raw: string,
	column: string,
	year: number
): Cell | null | 'refused' {
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
			const cell = readValue(r, ctx, subject, raw, r.header.labels[col] ?? String(year), year);
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
			const cell = raw.trim() === '' ? null : readValue(r, ctx, subject, raw, label(r, 'value'), year);
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
