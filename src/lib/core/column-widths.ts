// Column widths a planner dragged, as remembered between visits: column index → pixels.
// Read back from the browser's storage, where anything may sit (an older build's shape, a
// hand edit, another app's key): every entry is checked, and a bad one is ignored rather
// than trusted, so a broken value can never make a sheet unusable.
import { z } from 'zod/mini';

export const MIN_COLUMN_WIDTH = 20;
export const MAX_COLUMN_WIDTH = 1200;

const widthSchema = z.int().check(z.gte(MIN_COLUMN_WIDTH), z.lte(MAX_COLUMN_WIDTH));

export type ColumnWidths = Readonly<Record<number, number>>;

/** Stored text → the widths that are valid for a sheet of `columnCount` columns. */
export function parseColumnWidths(text: string | null, columnCount: number): ColumnWidths {
	if (!text) return {};
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return {};
	}
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
	const out: Record<number, number> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (!/^\d{1,4}$/.test(key)) continue;
		const col = Number(key);
		if (col >= columnCount) continue;
		const width = widthSchema.safeParse(value);
		if (width.success) out[col] = width.data;
	}
	return out;
}

/** One more dragged width; out-of-range drags are clamped to what can be read back. */
export function withColumnWidth(widths: ColumnWidths, col: number, width: number): ColumnWidths {
	const clamped = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
	return { ...widths, [col]: clamped };
}

/** The widths as the grid takes them: an entry per column, undefined where not dragged. */
export function widthsArray(widths: ColumnWidths, columnCount: number): (number | undefined)[] {
	return Array.from({ length: columnCount }, (_, i) => widths[i]);
}
