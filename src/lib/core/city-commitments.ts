// The city's view of the plan's commitments: for each rule (spending not falling, teachers'
// pay, counselling rooms), each county's verdict for its latest year up to the chosen target
// year, and how many of the counties that took the rows up meet it. A county that has not
// taken them up is shown as such and left out of the count: an optional row it never chose
// must not make it look short of data.
import { checkCommitment, judgedCommitments, type Commitment, type CommitmentCheck } from './commitments';
import type { SheetFigure } from './comparison';
import { FIRST_YEAR } from './model';

export interface CountyCommitmentFigures {
	regionCode: string;
	/** Whether the county's sheet shows the commitment rows. */
	takenUp: boolean;
	/** Its figures by commitment code (FIN01…), FIRST_YEAR first, as the engine computed them. */
	figures: ReadonlyMap<string, readonly SheetFigure[]>;
}

export interface CommitmentCityCell {
	regionCode: string;
	/** Null when the county has not taken the rows up. */
	check: CommitmentCheck | null;
}

export interface CommitmentCityRow {
	commitment: Commitment;
	counties: CommitmentCityCell[];
	/** Counties meeting the rule, of `takenUp`. */
	met: number;
	takenUp: number;
}

const asNumbers = (figures: readonly SheetFigure[] | undefined) =>
	figures?.map((f) => (typeof f === 'boolean' ? (f ? 1 : 0) : f));

/** One row per judged commitment (PAY02 is only PAY01's reference), counties in the given order. */
export function cityCommitments(
	counties: readonly CountyCommitmentFigures[],
	targetYear: number
): CommitmentCityRow[] {
	return judgedCommitments.map((commitment) => {
		const cells = counties.map((county): CommitmentCityCell => {
			if (!county.takenUp) return { regionCode: county.regionCode, check: null };
			const rule = commitment.rule;
			const check = checkCommitment({
				rule,
				figures: asNumbers(county.figures.get(commitment.code)) ?? [],
				reference: rule.kind === 'at-least' ? asNumbers(county.figures.get(rule.reference)) : undefined,
				firstYear: FIRST_YEAR,
				targetYear,
				precision: commitment.precision
			});
			return { regionCode: county.regionCode, check };
		});
		return {
			commitment,
			counties: cells,
			met: cells.filter((c) => c.check?.status === 'met').length,
			takenUp: cells.filter((c) => c.check !== null).length
		};
	});
}
