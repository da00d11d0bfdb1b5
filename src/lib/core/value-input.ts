// Turning what a planner types (or a file holds) into a stored Cell, and back.
//
// Comparators: `>x` is stored as cmp '>'. A bare `x`, `>=x` and `≥x` all mean "at least x"
// (the plan's own reading of a bare figure), so they share one stored form: no cmp at all.
// One meaning, one stored form: exports, diffs and round trips never see two spellings.
import { z } from 'zod/mini';
import type { Cell, Comparator, Measure } from './model';
import { plainDecimal } from './decimal';
import { formulaProblem, MAX_FORMULA_LENGTH, type FormulaProblemCode } from './formula-limits';
import { QUALIFIER_MAX } from './limits';

/** Why an input was refused; mapped to the message catalog at the UI's edge. */
export type InputErrorCode =
	| 'not-a-number' // text that is neither a number nor a formula
	| 'comparator-not-allowed' // `>99` typed where only a figure belongs (actual rows)
	| 'formula-not-allowed' // `=…` where only a figure belongs (target rows)
	| 'not-yes-no' // EDU03 in a county: only 是/否 (yes/no)
	| 'qualifier-too-long'
	| 'figure-rounds' // more digits than a stored figure keeps: it would not be the figure written
	| FormulaProblemCode;

export class InputError extends Error {
	constructor(
		readonly code: InputErrorCode,
		readonly input: string
	) {
		super(`${code}: ${input}`);
		this.name = 'InputError';
	}
}

export interface InputContext {
	/** The indicator's unit: '%' lets `99.5%` / `９９．５％` through as 99.5. */
	unit: string;
	/** Target rows take a comparator (`>99`, `＞99`, `≥95`, `>=95`); actual rows take formulas. */
	kind: 'actual' | 'target';
	/** 'certified': EDU03 in a county's grid, a yes/no per year. */
	measure: Measure;
}

/**
 * Something the planner should know about a value that was read (it was not refused):
 * 'thousands-separator': `1,234.5` was read as 1234.5, its separators dropped.
 */
export type InputNotice = 'thousands-separator';

export type ParseOutcome =
	{ ok: true; cell: Cell | null; notice?: InputNotice } | { ok: false; error: InputError };

/** The model's limits (cellSchema), checked here so a parsed cell always validates. */
export const MAX_QUALIFIER_LENGTH = QUALIFIER_MAX;
export { MAX_FORMULA_LENGTH };

/** Spellings of yes/no for a certification, after NFKC and lower-casing. */
// 1/0 and 100/0 are how Excel users code a yes/no column (a share of 100 for yes).
const YES = new Set(['是', '是的', 'yes', 'y', 'true', '1', '100', '√', '✓', '✔', '已认定']);
const NO = new Set(['否', 'no', 'n', 'false', '0', '×', '✗', '✘', '未认定']);

/**
 * What planners write in a paper return for "no figure": a dash or a slash alone. Read as an
 * empty cell (as Delete would leave it), after NFKC (which turns `－`, `／` into `-`, `/`).
 */
const NO_FIGURE = new Set(['-', '--', '—', '——', '–', '―', '−', '/']);

// Brackets the plan (and a Chinese keyboard) writes around a qualifier. Superscript and
// subscript parentheses also normalise to '(' but nobody types them as brackets.
const OPEN = new Set(['(', '（', '﹙']);
const CLOSE = new Set([')', '）', '﹚']);

// After NFKC: optional comparator, optional sign, the figure, optional percent sign.
// No exponents. `≧`/`⩾` are what some input methods give for ≥.
const FIGURE = /^(?:(>\s*=|>|≥|≧|⩾)\s*)?([+-])?\s*(\d+(?:\.\d*)?|\.\d+)\s*(%)?$/;
// Thousands separators as Excel writes them (`1,234.5`, and `1，234.5` from a Chinese
// keyboard, which NFKC makes a comma): groups of exactly three digits, so that `1,5` (a
// European decimal comma, or a slip) is refused rather than read as 15.
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?=\.|\s*%|$)/;
// The ideographic full stop an input method gives for a decimal point (`99。5`).
const IDEOGRAPHIC_STOP = /[\u3002\uff61]/g;

