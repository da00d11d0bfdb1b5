// The plan's comparison functions, registered with HyperFormula so that the grid's
// comparison columns are ordinary, readable formulas (=PLAN.STATUS(D1:S1,2025,…)).
// The maths itself lives in the pure core (compare.ts, progress.ts) so the printed
// comparison sheet, which asks the same functions, agrees with the grid to the last digit.
import {
	CellError,
	EmptyValue,
	ErrorType,
	FunctionArgumentType,
	FunctionPlugin,
	SimpleRangeValue,
	type ImplementedFunctions
} from 'hyperformula';
import { gap } from '$lib/core/compare';
import { judgedFigure, progress, type Figure } from '$lib/core/progress';
import { parseComparator } from '$lib/core/value-input';
import { FIRST_YEAR, type Comparator, type Direction } from '$lib/core/model';
import {
	checkCommitment,
	ruleKindOf,
	type CommitmentCheck,
	type CommitmentRule
} from '$lib/core/commitments';
import { UNREADABLE_FUNCTION, UNREADABLE_MARK } from './sheet-layout';

export { STATUS_TEXT, type StatusWord } from '$lib/core/status-words';
import { STATUS_TEXT } from '$lib/core/status-words';

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

/** A year range as figures (EDU03's yes/no as 1/0), with the errors kept apart to return. */
/** Whether a baseline and a target count by the same qualifier; an unstated one always does. */
function sameQualifier(a: unknown, b: unknown): boolean {
	const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
	return text(a) === '' || text(b) === '' || text(a) === text(b);
}

function readFigures(range: SimpleRangeValue): { figures: Figure[]; errors: (CellError | null)[] } {
	const figures: Figure[] = [];
	const errors: (CellError | null)[] = [];
	for (const raw of range.valuesFromTopLeftCorner() as Scalar[]) {
		const v = rawOf(raw);
		errors.push(v instanceof CellError ? v : null);
		figures.push(
			v instanceof CellError
				? 'error'
				: typeof v === 'number'
					? v
					: typeof v === 'boolean'
						? v
							? 1
							: 0
						: null
		);
	}
	return { figures, errors };
}

/**
 * The figure of a year range that a target year is judged by, as a number, an error or null.
 * An error counts only where it hides the judged figure: in the years from the latest figure
 * up to the target year. A broken formula in 2030 does not change how 2025 is judged.
 */
function pick(range: SimpleRangeValue, targetYear: number) {
	const { figures, errors } = readFigures(range);
	const judged = judgedFigure(figures, FIRST_YEAR, targetYear);
	if (judged?.kind === 'error') return errors[judged.year - FIRST_YEAR] ?? new CellError(ErrorType.ERROR);
	return judged;
}

