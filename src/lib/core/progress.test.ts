import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	achievedRate,
	judgedFigure,
	meetsTarget,
	milestoneYearBefore,
	plannedPath,
	plannedValue,
	progress,
	type Figure,
	type ProgressQuestion
} from './progress';
import { FIRST_YEAR } from './model';

/** A county's figures by year, 2020–2035, from a sparse map. */
function years(map: Record<number, Figure>): Figure[] {
	return Array.from({ length: 16 }, (_, i) => map[FIRST_YEAR + i] ?? null);
}

function ask(q: Partial<ProgressQuestion> & { figures: Figure[] }): ReturnType<typeof progress> {
	return progress({
		firstYear: FIRST_YEAR,
		targetYear: 2025,
		target: null,
		comparator: '>=',
		precision: 2,
		...q
	});
}

describe('the plan’s worked example: 甘州区 EDU01 against the city’s 2025 target 99.53', () => {
	const figures = years({ 2020: 99.0, 2023: 99.3 });
	const p = ask({ figures, target: 99.53 });

	it('plans 99.318 for 2023 on the straight line 99.0 (2020) → 99.53 (2025)', () => {
		expect(p.path).toEqual([
			{ year: 2020, value: 99 },
			{ year: 2025, value: 99.53 }
		]);
		expect(p.planned).toBe(99.318);
	});

	it('judges 99.3 in 2023 behind the path (滞后), 0.23 short of the target', () => {
		expect(p.latest).toEqual({ year: 2023, value: 99.3 });
		expect(p.status).toBe('behind');
		expect(p.gap).toBe(-0.23);
	});

	it('requires 0.115 a year from now, against 0.1 a year achieved since 2020', () => {
		expect(p.required).toBe(0.115);
		expect(achievedRate(figures, FIRST_YEAR, 2025)).toBe(0.1);
	});

	it('judges 99.6 in 2024 as meeting the target (已达标), with nothing more required', () => {
		const met = ask({ figures: years({ 2020: 99.0, 2023: 99.3, 2024: 99.6 }), target: 99.53 });
		expect(met.status).toBe('met');
		expect(met.gap).toBe(0.07);
		expect(met.required).toBeNull();
	});
});

describe('strict comparators', () => {
	it('99 does not meet >99 even when on the path; 99.01 does', () => {
		const figures = years({ 2020: 98, 2023: 99 });
		const p = ask({ figures, target: 99, comparator: '>' });
		// 98 + 1 × 3/5 = 98.6 ≤ 99: on the path, but the target is not met.
		expect(p.planned).toBe(98.6);
		expect(p.status).toBe('on-track');
		expect(p.gap).toBe(0);
		expect(p.required).toBe(0);
		expect(ask({ figures: years({ 2020: 98, 2023: 99.01 }), target: 99, comparator: '>' }).status).toBe(
			'met'
		);
	});

	it('a figure exactly on the path is on track, and one 0.001 below is behind', () => {
		expect(ask({ figures: years({ 2020: 99, 2023: 99.318 }), target: 99.53 }).status).toBe('on-track');
		expect(ask({ figures: years({ 2020: 99, 2023: 99.317 }), target: 99.53 }).status).toBe('behind');
	});

	it('formula noise does not decide: 0.1 + 0.2 does not beat >0.3', () => {
		const p = ask({ figures: years({ 2020: 0.1, 2024: 0.1 + 0.2 }), target: 0.3, comparator: '>' });
		expect(p.status).toBe('on-track');
		expect(p.gap).toBe(0);
	});
});

describe('a baseline already above the target', () => {
	it('is met from the start', () => {
		const p = ask({ figures: years({ 2020: 99.6 }), target: 99.53 });
		expect(p.status).toBe('met');
		expect(p.required).toBeNull();
	});

	it('a later fall below the target is judged against a path that slopes down to it', () => {
		const p = ask({ figures: years({ 2020: 99.6, 2023: 99.5 }), target: 99.53 });
		// 99.6 − 0.07 × 3/5 = 99.558
		expect(p.planned).toBe(99.558);
		expect(p.status).toBe('behind');
		expect(p.required).toBe(0.015);
	});
});

