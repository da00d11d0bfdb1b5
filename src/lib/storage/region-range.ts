// A region's records of a table whose primary key starts with regionCode (series,
// indicators): a range of that key, so the table needs no regionCode index of its own
// (schema v10 dropped them: each index is one more record written per row).
import { Dexie, type Collection, type Table } from 'dexie';

export function inRegion<R, K>(table: Table<R, K>, regionCode: string): Collection<R, K> {
	const keyPath = table.schema.primKey.keyPath;
	if (!Array.isArray(keyPath) || keyPath[0] !== 'regionCode')
		throw new Error(`${table.name} is not keyed by region first`);
	const rest = keyPath.length - 1;
	return table
		.where(':id')
		.between(
			[regionCode, ...Array<unknown>(rest).fill(Dexie.minKey)],
			[regionCode, ...Array<unknown>(rest).fill(Dexie.maxKey)],
			true,
			true
		);
}
