// The per-figure history (schema v4): one record per change of a stored cell, written in the
// same transaction as the change itself (cell-writes.ts), so the history never tells of a
// figure that was not stored, nor misses one that was.
//
// Bounded: at most HISTORY_PER_FIGURE records per figure and HISTORY_TOTAL overall, the
// oldest dropped first. The per-figure bound is kept on every write of up to
// PER_FIGURE_CHECK_LIMIT figures; a larger write (an import of thousands of cells) keeps
// only the overall bound, and its figures are trimmed the next time they are edited.
// Such a large write keeps its records in bulk (history-runs.ts, schema v8); the readers
// below read both tables as one history, and the overall bound counts both.
import { Dexie } from 'dexie';
import {
	HISTORY_PER_FIGURE,
	HISTORY_TOTAL,
	figureChangeSchema,
	toHistoryRuns,
	type FigureChange
} from '../core/figure-history';
import { figureId, runIndex, runSizes } from './history-runs';
import type { SeriesKind } from '../core/model';
import type { WorkbookDb } from './db';
import { parseRow } from './validate';
import { readSalvaged, type DamagedRecord } from './salvage';

const PER_FIGURE_CHECK_LIMIT = 500;

export type FigureKeyTuple = [regionCode: string, indicatorCode: string, kind: SeriesKind, year: number];

function figureKey(c: Pick<FigureChange, 'regionCode' | 'indicatorCode' | 'kind' | 'year'>): FigureKeyTuple {
	return [c.regionCode, c.indicatorCode, c.kind, c.year];
}

function readChange(row: unknown): FigureChange {
	return parseRow(figureChangeSchema, 'history', (row as { id?: number } | undefined)?.id, row);
}

/**
 * Adds the records and trims to the bounds. Must run inside a rw transaction on history
 * (the caller's), so that a failed write leaves no record behind.
 */
export async function recordChanges(
	db: WorkbookDb,
	changes: readonly FigureChange[],
	bounds = { perFigure: HISTORY_PER_FIGURE, total: HISTORY_TOTAL }
): Promise<void> {
	if (changes.length === 0) return;
	// Records older than the overall bound would be deleted at once: a write larger than it
	// (an import of 100,000 cells) keeps only its newest. The cells were validated with
	// their rows; the small records around them are checked here only on small writes.
	const records =
		changes.length > bounds.total
			? changes.slice(changes.length - bounds.total)
			: changes.length <= PER_FIGURE_CHECK_LIMIT
				? changes.map((c) => figureChangeSchema.parse(c))
				: changes;
	if (records.length <= PER_FIGURE_CHECK_LIMIT) {
		await db.history.bulkAdd(records);
		const keys = new Map(records.map((r) => [figureKey(r).join('|'), figureKey(r)]));
		for (const key of keys.values()) {
			const ids = await db.history.where('[regionCode+indicatorCode+kind+year]').equals(key).primaryKeys();
			if (ids.length > bounds.perFigure)
				await db.history.bulkDelete(ids.slice(0, ids.length - bounds.perFigure));
		}
	} else {
		for (const run of toHistoryRuns(records)) await db.historyRuns.add(run);
	}
	await trimToTotal(db, bounds.total);
}

/** Drops the oldest changes, of either table, until both hold at most `total` together. */
async function trimToTotal(db: WorkbookDb, total: number): Promise<void> {
	const runs = await runSizes(db);
	let count = (await db.history.count()) + runs.reduce((n, r) => n + r.size, 0);
	while (count > total) {
		const oldestRecord = await db.history.orderBy(':id').first();
		const oldestRun = runs[0];
		if (oldestRun && (!oldestRecord || oldestRun.at <= oldestRecord.at)) {
			// A run goes whole, with the rest of its write (the same `at`).
			const gone = runs.filter((r) => r.at === oldestRun.at);
			runs.splice(0, gone.length);
			await db.historyRuns.where('at').equals(oldestRun.at).delete();
			count -= gone.reduce((n, r) => n + r.size, 0);
		} else {
			const excess = count - total;
			const older = oldestRun
				? db.history.where('at').below(oldestRun.at).limit(excess)
				: db.history.orderBy(':id').limit(excess);
			const ids = await older.primaryKeys();
			await db.history.bulkDelete(ids);
			count -= ids.length;
			if (ids.length === 0) break;
		}
	}
}

/**
 * One figure's changes, newest first. A change record that does not read is skipped and
 * handed to `onDamaged`: the history is a record of the past, and one bad entry must not
 * hide the others (or the page).
 */
export async function figureHistory(
	db: WorkbookDb,
	key: { regionCode: string; indicatorCode: string; kind: SeriesKind; year: number },
	limit = HISTORY_PER_FIGURE,
	onDamaged?: (damaged: DamagedRecord[]) => void
): Promise<FigureChange[]> {
	return db.transaction('r', db.history, db.historyRuns, async () => {
		const rows = await db.history
			.where('[regionCode+indicatorCode+kind+year]')
			.equals(figureKey(key))
			.reverse()
			.limit(limit)
			.toArray();
		const { records, damaged } = readSalvaged(rows, figureChangeSchema, 'history', (o) => o.id);
		if (damaged.length) onDamaged?.(damaged);
		const bulk = (await runIndex(db)).get(figureId(key)) ?? [];
		return newestFirst([...records, ...bulk]).slice(0, limit);
	});
}

/** By time; within one time, a record before a run (records are the small, later writes). */
function newestFirst(changes: FigureChange[]): FigureChange[] {
	return changes.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
}

/** The newest change of a figure, for the formula bar's line. */
export async function lastChange(
	db: WorkbookDb,
	key: { regionCode: string; indicatorCode: string; kind: SeriesKind; year: number },
	onDamaged?: (damaged: DamagedRecord[]) => void
): Promise<FigureChange | undefined> {
	return (await figureHistory(db, key, 1, onDamaged))[0];
}

/** Every change in a region, newest first (for tests and a region-wide view). */
export async function regionHistory(db: WorkbookDb, regionCode: string): Promise<FigureChange[]> {
	return db.transaction('r', db.history, db.historyRuns, async () => {
		const rows = await db.history
			.where('[regionCode+indicatorCode+kind+year]')
			.between(
				[regionCode, Dexie.minKey, Dexie.minKey, Dexie.minKey],
				[regionCode, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey]
			)
			.toArray();
		const bulk = [...(await runIndex(db)).values()].flat().filter((c) => c.regionCode === regionCode);
		return newestFirst([...rows.map(readChange), ...bulk]);
	});
}
