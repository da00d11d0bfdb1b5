// How a region sheet reads the grid's content and words: helpers of RegionSheet that hold no state.
import {
	cellContent,
	COL_NAME,
	COL_NOTE,
	COL_UNIT,
	yearOfColumn,
	type RawContent
} from '$lib/engine/sheet-layout';
import type { Cell } from '$lib/core/model';
import type { ChangeHow } from '$lib/core/figure-history';
import type { SheetEngine } from './region-sheet.svelte';

/** How the grid's own word for an edit's source reads in the figure history. */
export function howOf(source: string | undefined): ChangeHow {
	if (source === 'CopyPaste.paste') return 'paste';
	if (source === 'Autofill.fill') return 'fill';
	return 'input';
}

/**
 * Columns whose content is stored: the years, the note, and an own indicator's name and unit.
 * The code and the comparison formulas are the sheet's own; when a new row is drawn the grid
 * reports them back as edits too, and the code must not be taken for the unit.
 */
export function isStoredColumn(col: number): boolean {
	return yearOfColumn(col) !== null || col === COL_NOTE || col === COL_NAME || col === COL_UNIT;
}

/**
 * What the grid is handed for a content: a formula the engine cannot load goes in as its
 * stand-in (=PLAN.UNREADABLE(…)), as the sheet opened with it; everything else as it is.
 */
export function gridContent(v: RawContent): RawContent {
	return typeof v === 'string' && v.startsWith('=') ? cellContent({ t: 'f', f: v }) : v;
}

/** Grid content as the stored cell it came from: a replayed step's own content, unchecked. */
export function storedForm(v: RawContent): Cell | null | undefined {
	if (v === null || v === '') return null;
	if (typeof v === 'number') return { t: 'n', v };
	if (typeof v === 'boolean') return { t: 'b', v };
	if (typeof v === 'string' && v.startsWith('=')) return { t: 'f', f: v };
	return undefined;
}

/**
 * A formula that names another sheet ('临泽县'!H5) needs that sheet in the engine before it
 * reaches the engine, or it shows #REF! for good; the page built only the sheets its stored
 * formulas named. Any `!` in a formula builds the rest (once): cheap next to a wrong value.
 */
export function buildSheetsNamedIn(engine: SheetEngine, contents: readonly unknown[]): void {
	if (contents.some((c) => typeof c === 'string' && c.startsWith('=') && c.includes('!')))
		engine.buildAllSheets();
}
