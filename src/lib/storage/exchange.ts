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
import {
	addWrite,
	diffRows,
	mergeCells,
	mergeRows,
	type ReplacedFigure,
	type RowWrites
} from './cell-writes';
import type { FigureChange } from '../core/figure-history';
import { parseRow } from './validate';
import { measureSince } from './measure';
import { contentTables, readContentRows, storeSnapshot, type SnapshotRequest } from './backup/content';

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

const SLICE = 500;
/** Records per put: each slice's copying is a task of its own, kept short. */
const PUT_SLICE = 200;

async function inSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Promise<R[]> {
	const out: R[] = [];
	for (let i = 0; i < items.length; i += SLICE) {
		if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
		const end = Math.min(items.length, i + SLICE);
		for (let j = i; j < end; j++) out.push(fn(items[j]!, j));
	}
	return out;
}

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
	const rows = (await Promise.all(regions.map((r) => table.where('regionCode').equals(r).toArray()))).flat();
	const byKey = new Map(rows.map((r) => [keyOf(r).join('|'), r]));
	return keys.map((k) => byKey.get(k.join('|')));
}

/**
 * Writes the whole import or nothing, its history records included (stamped `now`, like
 * the series they wrote). A record whose stamp differs from the preview's (another tab
 * edited it meanwhile) aborts it all with 'conflict': preview again.
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
	// The rows are validated as merged (mergeCells), once; the indicators here, before the
	// transaction, in slices giving the page a turn between them.
	let t = performance.now();
	const seriesRecords = await inSlices(writes.series, (w) => ({ ...w.series, updatedAt: now }));
	const indicatorRecords = await inSlices(writes.indicators, (w) =>
		ownIndicatorSchema.parse({ ...w.indicator, updatedAt: now })
	);
	const importRecords = (writes.imports ?? []).map((r) =>
		importRecordSchema.parse({ ...r, importedAt: now })
	);
	// The cells a previewed row changes, worked out before the transaction (in slices): in it,
	// 100,000 of them were a quarter-second task. The stamps checked in it prove the rows
	// are still as previewed.
	const byRow = new Map<string, RowWrites>();
	await inSlices(writes.series, (w, i) => {
		if (w.before !== undefined)
			for (const d of diffRows(w.before ?? undefined, seriesRecords[i]!)) addWrite(byRow, d);
	});
	measureSince('validate', t);
	const { who = '', snapshot } = options;
	const tables = snapshot
		? [...contentTables(db), db.snapshots, db.history, db.historyRuns]
		: [db.series, db.indicators, db.imports, db.history, db.historyRuns];
	return db.transaction('rw', tables, async () => {
		t = performance.now();
		const before = snapshot ? await readContentRows(db) : null;
		measureSince('read-before', t);
		t = performance.now();
		const seriesKeys = seriesRecords.map(seriesKeyTuple);
		const indicatorKeys = indicatorRecords.map(indicatorKey);
		const [seriesBefore, indicatorsBefore] = await Promise.all([
			readByRegion(db.series, seriesKeys, (r: Series) => seriesKeyTuple(r)),
			readByRegion(db.indicators, indicatorKeys, indicatorKey)
		]);
		writes.series.forEach((w, i) => {
			if (w.before !== undefined) return;
			if (stamp(seriesBefore[i]) !== w.expected) {
				throw new StorageError('conflict', { table: 'series', key: seriesKeys[i] });
			}
		});
		writes.indicators.forEach((w, i) => {
			if (stamp(indicatorsBefore[i]) !== w.expected) {
				throw new StorageError('conflict', { table: 'indicators', key: indicatorKeys[i] });
			}
		});
		measureSince('bulkGet+check', t);
		t = performance.now();
		for (let i = 0; i < indicatorRecords.length; i += PUT_SLICE)
			await db.indicators.bulkPut(indicatorRecords.slice(i, i + PUT_SLICE));
		measureSince('indicators-put', t);
		t = performance.now();
		// Only the cells the file changes are written, through the same merge (and history)
		// as a typed edit: the stamps above prove the rows are as previewed.
		seriesRecords.forEach((r, i) => {
			if (writes.series[i]?.before !== undefined) return;
			const stored = seriesBefore[i] === undefined ? undefined : readSeriesRow(seriesBefore[i]);
			for (const d of diffRows(stored, r)) addWrite(byRow, d);
		});
		const merged = await mergeRows(db, byRow, {
			who,
			how: 'import',
			now,
			refuseReplacing: true,
			stored: new Map(seriesKeys.map((key, i) => [key.join('|'), seriesBefore[i]]))
		});
		measureSince('merge-cells', t);
		const ids = await db.imports.bulkAdd(importRecords, { allKeys: true });
		t = performance.now();
		if (snapshot && before) await storeSnapshot(db, before, snapshot, { importIds: ids, now });
		measureSince('snapshot', t);
		const written = new Set(merged.series.map((s) => seriesKeyTuple(s).join('|')));
		return {
			series: merged.series,
			replaced: merged.replaced,
			changes: merged.changes,
			indicators: indicatorRecords,
			imports: importRecords.map((r, i) => ({ ...r, id: ids[i]! })),
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

/**
 * Puts back what an import replaced, all or nothing. Refused with 'conflict' when any of
 * those records was edited after the import: undoing would throw that edit away.
 */
export async function undoImportWrites(db: WorkbookDb, undo: ImportUndo, who = ''): Promise<Series[]> {
	return db.transaction(
		'rw',
		[db.series, db.indicators, db.imports, db.history, db.historyRuns],
		async () => {
			const [series, indicators] = await Promise.all([
				db.series.bulkGet(undo.series.map((s) => s.key)),
				db.indicators.bulkGet(undo.indicators.map((s) => s.key))
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
			await db.indicators.bulkDelete(undo.indicators.filter((s) => !s.before).map((s) => s.key));
			await db.indicators.bulkPut(undo.indicators.flatMap((s) => (s.before ? [s.before] : [])));
			// The files count as never imported here: the sources table must not list them.
			await db.imports.bulkDelete(undo.imports);
			return undo.series.flatMap((s) => (s.before ? [s.before] : []));
		}
	);
}
