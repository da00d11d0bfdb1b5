// A county's formula between the workbook's grid and an exported sheet. The grid's
// addresses are its own: D…S are the years 2020–2035, row n is the sheet's nth indicator. An
// exported sheet has the exchange's grid layout (six leading columns, so the years sit in
// G…V, header on row 1), so `=AVERAGE(D1:F1)` there is `=AVERAGE(G2:I2)`. A formula is
// translated only when every reference is to a year cell of the same sheet and every
// function is one Excel has with the same meaning; otherwise null, and the export writes
// the formula's value instead (never text Excel would misread).
import { YEARS } from '../../model';
import { columnIndex, columnLetter } from '../../columns';

/** Where the grid's cells sit in an exported sheet. */
export interface SheetLayout {
	/** The sheet's column (0-based) of the first year, 2020; the grid's is D (3). */
	yearColumn: number;
	/** rows[n - 1] is the sheet's row number (1-based) of the grid's row n. */
	rows: readonly number[];
}

/** The grid's column of 2020 (D). */
export const GRID_YEAR_COLUMN = 3;

/** A sheet whose rows follow the grid's one for one under a header of `headerRows`. */
export function consecutiveRows(count: number, headerRows = 1): number[] {
	return Array.from({ length: count }, (_, i) => headerRows + 1 + i);
}

// Functions Excel (2010 on) and WPS have, with the meaning the formula engine gives them.
// Left out on purpose: ROW/COLUMN (their answer changes with the cell's address), OFFSET and
// INDIRECT (addresses as numbers or text), TEXT (Excel's format codes differ), and the
// workbook's own PLAN.* functions, which only this app knows.
const EXCEL_FUNCTIONS = new Set(
	(
		'ABS ACOS AND ASIN ATAN ATAN2 AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS CEILING CHOOSE ' +
		'CONCATENATE CORREL COS COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS DEGREES EVEN EXP FLOOR ' +
		'FORECAST GEOMEAN HLOOKUP IF IFERROR IFNA INDEX INT INTERCEPT ISBLANK ISERROR ISNUMBER ' +
		'ISTEXT LARGE LEN LN LOG LOG10 MATCH MAX MAXA MEDIAN MIN MINA MOD NOT ODD OR PI POWER ' +
		'PRODUCT RADIANS ROUND ROUNDDOWN ROUNDUP SIGN SIN SLOPE SMALL SQRT STDEV STDEVP SUM SUMIF ' +
		'SUMIFS SUMPRODUCT SUMSQ TAN TRUNC VAR VARP VLOOKUP'
	).split(' ')
);

type Token =
	| { kind: 'ref'; colAbs: boolean; col: number; rowAbs: boolean; row: number }
	| { kind: 'other'; text: string };

const REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!$])/;
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const STRING = /^"(?:[^"]|"")*"/;
// Operators, brackets, separators, spaces and array-literal braces: copied as they are.
const PUNCTUATION = /^[-+*/^&=<>%(),;:{}\s]/;

/**
 * The formula as tokens, or null when it holds what neither direction translates: another
 * sheet's cell, a name, a whole column or row, a function outside `functions`.
 */
function tokenize(formula: string, functions: ReadonlySet<string> | null): Token[] | null {
	if (!formula.startsWith('=')) return null;
	const out: Token[] = [{ kind: 'other', text: '=' }];
	let rest = formula.slice(1);
	while (rest.length > 0) {
		let m: RegExpExecArray | null;
		if ((m = STRING.exec(rest))) {
			out.push({ kind: 'other', text: m[0] });
		} else if ((m = REF.exec(rest))) {
			out.push({
				kind: 'ref',
				colAbs: m[1] === '$',
				col: columnIndex(m[2]!),
				rowAbs: m[3] === '$',
				row: Number(m[4])
			});
		} else if ((m = NAME.exec(rest))) {
			const name = m[0].toUpperCase();
			const after = rest.slice(m[0].length).trimStart();
			if (after.startsWith('(')) {
				if (functions && !functions.has(name)) return null;
				out.push({ kind: 'other', text: name });
			} else if (name === 'TRUE' || name === 'FALSE') {
				out.push({ kind: 'other', text: name });
			} else {
				// A sheet's name before `!`, a named range, a column range such as D:D.
				return null;
			}
		} else if ((m = NUMBER.exec(rest))) {
			// `1:3` is a range of whole rows.
			if (rest.slice(m[0].length).trimStart().startsWith(':')) return null;
			out.push({ kind: 'other', text: m[0] });
		} else if ((m = PUNCTUATION.exec(rest))) {
			out.push({ kind: 'other', text: m[0] });
		} else {
			// A quoted sheet name ('目标'!F1), `!`, `#REF!`, or a character Excel would not read.
			return null;
		}
		rest = rest.slice(m[0].length);
	}
	return out;
}

