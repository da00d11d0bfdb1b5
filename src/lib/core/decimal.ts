// Decimal arithmetic on the figures as they were typed. A planner types 99.53, not the
// binary double nearest to it, so rounding and differences are done on the shortest
// decimal string that round-trips to the double (what String(n) gives), scaled to a BigInt.
// That way 1.005 rounds to 1.01 and 99.6 − 99.53 is exactly 0.07.

/** A decimal as `units / 10^scale`; `scale` is the number of decimals written. */
export interface Scaled {
	units: bigint;
	scale: number;
}

/**
 * The shortest round-trip decimal of a finite number, written out in full: no exponent,
 * no thousands separator (1e-7 → '0.0000001', 1e21 → '1000000000000000000000').
 * −0 is written '0': a sign on zero means nothing to a planner.
 */
export function plainDecimal(n: number): string {
	if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
	const s = String(n);
	const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
	if (!m) return s;
	const sign = m[1] ?? '';
	const digits = (m[2] ?? '') + (m[3] ?? '');
	// Where the decimal point falls within `digits`.
	const point = 1 + Number(m[4]);
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function toScaled(n: number): Scaled {
	const plain = plainDecimal(n);
	const dot = plain.indexOf('.');
	if (dot < 0) return { units: BigInt(plain), scale: 0 };
	return { units: BigInt(plain.slice(0, dot) + plain.slice(dot + 1)), scale: plain.length - dot - 1 };
}

/** The double nearest to the decimal (Number() of a decimal string rounds correctly). */
export function fromScaled({ units, scale }: Scaled): number {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
	const cut = digits.length - scale;
	const text = scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
	const n = Number((negative ? '-' : '') + text);
	return n === 0 ? 0 : n;
}

/** Round half away from zero to at most `decimals` decimals. */
export function roundScaled(x: Scaled, decimals: number): Scaled {
	if (x.scale <= decimals) return x;
	const divisor = 10n ** BigInt(x.scale - decimals);
	const negative = x.units < 0n;
	const abs = negative ? -x.units : x.units;
	let q = abs / divisor;
	if (2n * (abs % divisor) >= divisor) q += 1n;
	return { units: negative ? -q : q, scale: decimals };
}

/** Exact a − b. */
export function subtractScaled(a: Scaled, b: Scaled): Scaled {
	const scale = Math.max(a.scale, b.scale);
	const units = a.units * 10n ** BigInt(scale - a.scale) - b.units * 10n ** BigInt(scale - b.scale);
	return { units, scale };
}

/**
 * An exact fraction `n / d` with `d > 0`. The planned path divides by a number of years
 * (99.0 + 0.53 × 3 / 5), so its points are fractions; comparing a figure with them as
 * fractions keeps "on the path" exact, and rounding happens once, for display.
 */
export interface Ratio {
	n: bigint;
	d: bigint;
}

export function ratioOf(x: Scaled): Ratio {
	return { n: x.units, d: 10n ** BigInt(x.scale) };
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
	return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function subtractRatio(a: Ratio, b: Ratio): Ratio {
	return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

/** a × k / m for integers k and m (m ≠ 0): a share of a difference over years. */
export function scaleRatio(a: Ratio, k: number, m: number): Ratio {
	if (!Number.isInteger(k) || !Number.isInteger(m) || m === 0) {
		throw new RangeError(`scale by integers ${k}/${m}`);
	}
	const n = a.n * BigInt(k);
	const d = a.d * BigInt(m);
	return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
	const l = a.n * b.d;
	const r = b.n * a.d;
	return l < r ? -1 : l > r ? 1 : 0;
}

/** The fraction rounded half away from zero to `decimals` decimals. */
export function roundRatio(a: Ratio, decimals: number): Scaled {
	const scaled = a.n * 10n ** BigInt(decimals);
	const negative = scaled < 0n;
	const abs = negative ? -scaled : scaled;
	let q = abs / a.d;
	if (2n * (abs % a.d) >= a.d) q += 1n;
	return { units: negative ? -q : q, scale: decimals };
}

export function multiplyRatio(a: Ratio, b: Ratio): Ratio {
	const n = a.n * b.n;
	const d = a.d * b.d;
	return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** a / b for b ≠ 0. */
export function divideRatio(a: Ratio, b: Ratio): Ratio {
	if (b.n === 0n) throw new RangeError('division by zero');
	const n = a.n * b.d;
	const d = a.d * b.n;
	return d < 0n ? { n: -n, d: -d } : { n, d };
}