function toDirection(text: unknown): Direction | null {
	const raw = rawOf(text);
	if (raw === EmptyValue || raw === '' || raw === null || raw === undefined) return 'higher';
	const s = String(raw).trim().toLowerCase();
	return s === 'higher' || s === 'lower' ? s : null;
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
				{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true, defaultValue: '' },
				// The same level's target for the earlier target year, where the path starts
				// when the county has no figure of that year (2025, on the way to 2035).
				{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true, defaultValue: '' },
				// 'higher' (the default) or 'lower' is better.
				{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true, defaultValue: '' },
				// The qualifiers the 2020 baseline and the target are counted by (the city's EDU03:
				// 100 基本均衡 in 2020, 50 优质均衡 for 2025). When both are given and differ, the
				// baseline counts something else and does not start the planned path.
				{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true, defaultValue: '' },
				{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true, defaultValue: '' }
			]
		},
		'PLAN.CERTIFIED': {
			method: 'planCertified',
			parameters: [
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.INTEGER }
			]
		},
		// A commitment row's rule (core/commitments.ts): "no-fall" (not lower than the year
		// before), "at-least" (not lower than the reference row's figure of the same year),
		// "reach" (the figure the plan names). The verdict of the latest year up to the year.
		'PLAN.RULE': {
			method: 'planRule',
			parameters: [
				{ argumentType: FunctionArgumentType.STRING },
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.INTEGER },
				// at-least: the reference row's years; reach: the figure to reach.
				{ argumentType: FunctionArgumentType.ANY, optionalArg: true, defaultValue: '' }
			]
		},
		// The judged figure minus what it is held against, rounded to the row's decimals.
		'PLAN.RULEGAP': {
			method: 'planRuleGap',
			parameters: [
				{ argumentType: FunctionArgumentType.STRING },
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.INTEGER },
				{ argumentType: FunctionArgumentType.ANY, optionalArg: true, defaultValue: '' },
				{ argumentType: FunctionArgumentType.INTEGER, optionalArg: true, defaultValue: 0 }
			]
		},
		// Stands in for a stored formula the engine cannot load (sheet-layout.ts cellContent):
		// the cell shows #ERROR! with the reason, and the stored formula is left untouched.
		[UNREADABLE_FUNCTION]: {
			method: 'planUnreadable',
			parameters: [{ argumentType: FunctionArgumentType.STRING }]
		}
	};

	planUnreadable(ast: ProcedureAst, state: InterpreterState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata(UNREADABLE_FUNCTION),
			(code: string) => new CellError(ErrorType.ERROR, `${UNREADABLE_MARK}${code}`)
		);
	}

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

	/** 已达标 / 按进度 / 滞后 / 数据不足: where the judged figure stands on the planned path. */
	planStatus(ast: ProcedureAst, state: InterpreterState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('PLAN.STATUS'),
			(
				range: SimpleRangeValue,
				year: number,
				target: unknown,
				cmp: unknown,
				via: unknown,
				dir: unknown,
				baselineQualifier: unknown,
				targetQualifier: unknown
			) => {
				const t = targetNumber(target);
				if (t instanceof CellError) return t;
				const comparator: Comparator | null = toComparator(cmp);
				if (comparator === null) return badComparator();
				const milestone = targetNumber(via);
				if (milestone instanceof CellError) return milestone;
				const direction = toDirection(dir);
				if (direction === null)
					return new CellError(ErrorType.VALUE, 'The direction must be higher or lower.');
				const { figures, errors } = readFigures(range);
				if (!sameQualifier(baselineQualifier, targetQualifier)) figures[0] = null;
				const p = progress({
					figures,
					firstYear: FIRST_YEAR,
					targetYear: year,
					target: t,
					comparator,
					milestone,
					direction
				});
				if (p.status === 'error') {
					return errors[(p.errorYear ?? FIRST_YEAR) - FIRST_YEAR] ?? new CellError(ErrorType.ERROR);
				}
				return STATUS_TEXT[p.status];
			}
		);
	}

	/** 已达标 / 滞后 / 数据不足: the plan's rule for a commitment row, in its latest year. */
	planRule(ast: ProcedureAst, state: InterpreterState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('PLAN.RULE'),
			(keyword: string, range: SimpleRangeValue, year: number, reference: unknown) => {
				const check = ruleCheck(keyword, range, year, reference, 0);
				if (check instanceof CellError) return check;
				return STATUS_TEXT[check.status === 'error' ? 'no-data' : check.status];
			}
		);
	}

	planRuleGap(ast: ProcedureAst, state: InterpreterState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('PLAN.RULEGAP'),
			(keyword: string, range: SimpleRangeValue, year: number, reference: unknown, precision: number) => {
				const check = ruleCheck(keyword, range, year, reference, precision);
				if (check instanceof CellError) return check;
				return check.gap ?? '';
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
				if (figure === null) return STATUS_TEXT['no-data'];
				return figure.value !== 0 ? STATUS_TEXT.certified : STATUS_TEXT['not-certified'];
			}
		);
	}
}

/**
 * A commitment row's check, or the engine error to show: a bad rule keyword or reference,
 * or the error of the formula that hides a figure the rule needs.
 */
function ruleCheck(
	keyword: string,
	range: SimpleRangeValue,
	year: number,
	reference: unknown,
	precision: number
): CommitmentCheck | CellError {
	const kind = ruleKindOf(keyword);
	if (kind === null) return new CellError(ErrorType.VALUE, 'The rule must be no-fall, at-least or reach.');
	const { figures, errors } = readFigures(range);
	let refFigures: Figure[] | undefined;
	let refErrors: (CellError | null)[] = [];
	let target = 0;
	if (kind === 'at-least') {
		if (!(reference instanceof SimpleRangeValue))
			return new CellError(ErrorType.VALUE, 'at-least needs the reference row’s years.');
		({ figures: refFigures, errors: refErrors } = readFigures(reference));
	} else if (kind === 'reach') {
		const t = targetNumber(reference);
		if (t instanceof CellError) return t;
		if (t === null) return new CellError(ErrorType.VALUE, 'reach needs the figure to reach.');
		target = t;
	}
	const rule: CommitmentRule =
		kind === 'at-least' ? { kind, reference: '' } : kind === 'reach' ? { kind, target } : { kind };
	const check = checkCommitment({
		rule,
		figures,
		reference: refFigures,
		firstYear: FIRST_YEAR,
		targetYear: year,
		precision
	});
	if (check.status === 'error') {
		const i = (check.errorYear ?? FIRST_YEAR) - FIRST_YEAR;
		return errors[i] ?? refErrors[i] ?? new CellError(ErrorType.ERROR);
	}
	return check;
}
