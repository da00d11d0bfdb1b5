// The workbook's IndexedDB database and every schema version it has ever had.
//
// Adding a schema version (keep every earlier declaration exactly as it is: browsers
// out there hold databases at each of them, and Dexie replays the chain from theirs):
//   1. Below the last `this.version(n)`, declare
//        this.version(n + 1).stores({ …only the tables that change… }).upgrade(upgradeVnToVn1);
//      (a table set to null is dropped; tables not named keep their previous schema).
//   2. Write `export async function upgradeVnToVn1(tx: Transaction)` in this file. It runs
//      inside the version-change transaction: use tx.table('…') (never `this.series`, whose
//      schema is already the new one) and do not await anything but Dexie calls, or the
//      transaction commits early. Have it also set meta 'schemaNote' to the new note.
//   3. Bump SCHEMA_VERSION and SCHEMA_NOTE.
//   4. Tests in db.test.ts: one calling upgradeVnToVn1 on a database a bare Dexie wrote
//      with version n's stores and records shaped as version n wrote them, and keep the
//      "previous version fixture" test pointing at version n's frozen stores.
// openWorkbookDb (open.ts) refuses databases above SCHEMA_VERSION ('newer-schema'), so an
// older tab never reads records whose shape it does not know.
import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { Series, SeriesKind } from '../core/model';
import type { ImportRecord } from '../core/exchange/import-record';
import type { DeviceRecord, SnapshotRecord } from './backup/records';
import type { FigureChange } from '../core/figure-history';
import type { UndoStackRecord } from './undo-table';
import type { HistoryRunRecord } from './history-runs';
import { figureNotesSchema } from '../core/figure-note';
import type { TaskKeyTuple, TaskRecord } from '../core/tasks/task-record';
import { setsFromRows, type OwnIndicatorSet } from './indicator-sets';

export const DEFAULT_DB_NAME = 'zhangye-edu2035';

/** The latest version declared below. */
export const SCHEMA_VERSION = 11;

/** Written to meta 'schemaNote' so a database seen in devtools or a bug report explains itself. */
export const SCHEMA_NOTE =
	'v1: series = one row per region × indicator × kind with every year in `cells`; ' +
	'indicators = counties’ own indicators; meta = key/value; ' +
	'v2: imports = one record per applied import file (name, dates, sender, counts per region); ' +
	'v3: snapshots = the whole workbook before each import or restore (canonical JSON), ' +
	'device = this browser’s backup folder handle, backup settings and last backup; ' +
	'v4: history = one record per change of a figure (before, after, when, who, how), bounded; ' +
	'undoStacks = one record per region with its sheet’s undo and redo steps; ' +
	'v5: series.notes = a note (批注) per figure, year → text (absent when none); ' +
	'v6: tasks = one record per county × year × plan task (status, lead unit, progress, evidence …); ' +
	'v8: historyRuns = the per-figure history of a large write (an import) in bulk: one record ' +
	'per 10,000 changes, the changes as JSON, read with the history table; ' +
	'v9: an own indicator whose unit was stored as its own code (an old bug) has it cleared, ' +
	'listed in meta unitsCleared until the planner has been told; ' +
	'v10: series and indicators keep no index but their key (a region is read as a range of the key); ' +
	'v11: ownIndicatorSets = one record per county holding all its own indicators (`indicators`, ' +
	'sorted by code), in place of one record per indicator (the indicators table is dropped)';

/** Compound primary key of a series record, in the order the key path lists it. */
export type SeriesKeyTuple = [regionCode: string, indicatorCode: string, kind: SeriesKind];
export type IndicatorKeyTuple = [regionCode: string, code: string];

export interface MetaRecord {
	key: string;
	value: unknown;
}

/** Dexie's constructor options narrowed to what tests and embedders need. */
export type WorkbookDbDeps = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

export type ReloadReason = 'upgrade' | 'delete';
export type ReloadListener = (reason: ReloadReason) => void;