describe('a figure only in the baseline year', () => {
	const figures = years({ 2020: 99 });
	const p = ask({ figures, target: 99.53 });

	it('is 数据不足: there is no progress to judge yet', () => {
		expect(p.status).toBe('no-data');
		expect(p.planned).toBeNull();
		expect(p.latest).toEqual({ year: 2020, value: 99 });
	});

	it('still says what is required a year, and the gap', () => {
		expect(p.required).toBe(0.106);
		expect(p.gap).toBe(-0.53);
		expect(achievedRate(figures, FIRST_YEAR, 2025)).toBeNull();
	});
});

describe('no baseline, no figure, no target', () => {
	it('a figure without a 2020 baseline cannot be placed on a path', () => {
		const p = ask({ figures: years({ 2024: 99.5 }), target: 99.53 });
		expect(p.status).toBe('no-data');
		expect(p.path).toBeNull();
		expect(p.gap).toBe(-0.03);
		expect(p.required).toBe(0.03);
	});

	it('but it can meet the target', () => {
		expect(ask({ figures: years({ 2024: 99.6 }), target: 99.53 }).status).toBe('met');
	});

	it('no figure at all', () => {
		const p = ask({ figures: years({}), target: 99.53 });
		expect(p.status).toBe('no-data');
		expect(p.latest).toBeNull();
		expect(p.gap).toBeNull();
		expect(p.required).toBeNull();
	});

	it('no target', () => {
		const p = ask({ figures: years({ 2020: 1, 2023: 2 }), target: null });
		expect(p.status).toBe('no-data');
		expect(p.latest).toEqual({ year: 2023, value: 2 });
		expect(p.gap).toBeNull();
	});

	it('a figure after the target year does not count for it', () => {
		const p = ask({ figures: years({ 2020: 45, 2022: 47, 2027: 70 }), target: 48 });
		expect(p.latest).toEqual({ year: 2022, value: 47 });
		// 45 + 3 × 2/5 = 46.2
		expect(p.planned).toBe(46.2);
		expect(p.status).toBe('on-track');
	});

	it('in the target year itself, short of the target is behind and nothing can be required', () => {
		const p = ask({ figures: years({ 2020: 45, 2025: 47.9 }), target: 48 });
		expect(p.status).toBe('behind');
		expect(p.required).toBeNull();
	});

	it('in the target year, short of the target is behind even without a baseline, and 99 of >99 too', () => {
		expect(ask({ figures: years({ 2025: 47.9 }), target: 48 }).status).toBe('behind');
		expect(ask({ figures: years({ 2020: 98, 2025: 99 }), target: 99, comparator: '>' }).status).toBe(
			'behind'
		);
	});
});

describe('formula errors', () => {
	it('an error from the judged figure up to the target year hides it', () => {
		const p = ask({ figures: years({ 2020: 99, 2023: 99.3, 2024: 'error' }), target: 99.53 });
		expect(p.status).toBe('error');
		expect(p.errorYear).toBe(2024);
	});

	it('an error before the judged figure or after the target year does not', () => {
		const figures = years({ 2020: 99, 2021: 'error', 2023: 99.3, 2030: 'error' });
		expect(ask({ figures, target: 99.53 }).status).toBe('behind');
		expect(judgedFigure(figures, FIRST_YEAR, 2035)).toEqual({ kind: 'error', year: 2030 });
	});

	it('an error in the baseline leaves no path', () => {
		expect(ask({ figures: years({ 2020: 'error', 2023: 99.3 }), target: 99.53 }).status).toBe('no-data');
	});
});

