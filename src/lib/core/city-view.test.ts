import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	certificationByYear,
	cityView,
	judgeCell,
	latestYearOf,
	qualifiersOf,
	shownFigure,
	type CityViewChoice,
	type CountyFigures,
	type YearFigures
} from './city-view';
import { compareRow, levelTargets, type IndicatorTargets, type SheetFigure } from './comparison';
import { counties, planIndicator, planIndicators, seedSeries } from './plan';
import { CITY_CODE, FIRST_YEAR, PROVINCE_CODE, TARGET_YEARS } from './model';

function years(map: Partial<Record<number, SheetFigure>>): SheetFigure[] {
	return Array.from({ length: 16 }, (_, i) => map[FIRST_YEAR + i] ?? null);
}

const seeds = seedSeries();
function seededTargets(code: string): IndicatorTargets {
	const of = (level: string) =>
		levelTargets(
			seeds.find((s) => s.regionCode === level && s.indicatorCode === code && s.kind === 'target')
		);
	return { [CITY_CODE]: of(CITY_CODE), [PROVINCE_CODE]: of(PROVINCE_CODE) };
}
const allTargets = new Map(planIndicators.map((i) => [i.code, seededTargets(i.code)]));
const citySeries = (code: string) =>
	seeds.find((s) => s.regionCode === CITY_CODE && s.indicatorCode === code && s.kind === 'actual');

const CITY_2025: CityViewChoice = { level: CITY_CODE, targetYear: 2025, year: null };
const EDU01 = planIndicator('EDU01')!;
const EDU03 = planIndicator('EDU03')!;

/** Six counties in the plan's order, each with the figures given for it by indicator. */
function sixCounties(
	byCounty: Record<string, Record<string, Partial<Record<number, SheetFigure>>>>
): CountyFigures[] {
	return counties.map((c) => ({
		regionCode: c.code,
		figures: new Map(Object.entries(byCounty[c.code] ?? {}).map(([code, figs]) => [code, years(figs)]))
	}));
}

describe('shownFigure', () => {
	it('the latest figure of any year, or exactly the chosen year', () => {
		const f = years({ 2020: 99, 2023: 99.3 });
		expect(shownFigure(f, null)).toEqual({ kind: 'figure', figure: { year: 2023, value: 99.3 } });
		expect(shownFigure(f, 2020)).toEqual({ kind: 'figure', figure: { year: 2020, value: 99 } });
		// No other year stands in for a chosen year without a figure.
		expect(shownFigure(f, 2024)).toBeNull();
		expect(shownFigure(years({}), null)).toBeNull();
	});

	it('a failing formula hides the figure where it sits', () => {
		const f = years({ 2020: 99, 2023: 'error' });
		expect(shownFigure(f, null)).toEqual({ kind: 'error', year: 2023 });
		expect(shownFigure(f, 2020)).toEqual({ kind: 'figure', figure: { year: 2020, value: 99 } });
	});
});

