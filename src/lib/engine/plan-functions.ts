// The plan's comparison functions, registered with HyperFormula so that the grid's
// comparison columns are ordinary, readable formulas (=PLAN.STATUS(D1:S1,2025,…)).
// The maths itself lives in the pure core (compare.ts) so the printed sheet agrees.
import {
	CellError,
	EmptyValue,
	ErrorType,
	FunctionArgumentType,
	FunctionPlugin,
	SimpleRangeValue,
	type ImplementedFunctions
} from 'hyperformula';
import { figureFor, gap, meets } from '$lib/core/compare';
import { parseComparator } from '$lib/core/value-input';
import { FIRST_YEAR, type Comparator } from '$lib/core/model';

/** What a status cell holds. The grid translates these for the English interface. */
export const STATUS_TEXT = {
	met: '达标',
	notMet: '未达标',
	noData: '无数据',
	certified: '已认定',
	notCertified: '未认定'
} as const;

type AstArgs = Parameters<FunctionPlugin['runFunction']>[0];
type InterpreterState = Parameters<FunctionPlugin['runFunction']>[1];
/** What HyperFormula hands a custom function: the call's syntax tree. */
interface ProcedureAst {
	args: AstArgs;
}

type Scalar = number | string | boolean | CellError | typeof EmptyValue;

function toComparator(text: unknown): Comparator | null {
	const c = parseComparator(text === EmptyValue ? '' : text);
	return c === 'invalid' ? null : c;
}

function rawOf(v: unknown): unknown {
	// HyperFormula wraps typed numbers (percent, currency) in objects carrying `.val`.
	if (v !== null && typeof v === 'object' && 'val' in v) return (v as { val: unknown }).val;
	return v;
}

/**
 * The figure of a year range that a target year is judged by, as a number, an error or null.
 * An error counts only where it hides the judged figure: in the years from the latest figure
 * up to the target year. A broken formula in 2030 does not change how 2025 is judged.
 */
function pick(range: SimpleRangeValue, targetYear: number) {
	const figures: (number | null)[] = [];
	const errors: (CellError | null)[] = [];
	for (const raw of range.valuesFromTopLeftCorner() as Scalar[]) {
		const v = rawOf(raw);
		errors.push(v instanceof CellError ? v : null);
		figures.push(typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null);
	}
	const judged = figureFor(figures, FIRST_YEAR, targetYear);
	for (let year = judged ? judged.year : FIRST_YEAR; year <= targetYear; year++) {
		const error = errors[year - FIRST_YEAR];
		if (error) return error;
	}
	return judged;
}

function badComparator(): CellError {
	return new CellError(ErrorType.VALUE, 'The comparator must be > or ≥.');
}

function targetNumber(v: unknown): number | null | CellError {
	const raw = rawOf(v);
	if (raw instanceof CellError) return raw;
	if (typeof raw === 'number') return raw;
	if (raw === EmptyValue || raw === '' || raw === null || raw === undefined) return null;
	return new CellError(ErrorType.VALUE, 'The target is not a number.');
}

export class PlanFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		'PLAN.TARGET': {
			method: 'planTarget',
			parameters: [
				{ argumentType: FunctionArgumentType.SCALAR },
				{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true, defaultValue: '' },
				{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true, defaultValue: '' }
			]
		},
		'PLAN.GAP': {
			method: 'planGap',
			parameters: [
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.INTEGER },
				{ argumentType: FunctionArgumentType.SCALAR },
				{ argumentType: FunctionArgumentType.INTEGER, optionalArg: true, defaultValue: 0 }
			]
		},
		'PLAN.STATUS': {
			method: 'planStatus',
			parameters: [
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.INTEGER },
				{ argumentType: FunctionArgumentType.SCALAR },
				{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true, defaultValue: '' }
			]
		},
		'PLAN.CERTIFIED': {
			method: 'planCertified',
			parameters: [
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.INTEGER }
			]
		}
	};

	/** A target as the plan writes it: `99.53`, `>99`, `50 (优质均衡)`. */
	planTarget(ast: ProcedureAst, state: InterpreterState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('PLAN.TARGET'),
			(value: unknown, cmp: unknown, q: unknown) => {
				const n = targetNumber(value);
				if (n instanceof CellError) return n;
				if (n === null) return '';
				const comparator = toComparator(cmp);
				if (comparator === null) return badComparator();
				const qualifier = typeof q === 'string' && q.trim() !== '' ? ` (${q.trim()})` : '';
				return `${comparator === '>' ? '>' : ''}${String(n)}${qualifier}`;
			}
		);
	}

	planGap(ast: ProcedureAst, state: InterpreterState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('PLAN.GAP'),
			(range: SimpleRangeValue, year: number, target: unknown, precision: number) => {
				const t = targetNumber(target);
				if (t instanceof CellError) return t;
				const figure = pick(range, year);
				if (figure instanceof CellError) return figure;
				if (figure === null || t === null) return '';
				return gap(figure.value, t, precision);
			}
		);
	}

	planStatus(ast: ProcedureAst, state: InterpreterState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('PLAN.STATUS'),
			(range: SimpleRangeValue, year: number, target: unknown, cmp: unknown) => {
				const t = targetNumber(target);
				if (t instanceof CellError) return t;
				const comparator = toComparator(cmp);
				if (comparator === null) return badComparator();
				const figure = pick(range, year);
				if (figure instanceof CellError) return figure;
				if (figure === null || t === null) return STATUS_TEXT.noData;
				return meets(figure.value, t, comparator) ? STATUS_TEXT.met : STATUS_TEXT.notMet;
			}
		);
	}

	planCertified(ast: ProcedureAst, state: InterpreterState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('PLAN.CERTIFIED'),
			(range: SimpleRangeValue, year: number) => {
				const figure = pick(range, year);
				if (figure instanceof CellError) return figure;
				if (figure === null) return STATUS_TEXT.noData;
				return figure.value !== 0 ? STATUS_TEXT.certified : STATUS_TEXT.notCertified;
			}
		);
	}
}
