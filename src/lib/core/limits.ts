// Every limit a figure, a text or a file must keep, in one place, so the grid, a paste, an
// import and a restore refuse alike, by name, before anything is written. The stored schemas
// (model.ts) use the same numbers, so what passes here always validates there.
// docs/csv-format.md lists them for the planners.
import { MAX_ARRAY_COLUMNS, MAX_ARRAY_ROWS, MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING } from './formula-limits';

/** A row's 备注 (the note for the whole indicator). */
export const NOTE_MAX = 2000;
/** A county's own indicator: its name and its unit. */
export const NAME_MAX = 200;
export const UNIT_MAX = 20;
/** The qualifier a figure is counted by, in brackets: `95 (优质均衡)`. */
export const QUALIFIER_MAX = 40;
/** A note on one figure (批注). */
export { FIGURE_NOTE_MAX } from './figure-note';
export { MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING, MAX_ARRAY_ROWS, MAX_ARRAY_COLUMNS };

/**
 * Characters in one cell of a file: Excel's own limit per cell. Anything longer is not a
 * figure, a code or a note; refusing it early keeps one runaway quoted cell (a note whose
 * closing quote is missing) from being read as a million-character field.
 */
export const FILE_CELL_MAX = 32_767;
/** Bytes in one file: a file twice the largest a county sends is refused unread. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/**
 * Figures (filled year cells) in one file. The 100,000-row benchmark (six counties' own
 * indicators, one figure a row) fits with room; a file of 700,000 figures, which left every
 * county sheet unable to open, does not.
 */
export const FILE_FIGURES_MAX = 200_000;
/**
 * Rows in one file (line breaks inside a quoted note not counted), checked before the file
 * is parsed, so a file of a million rows is refused at once instead of filling the memory.
 * Above the figures' limit, for blank and note-only rows.
 */
export const FILE_ROWS_MAX = 250_000;
/**
 * A county's own indicators, those stored and those a file adds. The benchmark's 1,042 per
 * county fit; a sheet of this many rows still opens in a few seconds.
 */
export const OWN_INDICATORS_MAX = 1_500;
