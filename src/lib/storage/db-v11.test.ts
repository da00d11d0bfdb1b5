// Version 11: a county's own indicators are one record (ownIndicatorSets) instead of one
// record per indicator. A database written at v10 must read at v11 exactly as before: every
// indicator, a damaged one still listed, backups and snapshots (their content and the
// fingerprint an undo checks) the same.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { BackupContent } from '../core/backup/envelope';
import { ownIndicatorSchema, type OwnIndicator } from '../core/model';
import { readSalvaged } from './salvage';
import { SCHEMA_NOTE, SCHEMA_VERSION, WorkbookDb, upgradeV10ToV11 } from './db';
import {
	deleteOwnIndicator,
	listAllOwnIndicatorsSalvaged,
	listOwnIndicators,
	nextOwnCode,
	putOwnIndicator,
	restoreOwnIndicator
} from './indicators-table';
import { readAllRows } from './indicator-sets';
import { readContent, readFingerprint, replaceWorkbook, undoToSnapshot } from './backup/content';
import { getRegionSeries } from './series-table';
import { V5_STORES, freshDeps, sampleSeries } from './test-helpers';

/** Version 10's stores exactly as released (frozen; see V1_STORES in test-helpers.ts). */
const V10_STORES = {
	...V5_STORES,
	series: '[regionCode+indicatorCode+kind]',
	indicators: '[regionCode+code]',
	tasks: '[regionCode+year+task], [regionCode+year], year',
	historyRuns: '++id, at, [at+size]'
} as const;

function own(regionCode: string, code: string, order = 0): OwnIndicator {
	return {
		regionCode,
		code,
		nameZh: `自设指标${code}`,
		nameEn: '',
		unit: '%',
		direction: 'higher',
		precision: 1,
		countyMeasure: 'value',
		order,
		updatedAt: 7
	};
}

// Written out of key order on purpose; the v10 table gave them back in [regionCode, code] order.
const INDICATORS: unknown[] = [
	own('620721', 'C01'),
	own('620702', 'C10', 1),
	own('620702', 'C02', 2),
	// A region whose code another's starts with, and a record that fails the schema.
	own('6207021', 'C01'),
	{ ...own('620702', 'C03'), precision: -1 },
	own('620702', 'C01', 3)
];

const SERIES = [
	sampleSeries({ regionCode: '620702', indicatorCode: 'C01', kind: 'actual', updatedAt: 7 }),
	sampleSeries({ regionCode: '620721', indicatorCode: 'EDU01', kind: 'target', updatedAt: 7 })
];

function bareV10(name: string, deps: ReturnType<typeof freshDeps>): Dexie {
	const old = new Dexie(name, deps);
	old.version(10).stores(V10_STORES);
	return old;
}

/** A database as version 10 left it; what v10 read back from it, and its fingerprint. */
async function writeV10(name: string, deps: ReturnType<typeof freshDeps>) {
	const old = bareV10(name, deps);
	await old.open();
	await old.table('series').bulkPut(SERIES);
	await old.table('indicators').bulkPut(INDICATORS);
	const rows = await old.table('indicators').toArray();
	// The content code is generic over tables: over a v10 database it reads what v10 read.
	const asV10 = old as unknown as WorkbookDb;
	const content = await readContent(asV10, 'snapshot');
	const fingerprint = await readFingerprint(asV10);
	old.close();
	return { rows, content, fingerprint };
}

