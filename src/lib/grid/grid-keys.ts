/**
 * The grid's keyboard rules that Handsontable does not have in Excel's form (see
 * the shared excel-habits.md), kept free of the grid and the DOM so they are tested in Node.
 * SheetGrid.svelte asks these functions what a key means and carries it out on the grid.
 */

/** The parts of a keyboard event the rules look at. */
export interface KeyLike {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
}

/** What the workbook does itself with a key, instead of the grid's default. */
export type GridKeyAction =
	| 'undo'
	| 'redo'
	| 'fillDown'
	| 'fillRight'
	| 'firstFigure'
	| 'lastUsedCell'
	| 'dataEdge'
	| 'clearAndEdit'
	| 'commitInPlace'
	| null;

/** The four arrow keys, as Ctrl+arrow's direction. */
export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export function isArrowKey(key: string): key is ArrowKey {
	return key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight';
}

/**
 * The workbook's own meaning of a key, or null to leave it to the grid. `isEditing`: a cell
 * editor is open (its text takes the keys); `isSingle`: one cell is selected.
 */
export function gridKeyAction(e: KeyLike, isEditing: boolean, isSingle: boolean): GridKeyAction {
	// Right Alt is Ctrl+Alt on some systems: it types characters, never a shortcut.
	const ctrl = (e.ctrlKey || e.metaKey) && !e.altKey;
	const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
	if (isEditing) {
		// Excel's Ctrl+Enter commits and stays; Handsontable would insert a line break in one cell
		// (with several selected it already writes into all of them, as Excel does).
		if (ctrl && k === 'Enter' && isSingle) return 'commitInPlace';
		return null;
	}
	if (ctrl) {
		if (k === 'z' && !e.shiftKey) return 'undo';
		if (k === 'y' || (k === 'z' && e.shiftKey)) return 'redo';
		if (k === 'd' && !e.shiftKey) return 'fillDown';
		if (k === 'r' && !e.shiftKey) return 'fillRight';
		if (k === 'Home' && !e.shiftKey) return 'firstFigure';
		// Excel's Ctrl+End and Ctrl+arrow; with Shift they extend the selection (see dataEdge).
		if (k === 'End') return 'lastUsedCell';
		if (isArrowKey(k)) return 'dataEdge';
		return null;
	}
	if (k === 'Backspace' && !e.altKey && !e.shiftKey) return 'clearAndEdit';
	return null;
}

/** A rectangle of cells, corners in any order (as a selection gives them). */
export interface CellRange {
	fromRow: number;
	fromCol: number;
	toRow: number;
	toCol: number;
}

export interface FillPlan {
	/** The row (fill down) or column (fill right) whose contents are repeated. */
	source: CellRange;
	/** The cells written. */
	target: CellRange;
}

/**
 * Ctrl+D / Ctrl+R as in Excel: the first row (column) of the selection fills the rest of it;
 * a selection one row (column) deep is filled from the row above (column left of) it.
 * Null when there is nothing to fill from.
 */
export function fillPlan(range: CellRange, direction: 'down' | 'right'): FillPlan | null {
	const top = Math.min(range.fromRow, range.toRow);
	const bottom = Math.max(range.fromRow, range.toRow);
	const left = Math.min(range.fromCol, range.toCol);
	const right = Math.max(range.fromCol, range.toCol);
	if (top < 0 || left < 0) return null;
	if (direction === 'down') {
		const sourceRow = bottom > top ? top : top - 1;
		if (sourceRow < 0) return null;
		return {
			source: { fromRow: sourceRow, fromCol: left, toRow: sourceRow, toCol: right },
			target: { fromRow: sourceRow + 1, fromCol: left, toRow: bottom, toCol: right }
		};
	}
	const sourceCol = right > left ? left : left - 1;
	if (sourceCol < 0) return null;
	return {
		source: { fromRow: top, fromCol: sourceCol, toRow: bottom, toCol: sourceCol },
		target: { fromRow: top, fromCol: sourceCol + 1, toRow: bottom, toCol: right }
	};
}

