// What the fill handle writes, as Excel and WPS do it: from one number it repeats; from two
// or more numbers along the drag it extends their linear trend (the least-squares line,
// which for evenly spaced figures such as 95.8, 96.4 is just their step: 97.0, 97.6). Ctrl
// while dragging switches the two (one number then counts up by 1). Decimal-exact, rounded
// to the most decimals any source figure was typed with, so 0.6 steps never become 0.6000001.
import {
	addRatio,
	divideRatio,
	fromScaled,
	multiplyRatio,
	ratioOf,
	roundRatio,
	subtractRatio,
	toScaled,
	type Ratio
} from './decimal';

export type FillMode = 'trend' | 'repeat';

/** Forward: the drag goes down or right (after the source); backward: up or left. */
export type FillDirection = 'forward' | 'backward';

/** Trend for two or more numbers, repeat for one; Ctrl swaps them (as in Excel). */
export function fillModeFor(numberCount: number, ctrlKey: boolean): FillMode {
	const natural: FillMode = numberCount >= 2 ? 'trend' : 'repeat';
	if (!ctrlKey) return natural;
	return natural === 'trend' ? 'repeat' : 'trend';
}

function decimalsOf(n: number): number {
	return toScaled(n).scale;
}

function ratioFromInt(k: number): Ratio {
	return { n: BigInt(k), d: 1n };
}

/**
 * The figures a drag of `count` cells writes after (or before) `source`, in sheet order
 * (top to bottom, left to right), or null when the line is not all numbers: the grid then
 * fills it as it always did (repeating cells, shifting formulas).
 */
export function fillLine(
	source: readonly unknown[],
	count: number,
	direction: FillDirection,
	mode: FillMode
): number[] | null {
	if (source.length === 0 || count <= 0) return null;
	if (!source.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) return null;
	const values = source as readonly number[];
	const positions = Array.from({ length: count }, (_, i) =>
		direction === 'forward' ? values.length + i : i - count
	);
	if (mode === 'repeat') {
		const len = values.length;
		return positions.map((x) => values[((x % len) + len) % len]!);
	}
	const decimals = Math.max(...values.map(decimalsOf));
	if (values.length === 1) {
		// Ctrl-drag from one number: counts on by 1 (down/right) or back by 1 (up/left).
		const start = ratioOf(toScaled(values[0]!));
		return positions.map((x) => fromScaled(roundRatio(addRatio(start, ratioFromInt(x)), decimals)));
	}
	const n = values.length;
	// x = 0…n−1; the line through the mean: y = ȳ + b (x − x̄), b = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)².
	const ys = values.map((v) => ratioOf(toScaled(v)));
	const sumY = ys.reduce((a, b) => addRatio(a, b), ratioFromInt(0));
	const meanY = divideRatio(sumY, ratioFromInt(n));
	const meanX: Ratio = { n: BigInt(n - 1), d: 2n };
	let sxy = ratioFromInt(0);
	let sxx = ratioFromInt(0);
	ys.forEach((y, i) => {
		const dx = subtractRatio(ratioFromInt(i), meanX);
		sxy = addRatio(sxy, multiplyRatio(dx, subtractRatio(y, meanY)));
		sxx = addRatio(sxx, multiplyRatio(dx, dx));
	});
	const slope = divideRatio(sxy, sxx);
	return positions.map((x) => {
		const y = addRatio(meanY, multiplyRatio(slope, subtractRatio(ratioFromInt(x), meanX)));
		return fromScaled(roundRatio(y, decimals));
	});
}
