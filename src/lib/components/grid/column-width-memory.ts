// Column widths a planner dragged, remembered per sheet layout in localStorage (synchronous,
// so the grid opens at the remembered widths; a width is a preference, not data, and is not
// part of a backup). County sheets share one layout, the city's figures, the targets another.
import type Handsontable from 'handsontable/base';
import { parseColumnWidths, widthsArray, withColumnWidth, type ColumnWidths } from '$lib/core/column-widths';

export type SheetLayoutKey = 'county' | 'city' | 'targets';

const KEY_PREFIX = 'zy-edu2035.columnWidths.';

function read(key: SheetLayoutKey, columnCount: number): ColumnWidths {
	try {
		return parseColumnWidths(globalThis.localStorage?.getItem(KEY_PREFIX + key) ?? null, columnCount);
	} catch {
		return {};
	}
}

function write(key: SheetLayoutKey, widths: ColumnWidths): void {
	try {
		globalThis.localStorage?.setItem(KEY_PREFIX + key, JSON.stringify(widths));
	} catch {
		// Storage full or disabled: the width still holds for this visit.
	}
}

/**
 * The documented way to restore widths: hand them to the resize plugin, which then overrides
 * the sheet's default widths for these columns (and keeps them across redraws). Given to the
 * grid's constructor, or nothing when no width was dragged.
 */
export function rememberedWidthSettings(
	key: SheetLayoutKey,
	columnCount: number
): { manualColumnResize?: number[] } {
	const widths = read(key, columnCount);
	return Object.keys(widths).length
		? { manualColumnResize: widthsArray(widths, columnCount) as number[] }
		: {};
}

/** Remembers the widths dragged on a grid made with (or given) rememberedWidthSettings. */
export function attachColumnWidthMemory(hot: Handsontable, key: SheetLayoutKey): () => void {
	let widths = read(key, hot.countCols());
	const onResize = (newSize: number, column: number) => {
		const physical = hot.toPhysicalColumn(column);
		if (physical < 0 || !Number.isFinite(newSize)) return;
		widths = withColumnWidth(widths, physical, newSize);
		write(key, widths);
	};
	hot.addHook('afterColumnResize', onResize);
	return () => hot.removeHook('afterColumnResize', onResize);
}
