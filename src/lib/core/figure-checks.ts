// Checks on a county's figures before they are discussed or printed: a figure outside its
// unit's plausible range, a fall from the year before that is larger than figures of that
// kind move in a year, a year left empty between two years with figures, and a formula
// that fails. A check is a question to the planner, not a refusal: the figure stays.
import {
	compareRatio,
	divideRatio,
	fromScaled,
	multiplyRatio,
	ratioOf,
	roundRatio,
	subtractRatio,
	toScaled,
	type Ratio
} from './decimal';
import type { SheetFigure } from './comparison';
import { FIRST_YEAR, type Direction, type Indicator, type Measure } from './model';
import { isPlausible, plausibleRange } from './value-input';

export type FigureCheck =
	| { kind: 'implausible'; year: number; value: number; min: number; max: number }
	| {
			kind: 'fall';
			year: number;
			value: number;
			previous: number;
			/** How far it fell, in the unit. */
			fall: number;
			/** The fall as a share of the year before's figure (0.25 = 25%), for relative thresholds. */
			share: number | null;
			threshold: FallThreshold;
	  }
	| { kind: 'missing'; year: number }
	| { kind: 'error'; year: number };

/** How far a figure may fall in one year before it is worth a second look. */
export interface FallThreshold {
	amount: number;
	/** true: a share of the year before's figure (0.2 = 20%); false: in the unit itself. */
	relative: boolean;
}

/**
 * Percentages (rates, shares) move by tenths to a few points a year: the plan asks EDU05 to
 * rise 3 points in five years. A fall of more than 5 points in one year is far more often a
 * slip (95.6 typed as 59.6) or a change of definition than a real change. Years of schooling
 * move about 0.1 a year, so 0.5 is the same kind of jump. A county's own counts (teachers,
 * schools) have no common scale: a fall of more than a fifth of the year before is flagged.
 */
export function fallThreshold(unit: string): FallThreshold {
	switch (unit.normalize('NFKC').trim()) {
		case '%':
			return { amount: 5, relative: false };
		case '年':
			return { amount: 0.5, relative: false };
		default:
			return { amount: 0.2, relative: true };
	}
}

function exact(n: number): Ratio {
	return ratioOf(toScaled(n));
}

function isFigure(f: SheetFigure | undefined): boolean {
	return typeof f === 'boolean' || (typeof f === 'number' && Number.isFinite(f));
}

/** A fall in the indicator's bad direction, exactly (a rise, where lower is better). */
function fallOf(previous: number, value: number, direction: Direction): Ratio {
	return direction === 'lower'
		? subtractRatio(exact(value), exact(previous))
		: subtractRatio(exact(previous), exact(value));
}

function isTooLarge(fall: Ratio, previous: number, t: FallThreshold): boolean {
	if (compareRatio(fall, { n: 0n, d: 1n }) <= 0) return false;
	const limit = t.relative ? multiplyRatio(exact(Math.abs(previous)), exact(t.amount)) : exact(t.amount);
	// A relative fall from zero is no fall worth a percentage.
	if (t.relative && previous === 0) return false;
	return compareRatio(fall, limit) > 0;
}

/**
 * The checks of one indicator's figures, by year. `figures[i]` is the figure of
 * FIRST_YEAR + i as computed; 'certified' (EDU03's yes/no) is checked only for gaps and errors.
 */
export function checkFigures(
	indicator: Pick<Indicator, 'unit' | 'direction'>,
	measure: Measure,
	figures: readonly SheetFigure[]
): FigureCheck[] {
	const out: FigureCheck[] = [];
	const range = plausibleRange(indicator.unit);
	const threshold = fallThreshold(indicator.unit);
	figures.forEach((f, i) => {
		const year = FIRST_YEAR + i;
		if (f === 'error') {
			out.push({ kind: 'error', year });
			return;
		}
		if (f === null) {
			if (i > 0 && isFigure(figures[i - 1]) && isFigure(figures[i + 1])) out.push({ kind: 'missing', year });
			return;
		}
		if (measure === 'certified' || typeof f !== 'number') return;
		if (range && !isPlausible(f, indicator.unit)) {
			out.push({ kind: 'implausible', year, value: f, min: range.min, max: range.max });
		}
		const previous = figures[i - 1];
		if (typeof previous === 'number' && Number.isFinite(previous)) {
			const fall = fallOf(previous, f, indicator.direction);
			if (isTooLarge(fall, previous, threshold)) {
				const share = threshold.relative
					? fromScaled(roundRatio(divideRatio(fall, exact(Math.abs(previous))), 3))
					: null;
				out.push({
					kind: 'fall',
					year,
					value: f,
					previous,
					fall: fromScaled(roundRatio(fall, 10)),
					share,
					threshold
				});
			}
		}
	});
	return out;
}
