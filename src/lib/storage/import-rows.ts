// The series rows an import writes, each worked out once, inside the import's transaction,
// from the row as stored there. A row the file creates (nothing stored, nothing previewed)
// is the file's row itself: merging its cells one by one into an empty row, as a typed
// edit is merged, made 100,000 write objects and as many copies of the cells, to arrive at
// the same row. Any other row goes through that merge (mergeGroup), its cells checked
// against the preview.
import type { Series } from '../core/model';
import type { ChangeHow, FigureChange } from '../core/figure-history';
import { addWrite, diffRows, mergeGroup, type CellWriteResult, type RowWrites } from './cell-writes';
import { readSeriesRow } from './series-table';
import { parseSeries } from './series-check';

/** One row of the import, as importWrites gives it. */
export interface ImportRowWrite {
	series: Omit<Series, 'updatedAt'>;
	/** The row as previewed (null: none); undefined: compare the stamp instead (checked before). */
	before?: Pick<Series, 'cells' | 'note' | 'notes'> | null;
}

export interface ImportRowContext {
	who: string;
	how: ChangeHow;
	now: number;
}

/**
 * The row to put for `w` over `raw` (the record stored now, undefined: none), or null when
 * it changes nothing; its changes, and any figure changed since the preview, go to `out`
 * (a changed figure throws 'conflict': the import is refused whole).
 */
export function importRow(
	w: ImportRowWrite,
	raw: unknown,
	context: ImportRowContext,
	out: Pick<CellWriteResult, 'changes' | 'replaced'>
): Series | null {
	if (raw === undefined && !w.before) return newRow(w.series, context, out.changes);
	const stored = w.before === undefined ? (raw === undefined ? undefined : readSeriesRow(raw)) : w.before;
	const byRow = new Map<string, RowWrites>();
	for (const d of diffRows(stored ?? undefined, w.series)) addWrite(byRow, d);
	const group = byRow.values().next().value;
	return group ? mergeGroup(raw, group, { ...context, refuseReplacing: true }, out) : null;
}

/** What mergeGroup makes of the row's writes over no row, without the writes. */
function newRow(
	series: Omit<Series, 'updatedAt'>,
	{ who, how, now }: ImportRowContext,
	changes: FigureChange[]
): Series | null {
	const { regionCode, indicatorCode, kind, cells } = series;
	const note = series.note ?? '';
	let notes: Record<string, string> | undefined;
	for (const year in series.notes ?? {}) {
		const text = series.notes?.[year];
		if (text !== null && text !== undefined) (notes ??= {})[year] = text;
	}
	let figures = 0;
	// Years in order (integer-like keys enumerate ascending), as the merge records them.
	for (const year in cells) {
		const after = cells[year]!;
		changes.push({
			regionCode,
			indicatorCode,
			kind,
			year: Number(year),
			before: null,
			after,
			at: now,
			who,
			how
		});
		figures++;
	}
	if (figures === 0 && note === '' && !notes) return null;
	return parseSeries({
		regionCode,
		indicatorCode,
		kind,
		cells,
		note,
		updatedAt: now,
		...(notes ? { notes } : {})
	});
}
