// Series records: one per grid row (region × indicator × kind, all years in `cells`).
import { Dexie } from 'dexie';
import { seriesSchema, type Series } from '../core/model';
import type { SeriesKeyTuple, WorkbookDb } from './db';
import type { z } from 'zod';
import { parseRow } from './validate';

/** A series as callers hand it in: updatedAt is stamped here, note may be left out. */
export type SeriesDraft = Omit<z.input<typeof seriesSchema>, 'updatedAt'> & { updatedAt?: number };
export type SeriesKeyParts = Pick<Series, 'regionCode' | 'indicatorCode' | 'kind'>;

export function seriesKeyTuple(s: SeriesKeyParts): SeriesKeyTuple {
	return [s.regionCode, s.indicatorCode, s.kind];
}

export function readSeriesRow(row: unknown): Series {
	const key = row && typeof row === 'object' ? seriesKeyTuple(row as SeriesKeyParts) : undefined;
	return parseRow(seriesSchema, 'series', key, row);
}

export async function getRegionSeries(db: WorkbookDb, regionCode: string): Promise<Series[]> {
	const rows = await db.series.where('regionCode').equals(regionCode).toArray();
	return rows.map(readSeriesRow);
}

export async function getAllSeries(db: WorkbookDb): Promise<Series[]> {
	const rows = await db.series.toArray();
	return rows.map(readSeriesRow);
}

/** Every series of one indicator in one region (both kinds, and any added later). */
export async function getIndicatorSeries(
	db: WorkbookDb,
	regionCode: string,
	indicatorCode: string
): Promise<Series[]> {
	const rows = await db.series
		.where('[regionCode+indicatorCode+kind]')
		.between([regionCode, indicatorCode, Dexie.minKey], [regionCode, indicatorCode, Dexie.maxKey])
		.toArray();
	return rows.map(readSeriesRow);
}

/** Validates (throws zod's error on a bad draft: that is a caller's bug, not a storage state). */
export async function putSeries(db: WorkbookDb, series: SeriesDraft, now = Date.now()): Promise<Series> {
	const record = seriesSchema.parse({ ...series, updatedAt: now });
	await db.series.put(record);
	return record;
}

/**
 * All or nothing: a paste touching several rows must not land half-written. Each draft is
 * validated just before its put, inside the transaction, so a bad one anywhere in the list
 * (or a quota failure) rolls back the rows already put; the error is rethrown.
 */
export async function putManySeries(
	db: WorkbookDb,
	list: readonly SeriesDraft[],
	now = Date.now()
): Promise<Series[]> {
	return db.transaction('rw', db.series, async () => {
		const records: Series[] = [];
		for (const draft of list) {
			const record = seriesSchema.parse({ ...draft, updatedAt: now });
			await db.series.put(record);
			records.push(record);
		}
		return records;
	});
}

/** Returns what was deleted (undefined if nothing was there), so the caller can offer undo. */
export async function deleteSeries(db: WorkbookDb, key: SeriesKeyParts): Promise<Series | undefined> {
	return db.transaction('rw', db.series, async () => {
		const tuple = seriesKeyTuple(key);
		const row = await db.series.get(tuple);
		if (row === undefined) return undefined;
		const existing = readSeriesRow(row);
		await db.series.delete(tuple);
		return existing;
	});
}
