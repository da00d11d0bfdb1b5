// The targets sheet's cells: where a cell is (a plan indicator's row; a level, year and field
// by column), how a typed or pasted value is checked, and the series the grid's content
// stands for. No state: TargetsSheet (targets-sheet.svelte.ts) acts on what these return.
import {
	checkComparator,
	checkFigure,
	checkText,
	targetText,
	type FigureContext
} from '$lib/core/cell-check';
import { cellRefusalText } from '$lib/i18n/cell-refusal-text';
import { planIndicators } from '$lib/core/plan';
import { BASELINE_YEAR, CITY_CODE, type Cell, type Comparator, type Series } from '$lib/core/model';
import {
	COMPARATOR_TEXT,
	TARGET_COLUMNS,
	targetColumn,
	textContent,
	textFromContent,
	type RawContent,
	type TargetColumn
} from '$lib/engine/sheet-layout';
import type { Validation } from '$lib/grid/contract';
import type { Locale } from '$lib/i18n/locale.svelte';
import { indicatorName } from './engine-session';
import type { Workbook } from './workbook.svelte';

/** A plan indicator's row on this sheet (the plan's order, as on every sheet). */
export function targetRowOf(indicatorCode: string): number {
	return planIndicators.findIndex((i) => i.code === indicatorCode);
}

export function targetColumnAt(col: number): TargetColumn | undefined {
	return TARGET_COLUMNS.find((c) => c.col === col);
}

/** Where a cell is, in words: 第3行 EDU03 市 2025 (for refusals and the note dialog). */
export function describeTargetCell(locale: Locale, row: number, col: number): string {
	const c = targetColumnAt(col);
	const indicator = planIndicators[row];
	const level = c?.level === CITY_CODE ? locale.t('targets.city') : locale.t('targets.province');
	return locale.t('error.where', {
		row: row + 1,
		indicator: indicator ? indicatorName(indicator, locale.lang) : '',
		column: `${level} ${c?.year ?? ''}`
	});
}

/** Where a figure of this sheet goes, for the one cell check (core/cell-check.ts). */
function figureContext(level: string, year: number, indicator: { unit: string }): FigureContext {
	return {
		level: level === CITY_CODE ? 'city' : 'province',
		unit: indicator.unit,
		kind: year === BASELINE_YEAR ? 'actual' : 'target',
		measure: 'value',
		year
	};
}

/** A checked cell, and what the sheet does beside storing it. */
export interface TargetCellCheck {
	validation: Validation;
	/** `1,234.5` was read as 1234.5: the figure, to say so (no refusal). */
	thousandsDropped?: number;
	/** `>99` typed in a value cell: the comparator to set beside it, in its column. */
	pairedComparator?: { col: number; comparator: Comparator };
}

/** Checks a typed or pasted value for a cell; the content it stores is normalised. */
export function checkTargetCell(locale: Locale, row: number, col: number, raw: unknown): TargetCellCheck {
	const c = targetColumnAt(col);
	const indicator = planIndicators[row];
	if (!c || !indicator) return { validation: { ok: false, message: '' } };
	const refused = (verdict: Parameters<typeof cellRefusalText>[1]): TargetCellCheck => ({
		validation: { ok: false, message: cellRefusalText(locale, verdict, describeTargetCell(locale, row, col)) }
	});
	if (c.field === 'comparator') {
		const verdict = checkComparator(raw);
		if (!verdict.ok) return refused(verdict);
		return { validation: { ok: true, content: COMPARATOR_TEXT[verdict.comparator] } };
	}
	if (c.field === 'qualifier') {
		const verdict = checkText('qualifier', raw);
		if (!verdict.ok) return refused(verdict);
		return { validation: { ok: true, content: textContent(verdict.text) } };
	}
	const outcome = checkFigure(figureContext(c.level, c.year, indicator), raw);
	if (!outcome.ok) return refused(outcome);
	// The sheet holds a target's figure, comparator and qualifier in three columns; a
	// yes/no or a formula has no place in any of them (the context refuses formulas).
	if (outcome.cell?.t === 'b' || outcome.cell?.t === 'f') {
		return refused({ ok: false, code: 'formula-not-allowed', params: { input: String(raw) } });
	}
	const cell = outcome.cell;
	const out: TargetCellCheck = { validation: { ok: true, content: cell ? cell.v : null } };
	if (outcome.notice === 'thousands-separator' && cell && typeof cell.v === 'number')
		out.thousandsDropped = cell.v;
	if (cell && c.year !== BASELINE_YEAR && cell.cmp) {
		out.pairedComparator = { col: targetColumn(c.level, c.year, 'comparator'), comparator: cell.cmp };
	}
	return out;
}

/**
 * The series the grid's content stands for, where they differ from what is stored: each
 * level's baseline (2020) and targets (2025, 2035) of each plan indicator. The three columns of
 * a target are written as one text the plan would write (`>99 (优质均衡)`) and read through the
 * same check as typing it: one route from the grid to a stored cell.
 */
export function targetSeriesDrafts(workbook: Workbook, source: readonly (readonly RawContent[])[]): Series[] {
	const drafts: Series[] = [];
	planIndicators.forEach((indicator, row) => {
		for (const level of [CITY_CODE, '620000'] as const) {
			for (const kind of ['actual', 'target'] as const) {
				const years = kind === 'actual' ? [BASELINE_YEAR] : [2025, 2035];
				const stored = workbook.getSeries(level, indicator.code, kind);
				const cells: Record<string, Cell> = { ...(stored?.cells ?? {}) };
				for (const year of years) {
					const v = source[row]?.[targetColumn(level, year, 'value')];
					if (typeof v !== 'number') {
						delete cells[String(year)];
						continue;
					}
					// The 2020 baseline has no comparator column.
					const cmpText = kind === 'target' ? source[row]?.[targetColumn(level, year, 'comparator')] : null;
					const cmp = kind === 'target' ? checkComparator(typeof cmpText === 'string' ? cmpText : '') : null;
					const q = textFromContent(source[row]?.[targetColumn(level, year, 'qualifier')]);
					const text = targetText(v, cmp?.ok ? cmp.comparator : '>=', q);
					const verdict = checkFigure(figureContext(level, year, indicator), text);
					if (!verdict.ok || !verdict.cell) continue;
					cells[String(year)] = verdict.cell;
				}
				if (JSON.stringify(cells) !== JSON.stringify(stored?.cells ?? {})) {
					drafts.push({
						regionCode: level,
						indicatorCode: indicator.code,
						kind,
						cells,
						note: stored?.note ?? '',
						updatedAt: 0
					});
				}
			}
		}
	});
	return drafts;
}