const ASCII_OR_FULLWIDTH_DIGIT = /[0-9０-９]/;

function ok(cell: Cell | null): ParseOutcome {
	return { ok: true, cell };
}
function fail(code: InputErrorCode, input: string): ParseOutcome {
	return { ok: false, error: new InputError(code, input) };
}

function describe(raw: unknown): string {
	if (typeof raw === 'string') return raw;
	try {
		return String(raw);
	} catch {
		// Objects without a prototype have no toString.
		return Object.prototype.toString.call(raw);
	}
}

function isPercentUnit(unit: string): boolean {
	return unit.normalize('NFKC').trim() === '%';
}

/**
 * NFKC also turns superscripts and circled numbers into digits (`10²` → `102`, `①` → `1`),
 * which would silently change a figure. Only ASCII and full-width digits count as digits.
 */
function hasDisguisedDigit(text: string): boolean {
	for (const ch of text) {
		if (/[0-9]/.test(ch.normalize('NFKC')) && !ASCII_OR_FULLWIDTH_DIGIT.test(ch)) return true;
	}
	return false;
}

/** The formula as typed, if the text is one: a leading `=` (or `＝`) makes it a formula. */
function asFormula(trimmed: string): string | null {
	const first = trimmed.codePointAt(0);
	if (first === undefined) return null;
	const firstChar = String.fromCodePoint(first);
	if (firstChar.normalize('NFKC') !== '=') return null;
	return '=' + trimmed.slice(firstChar.length);
}

function parseFormula(formula: string, raw: string, ctx: InputContext): ParseOutcome {
	if (ctx.kind !== 'actual') return fail('formula-not-allowed', raw);
	// A lone `=` is an unfinished edit, not a formula the engine can evaluate.
	if (formula.slice(1).trim() === '') return fail('not-a-number', raw);
	// Too long, too deep or spilling too far for the engine to load (core/formula-limits.ts).
	const problem = formulaProblem(formula);
	if (problem) return fail(problem.code, raw);
	return ok({ t: 'f', f: formula });
}

function parseYesNo(text: string, raw: string): ParseOutcome {
	const key = text.normalize('NFKC').trim().toLowerCase();
	if (YES.has(key)) return ok({ t: 'b', v: true });
	if (NO.has(key)) return ok({ t: 'b', v: false });
	return fail('not-yes-no', raw);
}

/** Split `95 (优质均衡)` into the figure and the qualifier's raw text. */
function splitQualifier(text: string): { head: string; qualifier: string | null } {
	const chars = [...text];
	const open = chars.findIndex((ch) => OPEN.has(ch));
	const last = chars[chars.length - 1];
	if (open < 0 || last === undefined || !CLOSE.has(last) || open === chars.length - 1) {
		return { head: text, qualifier: null };
	}
	return { head: chars.slice(0, open).join(''), qualifier: chars.slice(open + 1, -1).join('') };
}

/**
 * Whether the double keeps the figure exactly as written: its shortest decimal has the same
 * digits as the text, leading zeros of the integer and trailing zeros of the fraction aside.
 */
function keepsDigits(written: string, v: number): boolean {
	const [whole = '', fraction = ''] = written.split('.');
	const decimals = fraction.replace(/0+$/, '');
	const canonical = (whole.replace(/^0+(?=\d)/, '') || '0') + (decimals ? '.' + decimals : '');
	return plainDecimal(Math.abs(v)) === canonical;
}

/**
 * The qualifier a figure is counted by (基本均衡, 优质均衡), as written in brackets after it:
 * NFKC and trimmed. Null when it is longer than the stored schema allows.
 */
export function readQualifier(text: string): string | null {
	const q = text.normalize('NFKC').trim();
	// Counted as the stored schema counts (UTF-16 units), so what passes here validates there.
	return q.length > MAX_QUALIFIER_LENGTH ? null : q;
}

