// The whole workbook as rows, read and replaced generically over every table the database
// has, so a table added by a later schema version is carried without code here knowing it.
import { cmp, type IndexableType as IndexableTypeLike, type Table } from 'dexie';
import { canonicalJson, Fingerprint } from '../../core/backup/canonical';
import type { BackupContent } from '../../core/backup/envelope';
import { LOCAL_META_KEYS, LOCAL_TABLES, LOG_TABLES } from '../../core/backup/tables';
import type { WorkbookDb } from '../db';
import { StorageError } from '../errors';
import { snapshotRecordSchema, type SnapshotReason, type SnapshotRecord } from './records';
import type { TxTurns } from '../tx-turns';
import { replaceAllRows, rowsOfSets, type OwnIndicatorSet } from '../indicator-sets';

/**
 * A table as a backup or snapshot names it. Own indicators are stored one record per county
 * (schema v11, indicator-sets.ts) but carried as the `indicators` table, a row per indicator
 * in the v10 table's key order: backups and snapshots made before v11 restore as they are,
 * new ones read the same way, and the fingerprint of a workbook is what it was at v10.
 */
function contentName(table: Table): string {
	return table.name === 'ownIndicatorSets' ? 'indicators' : table.name;
}

/** The rows a table holds as its content names them (a county's set as its indicators). */
async function contentRows(table: Table): Promise<unknown[]> {
	const rows = await table.toArray();
	return table.name === 'ownIndicatorSets' ? rowsOfSets(rows as OwnIndicatorSet[]) : rows;
}

function byContentName(tables: readonly Table[]): Table[] {
	return [...tables].sort((a, b) => contentName(a).localeCompare(contentName(b)));
}

/**
 * Every table a backup holds (all but the browser-local ones), or a snapshot (not the logs
 * either).
 */
export function contentTables(db: WorkbookDb, of: 'backup' | 'snapshot' = 'snapshot'): Table[] {
	return db.tables.filter(
		(t) => !LOCAL_TABLES.includes(t.name) && (of === 'backup' || !LOG_TABLES.includes(t.name))
	);
}

/** Reads every content table; call inside a transaction covering contentTables(db). */
export async function readContentRows(
	db: WorkbookDb,
	of: 'backup' | 'snapshot' = 'snapshot'
): Promise<BackupContent> {
	const tables: Record<string, unknown[]> = {};
	for (const table of contentTables(db, of)) {
		const rows = await contentRows(table);
		tables[contentName(table)] =
			table.name === 'meta'
				? rows.filter((r) => !LOCAL_META_KEYS.includes((r as { key: string }).key))
				: rows;
	}
	return { tables };
}

/** A consistent read of the whole workbook (one read transaction). */
export async function readContent(
	db: WorkbookDb,
	of: 'backup' | 'snapshot' = 'backup'
): Promise<BackupContent> {
	return db.transaction('r', contentTables(db, of), () => readContentRows(db, of));
}

/** storedFingerprint in a read transaction of its own. */
export function readFingerprint(db: WorkbookDb): Promise<string> {
	return db.transaction('r', contentTables(db), () => storedFingerprint(db));
}

const PAGE = 1000;

/**
 * The fingerprint of the workbook as stored (the snapshot tables), read a page at a time:
 * each page is its own task, so hashing 100,000 cells never holds the page for long. Rows
 * are hashed as IndexedDB gives them back (the same record reads back with its keys in the
 * same order), in primary-key order. Inside a transaction covering contentTables(db).
 */
export async function storedFingerprint(db: WorkbookDb): Promise<string> {
	const hash = new Fingerprint();
	for (const table of byContentName(contentTables(db))) {
		hash.add(`\u0000${contentName(table)}`);
		if (table.name === 'ownIndicatorSets') {
			// One record per county: a few records, read whole.
			for (const row of await contentRows(table)) hash.add(JSON.stringify(row));
			continue;
		}
		// Pages by primary key (each one getAll); a record's key is read back from it.
		const keyPath = table.schema.primKey.keyPath;
		const keyOf = (row: Record<string, unknown>) =>
			Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath as string];
		let rows = (await table.orderBy(':id').limit(PAGE).toArray()) as Record<string, unknown>[];
		while (rows.length > 0) {
			for (const row of rows) {
				if (table.name === 'meta' && LOCAL_META_KEYS.includes(row.key as string)) continue;
				hash.add(JSON.stringify(row));
			}
			if (rows.length < PAGE) break;
			const last = keyOf(rows[rows.length - 1]!) as IndexableTypeLike;
			rows = (await table.where(':id').above(last).limit(PAGE).toArray()) as Record<string, unknown>[];
		}
	}
	return hash.digest();
}

