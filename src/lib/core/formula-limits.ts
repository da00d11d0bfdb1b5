// The limits a formula must keep so the formula engine can always load it. HyperFormula parses
// and evaluates by recursion: a formula nested ~130 levels deep (brackets or a run of signs,
// `=------…1`) overflows the browser's stack, and an array formula (`=SEQUENCE(1000,1000)`)
// spills a million values into the sheet. Either, stored once, stopped every page that builds
// the engine. These checks are pure text checks, so the import worker, the typed-cell check and
// the load of stored formulas all apply the same rule (docs/csv-format.md states the limits).

import { columnIndex } from './columns';

/** Characters, as the stored schema allows (cellSchema); Excel allows 8192. */
export const MAX_FORMULA_LENGTH = 2000;
/** Levels of brackets and leading signs; Excel allows 64 levels of nested functions. */
export const MAX_FORMULA_NESTING = 64;
/** An array result may be no larger than a sheet: 100 rows (indicators) × 32 columns (A–AF). */
export const MAX_ARRAY_ROWS = 100;
export const MAX_ARRAY_COLUMNS = 32;

export type FormulaProblemCode = 'formula-too-long' | 'formula-too-deep' | 'formula-array-too-large';

export interface FormulaProblem {
	code: FormulaProblemCode;
	/** The limit broken, for the message. */
	limit: number;
}

/** The first limit `formula` (with its leading `=`) breaks, or null. */
export function formulaProblem(formula: string): FormulaProblem | null {
	if (formula.length > MAX_FORMULA_LENGTH) return { code: 'formula-too-long', limit: MAX_FORMULA_LENGTH };
	const scan = scanFormula(formula);
	if (scan.depth > MAX_FORMULA_NESTING) return { code: 'formula-too-deep', limit: MAX_FORMULA_NESTING };
	const size = arrayEstimate(scan);
	if (size && (size.rows > MAX_ARRAY_ROWS || size.cols > MAX_ARRAY_COLUMNS)) {
		return { code: 'formula-array-too-large', limit: MAX_ARRAY_ROWS * MAX_ARRAY_COLUMNS };
	}
	return null;
}

interface Scan {
	depth: number;
	/** The formula with string literals and quoted sheet names blanked, upper-cased. */
	code: string;
}

// Text in "…" and sheet names in '…' can hold any character; they are not nesting.
function scanFormula(formula: string): Scan {
	let depth = 0;
	let max = 0;
	let signs = 0;
	let code = '';
	let quote: '"' | "'" | null = null;
	for (let i = 0; i < formula.length; i++) {
		const ch = formula[i] ?? '';
		if (quote) {
			if (ch === quote) {
				if (formula[i + 1] === quote) i++;
				else quote = null;
			}
			code += ' ';
			continue;
		}
		if (ch === '"' || ch === "'") {
			quote = ch;
			code += ' ';
			continue;
		}
		code += ch.toUpperCase();
		if (ch === '(' || ch === '（') depth++;
		else if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
		// A run of signs is parsed as nested unary operators, one level each.
		if (ch === '+' || ch === '-') signs++;
		else if (ch !== ' ') signs = 0;
		max = Math.max(max, depth + signs);
	}
	return { depth: max, code };
}

// HyperFormula's functions that return an array (their result spills over the cells beside).
const ARRAY_FUNCTIONS =
	/\b(ARRAYFORMULA|ARRAY_CONSTRAIN|FILTER|VSTACK|HSTACK|XLOOKUP|MMULT|TRANSPOSE|MAXPOOL|MEDIANPOOL|SEQUENCE|SORT|UNIQUE)\s*\(/;

/**
 * An upper bound of the array a formula can return, or null when it returns no array. It
 * over-estimates on purpose (every range may be stacked either way), so whatever passes fits.
 */
function arrayEstimate(scan: Scan): { rows: number; cols: number } | null {
	const { code } = scan;
	if (!ARRAY_FUNCTIONS.test(code)) return null;
	let rows = 0;
	let cols = 0;
	for (const m of code.matchAll(/\bSEQUENCE\s*\(\s*([^,()]*)(?:,\s*([^,()]*))?/g)) {
		const r = Number(m[1]);
		const c = m[2] === undefined || m[2].trim() === '' ? 1 : Number(m[2]);
		// A size from a cell is not known here; the engine then refuses it as #VALUE!.
		if (Number.isFinite(r) && Number.isFinite(c)) {
			rows = Math.max(rows, r);
			cols = Math.max(cols, c);
		}
	}
	let stacked = 0;
	for (const range of ranges(code)) stacked += Math.max(range.rows, range.cols);
	for (const literal of code.matchAll(/\{[^{}]*\}/g)) stacked += literal[0].split(/[,;]/).length;
	return { rows: Math.max(rows, stacked), cols: Math.max(cols, stacked) };
}

const COLUMN = '\\$?([A-Z]{1,3})';
const ROW = '\\$?(\\d+)';
const CELL_RANGE = new RegExp(`${COLUMN}${ROW}\\s*:\\s*${COLUMN}${ROW}`, 'g');
const COLUMN_RANGE = new RegExp(`(?<![A-Z\\d$])${COLUMN}\\s*:\\s*${COLUMN}(?![A-Z\\d(])`, 'g');
const ROW_RANGE = new RegExp(`(?<![A-Z\\d$])${ROW}\\s*:\\s*${ROW}(?![\\d])`, 'g');

/** A → 1: a column's number, as a range's width counts it. */
const columnNumber = (letters: string): number => columnIndex(letters) + 1;

function* ranges(code: string): Generator<{ rows: number; cols: number }> {
	for (const m of code.matchAll(CELL_RANGE)) {
		yield {
			rows: Math.abs(Number(m[4]) - Number(m[2])) + 1,
			cols: Math.abs(columnNumber(m[3] ?? '') - columnNumber(m[1] ?? '')) + 1
		};
	}
	// A whole column or row (D:D, 1:1) is as long as the engine's sheet can be.
	for (const _ of code.replace(CELL_RANGE, ' ').matchAll(COLUMN_RANGE)) yield { rows: Infinity, cols: 1 };
	for (const _ of code.replace(CELL_RANGE, ' ').matchAll(ROW_RANGE)) yield { rows: 1, cols: Infinity };
}
