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
 */
async function installedVersion(name: string, deps: WorkbookDbDeps): Promise<number | undefined> {
	// No version() declared: Dexie opens whatever is there, read-only as to schema.
	const probe = new Dexie(name, deps);
	try {
		await probe.open();
		return probe.verno;
	} catch (e) {
		if (e instanceof Dexie.NoSuchDatabaseError) return undefined;
		throw e;
	} finally {
		probe.close();
	}
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
