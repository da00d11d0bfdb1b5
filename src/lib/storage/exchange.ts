// Writing an import (and taking it back) in one transaction each: a file either lands
// whole or not at all, and nothing another tab wrote since the preview is overwritten.
import { ownIndicatorSchema, type OwnIndicator, type Series } from '../core/model';
import {
	importRecordSchema,
	type ImportRecord,
	type ImportRecordDraft
} from '../core/exchange/import-record';
import type { Table } from 'dexie';
import type { IndicatorKeyTuple, SeriesKeyTuple, WorkbookDb } from './db';
import { StorageError } from './errors';
import { readSeriesRow, seriesKeyTuple } from './series-table';
import { diffRows, mergeCells, type CellWriteResult, type ReplacedFigure } from './cell-writes';
import type { FigureChange } from '../core/figure-history';
import { parseRow } from './validate';
import { measureSince } from './measure';
import {
	contentTables,
	fingerprintAfter,
	readContentRows,
	storeSnapshot,
	type SnapshotRequest
} from './backup/content';
import { recordChanges } from './history-table';
import { importRow } from './import-rows';
import { checkedOwnIndicator } from '../core/own-indicator-check';
import { TxTurns } from './tx-turns';
import { inRegion } from './region-range';
import { mergedRows, readRegionRows, writeRegionRows } from './indicator-sets';

/** One row to write, with the stamp of the record it was previewed against (null: none). */
export interface SeriesWrite {
	series: Omit<Series, 'updatedAt'>;
	expected: number | null;
	/**
	 * The row as previewed. Given, only the cells the import changes are checked: an edit of
	 * another cell of the row since the preview no longer refuses the import, and is kept.
	 */
	before?: Pick<Series, 'cells' | 'note' | 'notes'> | null;
}
export interface IndicatorWrite {
	indicator: OwnIndicator;
	expected: number | null;
}

/** What an applied import replaced, to take it back with. */
export interface ImportUndo {
	appliedAt: number;
	series: { key: SeriesKeyTuple; before: Series | undefined }[];
	indicators: { key: IndicatorKeyTuple; before: OwnIndicator | undefined }[];
	/** The history records the import wrote: undoing removes them. */
	imports: number[];
}

function indicatorKey(c: Pick<OwnIndicator, 'regionCode' | 'code'>): IndicatorKeyTuple {
	return [c.regionCode, c.code];
}

function stamp(row: { updatedAt?: number } | undefined): number | null {
	return row ? (row.updatedAt ?? 0) : null;
}

/** Records per put: each slice is built and copied in a task of its own, kept short. */
const PUT_SLICE = 250;

/**
 * The stored rows for `keys` (undefined: none), read as every row of their regions: one
 * getAll per region costs far less than a get per key (100,000 new cells are 6,250 keys,
 * none stored yet). Inside the caller's transaction.
 */
async function readByRegion<R, K extends [string, ...unknown[]]>(
	table: Table<R, K>,
	keys: readonly K[],
	keyOf: (row: R) => readonly unknown[]
): Promise<(R | undefined)[]> {
	const regions = [...new Set(keys.map((k) => k[0]))];
	if (regions.length === 0) return [];
	const rows = (await Promise.all(regions.map((r) => inRegion(table, r).toArray()))).flat();
	const byKey = new Map(rows.map((r) => [keyOf(r).join('|'), r]));
	return keys.map((k) => byKey.get(k.join('|')));
}

/**
 * The stored own indicators for `keys` (undefined: none), one read per county; `regions`
 * keeps each county's rows as read, for its write in the same transaction.
 */
async function readIndicatorsByKey(
	db: WorkbookDb,
	keys: readonly IndicatorKeyTuple[],
	regions = new Map<string, unknown[]>()
): Promise<(OwnIndicator | undefined)[]> {
	const codes = [...new Set(keys.map((k) => k[0]))];
	const read = await Promise.all(codes.map((r) => readRegionRows(db, r)));
	codes.forEach((r, i) => regions.set(r, read[i]!));
	const byKey = new Map((read.flat() as OwnIndicator[]).map((r) => [indicatorKey(r).join('|'), r]));
	return keys.map((k) => byKey.get(k.join('|')));
}

