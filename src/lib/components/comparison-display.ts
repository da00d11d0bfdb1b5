// How the comparison sheet writes its values: the same figures, gaps and status words as
// the grid (cell-display.ts), plus yearly rates, targets as the plan writes them, the
// figure checks in words, and the page-number line of the printout.
import type { PlanTarget, SheetStatus } from '$lib/core/comparison';
import { decimalsOf, roundTo } from '$lib/core/compare';
import { plainDecimal } from '$lib/core/decimal';
import type { FigureCheck } from '$lib/core/figure-checks';
import type { Locale } from '$lib/i18n/locale.svelte';
import { STATUS_TEXT } from '$lib/core/status-words';
import { displayNumber, displayStatus, STATUS_CLASS } from './cell-display';

/**
 * A yearly rate with its sign, one decimal finer than the indicator's figures (0.115 for a
 * percentage kept to two), without a trailing zero beyond the indicator's own precision.
 */
export function displayRate(v: number, precision: number): string {
	const rounded = roundTo(v, precision + 1);
	const decimals = Math.max(precision, Math.min(precision + 1, decimalsOf(rounded)));
	const fixed = Math.abs(rounded).toFixed(decimals);
	if (Number(fixed) === 0) return `±${fixed}`;
	return `${rounded > 0 ? '+' : '−'}${fixed}`;
}

/** A target as the plan writes it: `>99`, `99.53`; the qualifier, if any, apart. */
export function displayTarget(target: PlanTarget): { figure: string; qualifier: string | null } {
	return {
		figure: `${target.comparator === '>' ? '>' : ''}${plainDecimal(target.value)}`,
		qualifier: target.qualifier
	};
}

/** A county's figure: a number as typed, EDU03's yes/no as a word. */
export function displayFigure(value: number | boolean | null | undefined, locale: Locale): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'boolean') return value ? locale.t('value.yes') : locale.t('value.no');
	return displayNumber(value);
}

/**
 * The status as symbol and word (the grid's own), and its screen colour class. A no-break
 * space keeps the symbol with its word when a narrow column wraps ("— Not enough data").
 */
export function displaySheetStatus(status: SheetStatus, locale: Locale): { text: string; className: string } {
	if (status === 'error')
		return { text: `⚠\u00a0${locale.t('compare.statusError')}`, className: 'st-behind' };
	const word = STATUS_TEXT[status];
	return { text: displayStatus(word, locale).replace(' ', '\u00a0'), className: STATUS_CLASS[word] ?? '' };
}

/** What a figure check says, after the indicator and year. */
export function describeCheck(check: FigureCheck, unit: string, direction: string, locale: Locale): string {
	switch (check.kind) {
		case 'implausible':
			return locale.t('check.implausible', {
				value: displayNumber(check.value),
				min: check.min,
				max: check.max,
				unit: unit.trim()
			});
		case 'fall': {
			const params = {
				value: displayNumber(check.value),
				previous: displayNumber(check.previous),
				direction: locale.t(direction === 'lower' ? 'check.up' : 'check.down'),
				fall: displayNumber(check.fall),
				amount: displayNumber(
					check.threshold.relative ? check.threshold.amount * 100 : check.threshold.amount
				)
			};
			if (check.threshold.relative) {
				return locale.t('check.fallShare', {
					...params,
					share: displayNumber(roundTo((check.share ?? 0) * 100, 1))
				});
			}
			return locale.t(
				unit.normalize('NFKC').trim() === '年' ? 'check.fallYears' : 'check.fallPoints',
				params
			);
		}
		case 'missing':
			return locale.t('check.missing');
		case 'error':
			return locale.t('check.error');
	}
}

/**
 * The CSS `content` of a page-number margin box from a catalog line such as
 * `第 {page} 页 共 {pages} 页`: the words as strings, the numbers as the page counters.
 */
export function pageCounterContent(template: string): string {
	const parts: string[] = [];
	const re = /\{(page|pages)\}/g;
	let at = 0;
	for (let m = re.exec(template); m; m = re.exec(template)) {
		if (m.index > at) parts.push(cssString(template.slice(at, m.index)));
		parts.push(`counter(${m[1]})`);
		at = m.index + m[0].length;
	}
	if (at < template.length) parts.push(cssString(template.slice(at)));
	return parts.join(' ');
}

function cssString(text: string): string {
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}
