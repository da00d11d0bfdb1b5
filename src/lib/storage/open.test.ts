import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, WorkbookDb } from './db';
import { StorageError, classifyStorageError, openWorkbookDb } from './open';
import { putSeries, getAllSeries } from './series-table';
import { V2_STORES, V3_STORES, freshDeps, sampleSeries } from './test-helpers';

async function rejectionOf(p: Promise<unknown>): Promise<StorageError> {
	const e = await p.then(
		() => undefined,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(StorageError);
	return e as StorageError;
}

describe('openWorkbookDb', () => {
	it('creates the database on first use and opens it again later', async () => {
		const deps = freshDeps();
		const db = await openWorkbookDb({ ...deps, name: 'w' });
		expect(db).toBeInstanceOf(WorkbookDb);
		expect(db.isOpen()).toBe(true);
		const stored = await putSeries(db, sampleSeries(), 1);
		db.close();
		const again = await openWorkbookDb({ ...deps, name: 'w' });
		expect(await getAllSeries(again)).toEqual([stored]);
		again.close();
	});

	it('a database written by a later version of the app: newer-schema, and it is left untouched', async () => {
		const deps = freshDeps();
		const later = new Dexie('w', deps);
		later.version(SCHEMA_VERSION + 1).stores(V2_STORES);
		await later.table('meta').put({ key: 'seededAt', value: 1 });
		later.close();

		const error = await rejectionOf(openWorkbookDb({ ...deps, name: 'w' }));
		expect(error.code).toBe('newer-schema');
		expect(error.details).toMatchObject({ onDisk: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });

		const check = new Dexie('w', deps);
		await check.open();
		expect(check.verno).toBe(SCHEMA_VERSION + 1);
		expect(await check.table('meta').count()).toBe(1);
		check.close();
	});

	it('a newer database whose tables differ from ours is not patched with ours', async () => {
		const deps = freshDeps();
		const later = new Dexie('w', deps);
		later.version(SCHEMA_VERSION + 1).stores({ rows: '[regionCode+indicatorCode+kind]', meta: 'key' });
		await later.open();
		later.close();

		expect((await rejectionOf(openWorkbookDb({ ...deps, name: 'w' }))).code).toBe('newer-schema');
		const check = new Dexie('w', deps);
		await check.open();
		expect(check.verno).toBe(SCHEMA_VERSION + 1);
		expect(check.tables.map((t) => t.name).sort()).toEqual(['meta', 'rows']);
		check.close();
	});

	it('another connection that will not close for our upgrade: blocked', async () => {
		const deps = freshDeps();
		// A connection at a lower version that ignores 'versionchange', as a stuck tab would.
		const stuck = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = deps.indexedDB.open('w', 1);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const error = await rejectionOf(openWorkbookDb({ ...deps, name: 'w' }));
		expect(error.code).toBe('blocked');
		expect(error.cause).toBeDefined();
		stuck.close();
	});

	it('an upgrade in a single tab is never reported as blocked: no connection of its own is left open', async () => {
		// IndexedDB fires 'blocked' when a connection other than the upgrading one is still
		// open, and a connection closed with a transaction still running stays open until it
		// ends. Record, at each open request, every earlier connection of this page that is
		// not yet closed or still has a transaction: any such one would block an upgrade.
		for (let attempt = 0; attempt < 6; attempt++) {
			const deps = freshDeps();
			const old = new Dexie('w', deps);
			old.version(2).stores(V2_STORES);
			await old.table('series').put(sampleSeries({ kind: 'actual' }));
			old.close();
			await new Promise((resolve) => setTimeout(resolve, 0));

			const connections: { closed: boolean; running: number }[] = [];
			const stillOpen: number[] = [];
			const factory = deps.indexedDB;
			const open = factory.open.bind(factory);
			factory.open = (name: string, version?: number) => {
				stillOpen.push(connections.filter((c) => !c.closed || c.running > 0).length);
				const req = open(name, version);
				req.addEventListener('success', () => {
					const conn = req.result;
					const state = { closed: false, running: 0 };
					connections.push(state);
					const transaction = conn.transaction.bind(conn);
					conn.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
						const tx = transaction(...args);
						state.running++;
						const done = () => state.running--;
						tx.addEventListener('complete', done);
						tx.addEventListener('abort', done);
						return tx;
					}) as IDBDatabase['transaction'];
					const close = conn.close.bind(conn);
					conn.close = () => {
						state.closed = true;
						close();
					};
				});
				return req;
			};
			const db = await openWorkbookDb({ ...deps, name: 'w' });
			expect(db.verno).toBe(SCHEMA_VERSION);
			expect(await getAllSeries(db)).toHaveLength(1);
			expect(stillOpen.every((n) => n === 0)).toBe(true);
			db.close();
		}
	});

	it('no IndexedDB at all (Node has none, like some private modes): unavailable', async () => {
		expect(globalThis.indexedDB).toBeUndefined();
		const error = await rejectionOf(openWorkbookDb({ name: 'w' }));
		expect(error.code).toBe('unavailable');
		expect(classifyStorageError(error.cause).code).toBe('unavailable');
	});

	it('IndexedDB that refuses to open (InvalidStateError, old Firefox private mode): unavailable', async () => {
		const { IDBKeyRange } = freshDeps();
		const refusing = {
			open() {
				throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
			}
		};
		const error = await rejectionOf(openWorkbookDb({ name: 'w', indexedDB: refusing, IDBKeyRange }));
		expect(error.code).toBe('unavailable');
	});

	it('passes onReloadNeeded through, so the page hears of another tab’s upgrade', async () => {
		const deps = freshDeps();
		const reasons: string[] = [];
		const db = await openWorkbookDb({ ...deps, name: 'w', onReloadNeeded: (r) => reasons.push(r) });
		const newer = new Dexie('w', deps);
		newer.version(SCHEMA_VERSION + 1).stores(V3_STORES);
		await newer.open();
		expect(reasons).toEqual(['upgrade']);
		expect(db.isOpen()).toBe(false);
		newer.close();
	});
});

