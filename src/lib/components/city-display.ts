// How the city view writes its cells: a figure with its status symbol (the symbol survives
// a black-and-white printout; the word is in the cell's label and the legend), the year of
// a "latest" figure, and the counts under each indicator.
import type { CityViewCell, CityViewRow } from '$lib/core/city-view';
import type { SheetStatus } from '$lib/core/comparison';
import type { Indicator } from '$lib/core/model';
import { regionByCode } from '$lib/core/plan';
import { STATUS_TEXT } from '$lib/core/status-words';
import type { Locale } from '$lib/i18n/locale.svelte';
import { indicatorName } from '$lib/state/engine-inputs';
import { STATUS_CLASS, STATUS_SYMBOL } from './cell-display';
import { displayFigure } from './comparison-display';

/** The statuses in the order a tally lists them: the ones needing action first. */
const TALLY_ORDER: readonly SheetStatus[] = ['behind', 'error', 'on-track', 'no-data', 'not-certified'];

export function statusSymbol(status: SheetStatus): string {
	return status === 'error' ? '⚠' : (STATUS_SYMBOL[STATUS_TEXT[status]] ?? '');
}

export function statusWord(status: SheetStatus, locale: Locale): string {
	if (status === 'error') return locale.t('compare.statusError');
	const word = STATUS_TEXT[status];
	return locale.tDynamic(`status.${word}`, word);
}

export function statusClass(status: SheetStatus): string {
	return status === 'error' ? 'st-behind' : (STATUS_CLASS[STATUS_TEXT[status]] ?? '');
}

export function regionName(code: string, locale: Locale): string {
	const region = regionByCode(code);
	if (!region) return code;
	return locale.lang === 'zh' ? region.nameZh : region.nameEn;
}

/** The figure of a cell as written in it: `99.6`, `是`, or `—` when there is none. */
export function cellFigure(cell: CityViewCell, locale: Locale): string {
	return displayFigure(cell.shown?.value ?? null, locale);
}

/** What a screen reader says of a cell, and what its tooltip shows. */
export function cellLabel(cell: CityViewCell, indicator: Indicator, locale: Locale): string {
	const params = {
		county: regionName(cell.regionCode, locale),
		indicator: indicatorName(indicator, locale.lang),
		status: statusWord(cell.status, locale)
	};
	if (!cell.shown) return locale.t('city.cellLabelNone', params);
	return locale.t('city.cellLabel', {
		...params,
		year: cell.shown.year,
		value: `${displayFigure(cell.shown.value, locale)}${typeof cell.shown.value === 'number' ? indicator.unit : ''}`
	});
}

/** 「4/6 达标」, or 「3/6 已认定」 for EDU03. */
export function metText(row: CityViewRow, locale: Locale): string {
	return locale.t(row.measure === 'certified' ? 'city.certifiedOf' : 'city.metOf', {
		met: row.met,
		total: row.counties.length
	});
}

/** The rest of the counties by status: 「滞后 1 · 数据不足 1」. */
export function tallyText(row: CityViewRow, locale: Locale): string {
	return TALLY_ORDER.filter((s) => row.tally[s])
		.map((s) =>
			locale.t('city.tallyItem', {
				status: `${statusSymbol(s)}${statusWord(s, locale)}`,
				count: row.tally[s]!
			})
		)
		.join(' · ');
}
