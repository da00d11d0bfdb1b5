// How a status is written on screen: a symbol and a word (so it survives black-and-white
// printing) and a colour class for the screen. Pure and light (the plan's words only, no
// formula engine), so every page that shows a status, the tasks page too, can use it.
import type { Locale } from '$lib/i18n/locale.svelte';
import { STATUS_SYMBOL, STATUS_TEXT } from '$lib/core/status-words';

// The symbols are the core's, so that the exported workbook writes the same ones.
export { STATUS_SYMBOL };

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

/**
 * A status as a status cell of the grid shows it. The grid's status columns are 80 px wide, so
 * that at 1366 px the province's status stays on screen; 数据不足 does not fit them on one line
 * and made every row two lines tall. The grid shows a shorter word for it (缺数据), with the
 * full word and what it means on hover; the key above the grid shows the same, and every
 * printed table, the comparison sheet and a copied cell keep the full word.
 */
export function displayGridStatus(
	v: string,
	locale: Locale
): { text: string; title?: string; fullText?: string } {
	const symbol = STATUS_SYMBOL[v];
	const short = locale.tDynamic(`gridStatus.${v}`, '');
	if (!symbol || short === '') return { text: displayStatus(v, locale) };
	// The full wording as well, so that find (Ctrl+F) finds 数据不足 where the cell shows 缺数据.
	return {
		text: `${symbol} ${short}`,
		title: locale.tDynamic(`gridStatus.title.${v}`, v),
		fullText: displayStatus(v, locale)
	};
}
