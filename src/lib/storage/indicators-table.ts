// Counties' own indicators, and their removal together with their figures.
import { Dexie } from 'dexie';
import type { z } from 'zod/mini';
import { ownIndicatorSchema, seriesSchema, type OwnIndicator, type Series } from '../core/model';
import type { WorkbookDb } from './db';
import { StorageError } from './errors';
import { readSeriesRow } from './series-table';
import { parseRow } from './validate';
import { damagedRecord, readSalvaged, type DamagedRecord } from './salvage';
import { readAllRows, readRegionRows, updateRegionRows } from './indicator-sets';

export type OwnIndicatorDraft = Omit<z.input<typeof ownIndicatorSchema>, 'updatedAt'> & {
	updatedAt?: number;
};

/** What deleteOwnIndicator removed: hand it to restoreOwnIndicator to undo. */
export interface DeletedIndicator {
	indicator: OwnIndicator;
	series: Series[];
}

function readIndicatorRow(row: unknown): OwnIndicator {
	const r = (row ?? {}) as Partial<OwnIndicator>;
	return parseRow(ownIndicatorSchema, 'indicators', [r.regionCode, r.code], row);
}

/** Sorted by `order`, then code so equal orders still list the same way every time. */
export async function listOwnIndicators(db: WorkbookDb, regionCode: string): Promise<OwnIndicator[]> {
	const rows = await readRegionRows(db, regionCode);
	return rows
		.map(readIndicatorRow)
		.sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Stamps updatedAt, like putSeries. */
export async function putOwnIndicator(
	db: WorkbookDb,
	indicator: OwnIndicatorDraft,
	now = Date.now()
): Promise<OwnIndicator> {
	const record = ownIndicatorSchema.parse({ ...indicator, updatedAt: now });
	await db.transaction('rw', db.ownIndicatorSets, () => updateRegionRows(db, record.regionCode, [record]));
	return record;
}

/**
 * Deletes the indicator and every series of it in that county, in one transaction so no
 * orphaned rows remain. Returns undefined (and deletes nothing) if there is no such indicator.
 */
export async function deleteOwnIndicator(
	db: WorkbookDb,
	regionCode: string,
	code: string
): Promise<DeletedIndicator | undefined> {
	return db.transaction('rw', db.ownIndicatorSets, db.series, async () => {
		const row = (await readRegionRows(db, regionCode)).find((r) => (r as OwnIndicator).code === code);
		if (row === undefined) return undefined;
		const indicator = readIndicatorRow(row);
		const range = db.series
			.where('[regionCode+indicatorCode+kind]')
			.between([regionCode, code, Dexie.minKey], [regionCode, code, Dexie.maxKey]);
		const series = (await range.toArray()).map(readSeriesRow);
		await range.delete();
		await updateRegionRows(db, regionCode, [], [code]);
		return { indicator, series };
	});
}

/**
 * Undo of deleteOwnIndicator. Records keep their original updatedAt: they are the same
 * records coming back, not new edits. Throws StorageError 'conflict' (writing nothing) if an
 * indicator with that code exists again, since nextOwnCode reuses the highest freed code
 * and putting back would overwrite the newer indicator.
 */
export async function restoreOwnIndicator(db: WorkbookDb, deleted: DeletedIndicator): Promise<void> {
	const indicator = ownIndicatorSchema.parse(deleted.indicator);
	const series = deleted.series.map((s) => seriesSchema.parse(s));
	const stray = series.find(
		(s) => s.regionCode !== indicator.regionCode || s.indicatorCode !== indicator.code
	);
	if (stray)
		throw new Error(`restoreOwnIndicator: series ${stray.indicatorCode} is not of ${indicator.code}`);
	await db.transaction('rw', db.ownIndicatorSets, db.series, async () => {
		const key: [string, string] = [indicator.regionCode, indicator.code];
		const rows = await readRegionRows(db, indicator.regionCode);
		if (rows.some((r) => (r as OwnIndicator).code === indicator.code)) {
			throw new StorageError('conflict', { table: 'indicators', key });
		}
		await updateRegionRows(db, indicator.regionCode, [indicator]);
		await db.series.bulkPut(series);
	});
}

const ownCodePattern = /^C(\d+)$/;

/** 'C01', 'C02', …: one above the highest C-number the county uses (C100 after C99). */
export async function nextOwnCode(db: WorkbookDb, regionCode: string): Promise<string> {
	const rows = await readRegionRows(db, regionCode);
	let max = 0;
	for (const row of rows) {
		const code = (row as { code?: unknown }).code;
		const m = typeof code === 'string' ? ownCodePattern.exec(code) : null;
		if (m) max = Math.max(max, Number(m[1]));
	}
	return `C${String(max + 1).padStart(2, '0')}`;
}

/**
 * Every county's own indicators that read, for the workbook as it opens; one that does not
 * is listed instead of stopping the page (its figures stay stored, shown once it reads).
 */
export async function listAllOwnIndicatorsSalvaged(
	db: WorkbookDb
): Promise<{ indicators: OwnIndicator[]; damaged: DamagedRecord[] }> {
	const sets = await db.ownIndicatorSets.toArray();
	const indicators: OwnIndicator[] = [];
	const damaged: DamagedRecord[] = [];
	for (const set of sets) {
		// A county's record that holds no list is listed whole; in one that does, each
		// indicator reads or is listed on its own, and one of another county is damaged too.
		if (!Array.isArray(set.indicators)) {
			damaged.push(damagedRecord('indicators', set.regionCode, set));
			continue;
		}
		const read = readSalvaged(set.indicators, ownIndicatorSchema, 'indicators', (o) => [
			o.regionCode,
			o.code
		]);
		for (const c of read.records) {
			if (c.regionCode === set.regionCode) indicators.push(c);
			else damaged.push(damagedRecord('indicators', [set.regionCode, c.code], c));
		}
		damaged.push(...read.damaged);
	}
	return { indicators, damaged };
}

/** Every county's own indicators, for the start page and the one engine. */
export async function listAllOwnIndicators(db: WorkbookDb): Promise<OwnIndicator[]> {
	const rows = await readAllRows(db);
	return rows.map(readIndicatorRow);
}
