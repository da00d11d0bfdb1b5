// Which target year's comparison sits beside the years (对照: 2025, 2035 or both), remembered
// per kind of sheet in localStorage like the column widths: a preference, not data, read
// synchronously so the grid opens as it was left. Until one is chosen, both years are shown
// where their columns fit beside the years on screen, else 2025's.
import type { SheetLayoutKey } from './column-width-memory';

export type CompareChoice = '2025' | '2035' | 'both';

const KEY_PREFIX = 'zy-edu2035.compareWith.';

export function parseCompareChoice(text: string | null): CompareChoice | null {
	return text === '2025' || text === '2035' || text === 'both' ? text : null;
}

export function rememberedCompareChoice(layout: SheetLayoutKey): CompareChoice | null {
	try {
		return parseCompareChoice(globalThis.localStorage?.getItem(KEY_PREFIX + layout) ?? null);
	} catch {
		return null;
	}
}

export function rememberCompareChoice(layout: SheetLayoutKey, choice: CompareChoice): void {
	try {
		globalThis.localStorage?.setItem(KEY_PREFIX + layout, choice);
	} catch {
		// Storage full or disabled: the choice still holds for this visit.
	}
}

/**
 * The choice before any is made: both when every column shown with both years (the widths of
 * the columns not hidden) fits in the room the grid has, else 2025's alone.
 */
export function defaultCompareChoice(
	colWidths: readonly number[],
	hidden: ReadonlySet<number>,
	available: number
): CompareChoice {
	const needed = colWidths.reduce((sum, w, col) => (hidden.has(col) ? sum : sum + w), 0);
	return needed <= available ? 'both' : '2025';
}
