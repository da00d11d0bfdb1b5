// An Excel workbook as the exchange sees it, between the workbook and the library that
// writes or reads the bytes (write.ts, read.ts). Pure data: export builds one, import gets one.

/** One cell as an .xlsx holds it. */
export type BookCell =
	| { t: 'text'; v: string }
	/** `format` is an Excel number format, e.g. `0.0` for an indicator kept to one decimal. */
	| { t: 'number'; v: number; format?: string }
	/**
	 * A formula in the sheet's own addresses (`=AVERAGE(G2:I2)`), with the value it gives,
	 * written as the cached result so that a reader that does not calculate sees the figure.
	 */
	| {
			t: 'formula';
			f: string;
			v: number | string | null;
			/** The number format of its value (export only), as for a number. */
			format?: string;
	  }
	/** What a reader finds that the exchange has no use for where a figure is expected. */
	| { t: 'date'; v: string }
	| { t: 'boolean'; v: boolean }
	/** A formula's error (`#DIV/0!`), as Excel shows it. */
	| { t: 'error'; v: string }
	| null;

export interface BookSheet {
	name: string;
	rows: BookCell[][];
	/** Column widths in Excel's character units, by column index. */
	widths?: number[];
	/** Rows frozen at the top (and repeated on every printed page). */
	headerRows?: number;
	/** Columns frozen at the left. */
	frozenColumns?: number;
	/** Ranges merged in the sheet, e.g. `A1:F1` (read only: import treats them as one cell). */
	merged?: string[];
	/** A sheet kept for the import (公式), hidden from view and from print. */
	hidden?: boolean;
	/** Bold rows (the header), by row index. */
	boldRows?: number[];
	/** Rows whose text wraps within its column (a report's long headers), by row index (export only). */
	wrapRows?: number[];
}

export interface Book {
	sheets: BookSheet[];
}

/** The sheet that says what the workbook is: the plan, when and by whom, the format. */
export const ABOUT_SHEET = '说明';
/** The sheet of computed comparison values (export only; import does not read it). */
export const COMPARISON_SHEET = '对照';
/** The import preview's choice that reads every sheet with the format's header. */
export const ALL_SHEETS = '*';
