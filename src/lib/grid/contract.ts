/**
 * The grid's contract: what a page hands the grid component and what it gets back. State
 * classes speak these types, so they depend on this module and never on a component.
 */
import type { RawContent } from '$lib/engine/sheet-layout';

/** A cell's stored content: a number, boolean, text or formula source (one definition, the engine's). */
export type { RawContent };

export interface GridEdit {
	row: number;
	col: number;
	/** The cell's content (number, boolean, formula source) after normalisation. */
	after: RawContent;
}

export type Validation = { ok: true; content: RawContent } | { ok: false; message: string };

/** What the page can do to a mounted grid (for undo, rows added or removed, reloads). */
export interface GridPort {
	setCells(cells: { row: number; col: number; content: RawContent }[]): void;
	/** The keyboard is elsewhere (the name box, the formula bar): the grid must ignore keys. */
	release(): void;
	/** A planner's edit made outside the grid (the formula bar): validated and undoable. */
	edit(row: number, col: number, text: string): void;
	removeRow(row: number): void;
	insertRow(row: number, content: RawContent[]): void;
	load(data: RawContent[][]): void;
	source(): RawContent[][];
	render(): void;
	select(row: number, col: number): void;
	/** Shows the formula bar's draft in a cell until it is committed or dropped (null). */
	showDraft?(row: number, col: number, text: string | null): void;
	/**
	 * Runs `fn` once every change the grid holds for the formula engine is applied (at once
	 * when it holds none): an undo or a row change keeps its place after them.
	 */
	afterHeld?(fn: () => void): void;
}

export interface CellLook {
	readOnly: boolean;
	className?: string;
}
