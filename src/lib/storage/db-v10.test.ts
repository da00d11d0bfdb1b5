// Version 10: series and indicators keep no index but their primary key.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { OwnIndicator } from '../core/model';
import { SCHEMA_NOTE, SCHEMA_VERSION, WorkbookDb, upgradeV9ToV10 } from './db';
import { listOwnIndicators, nextOwnCode } from './indicators-table';
import { getRegionSeries } from './series-table';
import { V5_STORES, freshDeps, sampleSeries } from './test-helpers';

/** Version 9's stores exactly as released (frozen; see V1_STORES in test-helpers.ts). */
const V9_STORES = {
	...V5_STORES,
	tasks: '[regionCode+year+task], [regionCode+year], year',
	historyRuns: '++id, at, [at+size]'
} as const;

function own(regionCode: string, code: string): OwnIndicator {
	return {
		regionCode,
		code,
		nameZh: `自设指标${code}`,
		nameEn: '',
		unit: '%',
		direction: 'higher',
		precision: 1,
		countyMeasure: 'value',
		order: 0,
		updatedAt: 7
	};
}

const SERIES = [
	sampleSeries({ regionCode: '620702', indicatorCode: 'EDU01', kind: 'actual', updatedAt: 7 }),
	sampleSeries({ regionCode: '620702', indicatorCode: 'C01', kind: 'actual', updatedAt: 7 }),
	sampleSeries({ regionCode: '620721', indicatorCode: 'EDU01', kind: 'target', updatedAt: 7 }),
	// A region whose code the others' start with: a range of the key must not take it in.
	sampleSeries({ regionCode: '6207021', indicatorCode: 'EDU01', kind: 'actual', updatedAt: 7 })
];

/** A database as version 9 left it, with rows in three regions. */
async function writeV9(name: string, deps: ReturnType<typeof freshDeps>): Promise<void> {
	const old = new Dexie(name, deps);
	old.version(9).stores(V9_STORES);
	await old.open();
	await old.table('series').bulkPut(SERIES);
	await old.table('indicators').bulkPut([own('620702', 'C01'), own('620702', 'C02'), own('620721', 'C01')]);
	old.close();
}

describe('schema v10: no index on series and indicators but the key', () => {
	it('upgradeV9ToV10 drops the indexes, keeps every record and notes the schema', async () => {
		const deps = freshDeps();
		await writeV9('v10up', deps);
		const bare = new Dexie('v10up', deps);
		bare.version(9).stores(V9_STORES);
		bare
			.version(10)
			.stores({ series: '[regionCode+indicatorCode+kind]', indicators: '[regionCode+code]' })
			.upgrade(upgradeV9ToV10);
		await bare.open();
		const tx = bare.backendDB().transaction(['series', 'indicators']);
		expect([...tx.objectStore('series').indexNames]).toEqual([]);
		expect([...tx.objectStore('indicators').indexNames]).toEqual([]);
		const rows = await bare.table('series').toArray();
		expect(rows).toHaveLength(SERIES.length);
		expect(rows).toEqual(expect.arrayContaining(SERIES));
		expect(await bare.table('indicators').count()).toBe(3);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});

	it('a database written at v9 opens at v10, each region read as before', async () => {
		const deps = freshDeps();
		await writeV9('v10open', deps);
		const db = new WorkbookDb('v10open', deps);
		await db.open();
		expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
		expect((await getRegionSeries(db, '620702')).map((s) => s.indicatorCode)).toEqual(['C01', 'EDU01']);
		expect((await getRegionSeries(db, '620721')).map((s) => s.kind)).toEqual(['target']);
		expect((await listOwnIndicators(db, '620702')).map((i) => i.code)).toEqual(['C01', 'C02']);
		expect(await nextOwnCode(db, '620702')).toBe('C03');
		expect(await nextOwnCode(db, '620725')).toBe('C01');
		db.close();
	});
});
