// How computed cell values are written on screen: figures without binary noise, gaps with
// their sign at the indicator's precision, statuses as a symbol and a word (so they survive
// black-and-white printing), and formula errors with an explanation on hover.
import { decimalsOf, roundTo } from '$lib/core/compare';
import { plainDecimal } from '$lib/core/decimal';
import type { Locale } from '$lib/i18n/locale.svelte';
import { STATUS_TEXT } from '$lib/engine/plan-functions';
import { unreadableCode } from '$lib/engine/sheet-layout';

const ERROR_VALUES = new Set([
	'#REF!',
	'#VALUE!',
	'#DIV/0!',
	'#NAME?',
	'#N/A',
	'#NUM!',
	'#CYCLE!',
	'#ERROR!',
	'#SPILL!',
	'#LIC!'
]);

export function isErrorValue(v: unknown): v is string {
	return typeof v === 'string' && ERROR_VALUES.has(v);
}

/** A figure as typed; a computed one loses the float noise beyond 10 decimals. */
export function displayNumber(v: number): string {
	// Fifteen significant digits and ten decimals drop a formula's binary noise (0.1+0.2);
	// plainDecimal writes the result without an exponent (0.0000001, not 1e-7).
	const clean = Number(v.toPrecision(15));
	return plainDecimal(roundTo(clean, Math.min(10, decimalsOf(clean))));
}

export function displayGap(v: number, precision: number): string {
	const decimals = Math.min(10, Math.max(precision, decimalsOf(v)));
	const fixed = Math.abs(v).toFixed(decimals);
	if (Number(fixed) === 0) return `±${fixed}`;
	return `${v > 0 ? '+' : '−'}${fixed}`;
}

/** Symbols that keep a status readable on a black-and-white printout, without colour. */
export const STATUS_SYMBOL: Record<string, string> = {
	[STATUS_TEXT.met]: '✓',
	[STATUS_TEXT['on-track']]: '↗',
	[STATUS_TEXT.behind]: '↘',
	[STATUS_TEXT['no-data']]: '—',
	[STATUS_TEXT.certified]: '✓',
	[STATUS_TEXT['not-certified']]: '✗'
};

/** Colour on screen only; the symbol and the word carry the meaning. */
export const STATUS_CLASS: Record<string, string> = {
	[STATUS_TEXT.met]: 'st-met',
	[STATUS_TEXT['on-track']]: 'st-on-track',
	[STATUS_TEXT.behind]: 'st-behind',
	[STATUS_TEXT['no-data']]: 'st-no-data',
	[STATUS_TEXT.certified]: 'st-met',
	[STATUS_TEXT['not-certified']]: 'st-behind'
};

export function displayStatus(v: string, locale: Locale): string {
	const symbol = STATUS_SYMBOL[v];
	if (!symbol) return v;
	return `${symbol} ${locale.tDynamic(`status.${v}`, v)}`;
}

export function explainError(value: string, engineMessage: string | undefined, locale: Locale): string {
	const unreadable = unreadableCode(engineMessage);
	if (unreadable) return locale.tDynamic(`unreadable.${unreadable}`, locale.t('formulaError.generic'));
	const base = locale.tDynamic(`formulaError.${value}`, locale.t('formulaError.generic'));
	return engineMessage ? base + locale.t('formulaError.detail', { message: engineMessage }) : base;
}
