// The history of one figure: every change of a stored cell, what it was and became, when,
// by whom and how. Pure types and comparisons; storage keeps the records (storage/history-table).
import { z } from 'zod';
import { cellSchema, indicatorCodeSchema, regionCodeSchema, seriesKindSchema, type Cell } from './model';

/** How a figure came to change, as the history lists it (输入/粘贴/填充/导入/撤销…). */
export const changeHowSchema = z.enum([
	'input',
	'paste',
	'fill',
	'import',
	'undo-import',
	'restore',
	'undo',
	'redo',
	'formula-shift',
	'put-back'
]);
export type ChangeHow = z.infer<typeof changeHowSchema>;

/** The bounds of the history, oldest dropped first (README: "Per-figure history"). */
export const HISTORY_PER_FIGURE = 200;
export const HISTORY_TOTAL = 50_000;

export const figureChangeSchema = z.object({
	id: z.number().int().positive().optional(),
	regionCode: regionCodeSchema,
	indicatorCode: indicatorCodeSchema,
	kind: seriesKindSchema,
	year: z.number().int().min(1900).max(2200),
	before: cellSchema.nullable(),
	after: cellSchema.nullable(),
	/** ms since epoch, the time of the write. */
	at: z.number().int().nonnegative(),
	/** The planner's name as set (填报人) or given once; '' when they skipped. */
	who: z.string().max(60),
	how: changeHowSchema
});
export type FigureChange = z.infer<typeof figureChangeSchema>;

/**
 * Two cells hold the same figure. The qualifier a figure is counted by (基本均衡) is not shown
 * in the grid, so a retyped figure without it is still the same figure.
 */
export function sameCell(a: Cell | null | undefined, b: Cell | null | undefined): boolean {
	if (!a || !b) return !a && !b;
	if (a.t !== b.t) return false;
	if (a.t === 'f') return b.t === 'f' && a.f === b.f;
	if (a.t === 'b') return b.t === 'b' && a.v === b.v;
	if (b.t !== 'n') return false;
	if (a.v !== b.v || (a.cmp ?? '>=') !== (b.cmp ?? '>=')) return false;
	return a.q === undefined || b.q === undefined || a.q === b.q;
}

/** A cell as the history and the conflict notice write it: 96.4, =AVERAGE(D1:F1), 是, or 空. */
export function cellText(
	cell: Cell | null | undefined,
	words: { yes: string; no: string; empty: string }
): string {
	if (!cell) return words.empty;
	if (cell.t === 'f') return cell.f;
	if (cell.t === 'b') return cell.v ? words.yes : words.no;
	return `${cell.cmp === '>' ? '>' : ''}${cell.v}`;
}