describe('judgeCell', () => {
	const targets = seededTargets('EDU01');
	const judge = (figs: Record<number, SheetFigure>, choice: CityViewChoice = CITY_2025) =>
		judgeCell('620702', EDU01, 'value', years(figs), targets, choice);

	it('behind the planned path: the issue’s example (99.0 → 99.3 in 2023 against 99.53 in 2025)', () => {
		const cell = judge({ 2020: 99, 2023: 99.3 });
		expect(cell).toMatchObject({ status: 'behind', shown: { year: 2023, value: 99.3 }, gap: -0.23 });
	});

	it('met, counting `>` strictly', () => {
		expect(judge({ 2020: 99, 2024: 99.6 }).status).toBe('met');
		// EDU01's province 2035 target is >96: 96 itself does not meet it.
		const province2035: CityViewChoice = { level: PROVINCE_CODE, targetYear: 2035, year: null };
		expect(judge({ 2020: 95, 2024: 96 }, province2035).status).not.toBe('met');
		expect(judge({ 2020: 95, 2024: 96.01 }, province2035).status).toBe('met');
	});

	it('a chosen year shows that year’s figure, judged as of then', () => {
		const figs = { 2020: 99, 2022: 99.4, 2024: 99.6 };
		expect(judge(figs, { ...CITY_2025, year: 2022 })).toMatchObject({
			status: 'on-track',
			shown: { year: 2022, value: 99.4 }
		});
		expect(judge(figs, { ...CITY_2025, year: 2023 })).toMatchObject({ status: 'no-data', shown: null });
	});

	it('after the target year the deadline has passed: met or behind, nothing in between', () => {
		expect(judge({ 2020: 99, 2026: 99.5 }).status).toBe('behind');
		expect(judge({ 2020: 99, 2026: 99.53 }).status).toBe('met');
	});

	it('no target, no figure or a failing formula', () => {
		expect(judge({})).toMatchObject({ status: 'no-data', shown: null, gap: null });
		expect(judge({ 2020: 99, 2023: 'error' })).toMatchObject({ status: 'error', errorYear: 2023 });
		expect(judgeCell('620702', EDU01, 'value', years({ 2023: 99 }), {}, CITY_2025)).toMatchObject({
			status: 'no-data',
			shown: { year: 2023, value: 99 }
		});
	});

	it('EDU03 in a county is a certification', () => {
		const t = seededTargets('EDU03');
		expect(judgeCell('620702', EDU03, 'certified', years({ 2025: true }), t, CITY_2025).status).toBe(
			'certified'
		);
		expect(judgeCell('620702', EDU03, 'certified', years({ 2025: false }), t, CITY_2025).status).toBe(
			'not-certified'
		);
	});

	it('agrees with the county comparison sheet whenever the latest figure is not after the target year', () => {
		const figure = fc.oneof(
			{ weight: 2, arbitrary: fc.constant<SheetFigure>(null) },
			{ weight: 3, arbitrary: fc.integer({ min: 9000, max: 10100 }).map((n): SheetFigure => n / 100) },
			{ weight: 1, arbitrary: fc.constant<SheetFigure>('error') }
		);
		fc.assert(
			fc.property(
				fc.array(figure, { minLength: 16, maxLength: 16 }),
				fc.constantFrom(...planIndicators.filter((i) => i.countyMeasure === 'value')),
				fc.constantFrom(CITY_CODE, PROVINCE_CODE),
				fc.constantFrom(...TARGET_YEARS),
				(figs, indicator, level, targetYear) => {
					const figures = figs.map((f, i) => (FIRST_YEAR + i > targetYear ? null : f));
					const targets = seededTargets(indicator.code);
					const sheet = compareRow({ indicator, isPlanIndicator: true, figures, targets });
					const expected = sheet.comparisons.find((c) => c.level === level && c.year === targetYear)!;
					const cell = judgeCell('x', indicator, 'value', figures, targets, {
						level,
						targetYear,
						year: null
					});
					expect(cell.status).toBe(expected.status);
					if (expected.status !== 'error' && expected.judged) {
						expect(cell.shown).toEqual(expected.judged);
						expect(cell.gap).toBe(expected.gap);
					}
				}
			),
			{ numRuns: Number(process.env.FC_RUNS ?? 300) }
		);
	});
});

describe('certificationByYear', () => {
	it('counts certified counties once all six have said yes or no', () => {
		const c = (y: Record<number, SheetFigure>) => years(y);
		const rows = certificationByYear([
			{ regionCode: 'a', figures: c({ 2024: false, 2025: true }) },
			{ regionCode: 'b', figures: c({ 2025: false }) },
			{ regionCode: 'c', figures: c({ 2024: true, 2025: true }) }
		]);
		expect(rows).toEqual([
			{ year: 2024, certified: 1, reported: 2, total: 3, missing: ['b'], share: null },
			{ year: 2025, certified: 2, reported: 3, total: 3, missing: [], share: 66.6666666667 }
		]);
	});
});