describe('years of schooling (年), towards 2025 and on to 2035', () => {
	// EDU09: city targets >10.2 (2025) and 11 (2035).
	const figures = years({ 2020: 9.6, 2023: 9.9 });

	it('2025: planned 9.96 in 2023, so 9.9 is behind; 0.15 a year required', () => {
		const p = ask({ figures, target: 10.2, comparator: '>', precision: 1 });
		expect(p.planned).toBe(9.96);
		expect(p.status).toBe('behind');
		expect(p.gap).toBe(-0.3);
		expect(p.required).toBe(0.15);
		expect(achievedRate(figures, FIRST_YEAR, 2025)).toBe(0.1);
	});

	it('2035 without a 2025 figure: the plan’s route 2020 → 2025 target → 2035 target', () => {
		const p = ask({ figures, targetYear: 2035, target: 11, milestone: 10.2, precision: 1 });
		expect(p.path).toEqual([
			{ year: 2020, value: 9.6 },
			{ year: 2025, value: 10.2 },
			{ year: 2035, value: 11 }
		]);
		expect(p.planned).toBe(9.96);
		expect(p.status).toBe('behind');
		// (11 − 9.9) / 12 = 0.091666…, kept to 10 decimals.
		expect(p.required).toBe(0.0916666667);
	});

	it('2035 after 2025 without a 2025 figure: from the 2025 target', () => {
		const p = ask({
			figures: years({ 2020: 9.6, 2024: 10.1, 2027: 10.4 }),
			targetYear: 2035,
			target: 11,
			milestone: 10.2,
			precision: 1
		});
		// 10.2 + 0.8 × 2/10 = 10.36
		expect(p.planned).toBe(10.36);
		expect(p.status).toBe('on-track');
		expect(p.required).toBe(0.075);
	});

	it('2035 with a 2025 figure: the path restarts from it', () => {
		const p = ask({
			figures: years({ 2020: 9.6, 2025: 10.3, 2028: 10.5 }),
			targetYear: 2035,
			target: 11,
			milestone: 10.2,
			precision: 1
		});
		expect(p.path).toEqual([
			{ year: 2025, value: 10.3 },
			{ year: 2035, value: 11 }
		]);
		// 10.3 + 0.7 × 3/10 = 10.51
		expect(p.planned).toBe(10.51);
		expect(p.status).toBe('behind');
	});

	it('2035 with nothing after the 2025 figure: no progress since the path’s start yet', () => {
		const p = ask({
			figures: years({ 2020: 9.6, 2025: 10.3 }),
			targetYear: 2035,
			target: 11,
			milestone: 10.2,
			precision: 1
		});
		expect(p.status).toBe('no-data');
		expect(p.required).toBe(0.07);
	});

	it('2035 without a milestone target: one line from 2020', () => {
		const p = ask({ figures, targetYear: 2035, target: 11, precision: 1 });
		expect(p.path).toEqual([
			{ year: 2020, value: 9.6 },
			{ year: 2035, value: 11 }
		]);
		// 9.6 + 1.4 × 3/15 = 9.88
		expect(p.planned).toBe(9.88);
		expect(p.status).toBe('on-track');
	});

	it('2035 without a baseline or a 2025 figure, before 2025: no path for that year', () => {
		const p = ask({ figures: years({ 2023: 9.9 }), targetYear: 2035, target: 11, milestone: 10.2 });
		expect(p.path).toEqual([
			{ year: 2025, value: 10.2 },
			{ year: 2035, value: 11 }
		]);
		expect(p.status).toBe('no-data');
	});
});

