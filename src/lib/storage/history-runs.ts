// The bulk half of the per-figure history (schema v8): a write of more than a few hundred
// figures (an import, or its undo) keeps its history as runs of 10,000 changes per record
// (core/figure-history.ts), since IndexedDB's cost is per record: 50,000 records took 8 s,
// 5 runs take a few milliseconds. history-table.ts reads both tables as one history.
//
// Reading a figure's changes from the runs would parse megabytes of JSON for each selected
// cell; the runs only ever come and go whole (added by a write, dropped by the bound), so
// each database keeps them parsed, indexed by figure, and re-reads only the runs it lacks.
import { fromHistoryRun, type FigureChange, type HistoryRun } from '../core/figure-history';
import type { WorkbookDb } from './db';

export type HistoryRunRecord = HistoryRun;

interface RunIndex {
	ids: Set<number>;
	byFigure: Map<string, FigureChange[]>;
}

const indexes = new WeakMap<WorkbookDb, RunIndex>();

export function figureId(c: Pick<FigureChange, 'regionCode' | 'indicatorCode' | 'kind' | 'year'>): string {
	return `${c.regionCode}|${c.indicatorCode}|${c.kind}|${c.year}`;
}

/**
 * The runs' changes by figure (each list oldest first), as stored now. Call inside a read
 * transaction over historyRuns (the caller's), so it agrees with the history table read.
 */
export async function runIndex(db: WorkbookDb): Promise<Map<string, FigureChange[]>> {
	const ids = (await db.historyRuns.toCollection().primaryKeys()) as number[];
	let index = indexes.get(db);
	// A run gone (dropped by the bound, or a restore): start again rather than unpick it.
	if (!index || [...index.ids].some((id) => !ids.includes(id)))
		index = { ids: new Set(), byFigure: new Map() };
	const missing = ids.filter((id) => !index.ids.has(id));
	if (missing.length) {
		const runs = await db.historyRuns.bulkGet(missing);
		runs.forEach((run, i) => {
			index.ids.add(missing[i]!);
			for (const change of run ? fromHistoryRun(run) : []) {
				const key = figureId(change);
				const list = index.byFigure.get(key);
				const withId = { ...change, id: -missing[i]! };
				if (list) list.push(withId);
				else index.byFigure.set(key, [withId]);
			}
		});
	}
	indexes.set(db, index);
	return index.byFigure;
}

/** How many changes the runs hold, per write (its `at`), oldest first. */
export async function runSizes(db: WorkbookDb): Promise<{ at: number; size: number }[]> {
	const keys = (await db.historyRuns.orderBy('[at+size]').keys()) as unknown as [number, number][];
	return keys.map(([at, size]) => ({ at, size }));
}