describe('classifyStorageError', () => {
	const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

	it('finds quota however it is wrapped', () => {
		expect(classifyStorageError(quota()).code).toBe('quota');
		expect(classifyStorageError(new Dexie.AbortError('Transaction aborted', quota())).code).toBe('quota');
		expect(classifyStorageError(new Dexie.BulkError('1 of 2 failed', { 1: quota() })).code).toBe('quota');
		expect(classifyStorageError(new Error('write failed', { cause: quota() })).code).toBe('quota');
		expect(classifyStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }).code).toBe('quota');
	});

	it('maps the other known failures', () => {
		expect(classifyStorageError(new Dexie.VersionError()).code).toBe('newer-schema');
		expect(classifyStorageError(new Dexie.MissingAPIError()).code).toBe('unavailable');
		expect(classifyStorageError(new DOMException('x', 'InvalidStateError')).code).toBe('unavailable');
		expect(classifyStorageError(new DOMException('x', 'SecurityError')).code).toBe('unavailable');
		expect(classifyStorageError(new Dexie.DatabaseClosedError()).code).toBe('closed');
		expect(
			classifyStorageError(new Dexie.OpenFailedError('open failed', new Dexie.VersionError())).code
		).toBe('newer-schema');
	});

	it('keeps the original error as cause, and anything unrecognised is unknown', () => {
		const original = new TypeError('boom');
		const classified = classifyStorageError(original);
		expect(classified.code).toBe('unknown');
		expect(classified.cause).toBe(original);
		expect(classifyStorageError('a string').code).toBe('unknown');
		expect(classifyStorageError(undefined).code).toBe('unknown');
	});

	it('passes a StorageError through, even one wrapped by Dexie', () => {
		const corrupt = new StorageError('corrupt-row', { table: 'series' });
		expect(classifyStorageError(corrupt)).toBe(corrupt);
		expect(classifyStorageError(new Dexie.AbortError('aborted', corrupt))).toBe(corrupt);
	});
});
