// Shared by the storage tests: each test gets its own in-memory IndexedDB, so tests never
// see each other's databases and need no cleanup between them.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Series } from '../core/model';
import { WorkbookDb, type WorkbookDbDeps } from './db';

/**
 * Version 1's stores exactly as released. Frozen on purpose: it stands for databases
 * already on users' disks, so it must not follow later edits to db.ts.
 */
export const V1_STORES = {
	series: '[regionCode+indicatorCode+kind], regionCode, updatedAt',
	indicators: '[regionCode+code], regionCode',
	meta: 'key'
} as const;

/** Version 2's stores exactly as released (see V1_STORES). */
export const V2_STORES = { ...V1_STORES, imports: '++id, importedAt' } as const;

/** Version 3's stores exactly as released (see V1_STORES). */
export const V3_STORES = { ...V2_STORES, snapshots: '++id, takenAt', device: 'key' } as const;

export function freshDeps(): Required<WorkbookDbDeps> & { indexedDB: IDBFactory } {
	return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDb(name = 'test-workbook'): WorkbookDb {
	return new WorkbookDb(name, freshDeps());
}

export function sampleSeries(overrides: Partial<Series> = {}): Series {
	return {
		regionCode: '620702',
		indicatorCode: 'EDU01',
		kind: 'target',
		cells: { '2025': { t: 'n', v: 99.5 } },
		note: '',
		updatedAt: 0,
		...overrides
	};
}

/** The tables version 4 adds, exactly as released (see V1_STORES). */
export const V4_ADDED_STORES = {
	history: '++id, [regionCode+indicatorCode+kind+year], at',
	undoStacks: 'regionCode'
} as const;

/** Version 5's stores exactly as released (v5 changed no index; see V1_STORES). */
export const V5_STORES = { ...V3_STORES, ...V4_ADDED_STORES } as const;