/** A table's primary key of a row, as IndexedDB orders it (an indicator's: region, code). */
function keyReader(table: Table): (row: Record<string, unknown>) => unknown {
	if (table.name === 'ownIndicatorSets') return (row) => [row.regionCode, row.code];
	const keyPath = table.schema.primKey.keyPath;
	return (row) => (Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath as string]);
}

/**
 * storedFingerprint of the workbook an operation leaves, worked out without reading it
 * back: `before` (readContentRows in the same transaction) with the `written` rows put over
 * it by primary key. Reading back and hashing 12,500 records an import wrote took 0.4 s of
 * its 2.5 s. The written rows must be the very objects put: a record reads back with its
 * keys in the order they were put, and an added record's generated key comes last, so
 * `{ ...row, id }`. Hashing takes turns (`turns`) inside the caller's transaction.
 */
export async function fingerprintAfter(
	db: WorkbookDb,
	before: BackupContent,
	written: Readonly<Record<string, readonly unknown[]>>,
	turns: TxTurns
): Promise<string> {
	const hash = new Fingerprint();
	for (const table of byContentName(contentTables(db))) {
		const name = contentName(table);
		hash.add(`\u0000${name}`);
		const rows = (before.tables[name] ?? []) as Record<string, unknown>[];
		const put = (written[name] ?? []) as Record<string, unknown>[];
		// As read (toArray gives primary-key order), unless rows were put over them.
		const ordered = put.length === 0 ? rows : overlaid(rows, put, keyReader(table));
		if (turns.due()) await turns.breathe();
		for (const row of ordered) {
			if (table.name === 'meta' && LOCAL_META_KEYS.includes(row.key as string)) continue;
			hash.add(JSON.stringify(row));
			if (turns.due()) await turns.breathe();
		}
	}
	return hash.digest();
}

/** `rows` with `put` put over them by key, in IndexedDB's key order. */
function overlaid<R>(rows: readonly R[], put: readonly R[], keyOf: (row: R) => unknown): R[] {
	const all = [...rows, ...put];
	const keys = all.map(keyOf);
	// Keys of strings (a series' region, indicator, kind) compare as IndexedDB compares them,
	// by code unit, when joined on a character none of them holds: one string per row, for
	// both the overlay and a plain sort (Dexie's cmp on 12,500 arrays took many times that).
	const texts = keys.map(keyText);
	if (texts.every((t) => t !== null)) {
		const byKey = new Map<string, R>();
		all.forEach((row, i) => byKey.set(texts[i]!, row));
		const order = [...byKey.keys()].sort();
		return order.map((k) => byKey.get(k)!);
	}
	const byKey = new Map<string, { key: unknown; row: R }>();
	all.forEach((row, i) => byKey.set(JSON.stringify(keys[i]), { key: keys[i], row }));
	return [...byKey.values()].sort((a, b) => cmp(a.key, b.key)).map((e) => e.row);
}

/** A key of strings as one string ordered as IndexedDB orders the key; null for any other. */
function keyText(key: unknown): string | null {
	if (typeof key === 'string') return key.includes('\u0000') ? null : key;
	if (!Array.isArray(key)) return null;
	for (const k of key) if (typeof k !== 'string' || k.includes('\u0000')) return null;
	return key.join('\u0000');
}

