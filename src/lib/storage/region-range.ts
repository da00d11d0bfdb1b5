// A region's records of a table whose primary key starts with regionCode (series,
// indicators): a range of that key, so the table needs no regionCode index of its own
// (schema v10 dropped them: each index is one more record written per row).
import type { Collection, Table } from 'dexie';

export function inRegion<R, K>(table: Table<R, K>, regionCode: string): Collection<R, K> {
	const keyPath = table.schema.primKey.keyPath;
	if (!Array.isArray(keyPath) || keyPath[0] !== 'regionCode')
		throw new Error(`${table.name} is not keyed by region first`);
	// [code] sorts before every longer key starting with code, and [code + '\0'] after them
	// all and before every other region's (no string lies between code and code + '\0').
	// Plain strings: Dexie's minKey and maxKey depend on what the environment's IndexedDB takes.
	return table.where(':id').between([regionCode], [`${regionCode}\u0000`], true, false);
}
