// The plan's commitments outside its indicator table (seeds/commitments.json): education
// spending that must not fall from one year to the next (三(二)), teachers' pay at least
// civil servants' (task 23), a counselling room in every school (task 18). A county takes
// them up as optional rows of its sheet. Their rule is the plan's own, relative to the year
// before or to another row, so they have no 2025/2035 targets on the targets sheet.
//
// `checkCommitment` is the one judgement: the grid's PLAN.RULE formula, the comparison sheet
// and the city view all ask it, so the three cannot disagree.
import { z } from 'zod/mini';
import commitmentsFile from '../../../seeds/commitments.json';
import { gap, meets } from './compare';
import { indicatorSchema, type Indicator, type Series } from './model';
import { judgedFigure, type Figure } from './progress';

export const commitmentRuleSchema = z.discriminatedUnion('kind', [
	/** Not lower than the year before (逐年只增不减). */
	z.object({ kind: z.literal('no-fall') }),
	/** Not lower than another row's figure of the same year (不低于…). */
	z.object({ kind: z.literal('at-least'), reference: z.string() }),
	/** The row another row is held against; no verdict of its own. */
	z.object({ kind: z.literal('reference'), of: z.string() }),
	/** The figure the plan names (普遍建立: 100%); the plan sets no year for it. */
	z.object({ kind: z.literal('reach'), target: z.number() })
]);
export type CommitmentRule = z.infer<typeof commitmentRuleSchema>;
export type RuleKind = CommitmentRule['kind'];

export const commitmentSchema = z.extend(indicatorSchema, {
	rule: commitmentRuleSchema,
	sourceZh: z.string().check(z.minLength(1)),
	sourceEn: z.string().check(z.minLength(1)),
	/** The plan's own words, simplified Chinese. */
	quoteZh: z.string().check(z.minLength(1))
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const planCommitments: readonly Commitment[] = z
	.array(commitmentSchema)
	.parse(commitmentsFile.commitments);

const byCode = new Map(planCommitments.map((c) => [c.code, c]));

export function commitmentByCode(code: string): Commitment | undefined {
	return byCode.get(code);
}
export function isCommitmentCode(code: string): boolean {
	return byCode.has(code);
}
/** Whether an indicator is one of the plan's commitment rows. */
export function isCommitment(indicator: Indicator): indicator is Commitment {
	return 'rule' in indicator && byCode.has(indicator.code);
}
/** Whether a stored row holds anything a planner wrote: a figure, a row note or a figure's note. */
export function seriesHoldsAnything(s: Series | undefined): boolean {
	if (!s) return false;
	return Object.keys(s.cells).length > 0 || s.note !== '' || Object.keys(s.notes ?? {}).length > 0;
}

/** The commitments that carry a verdict (PAY02 is only what PAY01 is held against). */
export const judgedCommitments: readonly Commitment[] = planCommitments.filter(
	(c) => c.rule.kind !== 'reference'
);

/**
 * met: the rule holds in the year judged; behind: it does not; no-data: no figure, or
 * nothing to hold it against (no figure the year before, no civil servants' pay that year);
 * error: a formula hides the figure judged or the one it is held against.
 */
export type CommitmentStatus = 'met' | 'behind' | 'no-data' | 'error';

export interface CommitmentCheck {
	status: CommitmentStatus;
	/** The year judged: the latest with a figure up to the target year. */
	year: number | null;
	value: number | null;
	/** What the figure is held against: the year before's, the other row's, the plan's 100. */
	against: number | null;
	againstYear: number | null;
	/** value − against, at the row's precision. */
	gap: number | null;
	errorYear: number | null;
	/**
	 * Every year up to the target year in which the rule did not hold (a fall, pay below);
	 * none for reach, whose figure is meant to rise to 100 over the years.
	 */
	lapses: number[];
}

export interface CommitmentQuestion {
	rule: CommitmentRule;
	/** `figures[i]` is the figure of `firstYear + i`. */
	figures: readonly Figure[];
	/** at-least: the other row's figures by year, as `figures`. */
	reference?: readonly Figure[];
	firstYear: number;
	/** Judge the latest figure up to this year (the sheet's 2025 and 2035 columns). */
	targetYear: number;
	precision?: number;
}

const isNumber = (v: Figure | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The plan's rule applied to a row of figures: its verdict for the latest year judged. */
export function checkCommitment(q: CommitmentQuestion): CommitmentCheck {
	const none: CommitmentCheck = {
		status: 'no-data',
		year: null,
		value: null,
		against: null,
		againstYear: null,
		gap: null,
		errorYear: null,
		lapses: []
	};
	if (q.rule.kind === 'reference') return none;
	const lapses = lapsesOf(q);
	const judged = judgedFigure(q.figures, q.firstYear, q.targetYear);
	if (judged?.kind === 'error') return { ...none, status: 'error', errorYear: judged.year, lapses };
	if (!judged) return { ...none, lapses };
	const base = { ...none, year: judged.year, value: judged.value, lapses };
	let against: Figure | undefined;
	let againstYear: number | null = null;
	if (q.rule.kind === 'reach') against = q.rule.target;
	else if (q.rule.kind === 'no-fall') {
		againstYear = judged.year - 1;
		against = judged.year > q.firstYear ? q.figures[againstYear - q.firstYear] : null;
	} else {
		againstYear = judged.year;
		against = q.reference?.[judged.year - q.firstYear];
	}
	if (against === 'error') return { ...base, status: 'error', errorYear: againstYear, againstYear };
	if (!isNumber(against)) return { ...base, againstYear };
	return {
		...base,
		status: meets(judged.value, against, '>=') ? 'met' : 'behind',
		against,
		againstYear,
		gap: gap(judged.value, against, q.precision ?? 0)
	};
}

/** The years in which the rule did not hold, for the comparison sheet's 未达要求年份. */
function lapsesOf(q: CommitmentQuestion): number[] {
	const out: number[] = [];
	const last = Math.min(q.targetYear - q.firstYear, q.figures.length - 1);
	for (let i = 0; i <= last; i++) {
		const value = q.figures[i];
		if (!isNumber(value)) continue;
		const against =
			q.rule.kind === 'no-fall'
				? i > 0
					? q.figures[i - 1]
					: null
				: q.rule.kind === 'at-least'
					? q.reference?.[i]
					: null;
		if (isNumber(against) && !meets(value, against, '>=')) out.push(q.firstYear + i);
	}
	return out;
}

/** The keyword a PLAN.RULE formula names its rule by, and back. */
export function ruleKindOf(keyword: unknown): Exclude<RuleKind, 'reference'> | null {
	const k = typeof keyword === 'string' ? keyword.trim().toLowerCase() : '';
	return k === 'no-fall' || k === 'at-least' || k === 'reach' ? k : null;
}