/**
 * Writes the whole import or nothing, its history records included (stamped `now`, like
 * the series they wrote). A record whose stamp differs from the preview's (another tab
 * edited it meanwhile) aborts it all with 'conflict': preview again.
 *
 * One transaction, in which every row is checked and worked out once, as it is put: the
 * slices are put two in flight (tx-turns.ts), so the page builds and copies the next while
 * the database writes the last; the snapshot's fingerprint of the workbook afterwards is
 * worked out from the rows put, not read back.
 */
export async function applyImportWrites(
	db: WorkbookDb,
	writes: {
		series: readonly SeriesWrite[];
		indicators: readonly IndicatorWrite[];
		imports?: readonly ImportRecordDraft[];
	},
	now = Date.now(),
	options: {
		/** Who applied it, for the per-figure history. */
		who?: string;
		/** Keep the workbook as it was before, so the import can be undone after a reload too. */
		snapshot?: SnapshotRequest;
	} = {}
): Promise<{
	series: Series[];
	indicators: OwnIndicator[];
	imports: ImportRecord[];
	undo: ImportUndo;
	replaced: ReplacedFigure[];
	changes: FigureChange[];
}> {
	// A malformed history record is refused before anything is written.
	const importRecords = (writes.imports ?? []).map((r) =>
		importRecordSchema.parse({ ...r, importedAt: now })
	);
	const { who = '', snapshot } = options;
	const tables = snapshot
		? [...contentTables(db), db.snapshots, db.history, db.historyRuns]
		: [db.series, db.ownIndicatorSets, db.imports, db.history, db.historyRuns];
	return db.transaction('rw', tables, async () => {
		const turns = new TxTurns(db);
		let t = performance.now();
		const before = snapshot ? await readContentRows(db) : null;
		const seriesKeys = writes.series.map((w) => seriesKeyTuple(w.series));
		const indicatorKeys = writes.indicators.map((w) => indicatorKey(w.indicator));
		const storedIndicators = new Map<string, unknown[]>();
		const [seriesBefore, indicatorsBefore] = await Promise.all([
			readByRegion(db.series, seriesKeys, (r: Series) => seriesKeyTuple(r)),
			readIndicatorsByKey(db, indicatorKeys, storedIndicators)
		]);
		// A row without its previewed cells is checked by its stamp; one with them, cell by
		// cell as it is merged (importRow).
		writes.series.forEach((w, i) => {
			if (w.before === undefined && stamp(seriesBefore[i]) !== w.expected)
				throw new StorageError('conflict', { table: 'series', key: seriesKeys[i] });
		});
		writes.indicators.forEach((w, i) => {
			if (stamp(indicatorsBefore[i]) !== w.expected)
				throw new StorageError('conflict', { table: 'indicators', key: indicatorKeys[i] });
		});
		measureSince('read-before', t);
		await turns.breathe();
		t = performance.now();
		// One record per county (schema v11): its stored indicators with the file's put over them.
		const indicators = writes.indicators.map((w) => checkedOwnIndicator({ ...w.indicator, updatedAt: now }));
		const byRegion = new Map<string, OwnIndicator[]>();
		for (const c of indicators) {
			const list = byRegion.get(c.regionCode);
			if (list) list.push(c);
			else byRegion.set(c.regionCode, [c]);
		}
		// The counties' puts in flight together: each awaited alone is a round trip to the database.
		await Promise.all(
			[...byRegion].map(([regionCode, list]) =>
				writeRegionRows(db, regionCode, mergedRows(storedIndicators.get(regionCode) ?? [], list))
			)
		);
		measureSince('indicators-put', t);
		t = performance.now();
		const out: CellWriteResult = { series: [], changes: [], replaced: [] };
		const context = { who, how: 'import' as const, now };
		let slice: Series[] = [];
		for (let i = 0; i < writes.series.length; i++) {
			const row = importRow(writes.series[i]!, seriesBefore[i], context, out);
			if (row) slice.push(row);
			if (slice.length >= PUT_SLICE || (i === writes.series.length - 1 && slice.length > 0)) {
				out.series.push(...slice);
				await turns.put(db.series.bulkPut(slice));
				slice = [];
			}
		}
		measureSince('series-put', t);
		t = performance.now();
		await recordChanges(db, out.changes);
		const ids = (await db.imports.bulkAdd(importRecords, { allKeys: true })) as number[];
		const imports = importRecords.map((r, i) => withId(r, ids[i]!));
		measureSince('history', t);
		t = performance.now();
		if (snapshot && before) {
			const after = await fingerprintAfter(db, before, { series: out.series, indicators, imports }, turns);
			await storeSnapshot(db, before, snapshot, { importIds: ids, now, after });
		}
		await turns.settle();
		measureSince('snapshot', t);
		const written = new Set(out.series.map((s) => seriesKeyTuple(s).join('|')));
		return {
			series: out.series,
			replaced: out.replaced,
			changes: out.changes,
			indicators,
			imports,
			undo: {
				appliedAt: now,
				imports: ids,
				series: seriesKeys.flatMap((key, i) =>
					written.has(key.join('|'))
						? [{ key, before: seriesBefore[i] === undefined ? undefined : readSeriesRow(seriesBefore[i]) }]
						: []
				),
				indicators: indicatorKeys.map((key, i) => ({
					key,
					before:
						indicatorsBefore[i] === undefined
							? undefined
							: parseRow(ownIndicatorSchema, 'indicators', key, indicatorsBefore[i])
				}))
			}
		};
	});
}

