// Opening the workbook database, with every way that can fail reduced to a StorageError.
import { Dexie } from 'dexie';
import { DEFAULT_DB_NAME, SCHEMA_VERSION, WorkbookDb, type ReloadListener, type WorkbookDbDeps } from './db';
import { StorageError, classifyStorageError } from './errors';

export { StorageError, classifyStorageError, type StorageErrorCode } from './errors';

export interface OpenWorkbookOptions extends WorkbookDbDeps {
	name?: string;
	/** Another tab upgraded or deleted the database; this page's connection is closed. */
	onReloadNeeded?: ReloadListener;
}

/**
 * The version of the database as it is on disk, without changing it (undefined if there
 * is none). Needed because Dexie 4, given a database newer than declared, opens it anyway
 * and, when its tables differ from ours, even adds ours to it under a bumped version,
 * which would leave the newer app unable to open its own database.
 *
 * A bare IndexedDB request, not a Dexie instance: Dexie's open starts a read-only
 * transaction to inspect the tables, and a connection closed while that transaction is
 * still running stays open until it ends. The upgrade requested right after then found
 * this page's own probe still open and fired 'blocked', which the page reported as
 * "another tab holds an old version" with no other tab there (4 of 6 fresh opens of a v2
 * database in Chromium). This probe starts no transaction, so close() is immediate.
 */
function installedVersion(name: string, deps: WorkbookDbDeps): Promise<number | undefined> {
	const factory = deps.indexedDB ?? globalThis.indexedDB;
	return new Promise((resolve, reject) => {
		if (!factory) {
			reject(new Dexie.MissingAPIError('IndexedDB is not available'));
			return;
		}
		let created = false;
		const req = factory.open(name);
		req.onupgradeneeded = () => {
			// No database yet: abort, so probing creates nothing (the request then errors).
			created = true;
			req.transaction?.abort();
		};
		req.onsuccess = () => {
			const db = req.result;
			const version = db.version;
			db.close();
			resolve(version / 10);
		};
		req.onerror = (ev: Event) => {
			if (created) {
				ev.preventDefault();
				resolve(undefined);
			} else reject(req.error ?? new Error('open failed'));
		};
		req.onblocked = () => undefined;
	});
}

/**
 * Opens (creating or upgrading as needed) the workbook database. Rejects only with a
 * StorageError: 'newer-schema', 'blocked', 'unavailable', 'quota' or 'unknown'. Seeding is
 * separate (ensureSeeded) so the plan's figures are computed by the caller, not here.
 */
export async function openWorkbookDb(options: OpenWorkbookOptions = {}): Promise<WorkbookDb> {
	const { name = DEFAULT_DB_NAME, onReloadNeeded, indexedDB, IDBKeyRange } = options;
	const deps: WorkbookDbDeps = {};
	if (indexedDB) deps.indexedDB = indexedDB;
	if (IDBKeyRange) deps.IDBKeyRange = IDBKeyRange;

	let db: WorkbookDb | undefined;
	let blocked: StorageError | undefined;
	const onBlocked = (ev: IDBVersionChangeEvent) => {
		blocked = new StorageError('blocked', { oldVersion: ev.oldVersion / 10 });
		// Gives up rather than waiting: our own tabs close on 'versionchange' before this can
		// fire, so whatever blocks is stuck and the user has to close it. Cancelling rejects
		// open() with DatabaseClosedError, reported below as 'blocked'. (IndexedDB cannot
		// withdraw the open request; should it complete later, its connection closes at the
		// next 'versionchange' like any other.)
		db?.close();
		return false;
	};
	try {
		const onDisk = await installedVersion(name, deps);
		if (onDisk !== undefined && Math.floor(onDisk) > SCHEMA_VERSION) {
			throw new StorageError('newer-schema', { onDisk, supported: SCHEMA_VERSION });
		}
		db = new WorkbookDb(name, deps);
		if (onReloadNeeded) db.onReloadNeeded(onReloadNeeded);
		db.on('blocked', onBlocked);
		await db.open();
		db.on('blocked').unsubscribe(onBlocked);
		return db;
	} catch (e) {
		db?.close();
		if (blocked) throw new StorageError(blocked.code, blocked.details, { cause: e });
		throw classifyStorageError(e);
	}
}
