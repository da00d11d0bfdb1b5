// The comparison columns of a region sheet computed without the formula engine, for a sheet
// whose year cells hold only figures and a targets sheet that holds only figures: the county
// page draws its grid with these while HyperFormula still loads (SheetGrid's stored mode).
//
// It reads the comparison formulas the sheet layout writes (=PLAN.STATUS($D1:$S1,2025,…)),
// and computes them as engine/plan-functions.ts does, with the same core functions. Anything
// it does not know for certain (another formula, a reference it does not read, an argument the
// engine would turn into an error) comes back as `undefined`: that sheet waits for the engine.
// The property test beside this file holds it equal to the engine's values.
import { gap } from '$lib/core/compare';
import { judgedFigure, progress, type Figure } from '$lib/core/progress';
import { parseComparator } from '$lib/core/value-input';
import { checkCommitment, ruleKindOf, type CommitmentRule } from '$lib/core/commitments';
import { STATUS_TEXT } from '$lib/core/status-words';
import { FIRST_YEAR, YEARS, type Comparator, type Direction } from '$lib/core/model';
import {
	COL_FIRST_COMPARISON,
	COL_FIRST_YEAR,
	COL_NOTE,
	columnLetter,
	columnOfYear,
	REGION_COLUMN_COUNT,
	TARGETS_SHEET,
	type RawContent
} from '$lib/engine/sheet-layout';
import { columnIndex } from '$lib/core/columns';
import { engineRounding } from './stored-figures';

/** An empty cell as a function argument (HyperFormula's EmptyValue). */
const EMPTY = Symbol('empty');
type Scalar = number | string | boolean | typeof EMPTY;
type Arg = { range: number } | { scalar: Scalar };
/** What the engine would show, or undefined when only the engine can say. */
export type ComparisonValue = string | number | undefined;

class NeedsEngine extends Error {}
function needsEngine(): never {
	throw new NeedsEngine();
}

/** What a sheet's cell holds as the engine reads it: text loses its apostrophe mark. */
function scalarOf(content: RawContent | undefined): Scalar {
	if (content === null || content === undefined || content === '') return EMPTY;
	if (typeof content === 'string') {
		if (content.startsWith('=')) needsEngine();
		return content.startsWith("'") ? content.slice(1) : content;
	}
	return content;
}

const YEAR_RANGE = new RegExp(
	`^\\$${columnLetter(COL_FIRST_YEAR)}(\\d+):\\$${columnLetter(COL_NOTE - 1)}(\\d+)$`
);
const TARGET_REF = new RegExp(`^'${TARGETS_SHEET}'!\\$([A-Z]+)\\$(\\d+)$`);

/** The comma-separated arguments of a call; the layout writes no comma inside one. */
function parseArgs(text: string, targets: readonly (readonly RawContent[])[]): Arg[] {
	if (text === '') return [];
	return text.split(',').map((a): Arg => {
		const range = YEAR_RANGE.exec(a);
		if (range) return range[1] === range[2] ? { range: Number(range[1]) - 1 } : needsEngine();
		const ref = TARGET_REF.exec(a);
		if (ref) return { scalar: scalarOf(targets[Number(ref[2]) - 1]?.[columnIndex(ref[1]!)]) };
		const str = /^"([^"]*)"$/.exec(a);
		if (str) return { scalar: str[1]! };
		if (/^-?\d+(\.\d+)?$/.test(a)) return { scalar: Number(a) };
		return needsEngine();
	});
}

function figuresOf(row: readonly RawContent[] | undefined): Figure[] {
	return YEARS.map((year) => {
		const v = row?.[columnOfYear(year)];
		if (typeof v === 'number') return Number.isFinite(v) ? v : needsEngine();
		if (typeof v === 'boolean') return v ? 1 : 0;
		if (v === null || v === undefined || v === '') return null;
		return needsEngine();
	});
}

function targetNumber(v: Scalar): number | null {
	if (typeof v === 'number') return v;
	if (v === EMPTY || v === '') return null;
	return needsEngine();
}

function comparatorOf(v: Scalar): Comparator {
	const c = parseComparator(v === EMPTY ? '' : v);
	return c === 'invalid' ? needsEngine() : c;
}

function directionOf(v: Scalar): Direction {
	if (v === EMPTY || v === '') return 'higher';
	const s = String(v).trim().toLowerCase();
	return s === 'higher' || s === 'lower' ? s : needsEngine();
}

function sameQualifier(a: Scalar, b: Scalar): boolean {
	const text = (v: Scalar) => (typeof v === 'string' ? v.trim() : '');
	return text(a) === '' || text(b) === '' || text(a) === text(b);
}

/** A whole number argument, as the engine's INTEGER parameters take one. */
function integerOf(v: Scalar | undefined, fallback?: number): number {
	if (v === undefined && fallback !== undefined) return fallback;
	return typeof v === 'number' && Number.isInteger(v) ? v : needsEngine();
}

function pick(figures: Figure[], year: number) {
	const judged = judgedFigure(figures, FIRST_YEAR, year);
	return judged?.kind === 'error' ? needsEngine() : judged;
}

type Call = (args: Arg[], rowOf: (row: number) => readonly RawContent[] | undefined) => string | number;

const scalar = (a: Arg | undefined, fallback: Scalar = ''): Scalar =>
	a === undefined ? fallback : 'scalar' in a ? a.scalar : needsEngine();
