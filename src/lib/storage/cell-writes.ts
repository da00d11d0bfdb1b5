// The one way a figure is written. Each write names only the cells it changes; inside one
// rw transaction the stored row is re-read and the change applied to it, so two tabs
// editing different cells of a row both keep their edit (each used to put the whole row
// from its own copy, and the later put erased the other's cell). When a cell was changed
// by someone else since this tab read it, the later write still wins, and the figure it
// replaced is returned so the tab that typed it can be told. Every changed figure is
// recorded in the history in the same transaction.
import type { Cell, Series } from '../core/model';
import { parseSeries } from './series-check';
import { withFigureNote } from '../core/figure-note';
import { sameCell, type ChangeHow, type FigureChange } from '../core/figure-history';
import type { WorkbookDb } from './db';
import { StorageError } from './errors';
import { recordChanges } from './history-table';
import { readSeriesRow, seriesKeyTuple, type SeriesKeyParts } from './series-table';

export type CellWrite = SeriesKeyParts &
	(
		| {
				year: number;
				after: Cell | null;
				/** What the writer believed was stored; undefined: do not compare. */
				expected?: Cell | null;
				/** A retyped figure keeps the stored qualifier it is counted by (基本均衡). */
				keepQualifier?: boolean;
		  }
		| { year: 'note'; after: string; expected?: string }
		/** A figure's 批注 (null: none); merged like a figure, so two tabs keep each other's. */
		| { year: 'figureNote'; noteYear: number; after: string | null }
	);

/** A figure someone else had stored since the writer read it, which this write replaced. */
export interface ReplacedFigure extends SeriesKeyParts {
	year: number;
	/** What the writer believed was there. */
	expected: Cell | null;
	/** What was there: the figure now lost (the other tab's). */
	replaced: Cell | null;
	/** What is stored now. */
	after: Cell | null;
}

export interface WriteContext {
	who: string;
	how: ChangeHow;
	now?: number;
	/** Abort with 'conflict' rather than replace a figure changed since (an import's preview). */
	refuseReplacing?: boolean;
	/** The rows as read in this same transaction (by seriesKeyTuple joined with '|'): not read again. */
	stored?: ReadonlyMap<string, unknown>;
}

/** Rows merged and put per slice: each put is awaited, so no slice holds the page long. */
const SLICE = 200;

export interface CellWriteResult {
	/** The rows as stored now, for every row that changed. */
	series: Series[];
	changes: FigureChange[];
	replaced: ReplacedFigure[];
}

/** Writes the cells in one transaction (joins the caller's if it spans series and history). */
export function writeCells(
	db: WorkbookDb,
	writes: readonly CellWrite[],
	context: WriteContext
): Promise<CellWriteResult> {
	return db.transaction('rw', [db.series, db.history, db.historyRuns], () => mergeCells(db, writes, context));
}

/** The body of writeCells; call only inside a rw transaction over series and history. */
export async function mergeCells(
	db: WorkbookDb,
	writes: readonly CellWrite[],
	context: WriteContext
): Promise<CellWriteResult> {
	const byRow = new Map<string, RowWrites>();
	for (const w of writes) addWrite(byRow, w);
	return mergeRows(db, byRow, context);
}

/** The writes of one row. */
export interface RowWrites {
	key: SeriesKeyParts;
	writes: CellWrite[];
}

/** Adds a write to its row's (rows keyed as seriesKeyTuple joined with '|'). */
export function addWrite(byRow: Map<string, RowWrites>, w: CellWrite): void {
	const id = `${w.regionCode}|${w.indicatorCode}|${w.kind}`;
	const entry = byRow.get(id);
	if (entry) entry.writes.push(w);
	else byRow.set(id, { key: w, writes: [w] });
}

/** mergeCells with the writes already grouped by row (an import groups them beforehand). */
export async function mergeRows(
	db: WorkbookDb,
	byRow: ReadonlyMap<string, RowWrites>,
	context: WriteContext
): Promise<CellWriteResult> {
	const { now = Date.now(), stored: known } = context;
	const groups = [...byRow.values()];
	const ids = [...byRow.keys()];
	const stored =
		known && ids.every((id) => known.has(id))
			? ids.map((id) => known.get(id))
			: await db.series.bulkGet(groups.map((g) => seriesKeyTuple(g.key)));
	const out: CellWriteResult = { series: [], changes: [], replaced: [] };
	const rows: Series[] = [];
	let put = 0;
	for (let i = 0; i < groups.length; i++) {
		const row = mergeGroup(stored[i], groups[i]!, { ...context, now }, out);
		if (row) rows.push(row);
		if ((i + 1) % SLICE === 0 && rows.length > put) {
			await db.series.bulkPut(rows.slice(put));
			put = rows.length;
		}
	}
	if (rows.length > put) await db.series.bulkPut(rows.slice(put));
	await recordChanges(db, out.changes);
	out.series = rows;
	return out;
}

