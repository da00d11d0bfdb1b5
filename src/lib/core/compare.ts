// Comparison maths: a county's figure against a target. Used by the grid's formula
// functions and (later) the printed comparison sheet, so screen and paper agree.
// All arithmetic is decimal (see decimal.ts): the figures are typed decimals, and a gap
// of 0.0699999 or a status that flips on binary noise would be a wrong answer on paper.
import type { Comparator } from './model';
import { fromScaled, roundScaled, subtractScaled, toScaled } from './decimal';

export type Status = 'met' | 'not-met' | 'no-data';

/** A county's figure of one year as computed: a number, nothing, or a formula's error. */
export type Figure = number | null | 'error';

/**
 * Gaps are shown to at most this many decimals. Differences finer than that are noise
 * from formulas (0.1 + 0.2), never something a planner typed.
 */
export const MAX_GAP_DECIMALS = 10;

/** Number of decimals written in a finite number (99.53 → 2, 1e-7 → 7, 100 → 0). */
export function decimalsOf(n: number): number {
	// NaN and ±Infinity have no decimals; 0 keeps callers' max() arithmetic simple.
	if (!Number.isFinite(n)) return 0;
	return toScaled(n).scale;
}

/** Round half away from zero to `decimals`, without binary noise (0.0699999 → 0.07). */
export function roundTo(n: number, decimals: number): number {
	if (!Number.isInteger(decimals) || decimals < 0) {
		throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
	}
	if (!Number.isFinite(n)) return n;
	return fromScaled(roundScaled(toScaled(n), decimals));
}

/**
 * value − target, rounded to the larger of both figures' decimals and `minDecimals`
 * (99.6 − 99.53 → 0.07, never 0.0699999).
 */
export function gap(value: number, target: number, minDecimals = 0): number {
	if (!Number.isFinite(value) || !Number.isFinite(target)) return NaN;
	const a = toScaled(value);
	const b = toScaled(target);
	const decimals = Math.min(Math.max(a.scale, b.scale, minDecimals, 0), MAX_GAP_DECIMALS);
	return fromScaled(roundScaled(subtractScaled(a, b), decimals));
}

/**
 * Whether `value` meets `target` under `comparator` (99 does not meet `>99`).
 * Decided on the sign of `gap`, so the status printed never contradicts the gap printed
 * beside it: a formula giving 0.30000000000000004 does not beat `>0.3`.
 */
export function meets(value: number, target: number, comparator: Comparator): boolean {
	const d = gap(value, target);
	if (Number.isNaN(d)) return false;
	return comparator === '>' ? d > 0 : d >= 0;
}

/**
 * The figure a target year is judged by: the figure of the target year itself, else the
 * latest figure of an earlier year. `figures[i]` is the figure of `firstYear + i`, or null.
 */
export function figureFor(
	figures: readonly Figure[],
	firstYear: number,
	targetYear: number
): { year: number; value: number } | null {
	const last = Math.min(targetYear - firstYear, figures.length - 1);
	for (let i = last; i >= 0; i--) {
		const value = figures[i];
		// A NaN here is a formula that failed: it is no figure, not a zero.
		if (typeof value === 'number' && Number.isFinite(value)) return { year: firstYear + i, value };
	}
	return null;
}

/** Status of the figure that `figureFor` picks, against a target. */
export function statusFor(
	figures: readonly Figure[],
	firstYear: number,
	targetYear: number,
	target: number | null,
	comparator: Comparator
): Status {
	if (target === null || !Number.isFinite(target)) return 'no-data';
	const figure = figureFor(figures, firstYear, targetYear);
	if (!figure) return 'no-data';
	return meets(figure.value, target, comparator) ? 'met' : 'not-met';
}