const figures = (a: Arg | undefined, rowOf: (row: number) => readonly RawContent[] | undefined) =>
	a !== undefined && 'range' in a ? figuresOf(rowOf(a.range)) : needsEngine();

const CALLS: Record<string, Call> = {
	TARGET(args) {
		const n = targetNumber(scalar(args[0]));
		if (n === null) return '';
		const comparator = comparatorOf(scalar(args[1]));
		const q = scalar(args[2]);
		const qualifier = typeof q === 'string' && q.trim() !== '' ? ` (${q.trim()})` : '';
		return `${comparator === '>' ? '>' : ''}${String(n)}${qualifier}`;
	},
	GAP(args, rowOf) {
		const range = figures(args[0], rowOf);
		const year = integerOf(scalar(args[1]));
		const t = targetNumber(scalar(args[2]));
		const figure = pick(range, year);
		if (figure === null || t === null) return '';
		return gap(figure.value, t, integerOf(scalar(args[3], 0)));
	},
	STATUS(args, rowOf) {
		const range = figures(args[0], rowOf);
		const year = integerOf(scalar(args[1]));
		const t = targetNumber(scalar(args[2]));
		const comparator = comparatorOf(scalar(args[3]));
		const milestone = targetNumber(scalar(args[4]));
		const direction = directionOf(scalar(args[5]));
		if (!sameQualifier(scalar(args[6]), scalar(args[7]))) range[0] = null;
		const p = progress({
			figures: range,
			firstYear: FIRST_YEAR,
			targetYear: year,
			target: t,
			comparator,
			milestone,
			direction
		});
		return p.status === 'error' ? needsEngine() : STATUS_TEXT[p.status];
	},
	CERTIFIED(args, rowOf) {
		const figure = pick(figures(args[0], rowOf), integerOf(scalar(args[1])));
		if (figure === null) return STATUS_TEXT['no-data'];
		return figure.value !== 0 ? STATUS_TEXT.certified : STATUS_TEXT['not-certified'];
	},
	RULE(args, rowOf) {
		const check = ruleCheck(args, rowOf, 0);
		return STATUS_TEXT[check.status === 'error' ? 'no-data' : check.status];
	},
	RULEGAP(args, rowOf) {
		return ruleCheck(args, rowOf, integerOf(scalar(args[4], 0))).gap ?? '';
	}
};

function ruleCheck(
	args: Arg[],
	rowOf: (row: number) => readonly RawContent[] | undefined,
	precision: number
) {
	const keyword = scalar(args[0]);
	const kind = ruleKindOf(typeof keyword === 'string' ? keyword : needsEngine());
	if (kind === null) return needsEngine();
	const own = figures(args[1], rowOf);
	const year = integerOf(scalar(args[2]));
	let reference: Figure[] | undefined;
	let target = 0;
	if (kind === 'at-least') reference = figures(args[3], rowOf);
	else if (kind === 'reach') target = targetNumber(scalar(args[3])) ?? needsEngine();
	const rule: CommitmentRule =
		kind === 'at-least' ? { kind, reference: '' } : kind === 'reach' ? { kind, target } : { kind };
	const check = checkCommitment({
		rule,
		figures: own,
		reference,
		firstYear: FIRST_YEAR,
		targetYear: year,
		precision
	});
	return check.status === 'error' ? needsEngine() : check;
}

const CALL = /^=PLAN\.([A-Z]+)\((.*)\)$/;

/**
 * One comparison cell's value as the engine gives it (numbers with its 10-digit rounding),
 * reading the sheet's rows (`rowOf`, for the year ranges) and the targets sheet's content.
 */
export function storedComparison(
	content: RawContent,
	rowOf: (row: number) => readonly RawContent[] | undefined,
	targets: readonly (readonly RawContent[])[]
): ComparisonValue {
	if (content === null) return undefined;
	if (typeof content !== 'string' || !content.startsWith('=')) return undefined;
	const m = CALL.exec(content);
	const call = m ? CALLS[m[1]!] : undefined;
	if (!m || !call) return undefined;
	try {
		const v = call(parseArgs(m[2]!, targets), rowOf);
		return typeof v === 'number' ? (Number.isFinite(v) ? engineRounding(v) : undefined) : v;
	} catch (e) {
		if (e instanceof NeedsEngine) return undefined;
		throw e;
	}
}

/**
 * Whether every comparison cell of a sheet can be computed here: its year cells are figures,
 * every comparison formula one this module reads, and none gives what only the engine says.
 */
export function computableWithoutEngine(
	content: readonly (readonly RawContent[])[],
	targets: readonly (readonly RawContent[])[]
): boolean {
	if (targets.some((row) => row.some((v) => typeof v === 'string' && v.startsWith('=')))) return false;
	return content.every((row) => {
		if (row.length !== REGION_COLUMN_COUNT) return false;
		for (let col = COL_FIRST_YEAR; col < COL_NOTE; col++) {
			const v = row[col];
			if (!(v === null || v === undefined || v === '' || typeof v === 'number' || typeof v === 'boolean'))
				return false;
		}
		for (let col = COL_FIRST_COMPARISON; col < REGION_COLUMN_COUNT; col++) {
			const v = row[col] ?? null;
			if (v === null) continue;
			if (typeof v === 'string' && !v.startsWith('=')) continue;
			if (storedComparison(v, (r) => content[r], targets) === undefined) return false;
		}
		return true;
	});
}