describe('cityView', () => {
	it('EDU03: 甘州区, 临泽县 and 高台县 certified for 2025 and the others not make 50%, meeting the city’s 2025 target', () => {
		const certified = new Set(['620702', '620723', '620724']);
		const view = cityView({
			indicators: planIndicators,
			counties: sixCounties(
				Object.fromEntries(counties.map((c) => [c.code, { EDU03: { 2025: certified.has(c.code) } }]))
			),
			city: new Map(),
			targets: allTargets,
			choice: CITY_2025
		});
		const row = view.rows.find((r) => r.indicator.code === 'EDU03')!;
		expect(row.measure).toBe('certified');
		expect(row.counties.map((c) => c.status)).toEqual([
			'certified',
			'not-certified',
			'not-certified',
			'certified',
			'certified',
			'not-certified'
		]);
		expect(row.met).toBe(3);
		expect(row.computed?.cell).toMatchObject({ status: 'met', shown: { year: 2025, value: 50 }, gap: 0 });
		expect(row.computed?.basis).toMatchObject({ year: 2025, certified: 3, reported: 6, total: 6 });
		expect(row.computed?.check).toEqual({ kind: 'nothing-to-compare' });
	});

	it('EDU03: a city figure that disagrees with the counties is flagged; one of another qualifier is not compared', () => {
		const all = (v: boolean) =>
			Object.fromEntries(counties.map((c) => [c.code, { EDU03: { 2020: v, 2025: v } }]));
		const differs = cityView({
			indicators: planIndicators,
			counties: sixCounties(all(false)),
			city: new Map([['EDU03', years({ 2025: 50 })]]),
			targets: allTargets,
			choice: CITY_2025
		});
		expect(differs.rows[2]!.computed?.check).toEqual({
			kind: 'differs',
			year: 2025,
			computed: 0,
			reported: 50
		});
		expect(differs.rows[2]!.city).toMatchObject({ status: 'met', shown: { year: 2025, value: 50 } });

		// The seeded 2020 city figure is 100 (基本均衡): the counties certify 优质均衡.
		const other = cityView({
			indicators: planIndicators,
			counties: sixCounties(all(false)),
			city: new Map([['EDU03', years({ 2020: 100 })]]),
			cityQualifiers: new Map([['EDU03', qualifiersOf(citySeries('EDU03'))]]),
			targets: allTargets,
			choice: { ...CITY_2025, year: 2020 }
		});
		expect(other.rows[2]!.computed?.check).toEqual({
			kind: 'other-qualifier',
			year: 2020,
			qualifier: '基本均衡'
		});
		// Nor is it judged against the 优质均衡 target: 100 基本均衡 does not meet 50 优质均衡.
		expect(other.rows[2]!.city).toMatchObject({
			status: 'no-data',
			shown: { year: 2020, value: 100 },
			otherQualifier: '基本均衡'
		});
	});

	it('EDU03: until every county has reported a year, its share is not computed and the missing are named', () => {
		const view = cityView({
			indicators: planIndicators,
			counties: sixCounties({ '620702': { EDU03: { 2025: true } }, '620721': { EDU03: { 2025: false } } }),
			city: new Map(),
			targets: allTargets,
			choice: { ...CITY_2025, year: 2025 }
		});
		const row = view.rows[2]!;
		expect(row.computed?.cell.status).toBe('no-data');
		expect(row.computed?.basis).toMatchObject({
			certified: 1,
			reported: 2,
			missing: ['620722', '620723', '620724', '620725']
		});
	});

	it('「n/6 达标」 counts the counties whose figure meets the chosen target', () => {
		const figs = [99.6, 99.53, 99.52, null, 99.7, 98];
		const view = cityView({
			indicators: planIndicators,
			counties: sixCounties(
				Object.fromEntries(
					counties.map((c, i) => [c.code, { EDU01: figs[i] === null ? {} : { 2020: 99, 2024: figs[i]! } }])
				)
			),
			city: new Map([['EDU01', years({ 2020: 99.51, 2024: 99.55 })]]),
			targets: allTargets,
			choice: CITY_2025
		});
		const row = view.rows[0]!;
		expect(row.counties.map((c) => c.status)).toEqual(['met', 'met', 'on-track', 'no-data', 'met', 'behind']);
		expect(row.met).toBe(3);
		expect(row.tally).toEqual({ met: 3, 'on-track': 1, 'no-data': 1, behind: 1 });
		expect(row.city).toMatchObject({ status: 'met', shown: { year: 2024, value: 99.55 } });
		expect(row.computed).toBeNull();
		// Against the province's 2035 target (>96) all five with figures meet it.
		const province = cityView({
			indicators: planIndicators,
			counties: sixCounties(
				Object.fromEntries(
					counties.map((c, i) => [c.code, { EDU01: figs[i] === null ? {} : { 2024: figs[i]! } }])
				)
			),
			city: new Map(),
			targets: allTargets,
			choice: { level: PROVINCE_CODE, targetYear: 2035, year: null }
		});
		expect(province.rows[0]!.met).toBe(5);
		expect(province.rows[0]!.target).toEqual({ value: 96, comparator: '>', qualifier: null });
	});

	it('met never exceeds the counties and the tally adds up to six', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.array(
						fc.option(
							fc.integer({ min: 0, max: 1100 }).map((n) => n / 10),
							{ nil: null }
						),
						{
							minLength: 16,
							maxLength: 16
						}
					),
					{ minLength: 6, maxLength: 6 }
				),
				fc.constantFrom(CITY_CODE, PROVINCE_CODE),
				fc.constantFrom(...TARGET_YEARS),
				fc.option(fc.integer({ min: 2020, max: 2035 }), { nil: null }),
				(perCounty, level, targetYear, year) => {
					const view = cityView({
						indicators: planIndicators,
						counties: counties.map((c, i) => ({
							regionCode: c.code,
							figures: new Map(planIndicators.map((ind) => [ind.code, perCounty[i] as YearFigures]))
						})),
						city: new Map(),
						targets: allTargets,
						choice: { level, targetYear, year }
					});
					for (const row of view.rows) {
						const total = Object.values(row.tally).reduce((a, b) => a + b, 0);
						expect(total).toBe(6);
						expect(row.met).toBe(
							row.counties.filter((c) => c.status === 'met' || c.status === 'certified').length
						);
					}
				}
			),
			{ numRuns: Number(process.env.FC_RUNS ?? 100) }
		);
	});
});

