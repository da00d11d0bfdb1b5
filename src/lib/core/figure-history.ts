// The history of one figure: every change of a stored cell, what it was and became, when,
// by whom and how. Pure types and comparisons; storage keeps the records (storage/history-table).
import { z } from 'zod/mini';
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
	id: z.optional(z.int().check(z.positive())),
	regionCode: regionCodeSchema,
	indicatorCode: indicatorCodeSchema,
	kind: seriesKindSchema,
	year: z.int().check(z.gte(1900), z.lte(2200)),
	before: z.nullable(cellSchema),
	after: z.nullable(cellSchema),
	/** ms since epoch, the time of the write. */
	at: z.int().check(z.nonnegative()),
	/** The planner's name as set (填报人) or given once; '' when they skipped. */
	who: z.string().check(z.maxLength(60)),
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

/**
 * The history of a large write (an import) in bulk: up to HISTORY_RUN_SIZE changes of one
 * write in one record, each `[regionCode, indicatorCode, kind, year, before, after]`, as
 * JSON text (IndexedDB copies a string at once; 10,000 small objects cost it 10,000 copies).
 * Read back as FigureChange records; `size` is how many it holds.
 */
export const HISTORY_RUN_SIZE = 10_000;
export const historyRunSchema = z.object({
	id: z.optional(z.int().check(z.positive())),
	at: z.int().check(z.nonnegative()),
	who: z.string().check(z.maxLength(60)),
	how: changeHowSchema,
	size: z.int().check(z.positive(), z.lte(HISTORY_RUN_SIZE)),
	changes: z.string()
});
export type HistoryRun = z.infer<typeof historyRunSchema>;

type RunEntry = [string, string, FigureChange['kind'], number, Cell | null, Cell | null];

/**
 * Changes as runs of at most HISTORY_RUN_SIZE, each of one write (same at, who and how),
 * one at a time: the caller stores each before the next is made (a task each).
 */
export function* toHistoryRuns(changes: readonly FigureChange[]): Generator<HistoryRun> {
	let i = 0;
	while (i < changes.length) {
		const first = changes[i]!;
		const entries: RunEntry[] = [];
		while (
			i < changes.length &&
			entries.length < HISTORY_RUN_SIZE &&
			changes[i]!.at === first.at &&
			changes[i]!.who === first.who &&
			changes[i]!.how === first.how
		) {
			const c = changes[i++]!;
			entries.push([c.regionCode, c.indicatorCode, c.kind, c.year, c.before, c.after]);
		}
		yield {
			at: first.at,
			who: first.who,
			how: first.how,
			size: entries.length,
			changes: JSON.stringify(entries)
		};
	}
}

/** A run's changes; a run whose text does not read (damaged on disk) reads as none. */
export function fromHistoryRun(run: HistoryRun): FigureChange[] {
	let entries: unknown;
	try {
		entries = JSON.parse(run.changes);
	} catch {
		return [];
	}
	if (!Array.isArray(entries)) return [];
	const out: FigureChange[] = [];
	for (const e of entries as RunEntry[]) {
		const parsed = figureChangeSchema.safeParse({
			regionCode: e[0],
			indicatorCode: e[1],
			kind: e[2],
			year: e[3],
			before: e[4],
			after: e[5],
			at: run.at,
			who: run.who,
			how: run.how
		});
		if (parsed.success) out.push(parsed.data);
	}
	return out;
}