// A plain decimal, as files and typing mostly give a figure (`95.3`, `12`): ASCII digits and
// at most one point. The general path below reads it exactly so (there is no bracket, sign,
// comparator, separator or percent to look at), at many times the cost per cell.
const PLAIN_DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
/**
 * At most 15 digits (the point counted) always survive the double: every decimal of up to 15
 * significant digits between 1e-15 and 1e15 has a double of its own whose shortest decimal
 * is that decimal. Longer ones are checked digit by digit.
 */
const ALWAYS_KEPT = 15;

function plainFigure(text: string, raw: string): ParseOutcome {
	const v = Number(text);
	if (!Number.isFinite(v)) return fail('not-a-number', raw);
	if (text.length > ALWAYS_KEPT && !keepsDigits(text, v)) return fail('figure-rounds', raw);
	return ok({ t: 'n', v: v === 0 ? 0 : v });
}

function parseFigure(trimmed: string, raw: string, ctx: InputContext): ParseOutcome {
	if (PLAIN_DECIMAL.test(trimmed)) return plainFigure(trimmed, raw);
	const { head, qualifier } = splitQualifier(trimmed);
	if (hasDisguisedDigit(head)) return fail('not-a-number', raw);
	let text = head
		.replace(IDEOGRAPHIC_STOP, '.')
		.normalize('NFKC')
		.replace(/\u2212/g, '-')
		.trim();
	let notice: InputNotice | undefined;
	const unsigned = text.replace(/^(?:>\s*=|>|≥|≧|⩾)?\s*[+-]?\s*/, '');
	const grouped = GROUPED.exec(unsigned);
	if (grouped) {
		const prefix = text.slice(0, text.length - unsigned.length);
		text = prefix + unsigned.replace(/,/g, '');
		notice = 'thousands-separator';
	}
	const m = FIGURE.exec(text);
	if (!m) return fail('not-a-number', raw);
	const [, comparator, sign = '', digits = '', percent] = m;
	if (percent && !isPercentUnit(ctx.unit)) return fail('not-a-number', raw);
	if (comparator !== undefined && ctx.kind !== 'target') return fail('comparator-not-allowed', raw);

	const v = Number(sign + digits);
	if (!Number.isFinite(v)) return fail('not-a-number', raw);
	// `0.000…0001` with 330 zeros is stored as 0, and 20 significant digits lose the last
	// few: refused rather than stored as a figure other than the one written.
	if (!keepsDigits(digits, v)) return fail('figure-rounds', raw);

	const q = readQualifier(qualifier ?? '');
	if (q === null) return fail('qualifier-too-long', raw);

	const cell: Cell = { t: 'n', v: v === 0 ? 0 : v };
	if (comparator === '>') cell.cmp = '>';
	if (q) cell.q = q;
	return notice ? { ok: true, cell, notice } : ok(cell);
}

/**
 * Parse one typed or imported value. Empty (or only spaces) → { ok: true, cell: null }.
 */
export function parseCellInput(raw: unknown, ctx: InputContext): ParseOutcome {
	if (raw === null || raw === undefined) return ok(null);

	if (typeof raw === 'number') {
		if (!Number.isFinite(raw)) return fail('not-a-number', describe(raw));
		if (ctx.measure === 'certified') {
			if (raw === 1 || raw === 100) return ok({ t: 'b', v: true });
			if (raw === 0) return ok({ t: 'b', v: false });
			return fail('not-yes-no', describe(raw));
		}
		return ok({ t: 'n', v: raw === 0 ? 0 : raw });
	}

	// A checkbox or a spreadsheet's TRUE/FALSE, for the one measure that is yes/no.
	if (typeof raw === 'boolean') {
		if (ctx.measure === 'certified') return ok({ t: 'b', v: raw });
		return fail('not-a-number', describe(raw));
	}

	if (typeof raw !== 'string') return fail('not-a-number', describe(raw));

	const trimmed = raw.trim();
	if (trimmed === '') return ok(null);
	// Most cells: no dash, formula or yes/no to look for (see parseFigure), no NFKC to run.
	if (ctx.measure !== 'certified' && PLAIN_DECIMAL.test(trimmed)) return plainFigure(trimmed, raw);
	if (NO_FIGURE.has(trimmed.normalize('NFKC'))) return ok(null);

	const formula = asFormula(trimmed);
	if (formula !== null) return parseFormula(formula, raw, ctx);

	if (ctx.measure === 'certified') return parseYesNo(trimmed, raw);
	return parseFigure(trimmed, raw, ctx);
}

