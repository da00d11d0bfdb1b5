import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	addRatio,
	compareRatio,
	fromScaled,
	plainDecimal,
	ratioOf,
	roundRatio,
	roundScaled,
	scaleRatio,
	subtractRatio,
	subtractScaled,
	toScaled
} from './decimal';

describe('plainDecimal', () => {
	it.each<[number, string]>([
		[0, '0'],
		[-0, '0'],
		[1, '1'],
		[-1, '-1'],
		[99.53, '99.53'],
		[1e-7, '0.0000001'],
		[1.5e-7, '0.00000015'],
		[-2.5e-8, '-0.000000025'],
		[1e21, '1000000000000000000000'],
		[1.25e21, '1250000000000000000000'],
		[-1e21, '-1000000000000000000000'],
		[123e20, '12300000000000000000000'],
		[5e-324, '0.' + '0'.repeat(323) + '5']
	])('%d → %s', (n, text) => {
		expect(plainDecimal(n)).toBe(text);
	});

	it.each([NaN, Infinity, -Infinity])('refuses %d', (n) => {
		expect(() => plainDecimal(n)).toThrow(RangeError);
	});

	it('is plain and reads back to the same double', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
				const text = plainDecimal(n);
				expect(text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
				expect(Number(text)).toBe(n === 0 ? 0 : n);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('scaled decimals', () => {
	it('toScaled counts the written decimals', () => {
		expect(toScaled(99.53)).toEqual({ units: 9953n, scale: 2 });
		expect(toScaled(-0.03)).toEqual({ units: -3n, scale: 2 });
		expect(toScaled(100)).toEqual({ units: 100n, scale: 0 });
		expect(toScaled(1e-7)).toEqual({ units: 1n, scale: 7 });
	});

	it('fromScaled pads and signs', () => {
		expect(fromScaled({ units: 7n, scale: 2 })).toBe(0.07);
		expect(fromScaled({ units: -3n, scale: 2 })).toBe(-0.03);
		expect(fromScaled({ units: 0n, scale: 3 })).toBe(0);
		expect(Object.is(fromScaled({ units: -0n, scale: 3 }), 0)).toBe(true);
		expect(fromScaled({ units: 12345n, scale: 0 })).toBe(12345);
	});

	it('roundScaled rounds half away from zero', () => {
		expect(roundScaled({ units: 1005n, scale: 3 }, 2)).toEqual({ units: 101n, scale: 2 });
		expect(roundScaled({ units: -1005n, scale: 3 }, 2)).toEqual({ units: -101n, scale: 2 });
		expect(roundScaled({ units: 1004n, scale: 3 }, 2)).toEqual({ units: 100n, scale: 2 });
		expect(roundScaled({ units: 15n, scale: 1 }, 0)).toEqual({ units: 2n, scale: 0 });
		expect(roundScaled({ units: -25n, scale: 1 }, 0)).toEqual({ units: -3n, scale: 0 });
		expect(roundScaled({ units: 7n, scale: 2 }, 5)).toEqual({ units: 7n, scale: 2 });
	});

	it('subtractScaled is exact', () => {
		expect(subtractScaled(toScaled(99.6), toScaled(99.53))).toEqual({ units: 7n, scale: 2 });
		expect(subtractScaled(toScaled(0.3), toScaled(0.1))).toEqual({ units: 2n, scale: 1 });
	});
});

describe('ratios', () => {
	const r = (n: number) => ratioOf(toScaled(n));

	it('interpolate exactly: 99.0 + 0.53 × 3/5 = 99.318', () => {
		const planned = addRatio(r(99), scaleRatio(subtractRatio(r(99.53), r(99)), 3, 5));
		expect(fromScaled(roundRatio(planned, 10))).toBe(99.318);
		expect(compareRatio(r(99.318), planned)).toBe(0);
		expect(compareRatio(r(99.3), planned)).toBe(-1);
		expect(compareRatio(r(99.32), planned)).toBe(1);
	});

	it('round half away from zero, and keep the sign with a negative divisor', () => {
		expect(fromScaled(roundRatio(scaleRatio(r(1), 1, 3), 4))).toBe(0.3333);
		expect(fromScaled(roundRatio(scaleRatio(r(2), 1, 3), 4))).toBe(0.6667);
		expect(fromScaled(roundRatio(scaleRatio(r(1), 1, -8), 2))).toBe(-0.13);
		expect(fromScaled(roundRatio(scaleRatio(r(-0.25), 1, 1), 1))).toBe(-0.3);
	});

	it('refuse a zero or fractional scale', () => {
		expect(() => scaleRatio(r(1), 1, 0)).toThrow(RangeError);
		expect(() => scaleRatio(r(1), 0.5, 1)).toThrow(RangeError);
	});

	it('compare as the numbers do', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (a, b) => {
				const x = r(a / 100);
				const y = r(b / 1000);
				return compareRatio(x, y) === Math.sign(a * 10 - b);
			})
		);
	});
});
