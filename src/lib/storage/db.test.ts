import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { OwnIndicator, Series } from '../core/model';
import {
	SCHEMA_NOTE,
	SCHEMA_VERSION,
	WorkbookDb,
	upgradeV1ToV2,
	upgradeV2ToV3,
	upgradeV3ToV4,
	upgradeV4ToV5,
	upgradeV5ToV6,
	upgradeToV8
} from './db';
import v2Fixture from './fixtures/v2-workbook.json';
import v5Fixture from './fixtures/v5-workbook.json';
import { readAllRows } from './indicator-sets';
import { listTaskRecords, writeTaskRecord } from './tasks-table';
import { listSnapshots } from './backup/snapshots';
import { listImports } from './imports-table';
import { classifyStorageError } from './errors';
import { listOwnIndicators } from './indicators-table';
import { getMeta } from './meta-table';
import { getAllSeries, putSeries } from './series-table';
import {
	V1_STORES,
	V2_STORES,
	V3_STORES,
	V4_ADDED_STORES,
	V5_STORES,
	freshDeps,
	sampleSeries
} from './test-helpers';

describe('WorkbookDb', () => {
	it('declares the latest version as SCHEMA_VERSION, with the nine tables keyed as designed', () => {
		const db = new WorkbookDb('t', freshDeps());
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'device',
			'history',
			'historyRuns',
			'imports',
			'meta',
			'ownIndicatorSets',
			'series',
			'snapshots',
			'tasks',
			'undoStacks'
		]);
		expect(db.tasks.schema.primKey.keyPath).toEqual(['regionCode', 'year', 'task']);
		expect(db.tasks.schema.indexes.map((i) => i.name)).toEqual(['[regionCode+year]', 'year']);
		expect(db.historyRuns.schema.primKey).toMatchObject({ keyPath: 'id', auto: true });
		expect(db.historyRuns.schema.indexes.map((i) => i.name)).toEqual(['at', '[at+size]']);
		expect(db.history.schema.primKey).toMatchObject({ keyPath: 'id', auto: true });
		expect(db.history.schema.indexes.map((i) => i.name)).toEqual([
			'[regionCode+indicatorCode+kind+year]',
			'at'
		]);
		expect(db.undoStacks.schema.primKey.keyPath).toBe('regionCode');
		expect(db.snapshots.schema.primKey).toMatchObject({ keyPath: 'id', auto: true });
		expect(db.snapshots.schema.indexes.map((i) => i.name)).toEqual(['takenAt']);
		expect(db.device.schema.primKey.keyPath).toBe('key');
		expect(db.imports.schema.primKey).toMatchObject({ keyPath: 'id', auto: true });
		expect(db.imports.schema.indexes.map((i) => i.name)).toEqual(['importedAt']);
		expect(db.series.schema.primKey.keyPath).toEqual(['regionCode', 'indicatorCode', 'kind']);
		expect(db.series.schema.indexes).toEqual([]);
		expect(db.ownIndicatorSets.schema.indexes).toEqual([]);
		expect(db.ownIndicatorSets.schema.primKey.keyPath).toBe('regionCode');
		expect(db.tables.map((t) => t.name)).not.toContain('indicators');
		expect(db.meta.schema.primKey.keyPath).toBe('key');
	});

	it('is named zhangye-edu2035 unless told otherwise', () => {
		expect(new WorkbookDb(undefined, freshDeps()).name).toBe('zhangye-edu2035');
	});

	it('notes its schema in meta when it creates the database', async () => {
		const db = new WorkbookDb('t', freshDeps());
		expect(await getMeta(db, 'schemaNote')).toBe(SCHEMA_NOTE);
	});

	it('previous version fixture: a database written at v1 opens with nothing lost', async () => {
		const deps = freshDeps();
		const series: Series[] = [
			sampleSeries({
				indicatorCode: 'EDU03',
				kind: 'actual',
				cells: { '2020': { t: 'n', v: 95, cmp: '>', q: '基本均衡' }, '2021': { t: 'b', v: true } },
				note: 'checked',
				updatedAt: 17
			}),
			sampleSeries({ indicatorCode: 'C01', cells: { '2022': { t: 'f', f: '=F3+G3' } }, updatedAt: 18 })
		];
		const indicator: OwnIndicator = {
			code: 'C01',
			regionCode: '620702',
			order: 0,
			nameZh: '课后服务覆盖率',
			nameEn: 'After-school coverage',
			unit: '%',
			direction: 'higher',
			precision: 1,
			countyMeasure: 'value',
			updatedAt: 16
		};
		const old = new Dexie('fixture', deps);
		old.version(1).stores(V1_STORES);
		await old.table('series').bulkPut(series);
		await old.table('indicators').put(indicator);
		await old.table('meta').put({ key: 'seededAt', value: 99 });
		old.close();

		const db = new WorkbookDb('fixture', deps);
		await db.open();
		expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
		expect(await getAllSeries(db)).toEqual(expect.arrayContaining(series));
		expect(await getAllSeries(db)).toHaveLength(series.length);
		expect(await listOwnIndicators(db, '620702')).toEqual([indicator]);
		expect(await getMeta(db, 'seededAt')).toBe(99);
		// v2's history starts empty; the note says what the database now holds.
		expect(await listImports(db)).toEqual([]);
		expect(await getMeta(db, 'schemaNote')).toBe(SCHEMA_NOTE);
	});

	it('upgradeV1ToV2 runs in the version change: v1 records kept, history empty, note updated', async () => {
		const deps = freshDeps();
		const old = new Dexie('v1', deps);
		old.version(1).stores(V1_STORES);
		const series = sampleSeries({ cells: { '2024': { t: 'n', v: 99.6 } }, updatedAt: 3 });
		await old.table('series').put(series);
		await old.table('meta').put({ key: 'schemaNote', value: 'v1: …' });
		old.close();

		// The upgrade alone, as Dexie runs it, under v2's frozen stores.
		const bare = new Dexie('v1', deps);
		bare.version(1).stores(V1_STORES);
		bare.version(2).stores(V2_STORES).upgrade(upgradeV1ToV2);
		await bare.open();
		expect(await bare.table('series').toArray()).toEqual([series]);
		expect(await bare.table('imports').count()).toBe(0);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});

	it('previous version fixture: a database written at v2 (committed raw rows) opens with everything found', async () => {
		const deps = freshDeps();
		const old = new Dexie('v2-fixture', deps);
		old.version(2).stores(v2Fixture.stores);
		for (const [table, rows] of Object.entries(v2Fixture.rows)) await old.table(table).bulkPut(rows);
		old.close();

		const db = new WorkbookDb('v2-fixture', deps);
		await db.open();
		expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
		const series = await getAllSeries(db);
		expect(series).toHaveLength(v2Fixture.rows.series.length);
		expect(series).toEqual(expect.arrayContaining(v2Fixture.rows.series));
		expect(await listOwnIndicators(db, '620702')).toEqual(v2Fixture.rows.indicators);
		expect(await listImports(db)).toEqual(v2Fixture.rows.imports);
		expect(await getMeta(db, 'sender')).toEqual({ unit: '甘州区教育局', name: '王芳' });
		expect(await getMeta(db, 'seededAt')).toBe(1764400000000);
		expect(await getMeta(db, 'schemaNote')).toBe(SCHEMA_NOTE);
		expect(await listSnapshots(db)).toEqual([]);
		expect(await db.device.count()).toBe(0);
		expect(await db.history.count()).toBe(0);
		expect(await db.undoStacks.count()).toBe(0);
	});

	it('upgradeV2ToV3 runs in the version change: v2 records kept, new tables empty, note updated', async () => {
		const deps = freshDeps();
		const old = new Dexie('v2', deps);
		old.version(2).stores(V2_STORES);
		const series = sampleSeries({ cells: { '2024': { t: 'n', v: 99.6 } }, updatedAt: 3 });
		await old.table('series').put(series);
		await old.table('imports').add({ fileName: 'a.csv', importedAt: 4 });
		await old.table('meta').put({ key: 'schemaNote', value: 'v2: …' });
		old.close();

		const bare = new Dexie('v2', deps);
		bare.version(2).stores(V2_STORES);
		bare.version(3).stores(V3_STORES).upgrade(upgradeV2ToV3);
		await bare.open();
		expect(await bare.table('series').toArray()).toEqual([series]);
		expect(await bare.table('imports').toArray()).toEqual([{ id: 1, fileName: 'a.csv', importedAt: 4 }]);
		expect(await bare.table('snapshots').count()).toBe(0);
		expect(await bare.table('device').count()).toBe(0);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});

	it('closes when another connection upgrades, so that one is not blocked, and tells listeners', async () => {
		const deps = freshDeps();
		const db = new WorkbookDb('vc', deps);
		const reasons: string[] = [];
		db.onReloadNeeded((r) => reasons.push(r));
		await db.open();

		const newer = new Dexie('vc', deps);
		newer.version(SCHEMA_VERSION + 1).stores({ ...V3_STORES, extra: 'id' });
		newer.on('blocked', () => {
			throw new Error('the upgrade should not be blocked');
		});
		await newer.open();
		expect(reasons).toEqual(['upgrade']);
		expect(db.isOpen()).toBe(false);
		// No silent reopen of a database this page no longer understands.
		const error = await db.series.count().catch((e: unknown) => e);
		expect(classifyStorageError(error).code).toBe('closed');
		newer.close();
	});

	it('tells listeners when another connection deletes the database; unsubscribed ones are not told', async () => {
		const deps = freshDeps();
		const db = new WorkbookDb('del', deps);
		const told: string[] = [];
		const off = db.onReloadNeeded(() => told.push('off'));
		db.onReloadNeeded((r) => told.push(r));
		off();
		await db.open();
		await new Dexie('del', deps).delete();
		expect(told).toEqual(['delete']);
	});

	it('refuses to open a database newer than it knows, even when not opened via openWorkbookDb', async () => {
		const deps = freshDeps();
		const later = new Dexie('later', deps);
		later.version(SCHEMA_VERSION + 1).stores(V2_STORES);
		await later.open();
		later.close();
		const error = await new WorkbookDb('later', deps).open().catch((e: unknown) => e);
		expect(classifyStorageError(error).code).toBe('newer-schema');
	});

	it('upgradeV3ToV4 runs in the version change: records kept, history and undo empty, note updated', async () => {
		const deps = freshDeps();
		const old = new Dexie('v3', deps);
		old.version(3).stores(V3_STORES);
		const series = sampleSeries({ cells: { '2024': { t: 'n', v: 99.6 } }, updatedAt: 3 });
		await old.table('series').put(series);
		await old
			.table('snapshots')
			.add({ takenAt: 5, reason: 'import', label: 'a.csv', size: 2, content: '{}' });
		await old.table('meta').put({ key: 'schemaNote', value: 'v3: …' });
		old.close();

		const bare = new Dexie('v3', deps);
		bare.version(3).stores(V3_STORES);
		bare.version(4).stores(V4_ADDED_STORES).upgrade(upgradeV3ToV4);
		await bare.open();
		expect(await bare.table('series').toArray()).toEqual([series]);
		expect(await bare.table('snapshots').count()).toBe(1);
		expect(await bare.table('history').count()).toBe(0);
		expect(await bare.table('undoStacks').count()).toBe(0);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});

	it('previous version fixture: a database written at v2 opens at v5 with nothing lost, and no notes made up', async () => {
		const deps = freshDeps();
		const series = sampleSeries({
			cells: { '2023': { t: 'n', v: 96.4 }, '2024': { t: 'f', f: '=F1+0.6' } },
			note: '行备注',
			updatedAt: 21
		});
		const old = new Dexie('v2', deps);
		old.version(1).stores(V1_STORES);
		old.version(2).stores(V2_STORES);
		await old.table('series').put(series);
		await old.table('imports').add({ fileName: 'a.csv', importedAt: 5 });
		old.close();

		const db = new WorkbookDb('v2', deps);
		await db.open();
		expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
		const [read] = await getAllSeries(db);
		expect(read).toEqual(series);
		expect(read?.notes).toBeUndefined();
		expect(await db.imports.count()).toBe(1);
		// A figure's note written now reads back with its figure.
		await putSeries(db, { ...series, notes: { '2023': '口径调整' } }, 30);
		expect((await getAllSeries(db))[0]?.notes).toEqual({ '2023': '口径调整' });
	});

	it('upgradeV4ToV5 keeps every record, drops only a malformed notes field, and updates the note', async () => {
		const deps = freshDeps();
		const old = new Dexie('v2up', deps);
		old.version(1).stores(V1_STORES);
		old.version(2).stores(V2_STORES);
		const plain = sampleSeries({
			indicatorCode: 'EDU01',
			cells: { '2024': { t: 'n', v: 99.6 } },
			updatedAt: 3
		});
		const stray = { ...sampleSeries({ indicatorCode: 'EDU02', updatedAt: 4 }), notes: 'not a map' };
		const noted = { ...sampleSeries({ indicatorCode: 'EDU05', updatedAt: 5 }), notes: { '2022': '说明' } };
		await old.table('series').bulkPut([plain, stray, noted]);
		await old.table('meta').put({ key: 'schemaNote', value: 'v2: …' });
		old.close();

		// The upgrade alone, as Dexie runs it, under v4's frozen stores (v5 changes no index).
		const bare = new Dexie('v2up', deps);
		bare.version(1).stores(V1_STORES);
		bare.version(2).stores(V2_STORES);
		bare.version(3).stores(V3_STORES);
		bare.version(4).stores(V4_ADDED_STORES);
		bare.version(5).stores({}).upgrade(upgradeV4ToV5);
		await bare.open();
		const rows = await bare.table('series').toArray();
		const byCode = new Map(rows.map((r: Series) => [r.indicatorCode, r]));
		expect(byCode.get('EDU01')).toEqual(plain);
		expect(byCode.get('EDU02')).toEqual(sampleSeries({ indicatorCode: 'EDU02', updatedAt: 4 }));
		expect(byCode.get('EDU05')).toEqual(noted);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});

	it('previous version fixture: a database written at v5 (committed raw rows) opens at v6 with everything found and no task made up', async () => {
		const deps = freshDeps();
		const old = new Dexie('v5-fixture', deps);
		old.version(5).stores(v5Fixture.stores);
		for (const [table, rows] of Object.entries(v5Fixture.rows)) await old.table(table).bulkPut(rows);
		old.close();

		const db = new WorkbookDb('v5-fixture', deps);
		await db.open();
		expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
		for (const [table, rows] of Object.entries(v5Fixture.rows)) {
			if (table === 'meta') continue;
			// Own indicators are one record per county since v11, read back row by row.
			const stored = table === 'indicators' ? await readAllRows(db) : await db.table(table).toArray();
			expect(stored, table).toEqual(expect.arrayContaining(rows as unknown[]));
			expect(stored, table).toHaveLength(rows.length);
		}
		const series = await getAllSeries(db);
		expect(series.find((s) => s.indicatorCode === 'EDU01')?.notes).toEqual({ '2023': '口径调整：含民办园' });
		expect(await getMeta(db, 'editor')).toEqual({ name: '李明' });
		expect(await getMeta(db, 'schemaNote')).toBe(SCHEMA_NOTE);
		expect(await db.tasks.count()).toBe(0);
		// A task answered now reads back as typed.
		await writeTaskRecord(
			db,
			{
				key: { regionCode: '620702', year: 2024, task: 4 },
				patch: { status: 'in-progress', progress: '新建公办园 3 所' }
			},
			{ at: 40, by: '李明' }
		);
		const [task] = await listTaskRecords(db, '620702', 2024);
		expect(task).toMatchObject({
			task: 4,
			status: 'in-progress',
			progress: '新建公办园 3 所',
			updatedBy: '李明'
		});
	});

	it('upgradeV5ToV6 runs in the version change: v5 records kept, tasks empty, note updated', async () => {
		const deps = freshDeps();
		const old = new Dexie('v5', deps);
		old.version(5).stores(V5_STORES);
		const series = {
			...sampleSeries({ cells: { '2024': { t: 'n', v: 99.6 } }, updatedAt: 3 }),
			notes: { '2024': '快报' }
		};
		await old.table('series').put(series);
		await old.table('undoStacks').put({ regionCode: '620702', undo: [], redo: [], savedAt: 4 });
		await old.table('meta').put({ key: 'schemaNote', value: 'v5: …' });
		old.close();

		// The upgrade alone, as Dexie runs it, under v6's stores.
		const bare = new Dexie('v5', deps);
		bare.version(5).stores(V5_STORES);
		bare
			.version(6)
			.stores({ tasks: '[regionCode+year+task], [regionCode+year], year' })
			.upgrade(upgradeV5ToV6);
		await bare.open();
		expect(await bare.table('series').toArray()).toEqual([series]);
		expect(await bare.table('undoStacks').count()).toBe(1);
		expect(await bare.table('tasks').count()).toBe(0);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});

	it('upgradeToV8 adds the empty bulk history and keeps every record of a v5 database', async () => {
		const deps = freshDeps();
		const old = new Dexie('v5up', deps);
		old.version(1).stores(V1_STORES);
		old.version(2).stores(V2_STORES);
		old.version(3).stores(V3_STORES);
		old.version(4).stores(V4_ADDED_STORES);
		old.version(5).stores({});
		const series = sampleSeries({ cells: { '2024': { t: 'n', v: 99.6 } }, updatedAt: 3 });
		await old.table('series').put(series);
		const change = {
			...series,
			year: 2024,
			before: null,
			after: { t: 'n', v: 99.6 },
			at: 3,
			who: '',
			how: 'input'
		};
		delete (change as { cells?: unknown }).cells;
		await old.table('history').add(change);
		old.close();

		const bare = new Dexie('v5up', deps);
		bare.version(1).stores(V1_STORES);
		bare.version(2).stores(V2_STORES);
		bare.version(3).stores(V3_STORES);
		bare.version(4).stores(V4_ADDED_STORES);
		bare.version(5).stores({});
		bare.version(8).stores({ historyRuns: '++id, at, [at+size]' }).upgrade(upgradeToV8);
		await bare.open();
		expect(await bare.table('series').toArray()).toEqual([series]);
		expect(await bare.table('history').count()).toBe(1);
		expect(await bare.table('historyRuns').count()).toBe(0);
		expect((await bare.table('meta').get('schemaNote')).value).toBe(SCHEMA_NOTE);
		bare.close();
	});
});
