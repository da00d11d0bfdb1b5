// A county's own indicators are stored as one record per county (schema v11): IndexedDB's
// cost is per record, and an import of 6,250 own indicators spent 0.43 s putting them one
// record each where six records take a few milliseconds. Everything above this file still
// sees one row per indicator, keyed [regionCode, code], in the order the v10 table gave them:
// the indicators-table functions, the import, and backups and snapshots (which carry the
// rows as the `indicators` table, so old and new backups read alike; backup/content.ts).
import type { Table } from 'dexie';
import type { WorkbookDb } from './db';

/** One county's own indicators, each exactly as it was put (checked by whoever reads it). */
export interface OwnIndicatorSet {
	regionCode: string;
	/** Sorted by code as IndexedDB orders keys, so a read gives v10's key order. */
	indicators: unknown[];
}

type Key = string | number;

/** IndexedDB's order for the keys a region or code can be: numbers before strings, strings by code unit. */
export function keyCompare(a: unknown, b: unknown): number {
	const na = typeof a === 'number';
	const nb = typeof b === 'number';
	if (na !== nb) return na ? -1 : 1;
	const x = a as Key;
	const y = b as Key;
	return x < y ? -1 : x > y ? 1 : 0;
}

function field(row: unknown, name: 'regionCode' | 'code'): unknown {
	return row && typeof row === 'object' ? (row as Record<string, unknown>)[name] : undefined;
}

/** A set's rows as an array (a damaged set whose `indicators` is not one reads as none). */
export function setRows(set: OwnIndicatorSet | undefined): unknown[] {
	return set && Array.isArray(set.indicators) ? set.indicators : [];
}

/** Sorted by code (a copy); rows keep their own objects, so they read back key for key. */
function sortedRows(rows: readonly unknown[]): unknown[] {
	return [...rows].sort((a, b) => keyCompare(field(a, 'code'), field(b, 'code')));
}

/** Rows of any counties grouped into their sets, in region order, each sorted by code. */
export function setsFromRows(rows: readonly unknown[]): OwnIndicatorSet[] {
	const byRegion = new Map<unknown, unknown[]>();
	for (const row of rows) {
		const region = field(row, 'regionCode');
		const list = byRegion.get(region);
		if (list) list.push(row);
		else byRegion.set(region, [row]);
	}
	return [...byRegion.entries()]
		.filter(([region]) => typeof region === 'string' || typeof region === 'number')
		.sort((a, b) => keyCompare(a[0], b[0]))
		.map(([regionCode, list]) => ({ regionCode: regionCode as string, indicators: sortedRows(list) }));
}

/** Every set's rows, one after another: the v10 table's rows in its key order. */
export function rowsOfSets(sets: readonly OwnIndicatorSet[]): unknown[] {
	return sets.flatMap(setRows);
}

function table(db: WorkbookDb): Table<OwnIndicatorSet, string> {
	return db.ownIndicatorSets;
}

/** One county's rows (none stored: []). Inside the caller's transaction, if any. */
export async function readRegionRows(db: WorkbookDb, regionCode: string): Promise<unknown[]> {
	return setRows(await table(db).get(regionCode));
}

/** Every county's rows, in key order. */
export async function readAllRows(db: WorkbookDb): Promise<unknown[]> {
	return rowsOfSets(await table(db).toArray());
}

/**
 * Writes one county's rows (sorted here); none left deletes its record. The request itself
 * (a Dexie promise), so that a transaction can have several counties' puts in flight.
 */
export function writeRegionRows(
	db: WorkbookDb,
	regionCode: string,
	rows: readonly unknown[]
): Promise<unknown> {
	return rows.length === 0
		? table(db).delete(regionCode)
		: table(db).put({ regionCode, indicators: sortedRows(rows) });
}

/** `stored` with `rows` put over them by code (a row of the same code replaces it), `remove` taken out. */
export function mergedRows(
	stored: readonly unknown[],
	rows: readonly unknown[],
	remove: readonly string[] = []
): unknown[] {
	const byCode = new Map<unknown, unknown>();
	for (const row of stored) byCode.set(field(row, 'code'), row);
	for (const code of remove) byCode.delete(code);
	for (const row of rows) byCode.set(field(row, 'code'), row);
	return [...byCode.values()];
}

/**
 * `rows` put over one county's stored rows by code, and `remove` codes taken out. Inside a
 * rw transaction covering ownIndicatorSets, so a read and its write are one step for every
 * other tab.
 */
export async function updateRegionRows(
	db: WorkbookDb,
	regionCode: string,
	rows: readonly unknown[],
	remove: readonly string[] = []
): Promise<void> {
	await writeRegionRows(db, regionCode, mergedRows(await readRegionRows(db, regionCode), rows, remove));
}

/** Replaces every county's rows by `rows` (a restore). Inside a rw transaction. */
export async function replaceAllRows(db: WorkbookDb, rows: readonly unknown[]): Promise<void> {
	await table(db).clear();
	await table(db).bulkPut(setsFromRows(rows));
}

/** For tests and fixtures: puts rows as the old table's bulkPut did (over the same keys). */
export async function putRows(db: WorkbookDb, rows: readonly unknown[]): Promise<void> {
	await db.transaction('rw', db.ownIndicatorSets, async () => {
		for (const set of setsFromRows(rows)) await updateRegionRows(db, set.regionCode, set.indicators);
	});
}
