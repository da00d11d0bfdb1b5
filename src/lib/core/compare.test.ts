import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalsOf, figureFor, gap, MAX_GAP_DECIMALS, meets, roundTo, statusFor } from './compare';
import type { Comparator } from './model';

describe('decimalsOf', () => {
	it.each<[number, number]>([
		[99.53, 2],
		[100, 0],
		[0, 0],
		[-0.03, 2],
		[1e-7, 7],
		[1.5e-10, 11],
		[1e21, 0],
		[10.2, 1],
		[0.1 + 0.2, 17],
		[NaN, 0],
		[Infinity, 0]
	])('%d has %d decimals', (n, d) => {
		expect(decimalsOf(n)).toBe(d);
	});
});

describe('roundTo', () => {
	it.each<[number, number, number]>([
		[99.6 - 99.53, 2, 0.07],
		[-0.03000000000001, 2, -0.03],
		[1.005, 2, 1.01], // typed as 1.005, though the double is 1.00499999999999989…
		[-1.005, 2, -1.01],
		[2.5, 0, 3],
		[-2.5, 0, -3],
		[0.125, 2, 0.13],
		[1.4999, 0, 1],
		[0.0699999, 2, 0.07],
		[99.53, 5, 99.53],
		[99.53, 0, 100],
		[123.456, 1, 123.5],
		[1e-7, 2, 0],
		[1e21, 2, 1e21],
		[0.1 + 0.2, 10, 0.3],
		[8.345, 2, 8.35],
		[1.255, 2, 1.26]
	])('roundTo(%d, %d) === %d', (n, d, expected) => {
		expect(roundTo(n, d)).toBe(expected);
	});

	it('never gives −0', () => {
		expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
		expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
	});

	it('passes non-finite numbers through', () => {
		expect(roundTo(NaN, 2)).toBeNaN();
		expect(roundTo(Infinity, 2)).toBe(Infinity);
	});

	it.each([-1, 1.5, NaN])('refuses %d decimals', (d) => {
		expect(() => roundTo(1, d)).toThrow(RangeError);
	});

	it('agrees with integer arithmetic on typed decimals', () => {
		fc.assert(
			fc.property(
				fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
				fc.integer({ min: 0, max: 6 }),
				fc.integer({ min: 0, max: 6 }),
				(units, scale, decimals) => {
					const n = Number(decimalText(units, scale));
					let expected = units;
					if (scale > decimals) {
						const div = 10n ** BigInt(scale - decimals);
						const abs = units < 0n ? -units : units;
						let q = abs / div;
						if (2n * (abs % div) >= div) q += 1n;
						expected = units < 0n ? -q : q;
					}
					const want = Number(decimalText(expected, Math.min(scale, decimals)));
					expect(roundTo(n, decimals)).toBe(want === 0 ? 0 : want);
				}
			),
			{ numRuns: 2000 }
		);
	});
});

function decimalText(units: bigint, scale: number): string {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
	const cut = digits.length - scale;
	return (negative ? '-' : '') + (scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

describe('meets', () => {
	it.each<[number, number, Comparator, boolean]>([
		[99.6, 99.53, '>=', true],
		[99.53, 99.53, '>=', true],
		[99.5, 99.53, '>=', false],
		[99, 99, '>', false],
		[99.01, 99, '>', true],
		[10.2, 10.2, '>', false],
		[10.3, 10.2, '>', true],
		[10.2, 10.2, '>=', true],
		[100, 99, '>', true],
		[-1, 0, '>=', false],
		[0.1 + 0.2, 0.3, '>', false], // float noise from a formula does not beat the target
		[0.1 + 0.2, 0.3, '>=', true],
		[NaN, 1, '>=', false],
		[1, NaN, '>=', false]
	])('meets(%d, %d, %s) === %s', (value, target, cmp, expected) => {
		expect(meets(value, target, cmp)).toBe(expected);
	});

	it('agrees with the sign of the gap', () => {
		fc.assert(
			fc.property(
				fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
				fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
				(value, target) => {
					const g = gap(value, target);
					expect(meets(value, target, '>')).toBe(g > 0);
					expect(meets(value, target, '>=')).toBe(g >= 0);
				}
			)
		);
	});

	it('on typed decimals, is exactly > and >=', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -10_000_000, max: 10_000_000 }),
				fc.integer({ min: -10_000_000, max: 10_000_000 }),
				fc.integer({ min: 0, max: 4 }),
				(a, b, d) => {
					const value = Number(decimalText(BigInt(a), d));
					const target = Number(decimalText(BigInt(b), d));
					expect(meets(value, target, '>')).toBe(a > b);
					expect(meets(value, target, '>=')).toBe(a >= b);
				}
			)
		);
	});
});

