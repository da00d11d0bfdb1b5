// The start page's tiny reader (summary-reader.ts): it never creates or upgrades the
// database, answers null for anything it does not know exactly, and refuses every record
// the schemas refuse. That it gives the workbook's own summary is held in
// state/workbook-summary.svelte.test.ts, over generated workbooks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { ownIndicatorSchema, seriesSchema } from '../core/model';
import * as limits from '../core/limits';
import { DEFAULT_DB_NAME, SCHEMA_VERSION } from './db';
import {
	isOwnIndicatorRecord,
	isSeriesRecord,
	KNOWN_SCHEMA_VERSIONS,
	LIMITS,
	readSummaries
} from './summary-reader';
import { freshDeps, sampleSeries } from './test-helpers';
import { openWorkbookDb } from './open';

const ownIndicator = {
	regionCode: '620702',
	code: 'C01',
	nameZh: '幼儿园数',
	nameEn: '',
	unit: '所',
	direction: 'higher',
	precision: 0,
	countyMeasure: 'value',
	order: 0,
	updatedAt: 5
};

/** A bare IndexedDB database at a raw version with the given stores (no Dexie). */
function bareDb(factory: IDBFactory, version: number, stores: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = factory.open(DEFAULT_DB_NAME, version);
		req.onupgradeneeded = () => {
			for (const s of stores) req.result.createObjectStore(s);
		};
		req.onsuccess = () => (req.result.close(), resolve());
		req.onerror = () => reject(req.error);
	});
}

describe('the summary reader', () => {
	it('knows the schema version db.ts declares, and the limits core/limits.ts sets', () => {
		// A new schema version fails this until the reader has been checked against it.
		expect(KNOWN_SCHEMA_VERSIONS).toContain(SCHEMA_VERSION);
		for (const [name, value] of Object.entries(LIMITS))
			expect(limits[name as keyof typeof limits]).toBe(value);
	});

	it('creates no database where there is none', async () => {
		const factory = new IDBFactory();
		expect(await readSummaries({ indexedDB: factory })).toBeNull();
		expect(await factory.databases()).toEqual([]);
	});

	it('creates nothing when the database vanishes between the question and the open', async () => {
		const factory = new IDBFactory();
		const lying = Object.assign(Object.create(factory) as IDBFactory, {
			databases: async () => [{ name: DEFAULT_DB_NAME, version: SCHEMA_VERSION * 10 }],
			open: (name: string, version?: number) => factory.open(name, version)
		});
		expect(await readSummaries({ indexedDB: lying })).toBeNull();
		expect(await factory.databases()).toEqual([]);
	});

	it('leaves a database of another version as it is, for Dexie to upgrade', async () => {
		const factory = new IDBFactory();
		await bareDb(factory, 90, ['series', 'indicators', 'meta']);
		expect(await readSummaries({ indexedDB: factory })).toBeNull();
		expect(await factory.databases()).toEqual([{ name: DEFAULT_DB_NAME, version: 90 }]);
	});

	it('reads a workbook Dexie opened and seeded, and answers null before it is seeded', async () => {
		const deps = freshDeps();
		const db = await openWorkbookDb(deps);
		await db.series.put(sampleSeries({ kind: 'actual', updatedAt: 7 }));
		expect(await readSummaries({ indexedDB: deps.indexedDB })).toBeNull();
		await db.meta.put({ key: 'seededAt', value: 1 });
		const read = await readSummaries({ indexedDB: deps.indexedDB });
		expect(read?.get('620702')).toEqual({ filled: 1, lastEdited: 7 });
		// Its connection is closed: Dexie can still upgrade or delete the database.
		db.close();
		await new Promise((resolve, reject) => {
			const req = deps.indexedDB.deleteDatabase(DEFAULT_DB_NAME);
			req.onsuccess = resolve;
			req.onerror = reject;
			req.onblocked = () => reject(new Error('blocked by the reader'));
		});
	});

	it('answers null when one record is not one the schemas accept', async () => {
		const deps = freshDeps();
		const db = await openWorkbookDb(deps);
		await db.meta.put({ key: 'seededAt', value: 1 });
		await db.series.put(sampleSeries({ kind: 'actual' }));
		expect(await readSummaries({ indexedDB: deps.indexedDB })).not.toBeNull();
		await db.series.put({
			...sampleSeries({ indicatorCode: 'EDU02' }),
			cells: { '2023': { t: 'x' } }
		} as never);
		expect(await readSummaries({ indexedDB: deps.indexedDB })).toBeNull();
		db.close();
	});
});