interface Mapping {
	column(col: number): number | null;
	row(row: number): number | null;
}

function isText(t: Token | undefined, text: string): boolean {
	return t?.kind === 'other' && t.text === text;
}

/** The index of the first token from `i` on that is not white space. */
function nextSolid(tokens: readonly Token[], i: number): number {
	while (tokens[i]?.kind === 'other' && /^\s+$/.test((tokens[i] as { text: string }).text)) i++;
	return i;
}

function render(tokens: readonly Token[], map: Mapping): string | null {
	const mapped: (string | null)[] = [];
	const rows: (number | null)[] = [];
	for (const t of tokens) {
		if (t.kind === 'other') {
			mapped.push(t.text);
			rows.push(null);
			continue;
		}
		const col = map.column(t.col);
		const row = map.row(t.row);
		if (col === null || row === null) return null;
		mapped.push(`${t.colAbs ? '$' : ''}${columnLetter(col)}${t.rowAbs ? '$' : ''}${row}`);
		rows.push(row);
	}
	// A range must cover the same cells on both sides: rows that are consecutive in one sheet
	// and not in the other (the city's sheet has a target row under each figure row) would
	// take in cells the formula never meant.
	for (let i = 0; i < tokens.length; i++) {
		const a = tokens[i]!;
		const colon = nextSolid(tokens, i + 1);
		if (a.kind !== 'ref' || !isText(tokens[colon], ':')) continue;
		const j = nextSolid(tokens, colon + 1);
		const b = tokens[j];
		if (b?.kind !== 'ref') return null;
		if (Math.abs(rows[j]! - rows[i]!) !== Math.abs(b.row - a.row)) return null;
	}
	return mapped.join('');
}

function gridToSheet(layout: SheetLayout): Mapping {
	return {
		column: (col) =>
			col >= GRID_YEAR_COLUMN && col < GRID_YEAR_COLUMN + YEARS.length
				? col - GRID_YEAR_COLUMN + layout.yearColumn
				: null,
		row: (row) => layout.rows[row - 1] ?? null
	};
}

function sheetToGrid(layout: SheetLayout): Mapping {
	const gridRow = new Map(layout.rows.map((sheetRow, i) => [sheetRow, i + 1]));
	return {
		column: (col) =>
			col >= layout.yearColumn && col < layout.yearColumn + YEARS.length
				? col - layout.yearColumn + GRID_YEAR_COLUMN
				: null,
		row: (row) => gridRow.get(row) ?? null
	};
}

/**
 * A grid formula (`=AVERAGE(D1:F1)`) in the sheet's own addresses (`=AVERAGE(G2:I2)`), or
 * null when it does not translate: a reference outside the year cells of the same sheet, or
 * a function Excel does not have.
 */
export function gridAddressToSheet(formula: string, layout: SheetLayout): string | null {
	const tokens = tokenize(formula, EXCEL_FUNCTIONS);
	return tokens && render(tokens, gridToSheet(layout));
}

/**
 * The inverse, for import: a sheet's formula in the grid's addresses, or null when it refers
 * to anything but the sheet's year cells of the rows in `layout` (the import then takes the
 * cell's value). Any function is let through: the grid's formula check judges it.
 */
export function sheetAddressToGrid(formula: string, layout: SheetLayout): string | null {
	const tokens = tokenize(formula, null);
	return tokens && render(tokens, sheetToGrid(layout));
}