describe('a lower-is-better indicator', () => {
	// e.g. a county's own "share of oversized classes", target at most 5 (or below 5).
	const q = { direction: 'lower' as const, target: 5 };

	it('reads >= as at most and > as strictly below', () => {
		expect(meetsTarget(5, 5, '>=', 'lower')).toBe(true);
		expect(meetsTarget(5, 5, '>', 'lower')).toBe(false);
		expect(meetsTarget(4.99, 5, '>', 'lower')).toBe(true);
		expect(meetsTarget(5.01, 5, '>=', 'lower')).toBe(false);
	});

	it('is on track at or below the path, behind above it; progress required is a fall', () => {
		const behind = ask({ ...q, figures: years({ 2020: 10, 2023: 8 }) });
		// 10 − 5 × 3/5 = 7
		expect(behind.planned).toBe(7);
		expect(behind.status).toBe('behind');
		expect(behind.required).toBe(-1.5);
		expect(behind.gap).toBe(3);
		expect(ask({ ...q, figures: years({ 2020: 10, 2023: 7 }) }).status).toBe('on-track');
		expect(ask({ ...q, figures: years({ 2020: 10, 2023: 4.9 }) }).status).toBe('met');
		expect(ask({ ...q, comparator: '>', figures: years({ 2020: 10, 2023: 5 }) }).status).toBe('on-track');
	});
});

describe('helpers', () => {
	it('2035 passes through 2025; 2025 has no earlier target year', () => {
		expect(milestoneYearBefore(2035)).toBe(2025);
		expect(milestoneYearBefore(2025)).toBeNull();
	});

	it('the planned value is only defined within the path', () => {
		const path = plannedPath({
			figures: years({ 2020: 99 }),
			firstYear: FIRST_YEAR,
			targetYear: 2025,
			target: 99.53,
			comparator: '>='
		});
		expect(plannedValue(path, 2020)).toBe(99);
		expect(plannedValue(path, 2025)).toBe(99.53);
		expect(plannedValue(path, 2026)).toBeNull();
		expect(plannedValue(null, 2023)).toBeNull();
	});
});

describe('properties', () => {
	const figure = fc.oneof(
		fc.constant(null),
		fc.integer({ min: 0, max: 20000 }).map((n) => n / 100)
	);
	const question = fc.record({
		figures: fc.array(figure, { minLength: 16, maxLength: 16 }),
		targetYear: fc.constantFrom(2025, 2035),
		target: fc.integer({ min: 0, max: 20000 }).map((n) => n / 100),
		comparator: fc.constantFrom('>' as const, '>=' as const),
		milestone: fc.option(
			fc.integer({ min: 0, max: 20000 }).map((n) => n / 100),
			{ nil: null }
		),
		direction: fc.constantFrom('higher' as const, 'lower' as const)
	});

	it('met exactly when the judged figure meets the target', () => {
		fc.assert(
			fc.property(question, (q) => {
				const p = progress({ ...q, firstYear: FIRST_YEAR, precision: 2 });
				if (!p.latest) return p.status === 'no-data';
				return (p.status === 'met') === meetsTarget(p.latest.value, q.target, q.comparator, q.direction);
			})
		);
	});

	it('on track or behind only with a planned value, and on the right side of it', () => {
		fc.assert(
			fc.property(question, (q) => {
				const p = progress({ ...q, firstYear: FIRST_YEAR, precision: 2 });
				if (p.status !== 'on-track' && p.status !== 'behind') return true;
				if (!p.latest) return false;
				// In the target year itself, anything short of the target is behind.
				if (p.latest.year === q.targetYear) return p.status === 'behind';
				if (p.planned === null) return false;
				const above = q.direction === 'lower' ? p.latest.value <= p.planned : p.latest.value >= p.planned;
				// Planned values are cut at 10 decimals; figures here have 2, so the sides are clear.
				return above === (p.status === 'on-track');
			})
		);
	});

	it('keeping up the required progress reaches the target in the target year', () => {
		fc.assert(
			fc.property(question, (q) => {
				const p = progress({ ...q, firstYear: FIRST_YEAR, precision: 2 });
				if (p.required === null || !p.latest) return true;
				const reached = p.latest.value + p.required * (q.targetYear - p.latest.year);
				return Math.abs(reached - q.target) < 1e-6;
			})
		);
	});
});
