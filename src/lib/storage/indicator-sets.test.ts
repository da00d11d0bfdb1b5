import { describe, expect, it } from 'vitest';
import {
	keyCompare,
	mergedRows,
	putRows,
	readAllRows,
	readRegionRows,
	replaceAllRows,
	setsFromRows,
	writeRegionRows
} from './indicator-sets';
import { freshDb, freshDeps } from './test-helpers';

const row = (regionCode: string, code: string, extra: Record<string, unknown> = {}) => ({
	regionCode,
	code,
	...extra
});

describe('own indicators as one record per county', () => {
	it('orders keys as IndexedDB does: numbers first, strings by code unit', () => {
		const { indexedDB } = freshDeps();
		const keys: (string | number)[] = ['C10', 'C2', 'c1', 'C01', 7, 'Ｃ1', 'C1', '𠀀', '\uffff'];
		expect([...keys].sort(keyCompare)).toEqual([...keys].sort((a, b) => indexedDB.cmp(a, b)));
	});

	it('groups rows into sets in region order, each sorted by code, the row objects kept', () => {
		const a = row('620721', 'C02');
		const sets = setsFromRows([a, row('620702', 'C10'), row('6207021', 'C01'), row('620702', 'C02')]);
		expect(sets.map((s) => [s.regionCode, s.indicators.map((r) => (r as { code: string }).code)])).toEqual([
			['620702', ['C02', 'C10']],
			['6207021', ['C01']],
			['620721', ['C02']]
		]);
		expect(sets[2]!.indicators[0]).toBe(a);
	});

	it('merges by code: a row of the same code replaces it, removed codes go', () => {
		const stored = [row('620702', 'C01', { n: 1 }), row('620702', 'C02', { n: 1 })];
		expect(mergedRows(stored, [row('620702', 'C02', { n: 2 }), row('620702', 'C03')], ['C01'])).toEqual([
			row('620702', 'C02', { n: 2 }),
			row('620702', 'C03')
		]);
	});

	it('writes a county whole, drops its record when none is left, and replaces all on a restore', async () => {
		const db = freshDb();
		await putRows(db, [row('620702', 'C02'), row('620721', 'C01'), row('620702', 'C01')]);
		expect(await readRegionRows(db, '620702')).toEqual([row('620702', 'C01'), row('620702', 'C02')]);
		await putRows(db, [row('620702', 'C01', { nameZh: '新' })]);
		expect(await readRegionRows(db, '620702')).toEqual([
			row('620702', 'C01', { nameZh: '新' }),
			row('620702', 'C02')
		]);
		await db.transaction('rw', db.ownIndicatorSets, () => writeRegionRows(db, '620702', []));
		expect(await db.ownIndicatorSets.count()).toBe(1);
		await db.transaction('rw', db.ownIndicatorSets, () => replaceAllRows(db, [row('620725', 'C09')]));
		expect(await readAllRows(db)).toEqual([row('620725', 'C09')]);
		db.close();
	});
});
