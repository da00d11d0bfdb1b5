// How computed cell values are written on screen: figures without binary noise, gaps with
// their sign at the indicator's precision, statuses as a symbol and a word (so they survive
// black-and-white printing), and formula errors with an explanation on hover. Pure: each
// cell's text, classes and title are a function of its value and the facts handed in, so
// the grid pages only copy the result onto the cell (and Node tests can check it).
import { decimalsOf, roundTo } from '$lib/core/compare';
import { plainDecimal } from '$lib/core/decimal';
import type { Locale } from '$lib/i18n/locale.svelte';
import {
	COL_FIRST_COMPARISON,
	COL_NAME,
	comparisonAt,
	textFromContent,
	unreadableCode,
	yearOfColumn
} from '$lib/engine/sheet-layout';
import { indicatorName } from '$lib/state/engine-inputs';
import { BASELINE_YEAR, type Indicator } from '$lib/core/model';
import { displayGridStatus, STATUS_CLASS } from './status-display';

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

// The statuses' symbols, colours and words live in status-display.ts (no engine behind them,
// so a page that only shows statuses need not load it); re-exported for the grid pages.
export { STATUS_SYMBOL, STATUS_CLASS, displayStatus, displayGridStatus } from './status-display';

export function explainError(value: string, engineMessage: string | undefined, locale: Locale): string {
	const unreadable = unreadableCode(engineMessage);
	if (unreadable) return locale.tDynamic(`unreadable.${unreadable}`, locale.t('formulaError.generic'));
	const base = locale.tDynamic(`formulaError.${value}`, locale.t('formulaError.generic'));
	return engineMessage ? base + locale.t('formulaError.detail', { message: engineMessage }) : base;
}

/** What one grid cell shows: its text, its classes (look, status colour) and its hover title. */
export interface CellDisplay {
	text: string;
	classes: string[];
	title?: string;
	/** Where the cell shows a shortened word: the full one, which find also matches. */
	fullText?: string;
}

/** The facts about a county's (or the city's) row that its cells are drawn from. */
export interface RegionRowFacts {
	indicator: Indicator;
	/** The row in the targets sheet, or null for a county's own indicator. */
	planRow: number | null;
	/** Set for a county's own indicator. */
	own: object | null;
}

/**
 * What a cell's display asks of the sheet around it. Asked lazily: most cells need none of
 * it, and the grid draws every cell on each render.
 */
export interface RegionCellQueries {
	isCity: boolean;
	/** The engine's explanation of a formula error in this cell. */
	errorMessage(): string | undefined;
	/** Whether the cell holds a formula (its figure is computed). */
	isFormula(): boolean;
	/** The qualifier the city's stored 2020 figure is counted by (基本均衡), if any. */
	baselineQualifier(): string | undefined;
	/** The plausible range of the row's unit, written out, if the figure lies outside it. */
	implausibleRange(value: number): string | null;
}

/** A cell of a region's sheet (figures by year, note, comparison columns), as it is drawn. */
export function regionCellDisplay(
	value: unknown,
	col: number,
	row: RegionRowFacts | undefined,
	q: RegionCellQueries,
	locale: Locale
): CellDisplay {
	const classes: string[] = [];
	let title: string | undefined;
	let fullText: string | undefined;
	let text: string;
	const year = yearOfColumn(col);
	if (isErrorValue(value)) {
		text = value;
		classes.push('c-error');
		title = explainError(value, q.errorMessage(), locale);
	} else if (year !== null) {
		if (q.isCity && year === BASELINE_YEAR && row && row.planRow !== null) {
			const qualifier = q.baselineQualifier();
			title = locale.t('cityFigures.baselineTitle', {
				qualifier: qualifier ? (locale.lang === 'zh' ? `（${qualifier}）` : ` (${qualifier})`) : ''
			});
		}
		if (typeof value === 'boolean') text = yesNoText(value, locale);
		else if (typeof value === 'number') {
			text = displayNumber(value);
			const range = q.implausibleRange(value);
			if (range) {
				classes.push('c-implausible');
				title = locale.t('grid.implausible', { range });
			}
		} else text = value === null || value === undefined ? '' : String(value);
		if (q.isFormula()) classes.push('c-formula');
	} else if (col >= COL_FIRST_COMPARISON) {
		const c = comparisonAt(col);
		if (c?.role === 'gap')
			text = typeof value === 'number' ? displayGap(value, row?.indicator.precision ?? 2) : '—';
		else if (c?.role === 'status' && typeof value === 'string') {
			({ text, title, fullText } = displayGridStatus(value, locale));
			const cls = STATUS_CLASS[value];
			if (cls) classes.push(cls);
		} else text = value === null || value === undefined || value === '' ? '—' : String(value);
		if (row && row.planRow === null) classes.push('c-none');
	} else if (col === COL_NAME && row) {
		text = row.own ? textFromContent(value) : indicatorName(row.indicator, locale.lang);
		if (row.own) title = locale.t('grid.ownIndicator');
	} else {
		text = textFromContent(value);
	}
	return fullText === undefined ? { text, classes, title } : { text, classes, title, fullText };
}

/** A cell of the targets sheet, as it is drawn. */
export function targetsCellDisplay(
	value: unknown,
	col: number,
	indicator: Indicator | undefined,
	errorMessage: () => string | undefined,
	locale: Locale
): CellDisplay {
	if (isErrorValue(value)) {
		return { text: value, classes: [], title: explainError(value, errorMessage(), locale) };
	}
	if (col === COL_NAME) return { text: indicator ? indicatorName(indicator, locale.lang) : '', classes: [] };
	if (typeof value === 'number') return { text: displayNumber(value), classes: [] };
	return { text: textFromContent(value), classes: [] };
}

/** A certification as the cell shows it, and as it is copied out (是/否, never TRUE/FALSE). */
export function yesNoText(value: boolean, locale: Locale): string {
	return value ? locale.t('value.yes') : locale.t('value.no');
}