/** Writes `content` over every content table; inside a rw transaction covering them. */
async function writeContentRows(
	db: WorkbookDb,
	content: BackupContent,
	of: 'backup' | 'snapshot' = 'snapshot'
): Promise<void> {
	for (const table of contentTables(db, of)) {
		const rows = content.tables[contentName(table)] ?? [];
		if (table.name === 'ownIndicatorSets') {
			await replaceAllRows(db, rows);
		} else if (LOG_TABLES.includes(table.name)) {
			await addLogRows(table, rows);
		} else if (table.name === 'meta') {
			const keys = (await table.toCollection().primaryKeys()) as string[];
			await table.bulkDelete(keys.filter((k) => !LOCAL_META_KEYS.includes(k)));
			await table.bulkPut(rows.filter((r) => !LOCAL_META_KEYS.includes((r as { key: string }).key)));
		} else {
			await table.clear();
			await table.bulkPut(rows);
		}
	}
}

/** Keeps the newest `keep` snapshots; inside a transaction covering db.snapshots. */
async function prune(db: WorkbookDb, keep: number): Promise<void> {
	const ids = (await db.snapshots.orderBy('id').primaryKeys()) as number[];
	if (ids.length > keep) await db.snapshots.bulkDelete(ids.slice(0, ids.length - keep));
}

export interface SnapshotRequest {
	reason: SnapshotReason;
	label: string;
	keep: number;
}

/**
 * Stores `before` as a snapshot (with the fingerprint of the state the operation left),
 * then prunes. Inside a rw transaction covering content tables and db.snapshots.
 */
export async function storeSnapshot(
	db: WorkbookDb,
	before: BackupContent,
	request: SnapshotRequest,
	extra: { importIds?: number[]; now?: number; after?: string } = {}
): Promise<number> {
	const after = extra.after ?? (await storedFingerprint(db));
	const content = canonicalJson(before);
	const record: SnapshotRecord = snapshotRecordSchema.parse({
		takenAt: extra.now ?? Date.now(),
		reason: request.reason,
		label: request.label.slice(0, 2000),
		size: content.length,
		content,
		after,
		importIds: extra.importIds ?? []
	});
	const id = (await db.snapshots.add(record)) as number;
	await prune(db, request.keep);
	return id;
}

/**
 * Replaces the whole workbook by `content` (already validated) in ONE transaction, first
 * keeping the workbook as it was as a snapshot, so the replacement can be undone.
 */
export async function replaceWorkbook(
	db: WorkbookDb,
	content: BackupContent,
	snapshot: SnapshotRequest
): Promise<number> {
	return db.transaction('rw', [...contentTables(db, 'backup'), db.snapshots], async () => {
		const before = await readContentRows(db);
		await writeContentRows(db, content, 'backup');
		return storeSnapshot(db, before, snapshot);
	});
}

/**
 * A log's rows from a backup join the ones here: as they were (ids kept) into an empty log,
 * the browser's storage having been cleared; otherwise those not here yet, under new ids.
 */
async function addLogRows(table: Table, rows: readonly unknown[]): Promise<void> {
	if ((await table.count()) === 0) {
		await table.bulkPut([...rows]);
		return;
	}
	const sameChange = (r: unknown) => {
		const { id: _id, ...rest } = r as Record<string, unknown>;
		void _id;
		return canonicalJson(rest);
	};
	const here = new Set((await table.toArray()).map(sameChange));
	const fresh = rows.filter((r) => !here.has(sameChange(r)));
	await table.bulkAdd(
		fresh.map((r) => {
			const { id: _id, ...rest } = r as Record<string, unknown>;
			void _id;
			return rest;
		})
	);
}

/**
 * Undoes the operation a snapshot was taken before, by putting the snapshot back, but only
 * while the workbook is exactly as that operation left it. Otherwise 'conflict'
 * (changed-since): putting it back would throw away what was done since.
 */
export async function undoToSnapshot(
	db: WorkbookDb,
	id: number,
	parse: (text: string) => BackupContent
): Promise<void> {
	await db.transaction('rw', [...contentTables(db), db.snapshots], async () => {
		const record = await db.snapshots.get(id);
		if (!record) throw new StorageError('conflict', { reason: 'snapshot-gone', id });
		const now = await storedFingerprint(db);
		if (now !== record.after) throw new StorageError('conflict', { reason: 'changed-since', id });
		await writeContentRows(db, parse(record.content));
		// The snapshot stays listed: it is still the workbook as it was before that operation.
	});
}
