// The series schema's check, by hand, for writes of thousands of rows: zod took 1.3 s for
// the 6,286 rows of a 100,000-figure import (13 µs a cell), as long as writing them. The
// hand check is stricter than the schema (a cell with a key the schema does not know is
// not passed here), and anything it does not pass goes through the schema itself, so a
// record it lets through is one the schema would have let through unchanged.
import {
	cellSchema,
	indicatorCodeSchema,
	regionCodeSchema,
	seriesKindSchema,
	seriesSchema,
	type Cell,
	type Series
} from '../core/model';

const YEAR = /^\d{4}$/;

function cellPasses(c: unknown): c is Cell {
	if (c === null || typeof c !== 'object') return false;
	const cell = c as Record<string, unknown>;
	const keys = Object.keys(cell);
	switch (cell.t) {
		case 'n':
			return (
				typeof cell.v === 'number' &&
				Number.isFinite(cell.v) &&
				keys.every((k) => k === 't' || k === 'v' || k === 'cmp' || k === 'q') &&
				(cell.cmp === undefined || cell.cmp === '>' || cell.cmp === '>=') &&
				(cell.q === undefined || (typeof cell.q === 'string' && cell.q.length <= 40)) &&
				!('cmp' in cell && cell.cmp === undefined) &&
				!('q' in cell && cell.q === undefined)
			);
		case 'f':
			return cellSchema.safeParse(cell).success && keys.length === 2;
		case 'b':
			return typeof cell.v === 'boolean' && keys.length === 2;
		default:
			return false;
	}
}

/** The row as seriesSchema.parse returns it; throws as it does on anything it refuses. */
export function parseSeries(row: Series): Series {
	const passes =
		row !== null &&
		typeof row === 'object' &&
		Object.keys(row).every((k) => k in SERIES_KEYS) &&
		typeof row.note === 'string' &&
		row.note.length <= 2000 &&
		row.notes === undefined &&
		Number.isSafeInteger(row.updatedAt) &&
		row.updatedAt >= 0 &&
		regionCodeSchema.safeParse(row.regionCode).success &&
		indicatorCodeSchema.safeParse(row.indicatorCode).success &&
		seriesKindSchema.safeParse(row.kind).success &&
		row.cells !== null &&
		typeof row.cells === 'object' &&
		Object.entries(row.cells).every(([year, cell]) => YEAR.test(year) && cellPasses(cell));
	return passes ? row : seriesSchema.parse(row);
}

const SERIES_KEYS = { regionCode: 1, indicatorCode: 1, kind: 1, cells: 1, note: 1, notes: 1, updatedAt: 1 };