/** Parse a figure as the plan's table writes it (`>96`, `95 (基本均衡)`, `9.8`). Throws on bad input. */
export function parsePlanFigure(text: string, isTarget: boolean): Cell {
	const outcome = parseCellInput(text, {
		unit: '%',
		kind: isTarget ? 'target' : 'actual',
		measure: 'value'
	});
	if (!outcome.ok) throw outcome.error;
	if (outcome.cell === null) throw new InputError('not-a-number', text);
	// The plan's table holds figures only; a formula here is a damaged seed.
	if (outcome.cell.t !== 'n') throw new InputError('formula-not-allowed', text);
	return outcome.cell;
}

/** Write a cell back the way the plan writes it: `>99`, `95 (优质均衡)`, `=F3+1`, 是/否. */
export function formatCell(cell: Cell | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
	if (!cell) return '';
	switch (cell.t) {
		case 'f':
			return cell.f;
		case 'b':
			if (lang === 'en') return cell.v ? 'yes' : 'no';
			return cell.v ? '是' : '否';
		case 'n': {
			const figure = (cell.cmp === '>' ? '>' : '') + plainDecimal(cell.v);
			return cell.q ? `${figure} (${cell.q})` : figure;
		}
	}
}

/**
 * parseCellInput as a zod schema, for importing files row by row: a refused value becomes
 * a custom issue whose message is the InputErrorCode (params.input holds the raw text),
 * so the importer maps it through the same message catalog as the grid.
 */
export function cellInputSchema(ctx: InputContext) {
	return z.pipe(
		z.unknown(),
		z.transform((raw, zctx): Cell | null => {
			const outcome = parseCellInput(raw, ctx);
			if (outcome.ok) return outcome.cell;
			// zod's small build hands the transform its parse payload; the issue goes on it as
			// the full build's addIssue would put it.
			zctx.issues.push({
				code: 'custom',
				input: raw,
				message: outcome.error.code,
				params: { code: outcome.error.code, input: outcome.error.input }
			});
			return z.NEVER;
		})
	);
}

/** The comparator a target cell is judged by; a bare figure means at least. */
export function cellComparator(cell: Cell): Comparator {
	return cell.t === 'n' && cell.cmp === '>' ? '>' : '>=';
}

/**
 * A comparator written on its own (the targets sheet's 比较符 column, a formula argument):
 * `>` is strict; `≥`, `>=` or nothing at all mean at least, as a bare number does in the plan.
 */
export function parseComparator(raw: unknown): Comparator | 'invalid' {
	if (raw !== null && raw !== undefined && typeof raw !== 'string') return 'invalid';
	const s = (raw ?? '').normalize('NFKC').replace(/\s+/g, '');
	if (s === '' || s === '>=' || s === '≥' || s === '≧' || s === '⩾') return '>=';
	if (s === '>') return '>';
	return 'invalid';
}

/**
 * The range a figure of this unit can plausibly take (percent 0–200, 年 0–25), or null
 * when the unit sets none (a county's own counts of teachers or schools).
 */
export function plausibleRange(unit: string): { min: number; max: number } | null {
	// Gross enrolment rates count pupils of any age, so they can pass 100%, never 200%.
	// The two units with a range are NFKC-stable and trimmed already: most rows name one.
	switch (unit === '%' || unit === '年' ? unit : unit.normalize('NFKC').trim()) {
		case '%':
			return { min: 0, max: 200 };
		case '年':
			return { min: 0, max: 25 };
		default:
			return null;
	}
}

/** Whether a figure lies inside the plausible range of its unit (percent 0–200, 年 0–25). */
export function isPlausible(value: number, unit: string): boolean {
	// NaN and infinities cannot be stored at all, whatever the unit.
	if (!Number.isFinite(value)) return false;
	const range = plausibleRange(unit);
	return range === null || (value >= range.min && value <= range.max);
}
