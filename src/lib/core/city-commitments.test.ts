import { describe, expect, it } from 'vitest';
import { cityCommitments, type CountyCommitmentFigures } from './city-commitments';
import { counties } from './plan';

const years = (...vs: (number | null)[]) => vs;

function county(
	code: string,
	takenUp: boolean,
	figures: Record<string, (number | null)[]> = {}
): CountyCommitmentFigures {
	return { regionCode: code, takenUp, figures: new Map(Object.entries(figures)) };
}

describe('the city’s view of the commitments', () => {
	const [ganzhou, sunan, minle, ...rest] = counties.map((c) => c.code);
	const input = [
		county(ganzhou!, true, {
			FIN01: years(100, 120, 110),
			PAY01: years(null, 88000),
			PAY02: years(null, 90000),
			PSY01: years(80, 100)
		}),
		county(sunan!, true, { FIN01: years(100, 100), PAY01: years(95000), PAY02: years(90000) }),
		county(minle!, true),
		...rest.map((code) => county(code, false))
	];

	it('one row per judged rule (PAY02 is only the reference), the counties in the plan’s order', () => {
		const rows = cityCommitments(input, 2025);
		expect(rows.map((r) => r.commitment.code)).toEqual(['FIN01', 'FIN02', 'PAY01', 'PSY01']);
		expect(rows[0]!.counties.map((c) => c.regionCode)).toEqual(counties.map((c) => c.code));
	});

	it('counts only the counties that took the rows up; the others have no verdict', () => {
		const fin01 = cityCommitments(input, 2025)[0]!;
		expect(fin01.counties.map((c) => c.check?.status ?? 'not-taken-up')).toEqual([
			'behind',
			'met',
			'no-data',
			'not-taken-up',
			'not-taken-up',
			'not-taken-up'
		]);
		expect([fin01.met, fin01.takenUp]).toEqual([1, 3]);
		const pay01 = cityCommitments(input, 2025)[2]!;
		expect(pay01.counties.slice(0, 2).map((c) => c.check?.status)).toEqual(['behind', 'met']);
		expect(pay01.counties[0]!.check).toMatchObject({ year: 2021, against: 90000, gap: -2000 });
	});

	it('judges the latest year up to the chosen year, as the grid’s 2025 and 2035 columns do', () => {
		const late = [county(ganzhou!, true, { FIN01: [1, 2, 3, 4, 5, 6, 5] })];
		expect(cityCommitments(late, 2025)[0]!.counties[0]!.check?.status).toBe('met');
		expect(cityCommitments(late, 2035)[0]!.counties[0]!.check?.status).toBe('behind');
	});

	it('with no county taking them up, nothing is counted', () => {
		const rows = cityCommitments(
			counties.map((c) => county(c.code, false)),
			2025
		);
		expect(rows.every((r) => r.takenUp === 0 && r.met === 0)).toBe(true);
	});
});