export class WorkbookDb extends Dexie {
	series!: Table<Series, SeriesKeyTuple>;
	/** A county's own indicators, one record per county (v11; indicator-sets.ts). */
	ownIndicatorSets!: Table<OwnIndicatorSet, string>;
	meta!: Table<MetaRecord, string>;
	imports!: Table<ImportRecord, number>;
	snapshots!: Table<SnapshotRecord, number>;
	device!: Table<DeviceRecord, string>;
	history!: Table<FigureChange, number>;
	historyRuns!: Table<HistoryRunRecord, number>;
	undoStacks!: Table<UndoStackRecord, string>;
	tasks!: Table<TaskRecord, TaskKeyTuple>;

	private readonly reloadListeners = new Set<ReloadListener>();

	constructor(name: string = DEFAULT_DB_NAME, deps: WorkbookDbDeps = {}) {
		super(name, deps);

		this.version(1).stores({
			series: '[regionCode+indicatorCode+kind], regionCode, updatedAt',
			indicators: '[regionCode+code], regionCode',
			meta: 'key'
		});

		this.version(2)
			.stores({
				imports: '++id, importedAt'
			})
			.upgrade(upgradeV1ToV2);

		this.version(3)
			.stores({
				snapshots: '++id, takenAt',
				device: 'key'
			})
			.upgrade(upgradeV2ToV3);
		this.version(4)
			.stores({
				history: '++id, [regionCode+indicatorCode+kind+year], at',
				undoStacks: 'regionCode'
			})
			.upgrade(upgradeV3ToV4);
		// No index changes: per-figure notes live on the series record they annotate, so a
		// figure and its note are written (and backed up, and undone) together.
		this.version(5).stores({}).upgrade(upgradeV4ToV5);
		// A county's year of tasks is read together (the tasks page), a year of every county
		// for the city's matrix.
		this.version(6)
			.stores({ tasks: '[regionCode+year+task], [regionCode+year], year' })
			.upgrade(upgradeV5ToV6);
		// The history of an import of 100,000 figures as 100,000 records took 8 s to write:
		// IndexedDB's cost is per record. A large write's history goes in bulk instead, and the
		// history is read from both tables (history-table.ts). `[at+size]` counts the bound
		// without reading the runs.
		this.version(8).stores({ historyRuns: '++id, at, [at+size]' }).upgrade(upgradeToV8);
		this.version(9).stores({}).upgrade(upgradeV8ToV9);
		// Every index is one more record IndexedDB writes per row: an import of 12,500 rows
		// and indicators wrote 31,000. A region's rows are a range of the primary key (it starts
		// with regionCode), and nothing asks for series by updatedAt.
		this.version(10)
			.stores({ series: '[regionCode+indicatorCode+kind]', indicators: '[regionCode+code]' })
			.upgrade(upgradeV9ToV10);
		// IndexedDB's cost is per record: an import of 6,250 own indicators spent 0.43 s putting
		// them one record each. A county's own indicators are read and written together (its
		// sheet, the import), so they are one record per county.
		this.version(11).stores({ ownIndicatorSets: 'regionCode', indicators: null }).upgrade(upgradeV10ToV11);

		this.on('populate', (tx) => {
			void tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
		});

		// Another tab is upgrading or deleting the database: let it proceed instead of
		// leaving it blocked. Auto-open stays off, because reopening from this (older or
		// orphaned) page would read a schema it does not know or recreate a deleted
		// workbook; the page must reload, which the listeners tell the user.
		this.on('versionchange', (ev: IDBVersionChangeEvent) => {
			this.close({ disableAutoOpen: true });
			const reason: ReloadReason = ev.newVersion ? 'upgrade' : 'delete';
			for (const listener of this.reloadListeners) listener(reason);
			// Skips Dexie's default handler, which would re-enable auto-open.
			return false;
		});

		// Dexie 4 opens a database newer than declared rather than failing; refuse it so no
		// record of an unknown shape is read or written. Sticky, so auto-reopens check too.
		this.on(
			'ready',
			() => {
				const installed = this.backendDB().version / 10;
				if (Math.floor(installed) > SCHEMA_VERSION) {
					throw new Dexie.VersionError(
						`database ${this.name} is at version ${installed}; this app knows up to ${SCHEMA_VERSION}`
					);
				}
			},
			true
		);
	}

	/** Called when another tab upgrades or deletes the database; returns an unsubscribe. */
	onReloadNeeded(listener: ReloadListener): () => void {
		this.reloadListeners.add(listener);
		return () => this.reloadListeners.delete(listener);
	}
}