describe('gap', () => {
	it.each<[number, number, number, number]>([
		[99.6, 99.53, 0, 0.07],
		[99.5, 99.53, 0, -0.03],
		[99, 99, 0, 0],
		[99.01, 99, 0, 0.01],
		[10.2, 10.2, 0, 0],
		[9.9, 10.2, 0, -0.3],
		[97, 95.59, 0, 1.41],
		[100, 95, 2, 5],
		[0.1 + 0.2, 0.3, 0, 0], // 17 decimals, capped at 10
		[1e-11, 0, 0, 0],
		[1e-10, 0, 0, 1e-10],
		[1.23456789012, 0, 0, 1.2345678901],
		[1.005, 0, 2, 1.005], // minDecimals only adds room, it never cuts the figures' own decimals
		[2, 1, 3, 1]
	])('gap(%d, %d, %d) === %d', (value, target, minDecimals, expected) => {
		expect(gap(value, target, minDecimals)).toBe(expected);
	});

	it('never gives −0', () => {
		expect(Object.is(gap(99, 99), 0)).toBe(true);
		expect(Object.is(gap(-1e-12, 0), 0)).toBe(true);
	});

	it('is NaN when either side is not a number', () => {
		expect(gap(NaN, 1)).toBeNaN();
		expect(gap(1, Infinity)).toBeNaN();
	});

	it('caps at MAX_GAP_DECIMALS', () => {
		expect(MAX_GAP_DECIMALS).toBe(10);
		expect(decimalsOf(gap(1 / 3, 0))).toBe(10);
		expect(decimalsOf(gap(1, 0, 20))).toBe(0);
	});

	it('is the exact decimal difference of typed figures', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -10_000_000, max: 10_000_000 }),
				fc.integer({ min: 0, max: 4 }),
				fc.integer({ min: -10_000_000, max: 10_000_000 }),
				fc.integer({ min: 0, max: 4 }),
				(a, da, b, db) => {
					const value = Number(decimalText(BigInt(a), da));
					const target = Number(decimalText(BigInt(b), db));
					const d = Math.max(da, db);
					const diff = BigInt(a) * 10n ** BigInt(d - da) - BigInt(b) * 10n ** BigInt(d - db);
					const want = Number(decimalText(diff, d));
					expect(gap(value, target)).toBe(want === 0 ? 0 : want);
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('figureFor', () => {
	// 2020 … 2026
	const series = [99.51, null, null, null, 99.55, null, 99.6];

	it('takes the latest earlier year when the target year is empty', () => {
		expect(figureFor(series, 2020, 2025)).toEqual({ year: 2024, value: 99.55 });
	});

	it('ignores later years', () => {
		expect(figureFor(series, 2020, 2023)).toEqual({ year: 2020, value: 99.51 });
		expect(figureFor([null, 1, 2, 3, 4, null, 99], 2020, 2025)).toEqual({ year: 2024, value: 4 });
	});

	it("takes the target year's own figure first", () => {
		expect(figureFor([1, 2, 3, 4, 5, 6, 7], 2020, 2025)).toEqual({ year: 2025, value: 6 });
		expect(figureFor([1, null, null, null, null, 0], 2020, 2025)).toEqual({ year: 2025, value: 0 });
	});

	it('reads a target year beyond the array as its last figure', () => {
		expect(figureFor([1, 2], 2020, 2035)).toEqual({ year: 2021, value: 2 });
	});

	it('is null when there is no figure up to the target year', () => {
		expect(figureFor([], 2020, 2025)).toBeNull();
		expect(figureFor([null, null, null], 2020, 2025)).toBeNull();
		expect(figureFor([null, null, null, null, null, null, 5], 2020, 2025)).toBeNull();
		expect(figureFor([1, 2, 3], 2020, 2019)).toBeNull();
	});

	it('skips figures that are not numbers (a failed formula)', () => {
		expect(figureFor([1, 2, NaN], 2020, 2022)).toEqual({ year: 2021, value: 2 });
	});
});

describe('statusFor', () => {
	const figures2020to2026 = [99.51, null, null, null, 99.6, null, 99];

	it('judges 2025 by 2024 when 2025 is empty, ignoring 2026', () => {
		expect(statusFor(figures2020to2026, 2020, 2025, 99.53, '>=')).toBe('met');
		expect(statusFor(figures2020to2026, 2020, 2025, 99.6, '>')).toBe('not-met');
	});

	it.each<[number, number, Comparator, string]>([
		[99.6, 99.53, '>=', 'met'],
		[99.5, 99.53, '>=', 'not-met'],
		[99, 99, '>', 'not-met'],
		[99.01, 99, '>', 'met'],
		[10.2, 10.2, '>', 'not-met'],
		[10.2, 10.2, '>=', 'met']
	])('%d against %d (%s) is %s', (value, target, cmp, status) => {
		expect(statusFor([value], 2025, 2025, target, cmp)).toBe(status);
	});

	it('is no-data without a target or without a figure', () => {
		expect(statusFor([99], 2020, 2025, null, '>=')).toBe('no-data');
		expect(statusFor([99], 2020, 2025, NaN, '>=')).toBe('no-data');
		expect(statusFor([null, null], 2020, 2025, 99, '>=')).toBe('no-data');
		expect(statusFor([], 2020, 2025, 99, '>')).toBe('no-data');
		expect(statusFor([null, null, null, null, null, null, 100], 2020, 2025, 99, '>')).toBe('no-data');
	});
});
