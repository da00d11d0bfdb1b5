import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fillLine, fillModeFor } from './fill-series';

describe('fillLine', () => {
	it('extends two figures by their step, decimal-exact', () => {
		expect(fillLine([95.8, 96.4], 3, 'forward', 'trend')).toEqual([97, 97.6, 98.2]);
	});
	it('extends backwards when dragged up or left', () => {
		expect(fillLine([95.8, 96.4], 2, 'backward', 'trend')).toEqual([94.6, 95.2]);
	});
	it('fits the least-squares line through uneven figures, at the inputs’ precision', () => {
		// 1, 2, 4: slope 1.5, mean 7/3 at x = 1 → x = 3: 7/3 + 3 = 5.33…; rounded to 0 decimals.
		expect(fillLine([1, 2, 4], 2, 'forward', 'trend')).toEqual([5, 7]);
		// 1.2, 2, 4.5: mean 7.7/3, slope 1.65 → 7.7/3 + 3.3 = 5.866… → 5.9 (one decimal typed).
		expect(fillLine([1.2, 2, 4.5], 1, 'forward', 'trend')).toEqual([5.9]);
	});
	it('keeps the most decimals typed among the sources', () => {
		expect(fillLine([99.53, 99.6], 2, 'forward', 'trend')).toEqual([99.67, 99.74]);
	});
	it('repeats one figure, and a run of figures cyclically, in repeat mode', () => {
		expect(fillLine([96.4], 3, 'forward', 'repeat')).toEqual([96.4, 96.4, 96.4]);
		expect(fillLine([1, 2], 3, 'forward', 'repeat')).toEqual([1, 2, 1]);
		expect(fillLine([1, 2, 3], 2, 'backward', 'repeat')).toEqual([2, 3]);
	});
	it('counts on by one from a single figure in trend mode (Ctrl-drag)', () => {
		expect(fillLine([7.5], 2, 'forward', 'trend')).toEqual([8.5, 9.5]);
		expect(fillLine([7.5], 1, 'backward', 'trend')).toEqual([6.5]);
	});
	it('leaves lines with text, booleans, formulas or blanks to the grid', () => {
		expect(fillLine([1, '=A1'], 2, 'forward', 'trend')).toBeNull();
		expect(fillLine([true, false], 2, 'forward', 'trend')).toBeNull();
		expect(fillLine([1, null], 2, 'forward', 'trend')).toBeNull();
		expect(fillLine([], 2, 'forward', 'trend')).toBeNull();
	});
	it('reproduces any arithmetic progression exactly', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -100000, max: 100000 }),
				fc.integer({ min: -5000, max: 5000 }),
				fc.integer({ min: 2, max: 6 }),
				fc.integer({ min: 1, max: 8 }),
				(start, step, n, count) => {
					const at = (i: number) => (start + step * i) / 10;
					const source = Array.from({ length: n }, (_, i) => at(i));
					const expected = Array.from({ length: count }, (_, i) => at(n + i));
					expect(fillLine(source, count, 'forward', 'trend')).toEqual(expected);
				}
			)
		);
	});
});

describe('fillModeFor', () => {
	it('trends from two figures and repeats one; Ctrl swaps', () => {
		expect(fillModeFor(2, false)).toBe('trend');
		expect(fillModeFor(1, false)).toBe('repeat');
		expect(fillModeFor(2, true)).toBe('repeat');
		expect(fillModeFor(1, true)).toBe('trend');
	});
});