describe('latestYearOf', () => {
	it('the latest year with a figure in any of the rows', () => {
		expect(latestYearOf([years({ 2021: 1 }), years({ 2024: 2, 2020: 3 }), years({})])).toBe(2024);
		expect(latestYearOf([years({})])).toBeNull();
	});
});

describe('cityView certification rows', () => {
	it('each year’s share beside the city’s own figure, checked', () => {
		const certified = new Set(['620702', '620723', '620724']);
		const view = cityView({
			indicators: planIndicators,
			counties: sixCounties(
				Object.fromEntries(
					counties.map((c) => [c.code, { EDU03: { 2024: c.code === '620702', 2025: certified.has(c.code) } }])
				)
			),
			city: new Map([['EDU03', years({ 2020: 100, 2024: 16.67, 2025: 60 })]]),
			cityQualifiers: new Map([['EDU03', new Map([[2020, '基本均衡']])]]),
			targets: allTargets,
			choice: CITY_2025
		});
		expect(view.certification.map((y) => [y.year, y.share, y.cityFigure, y.check.kind])).toEqual([
			[2024, 16.6666666667, 16.67, 'agrees'],
			[2025, 50, 60, 'differs']
		]);
	});
});

describe('a city figure of another standard', () => {
	it('does not start the planned path to a target of the plan’s standard', () => {
		const t = seededTargets('EDU03');
		const q = qualifiersOf(citySeries('EDU03'));
		// 2020: 100 (基本均衡). Were it the path's start, 60 in 2023 would be on a path down to
		// 50; as it is, 60 meets 50 and 40 has no path to be judged on.
		expect(judgeCell('city', EDU03, 'value', years({ 2020: 100, 2023: 60 }), t, CITY_2025, q).status).toBe(
			'met'
		);
		expect(judgeCell('city', EDU03, 'value', years({ 2020: 100, 2023: 40 }), t, CITY_2025, q).status).toBe(
			'no-data'
		);
		// Without the qualifier, 40 in 2023 is below the path 100 → 50 (70 in 2023): behind.
		expect(judgeCell('city', EDU03, 'value', years({ 2020: 100, 2023: 40 }), t, CITY_2025).status).toBe(
			'behind'
		);
	});
});