/** An added record as it reads back: its generated key last (see fingerprintAfter). */
function withId(record: ImportRecord, id: number): ImportRecord {
	const { id: _none, ...rest } = record;
	void _none;
	return { ...rest, id };
}

/**
 * Puts back what an import replaced, all or nothing. Refused with 'conflict' when any of
 * those records was edited after the import: undoing would throw that edit away.
 */
export async function undoImportWrites(db: WorkbookDb, undo: ImportUndo, who = ''): Promise<Series[]> {
	return db.transaction(
		'rw',
		[db.series, db.ownIndicatorSets, db.imports, db.history, db.historyRuns],
		async () => {
			const storedIndicators = new Map<string, unknown[]>();
			const [series, indicators] = await Promise.all([
				db.series.bulkGet(undo.series.map((s) => s.key)),
				readIndicatorsByKey(
					db,
					undo.indicators.map((s) => s.key),
					storedIndicators
				)
			]);
			const edited = [...series, ...indicators].findIndex((row) => row?.updatedAt !== undo.appliedAt);
			if (edited >= 0) throw new StorageError('conflict', { reason: 'edited-since-import' });
			// Through the merge, so the history records each figure put back.
			await mergeCells(
				db,
				undo.series.flatMap((s, i) => {
					const [regionCode, indicatorCode, kind] = s.key;
					const now = series[i] === undefined ? undefined : readSeriesRow(series[i]);
					const back = s.before ?? { regionCode, indicatorCode, kind, cells: {}, note: '' };
					return diffRows(now, back);
				}),
				{ who, how: 'undo-import' }
			);
			await db.series.bulkDelete(undo.series.filter((s) => !s.before).map((s) => s.key));
			// The rows as before, stamps included (a later undo of an earlier import checks them).
			await db.series.bulkPut(undo.series.flatMap((s) => (s.before ? [s.before] : [])));
			// Each county's record once: the indicators as before put back, the new ones taken out.
			const regions = new Map<string, { put: OwnIndicator[]; remove: string[] }>();
			for (const s of undo.indicators) {
				const [regionCode, code] = s.key;
				const entry = regions.get(regionCode) ?? { put: [], remove: [] };
				regions.set(regionCode, entry);
				if (s.before) entry.put.push(s.before);
				else entry.remove.push(code);
			}
			await Promise.all(
				[...regions].map(([regionCode, { put, remove }]) =>
					writeRegionRows(db, regionCode, mergedRows(storedIndicators.get(regionCode) ?? [], put, remove))
				)
			);
			// The files count as never imported here: the sources table must not list them.
			await db.imports.bulkDelete(undo.imports);
			return undo.series.flatMap((s) => (s.before ? [s.before] : []));
		}
	);
}