describe('schema v11: own indicators one record per county', () => {
	it('upgradeV10ToV11 moves every record as it was into its county’s set and drops the table', async () => {
		const deps = freshDeps();
		const { rows } = await writeV10('v11up', deps);
		const bare = bareV10('v11up', deps);
		bare.version(11).stores({ ownIndicatorSets: 'regionCode', indicators: null }).upgrade(upgradeV10ToV11);
		await bare.open();
		expect(bare.tables.map((t) => t.name)).not.toContain('indicators');
		const sets = await bare.table('ownIndicatorSets').toArray();
		expect(sets.map((s) => [s.regionCode, s.indicators.map((c: OwnIndicator) => c.code)])).toEqual([
			['620702', ['C01', 'C02', 'C03', 'C10']],
			['6207021', ['C01']],
			['620721', ['C01']]
		]);
		// Record for record, key order included (a fingerprint hashes the JSON).
		expect(JSON.stringify(sets.flatMap((s) => s.indicators))).toBe(JSON.stringify(rows));
		expect(await bare.table('series').count()).toBe(SERIES.length);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});

	it('a v10 database opens at v11 and reads as before: lists, damage, content, fingerprint', async () => {
		const deps = freshDeps();
		const v10 = await writeV10('v11open', deps);
		const db = new WorkbookDb('v11open', deps);
		await db.open();
		expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
		expect((await listOwnIndicators(db, '620702').catch((e: unknown) => e)) as object).toMatchObject({
			code: 'corrupt-row',
			details: { table: 'indicators', key: ['620702', 'C03'] }
		});
		expect((await listOwnIndicators(db, '620721')).map((c) => c.code)).toEqual(['C01']);
		expect(await listOwnIndicators(db, '620725')).toEqual([]);
		expect(await nextOwnCode(db, '620702')).toBe('C11');
		expect(await nextOwnCode(db, '620725')).toBe('C01');
		// As v10 salvaged its table as the workbook opened: the same indicators, the same damage.
		const salvaged = await listAllOwnIndicatorsSalvaged(db);
		const atV10 = readSalvaged(v10.rows, ownIndicatorSchema, 'indicators', (o) => [o.regionCode, o.code]);
		expect(salvaged).toEqual({ indicators: atV10.records, damaged: atV10.damaged });
		expect(salvaged.indicators.map((c) => `${c.regionCode}|${c.code}`)).toEqual([
			'620702|C01',
			'620702|C02',
			'620702|C10',
			'620721|C01'
		]);
		expect(salvaged.damaged.map((d) => d.key)).toEqual(['620702|C03', '6207021|C01']);
		expect((await getRegionSeries(db, '620702')).map((s) => s.indicatorCode)).toEqual(['C01']);
		// A backup or snapshot holds what it held at v10, and the fingerprint an undo compares
		// with (taken at v10 for an import or restore made then) is unchanged.
		expect(await readContent(db, 'snapshot')).toEqual(v10.content);
		expect(await readFingerprint(db)).toBe(v10.fingerprint);
		db.close();
	});

	it('a snapshot taken at v10 is undone at v11, and an old backup restores', async () => {
		const deps = freshDeps();
		await writeV10('v11snap', deps);
		const old = bareV10('v11snap', deps);
		await old.open();
		const asV10 = old as unknown as WorkbookDb;
		const before = await readContent(asV10, 'snapshot');
		// A restore at v10 of a backup holding one indicator (as every backup before v11 did).
		const backup: BackupContent = {
			tables: { ...before.tables, indicators: [own('620723', 'C05')], series: [] }
		};
		const id = await replaceWorkbook(asV10, backup, { reason: 'restore', label: 'old.json', keep: 5 });
		old.close();

		const db = new WorkbookDb('v11snap', deps);
		await db.open();
		expect(await listOwnIndicators(db, '620723')).toEqual([own('620723', 'C05')]);
		await undoToSnapshot(db, id, (text) => JSON.parse(text) as BackupContent);
		expect(await readContent(db, 'snapshot')).toEqual(before);
		// The same old backup restored at v11.
		await replaceWorkbook(db, backup, { reason: 'restore', label: 'old.json', keep: 5 });
		expect(await readAllRows(db)).toEqual([own('620723', 'C05')]);
		expect(await readContent(db, 'snapshot')).toEqual(backup);
		db.close();
	});

	it('edits one indicator of a county without touching the others, and deletes and restores it', async () => {
		const deps = freshDeps();
		const db = new WorkbookDb('v11edit', deps);
		await db.open();
		await putOwnIndicator(db, own('620702', 'C02'), 5);
		await putOwnIndicator(db, own('620702', 'C01'), 6);
		await putOwnIndicator(db, { ...own('620702', 'C02'), nameZh: '改名' }, 8);
		expect((await listOwnIndicators(db, '620702')).map((c) => [c.code, c.nameZh, c.updatedAt])).toEqual([
			['C01', '自设指标C01', 6],
			['C02', '改名', 8]
		]);
		await db.series.put(sampleSeries({ regionCode: '620702', indicatorCode: 'C01', kind: 'actual' }));
		const deleted = await deleteOwnIndicator(db, '620702', 'C01');
		expect(deleted?.series).toHaveLength(1);
		expect((await listOwnIndicators(db, '620702')).map((c) => c.code)).toEqual(['C02']);
		await restoreOwnIndicator(db, deleted!);
		expect((await listOwnIndicators(db, '620702')).map((c) => c.code)).toEqual(['C01', 'C02']);
		expect(await getRegionSeries(db, '620702')).toHaveLength(1);
		// The last indicator of a county gone: its record goes too.
		await deleteOwnIndicator(db, '620702', 'C01');
		await deleteOwnIndicator(db, '620702', 'C02');
		expect(await db.ownIndicatorSets.count()).toBe(0);
		db.close();
	});
});
