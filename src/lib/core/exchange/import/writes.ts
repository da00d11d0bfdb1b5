// Stage 8: the plan → what storage writes, as plain data. One function, used by the
// workbook's apply (state/workbook.svelte.ts → storage/exchange.ts) and by the tests, so
// the round-trip tests exercise the path a planner's import takes.
import type { OwnIndicator, Series } from '../../model';
import type { ImportPlan } from './types';

/** One row to write, with the stamp of the record it was previewed against (null: none). */
export interface ImportSeriesWrite {
	series: Omit<Series, 'updatedAt'>;
	expected: number | null;
	/** The row as previewed: only the cells the import changes are checked against it. */
	before: Pick<Series, 'cells' | 'note' | 'notes'> | null;
}

export interface ImportIndicatorWrite {
	indicator: OwnIndicator;
	expected: number | null;
}

export interface ImportWrites {
	series: ImportSeriesWrite[];
	indicators: ImportIndicatorWrite[];
}

export function importWrites(plan: ImportPlan): ImportWrites {
	return {
		series: plan.changes.map((c) => ({
			series: {
				regionCode: c.regionCode,
				indicatorCode: c.indicatorCode,
				kind: c.kind,
				cells: c.after.cells,
				note: c.after.note,
				...(c.after.notes ? { notes: c.after.notes } : {})
			},
			expected: c.before ? c.before.updatedAt : null,
			before: c.before ? { cells: c.before.cells, note: c.before.note, notes: c.before.notes } : null
		})),
		indicators: plan.indicators.map((i) => ({
			indicator: i.after,
			expected: i.before ? (i.before.updatedAt ?? 0) : null
		}))
	};
}

/** Every formula the plan would write, once each: what the page checks with the engine. */
export function formulasOf(plan: ImportPlan): string[] {
	const out = new Set<string>();
	for (const c of plan.changes) {
		for (const cell of [...c.added, ...c.changed]) if (cell.after.t === 'f') out.add(cell.after.f);
	}
	return [...out];
}
