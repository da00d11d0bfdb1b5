// Series records: one per grid row (region × indicator × kind, all years in `cells`).
import { Dexie } from 'dexie';
import { cellSchema, seriesKindSchema, seriesSchema, type Series } from '../core/model';
import { shorten, type DamagedSeries } from '../core/cell-problems';
import type { SeriesKeyTuple, WorkbookDb } from './db';
import type { z } from 'zod/mini';
import { parseRow } from './validate';
import { inRegion } from './region-range';

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
	const rows = await inRegion(db.series, regionCode).toArray();
	return rows.map(readSeriesRow);
}

export async function getAllSeries(db: WorkbookDb): Promise<Series[]> {
	const rows = await db.series.toArray();
	return rows.map(readSeriesRow);
}

/**
 * Every series, reading around damaged records: one record that fails its schema (edited in
 * devtools, left by a buggy build) must not stop the workbook from opening. A record whose
 * key fields are sound keeps its readable cells; the unreadable ones are reported, as is a
 * record that cannot be read at all. Nothing is changed on disk until the planner clears it.
 */
export async function getAllSeriesSalvaged(
	db: WorkbookDb
): Promise<{ series: Series[]; damaged: DamagedSeries[] }> {
	const series: Series[] = [];
	const damaged: DamagedSeries[] = [];
	await db.series.toCollection().each((row: unknown, cursor) => {
		const whole = seriesSchema.safeParse(row);
		if (whole.success) {
			series.push(whole.data);
			return;
		}
		const salvage = salvageSeries(row);
		const o = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
		const kind = seriesKindSchema.safeParse(o.kind);
		damaged.push({
			key: Array.isArray(cursor.primaryKey) ? cursor.primaryKey : [cursor.primaryKey],
			regionCode: String(o.regionCode ?? ''),
			indicatorCode: String(o.indicatorCode ?? ''),
			kind: kind.success ? kind.data : 'actual',
			badYears: salvage?.badYears ?? [],
			whole: salvage === null,
			excerpt: shorten(safeJson(row), 80)
		});
		if (salvage) series.push(salvage.series);
	});
	return { series, damaged };
}

function salvageSeries(row: unknown): { series: Series; badYears: number[] } | null {
	if (!row || typeof row !== 'object') return null;
	const o = row as Record<string, unknown>;
	const cells: Record<string, unknown> = {};
	const badYears: number[] = [];
	const stored = o.cells && typeof o.cells === 'object' ? (o.cells as Record<string, unknown>) : {};
	for (const [year, cell] of Object.entries(stored)) {
		if (/^\d{4}$/.test(year) && cellSchema.safeParse(cell).success) cells[year] = cell;
		else if (/^\d{4}$/.test(year)) badYears.push(Number(year));
	}
	const note = typeof o.note === 'string' && o.note.length <= 2000 ? o.note : '';
	const updatedAt = Number.isInteger(o.updatedAt) && Number(o.updatedAt) >= 0 ? o.updatedAt : 0;
	const result = seriesSchema.safeParse({ ...o, cells, note, updatedAt });
	return result.success ? { series: result.data, badYears } : null;
}

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

/** Deletes a record by its stored key: the one way to clear a record that cannot be read. */
export async function deleteSeriesByKey(db: WorkbookDb, key: readonly unknown[]): Promise<void> {
	await db.series.delete(key as unknown as SeriesKeyTuple);
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