/**
 * v1 → v2: adds the import history (an empty table: imports applied before v2 left no
 * record, and none is made up). Only the schema note changes among existing records.
 */
export async function upgradeV1ToV2(tx: Transaction): Promise<void> {
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}

/**
 * v2 → v3: adds the snapshots kept before imports and restores, and this browser's backup
 * settings (both empty: no snapshot of the past is made up). Existing records are untouched.
 */
export async function upgradeV2ToV3(tx: Transaction): Promise<void> {
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}

/**
 * v3 → v4: adds the per-figure history and the persisted undo stacks, both empty: changes
 * made before v4
 * left no record, and none is made up. Only the schema note changes among existing records.
 */
export async function upgradeV3ToV4(tx: Transaction): Promise<void> {
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}

/**
 * v4 → v5: series records may carry `notes` (year → 批注). Records written before have
 * none, which reads as "no notes", so no record is rewritten (an upgrade that touched every
 * series could only lose figures); a stray `notes` that is not a note map is dropped, so a
 * record that read before still reads.
 */
export async function upgradeV4ToV5(tx: Transaction): Promise<void> {
	await tx
		.table('series')
		.filter(
			(row: { notes?: unknown }) => row.notes !== undefined && !figureNotesSchema.safeParse(row.notes).success
		)
		.modify((row: { notes?: unknown }) => {
			delete row.notes;
		});
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}

/**
 * v5 → v6: adds the counties' task records (落实情况), empty: no answer is made up for a
 * task nobody has answered for. Existing records are untouched.
 */
export async function upgradeV5ToV6(tx: Transaction): Promise<void> {
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}

/** → v8: adds the bulk history (empty: nothing earlier is rewritten). Only the note changes. */
export async function upgradeToV8(tx: Transaction): Promise<void> {
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}

/** An own indicator whose stored unit was its code, cleared by upgradeV8ToV9. */
export interface ClearedUnit {
	regionCode: string;
	code: string;
	nameZh: string;
}

/**
 * v8 → v9: an old version stored an own indicator's code as its unit (unit 'C01' for C01),
 * and the sheet, comparison, print, charts and CSV all showed it. A unit equal to the
 * indicator's own code is certainly that bug (no unit is spelled like a code): it is cleared,
 * and the indicators are listed in meta 'unitsCleared' so the planner is told, once, which
 * units to type again. The true unit is not known, so none is made up; figures are untouched.
 */
export async function upgradeV8ToV9(tx: Transaction): Promise<void> {
	const cleared: ClearedUnit[] = [];
	await tx
		.table('indicators')
		.filter(
			(row: { code?: unknown; unit?: unknown }) => typeof row.code === 'string' && row.unit === row.code
		)
		.modify((row: { regionCode: string; code: string; nameZh?: unknown; unit: string }) => {
			cleared.push({
				regionCode: row.regionCode,
				code: row.code,
				nameZh: typeof row.nameZh === 'string' ? row.nameZh : ''
			});
			row.unit = '';
		});
	if (cleared.length) {
		const before = (await tx.table('meta').get('unitsCleared')) as MetaRecord | undefined;
		const earlier = Array.isArray(before?.value) ? (before.value as ClearedUnit[]) : [];
		await tx.table('meta').put({ key: 'unitsCleared', value: [...earlier, ...cleared] } satisfies MetaRecord);
	}
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}

/**
 * v9 → v10: drops the series' `regionCode` and `updatedAt` indexes and the indicators'
 * `regionCode` index (Dexie removes them; the records are untouched). Only the note changes.
 */
export async function upgradeV9ToV10(tx: Transaction): Promise<void> {
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}

/**
 * v10 → v11: each county's own indicator records become one `ownIndicatorSets` record
 * holding them all, sorted by code, every record exactly as it was stored (a damaged one
 * too: it stays for a help desk, listed as before); the indicators table is then dropped
 * by Dexie. Read here as v10 left it (Dexie keeps a dropped table for the upgrade).
 */
export async function upgradeV10ToV11(tx: Transaction): Promise<void> {
	const rows = (await tx.table('indicators').toArray()) as unknown[];
	await tx.table('ownIndicatorSets').bulkPut(setsFromRows(rows));
	await tx.table('meta').put({ key: 'schemaNote', value: SCHEMA_NOTE } satisfies MetaRecord);
}