describe('schema v11 (own indicators one record per county)', () => {
	/** A v11 database as Dexie declares it (own branch's db.ts), written with bare IndexedDB. */
	async function v11(sets: unknown[]): Promise<IDBFactory> {
		const factory = new IDBFactory();
		await new Promise<void>((resolve, reject) => {
			const req = factory.open(DEFAULT_DB_NAME, 110);
			req.onupgradeneeded = () => {
				const db = req.result;
				db.createObjectStore('series', { keyPath: ['regionCode', 'indicatorCode', 'kind'] });
				db.createObjectStore('ownIndicatorSets', { keyPath: 'regionCode' });
				db.createObjectStore('meta', { keyPath: 'key' });
				const tx = req.transaction!;
				tx.objectStore('meta').put({ key: 'seededAt', value: 1 });
				tx.objectStore('series').put(sampleSeries({ kind: 'actual', updatedAt: 3 }));
				for (const set of sets) tx.objectStore('ownIndicatorSets').put(set);
			};
			req.onsuccess = () => (req.result.close(), resolve());
			req.onerror = () => reject(req.error);
		});
		return factory;
	}

	it('reads a county’s set as its rows', async () => {
		const set = {
			regionCode: '620702',
			indicators: [ownIndicator, { ...ownIndicator, code: 'C02', updatedAt: 9 }]
		};
		const read = await readSummaries({ indexedDB: await v11([set]) });
		expect(read?.get('620702')).toEqual({ filled: 1, lastEdited: 9 });
	});

	it('leaves to the workbook a set it would list as damaged', async () => {
		for (const set of [
			{ regionCode: '620702', indicators: 'C01' },
			{ regionCode: '620721', indicators: [ownIndicator] },
			{ regionCode: '620702', indicators: [ownIndicator, ownIndicator] },
			{ regionCode: '620702', indicators: [{ ...ownIndicator, precision: 9 }] }
		])
			expect(await readSummaries({ indexedDB: await v11([set]) })).toBeNull();
	});
});

describe('the reader’s record checks refuse whatever the schemas refuse', () => {
	const anyValue = fc.oneof(
		fc.anything(),
		fc.string({ maxLength: 2100 }),
		fc.integer(),
		fc.double(),
		fc.constantFrom('n', 'f', 'b', '=A1', '>', '>=', '2023', 'actual', 'target', '620702', 'C01', '')
	);
	const cell = fc.oneof(
		fc.record({ t: fc.constant('n'), v: fc.double(), cmp: fc.constantFrom(undefined, '>', '>=', '≥') }),
		fc.record({ t: fc.constant('f'), f: fc.string({ maxLength: 2010 }).map((s) => `=${s}`) }),
		fc.record({ t: fc.constant('b'), v: fc.oneof(fc.boolean(), anyValue) }),
		fc.record({ t: anyValue, v: anyValue })
	);
	const series = fc.record(
		{
			regionCode: fc.oneof(fc.constantFrom('620702', '620700', '62070', 'x'), anyValue),
			indicatorCode: fc.oneof(fc.constantFrom('EDU01', 'C01', '1C', 'A'.repeat(17)), anyValue),
			kind: fc.oneof(fc.constantFrom('actual', 'target'), anyValue),
			cells: fc.oneof(
				fc.dictionary(fc.constantFrom('2020', '2023', '2035', '203', 'x'), cell, { maxKeys: 4 }),
				anyValue
			),
			note: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('x'.repeat(2001)), anyValue),
			notes: fc.oneof(
				fc.dictionary(fc.constantFrom('2023', '23'), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
				anyValue
			),
			updatedAt: fc.oneof(fc.nat(), fc.integer(), fc.double(), anyValue)
		},
		{ requiredKeys: ['regionCode', 'indicatorCode', 'kind', 'cells'] }
	);

	it('for series', () => {
		fc.assert(
			fc.property(series, (r) => {
				if (!seriesSchema.safeParse(r).success) expect(isSeriesRecord(r)).toBe(false);
				else expect(isSeriesRecord(r)).toBe(true);
			}),
			{ numRuns: 3000 }
		);
	});

	it('for own indicators', () => {
		const keys = Object.keys(ownIndicator) as (keyof typeof ownIndicator)[];
		fc.assert(
			fc.property(
				fc.constantFrom(...keys),
				fc.oneof(anyValue, fc.constant(undefined), fc.constantFrom(-1, 7, 2.5, 'lower', 'certified')),
				(key, value) => {
					const r = { ...ownIndicator, [key]: value };
					if (!ownIndicatorSchema.safeParse(r).success) expect(isOwnIndicatorRecord(r)).toBe(false);
					else expect(isOwnIndicatorRecord(r)).toBe(true);
				}
			),
			{ numRuns: 2000 }
		);
	});
});