/**
 * One row's writes merged into the row as stored (`raw`, undefined: none): the row to put
 * (validated), or null when nothing in it changes. Its changes and the figures it replaced
 * are added to `out`; with refuseReplacing, a replaced figure throws 'conflict' instead.
 */
export function mergeGroup(
	raw: unknown,
	group: RowWrites,
	{ who, how, now = Date.now(), refuseReplacing = false }: WriteContext,
	out: Pick<CellWriteResult, 'changes' | 'replaced'>
): Series | null {
	const base: Series = raw ? readSeriesRow(raw) : { ...pick(group.key), cells: {}, note: '', updatedAt: 0 };
	const cells = { ...base.cells };
	let note = base.note;
	let notes = base.notes;
	let changed = false;
	for (const w of group.writes) {
		if (w.year === 'figureNote') {
			if ((notes?.[String(w.noteYear)] ?? null) !== w.after) {
				notes = withFigureNote(notes, w.noteYear, w.after);
				changed = true;
			}
			continue;
		}
		if (w.year === 'note') {
			if (note !== w.after) {
				note = w.after;
				changed = true;
			}
			continue;
		}
		const key = String(w.year);
		const before = cells[key] ?? null;
		let after = w.after;
		if (w.keepQualifier && after?.t === 'n' && before?.t === 'n' && before.q && after.q === undefined) {
			after = { ...after, q: before.q };
		}
		if (w.expected !== undefined && !sameCell(before, w.expected) && !sameCell(before, after)) {
			out.replaced.push({ ...pick(w), year: w.year, expected: w.expected, replaced: before, after });
		}
		if (sameCell(before, after) && (before?.t !== 'n' || after?.t !== 'n' || before.q === after.q)) continue;
		if (after) cells[key] = after;
		else delete cells[key];
		changed = true;
		out.changes.push({ ...pick(w), year: w.year, before, after, at: now, who, how });
	}
	if (refuseReplacing && out.replaced.length > 0) {
		// Thrown inside the transaction: the slices already put are rolled back with it.
		const r = out.replaced[0]!;
		throw new StorageError('conflict', { table: 'series', key: seriesKeyTuple(r), year: r.year });
	}
	if (!changed) return null;
	const { notes: _dropped, ...rest } = base;
	void _dropped;
	return parseSeries({ ...rest, cells, note, ...(notes ? { notes } : {}), updatedAt: now });
}

function pick(k: SeriesKeyParts): SeriesKeyParts {
	return { regionCode: k.regionCode, indicatorCode: k.indicatorCode, kind: k.kind };
}

/** The cell writes that turn one row into another (years, the note, the figures' 批注). */
export function diffRows(
	before: Pick<Series, 'cells' | 'note' | 'notes'> | undefined,
	after: SeriesKeyParts & Pick<Series, 'cells' | 'notes'> & { note?: string },
	options: { checkExpected: boolean } = { checkExpected: true }
): CellWrite[] {
	const key = pick(after);
	const out: CellWrite[] = [];
	const years = new Set([...Object.keys(before?.cells ?? {}), ...Object.keys(after.cells)]);
	for (const y of [...years].sort()) {
		const was = before?.cells[y] ?? null;
		const now = after.cells[y] ?? null;
		if (sameCell(was, now) && JSON.stringify(was) === JSON.stringify(now)) continue;
		out.push({ ...key, year: Number(y), after: now, ...(options.checkExpected ? { expected: was } : {}) });
	}
	const note = after.note ?? before?.note ?? '';
	if (note !== (before?.note ?? '')) out.push({ ...key, year: 'note', after: note });
	// Notes left out of `after` are kept as they are (a file without 批注 never clears one).
	if (after.notes !== undefined) {
		const noteYears = new Set([...Object.keys(before?.notes ?? {}), ...Object.keys(after.notes ?? {})]);
		for (const y of [...noteYears].sort()) {
			const was = before?.notes?.[y] ?? null;
			const now = after.notes?.[y] ?? null;
			if (was !== now) out.push({ ...key, year: 'figureNote', noteYear: Number(y), after: now });
		}
	}
	return out;
}