/**
 * Ctrl+Home's cell: the first figure, i.e. the first cell a planner can type into in reading
 * order (the first year of the first indicator), not A1, which is an indicator's code.
 */
export function firstFigure(
	rows: number,
	cols: number,
	isTypable: (row: number, col: number) => boolean
): { row: number; col: number } | null {
	for (let row = 0; row < rows; row++)
		for (let col = 0; col < cols; col++) if (isTypable(row, col)) return { row, col };
	return null;
}

/**
 * Tab…Tab…Enter: Excel's Enter after a run of Tabs goes down to the column where the run
 * began, so a row typed across with Tab is followed by the start of the next row.
 */
export class TabRun {
	#startCol: number | null = null;

	/** A Tab (or Shift+Tab) moves on from `col`: the run begins there unless it already began. */
	tab(col: number): void {
		this.#startCol ??= col;
	}

	/** Any other move (a click, an arrow, the name box, Enter itself) ends the run. */
	end(): void {
		this.#startCol = null;
	}

	/** The column Enter moves by from `col` (0 without a run; Shift+Enter moves straight up). */
	enterColumnShift(col: number, shift: boolean): number {
		if (this.#startCol === null || shift) return 0;
		return this.#startCol - col;
	}
}

/** What Ctrl+arrow and Ctrl+End look at: the sheet's size and which cells hold something. */
export interface SheetShape {
	rows: number;
	cols: number;
	/** The cell holds content (a figure, text or a formula; a formula counts even if blank). */
	isFilled: (row: number, col: number) => boolean;
	/** A hidden row or column is passed over, as Excel passes over it. */
	isHidden?: (row: number, col: number) => boolean;
}

/**
 * Ctrl+arrow as in Excel: from a filled cell whose neighbour is filled, to the last filled
 * cell of that run; otherwise to the next filled cell in that direction; with none, to the
 * sheet's edge. Hidden cells are skipped, never landed on.
 */
export function dataEdge(
	from: { row: number; col: number },
	key: ArrowKey,
	shape: SheetShape
): { row: number; col: number } {
	const dRow = key === 'ArrowDown' ? 1 : key === 'ArrowUp' ? -1 : 0;
	const dCol = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
	const hidden = shape.isHidden ?? (() => false);
	// The visible cells of the line ahead, nearest first.
	const ahead: { row: number; col: number }[] = [];
	for (
		let row = from.row + dRow, col = from.col + dCol;
		row >= 0 && row < shape.rows && col >= 0 && col < shape.cols;
		row += dRow, col += dCol
	) {
		if (!hidden(row, col)) ahead.push({ row, col });
	}
	const last = ahead[ahead.length - 1];
	if (!last) return from;
	const filled = (c: { row: number; col: number }) => shape.isFilled(c.row, c.col);
	const next = ahead[0]!;
	if (shape.isFilled(from.row, from.col) && filled(next)) {
		// To the end of the run: the cell before the first empty one.
		let end = next;
		for (const c of ahead) {
			if (!filled(c)) break;
			end = c;
		}
		return end;
	}
	return ahead.find(filled) ?? last;
}

/**
 * Ctrl+End as in Excel: the last used cell, where the last row and the last column that hold
 * anything cross (that cell itself may be empty). Hidden rows and columns do not count.
 * Null on an empty sheet (Excel stays at A1).
 */
export function lastUsedCell(shape: SheetShape): { row: number; col: number } | null {
	const hidden = shape.isHidden ?? (() => false);
	let lastRow = -1;
	let lastCol = -1;
	for (let row = 0; row < shape.rows; row++) {
		for (let col = 0; col < shape.cols; col++) {
			if (hidden(row, col) || !shape.isFilled(row, col)) continue;
			if (row > lastRow) lastRow = row;
			if (col > lastCol) lastCol = col;
		}
	}
	return lastRow < 0 ? null : { row: lastRow, col: lastCol };
}
