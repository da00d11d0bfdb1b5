// Version 9: own indicators whose unit an old bug stored as their code (unit 'C01' for C01).
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { OwnIndicator } from '../core/model';
import { SCHEMA_NOTE, SCHEMA_VERSION, WorkbookDb, upgradeV4ToV5, upgradeV8ToV9 } from './db';
import { listOwnIndicators } from './indicators-table';
import { getMeta } from './meta-table';
import { getAllSeries } from './series-table';
import { V1_STORES, V2_STORES, V3_STORES, V4_ADDED_STORES, freshDeps, sampleSeries } from './test-helpers';

function own(code: string, unit: string, order: number): OwnIndicator {
	return {
		regionCode: '620702',
		code,
		nameZh: `自设指标${code}`,
		nameEn: '',
		unit,
		direction: 'higher',
		precision: 1,
		countyMeasure: 'value',
		order,
		updatedAt: 7
	};
}

/** A database as version 5 left it (the last released before 9), with three own indicators. */
async function writeV5(name: string, deps: ReturnType<typeof freshDeps>): Promise<void> {
	const old = new Dexie(name, deps);
	old.version(1).stores(V1_STORES);
	old.version(2).stores(V2_STORES);
	old.version(3).stores(V3_STORES);
	old.version(4).stores(V4_ADDED_STORES);
	old.version(5).stores({});
	await old.open();
	await old.table('indicators').bulkPut([own('C01', 'C01', 0), own('C02', '%', 1), own('C03', 'C02', 2)]);
	await old
		.table('series')
		.put(sampleSeries({ indicatorCode: 'C01', kind: 'actual', cells: { '2023': { t: 'n', v: 41.5 } } }));
	old.close();
}

describe('schema v9: units stored as the indicator’s code', () => {
	it('upgradeV8ToV9 clears exactly the units equal to their own code, lists them, keeps the rest', async () => {
		const deps = freshDeps();
		await writeV5('v9up', deps);
		const bare = new Dexie('v9up', deps);
		bare.version(1).stores(V1_STORES);
		bare.version(2).stores(V2_STORES);
		bare.version(3).stores(V3_STORES);
		bare.version(4).stores(V4_ADDED_STORES);
		bare.version(5).stores({}).upgrade(upgradeV4ToV5);
		bare.version(9).stores({}).upgrade(upgradeV8ToV9);
		await bare.open();
		const rows = (await bare.table('indicators').toArray()) as OwnIndicator[];
		const unit = new Map(rows.map((r) => [r.code, r.unit]));
		expect(unit.get('C01')).toBe('');
		expect(unit.get('C02')).toBe('%');
		// Another indicator's code as a unit is odd but not certainly the bug: kept.
		expect(unit.get('C03')).toBe('C02');
		expect(rows.find((r) => r.code === 'C01')).toEqual({ ...own('C01', '', 0) });
		expect((await bare.table('meta').get('unitsCleared')).value).toEqual([
			{ regionCode: '620702', code: 'C01', nameZh: '自设指标C01' }
		]);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});

	it('a database written at v5 opens at v9 with its figures and the list of units to type again', async () => {
		const deps = freshDeps();
		await writeV5('v9open', deps);
		const db = new WorkbookDb('v9open', deps);
		await db.open();
		expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
		expect((await listOwnIndicators(db, '620702')).map((i) => [i.code, i.unit])).toEqual([
			['C01', ''],
			['C02', '%'],
			['C03', 'C02']
		]);
		expect((await getAllSeries(db))[0]?.cells).toEqual({ '2023': { t: 'n', v: 41.5 } });
		expect(await getMeta(db, 'unitsCleared')).toEqual([
			{ regionCode: '620702', code: 'C01', nameZh: '自设指标C01' }
		]);
		db.close();
	});

	it('a database with nothing to repair gets no list', async () => {
		const db = new WorkbookDb('fresh', freshDeps());
		await db.open();
		expect(await getMeta(db, 'unitsCleared')).toBeUndefined();
		db.close();
	});
});
