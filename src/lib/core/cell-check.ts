// One door for every figure and text that comes into the workbook: typed in the grid (a
// county's sheet, the city's figures, the targets sheet), pasted, imported from a file or
// restored from a backup. Each way asks the same question with the cell's context and the
// text, and gets the same answer: the cell to store, or a refusal by code with its params
// (the message catalog words it: `error.<code>` in the grid, `import.issue.value-<code>`
// in the import preview). Pure: the formula engine's syntax check is passed in by callers
// that have an engine at hand; the import worker has none, and the page checks its formulas
// when the worker replies (see engine/formula-check.ts).
import {
	BASELINE_YEAR,
	type Cell,
	type Comparator,
	type Measure,
	type RegionLevel,
	type SeriesKind
} from './model';
import {
	parseCellInput,
	parseComparator,
	readQualifier,
	type InputErrorCode,
	type InputNotice
} from './value-input';
import { plainDecimal } from './decimal';
import { FIGURE_NOTE_MAX, NAME_MAX, NOTE_MAX, QUALIFIER_MAX, UNIT_MAX } from './limits';

/** Why a figure is refused. */
export type FigureRefusalCode =
	| InputErrorCode
	/** A formula as the city's or province's 2020 figure: the baseline is a figure. */
	| 'baseline-formula'
	/** A formula the engine cannot parse (`=SUM(D1`). */
	| 'bad-formula';

/** Why a text beside the figures is refused. */
export type TextRefusalCode =
	| 'qualifier-too-long'
	| 'note-too-long'
	| 'figure-note-too-long'
	| 'name-required'
	| 'name-too-long'
	| 'unit-too-long'
	| 'bad-comparator';

export type CellRefusalCode = FigureRefusalCode | TextRefusalCode;

export type CellParams = Record<string, string | number>;

export interface CellRefusal<Code extends CellRefusalCode = CellRefusalCode> {
	ok: false;
	code: Code;
	/** `input`: the text as given (shortened); `max`: the limit broken, for length limits. */
	params: CellParams;
}

export type CellVerdict =
	{ ok: true; cell: Cell | null; notice?: InputNotice } | CellRefusal<FigureRefusalCode>;
export type TextVerdict = { ok: true; text: string } | CellRefusal;
export type ComparatorVerdict = { ok: true; comparator: Comparator } | CellRefusal;

/** Where a figure goes: what decides which text is a figure there. */
export interface FigureContext {
	level: RegionLevel;
	/** The indicator's unit: '%' lets `99.5%` through as 99.5. */
	unit: string;
	/** 'certified': EDU03 in a county, a yes/no per year. */
	measure: Measure;
	kind: SeriesKind;
	year: number;
	/** The engine's parser, where one is loaded; a formula it cannot read is refused. */
	formulaSyntax?: (formula: string) => boolean;
}

/** The text fields a planner writes beside the figures. */
export type TextField = 'note' | 'figure-note' | 'name' | 'unit' | 'qualifier';

const TEXT_MAX: Record<TextField, number> = {
	note: NOTE_MAX,
	'figure-note': FIGURE_NOTE_MAX,
	name: NAME_MAX,
	unit: UNIT_MAX,
	qualifier: QUALIFIER_MAX
};

const INPUT_SHOWN = 60;

function shown(raw: unknown): string {
	const text = raw === null || raw === undefined ? '' : String(raw).trim();
	return text.length > INPUT_SHOWN ? `${text.slice(0, INPUT_SHOWN)}…` : text;
}

function refuse<Code extends CellRefusalCode>(
	code: Code,
	raw: unknown,
	extra: CellParams = {}
): CellRefusal<Code> {
	return { ok: false, code, params: { input: shown(raw), ...extra } };
}

/** A figure cell: what `raw` (typed, pasted, a file's cell, a backup's formula) becomes there. */
export function checkFigure(ctx: FigureContext, raw: unknown): CellVerdict {
	const outcome = parseCellInput(raw, { unit: ctx.unit, kind: ctx.kind, measure: ctx.measure });
	if (!outcome.ok) {
		const limit: CellParams = outcome.error.code === 'qualifier-too-long' ? { max: QUALIFIER_MAX } : {};
		return refuse(outcome.error.code, raw, limit);
	}
	const cell = outcome.cell;
	if (cell?.t === 'f') {
		// The targets sheet's baselines (2020, city and province) are figures only: the city's
		// sheet shows the same stored cell, and a formula there would be one in both.
		if (ctx.level !== 'county' && ctx.year === BASELINE_YEAR) return refuse('baseline-formula', raw);
		if (ctx.formulaSyntax && !ctx.formulaSyntax(cell.f)) return refuse('bad-formula', raw);
	}
	return outcome.notice ? { ok: true, cell, notice: outcome.notice } : { ok: true, cell };
}

/**
 * A text beside the figures: trimmed (a row's 备注 keeps its inner line breaks), refused above
 * its length limit; a name cannot be empty, and a qualifier loses the brackets around it.
 */
export function checkText(field: TextField, raw: unknown): TextVerdict {
	let text = raw === null || raw === undefined ? '' : String(raw);
	text = field === 'note' || field === 'figure-note' ? text.replace(/\r\n?/g, '\n').trim() : text.trim();
	if (field === 'qualifier') {
		const q = readQualifier(text.replace(/^[(（﹙]\s*|\s*[)）﹚]$/g, ''));
		if (q === null) return refuse('qualifier-too-long', raw, { max: QUALIFIER_MAX });
		return { ok: true, text: q };
	}
	if (field === 'name' && text === '') return refuse('name-required', raw);
	const max = TEXT_MAX[field];
	// Counted as the stored schemas count (UTF-16 units), so what passes here validates there.
	if (text.length > max) {
		const code =
			field === 'name' ? 'name-too-long' : field === 'unit' ? 'unit-too-long' : `${field}-too-long`;
		return refuse(code as CellRefusalCode, raw, { max, length: text.length });
	}
	return { ok: true, text };
}

/** A comparator on its own (the targets sheet's 比较符): `>` strict, `≥`/`>=`/blank at least. */
export function checkComparator(raw: unknown): ComparatorVerdict {
	const cmp = parseComparator(
		raw === null || raw === undefined ? '' : typeof raw === 'string' ? raw : String(raw)
	);
	return cmp === 'invalid' ? refuse('bad-comparator', raw) : { ok: true, comparator: cmp };
}

/**
 * A target figure as the targets sheet holds it in three columns (value, comparator,
 * qualifier), as one text the way the plan writes it: `>99 (优质均衡)`. Going through
 * checkFigure with it keeps one route from text to a stored target cell.
 */
export function targetText(value: number | null, comparator: Comparator, qualifier: string): string | null {
	if (value === null) return null;
	const q = qualifier.trim();
	return `${comparator === '>' ? '>' : ''}${plainDecimal(value)}${q ? ` (${q})` : ''}`;
}
