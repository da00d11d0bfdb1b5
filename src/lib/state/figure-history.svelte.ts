// Which figure's 修改记录 is open, and how a change reads on screen. openHistory is the one
// way in: the button beside the formula bar, and the grid's context menu, call it.
import { regionByCode } from '$lib/core/plan';
import { localStamp } from '$lib/core/exchange/metadata';
import { cellText, type FigureChange } from '$lib/core/figure-history';
import type { Cell, SeriesKind } from '$lib/core/model';
import type { Locale } from '$lib/i18n/locale.svelte';

export interface FigureRef {
	regionCode: string;
	indicatorCode: string;
	year: number;
	kind: SeriesKind;
}

class HistoryView {
	target = $state.raw<FigureRef | null>(null);
}

export const historyView = new HistoryView();

/** Opens the 修改记录 dialog of one figure (a county's or the city's own figure by default). */
export function openHistory(
	regionCode: string,
	indicatorCode: string,
	year: number,
	kind: SeriesKind = 'actual'
): void {
	historyView.target = { regionCode, indicatorCode, year, kind };
}

export function closeHistory(): void {
	historyView.target = null;
}

/** Local time as the history shows it: 2026-12-01 11:30. */
export function historyStamp(ms: number): string {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- formatted at once, never kept
	return localStamp(new Date(ms));
}

export function shownCell(cell: Cell | null | undefined, locale: Locale): string {
	return cellText(cell, {
		yes: locale.t('value.yes'),
		no: locale.t('value.no'),
		empty: locale.t('history.empty')
	});
}

/** 甘州区 EDU01 2023 年 */
export function figureWhere(
	f: Pick<FigureRef, 'regionCode' | 'indicatorCode' | 'year'>,
	locale: Locale
): string {
	const region = regionByCode(f.regionCode);
	const name = region ? (locale.lang === 'zh' ? region.nameZh : region.nameEn) : f.regionCode;
	return locale.t('history.where', { region: name, indicator: f.indicatorCode, year: f.year });
}

/** 上次修改：2026-12-01 11:30 张三 96.4 → 96.8 */
export function lastChangeLine(change: FigureChange | undefined, locale: Locale): string {
	if (!change) return locale.t('history.lineNone');
	return locale.t('history.line', {
		when: historyStamp(change.at),
		who: change.who || locale.t('history.anonymous'),
		before: shownCell(change.before, locale),
		after: shownCell(change.after, locale)
	});
}
