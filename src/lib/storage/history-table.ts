// The per-figure history (schema v4): one record per change of a stored cell, written in the
// same transaction as the change itself (cell-writes.ts), so the history never tells of a
// figure that was not stored, nor misses one that was.
//
// Bounded: at most HISTORY_PER_FIGURE records per figure and HISTORY_TOTAL overall, the
// oldest dropped first. The per-figure bound is kept on every write of up to
// PER_FIGURE_CHECK_LIMIT figures; a larger write (an import of thousands of cells) keeps
// only the overall bound, and its figures are trimmed the next time they are edited.
import { Dexie } from 'dexie';
import {
	HISTORY_PER_FIGURE,
	HISTORY_TOTAL,
	figureChangeSchema,
	type FigureChange
} from '../core/figure-history';
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
	await db.history.bulkAdd(records);
	if (records.length <= PER_FIGURE_CHECK_LIMIT) {
		const keys = new Map(records.map((r) => [figureKey(r).join('|'), figureKey(r)]));
		for (const key of keys.values()) {
			const ids = await db.history.where('[regionCode+indicatorCode+kind+year]').equals(key).primaryKeys();
			if (ids.length > bounds.perFigure)
				await db.history.bulkDelete(ids.slice(0, ids.length - bounds.perFigure));
		}
	}
	const total = await db.history.count();
	if (total > bounds.total) {
		const oldest = await db.history
			.orderBy(':id')
			.limit(total - bounds.total)
			.primaryKeys();
		await db.history.bulkDelete(oldest);
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
	const rows = await db.history
		.where('[regionCode+indicatorCode+kind+year]')
		.equals(figureKey(key))
		.reverse()
		.limit(limit)
		.toArray();
	const { records, damaged } = readSalvaged(rows, figureChangeSchema, 'history', (o) => o.id);
	if (damaged.length) onDamaged?.(damaged);
	return records;
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
	const rows = await db.history
		.where('[regionCode+indicatorCode+kind+year]')
		.between(
			[regionCode, Dexie.minKey, Dexie.minKey, Dexie.minKey],
			[regionCode, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey]
		)
		.toArray();
	return rows.map(readChange).sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
}
