// Excel's habits on a grid that the grid component itself leaves out: the right-click menu,
// find (Ctrl+F), series fill, notes per figure (批注: the corner mark, hover, the dialog) and
// remembered column widths. One object per sheet page; SheetGrid hands it the grid once it is
// mounted (`habits`), and GridHabitsUi draws the find bar and the note dialog. The tasks grid
// (TaskGrid) takes the menu and find from here too, without notes, fill or width memory.
import { registerPlugin, AutoColumnSize, Comments, ContextMenu } from 'handsontable/plugins';
import type Handsontable from 'handsontable/base';
import type { MenuItemConfig } from 'handsontable/plugins/contextMenu';
import type { MessageKey } from '$lib/i18n/zh';
import { contextMenuSettings, focusedCell, refocusGrid } from './context-menu';
import { attachSeriesFill } from './series-fill';
import { attachColumnWidthMemory, rememberedWidthSettings, type SheetLayoutKey } from './column-width-memory';
import { findMatches, matchFrom, type CellPosition } from './find-in-sheet';

// The menu measures its own column with AutoColumnSize; the sheets set their widths, so
// the plugin stays idle on them.
registerPlugin(AutoColumnSize);
registerPlugin(ContextMenu);
registerPlugin(Comments);

/** A sheet's notes per figure (批注): the region sheets and the targets sheet have them. */
export interface FigureNoteSource {
	canNote(row: number, col: number): boolean;
	noteAt(row: number, col: number): string | null;
	/** Validated, stored and undoable; returns the refusal to show, or null once accepted. */
	setNote(row: number, col: number, text: string): string | null;
	/** Where the cell is, in words, for the dialog's title (第3行 EDU03 2023). */
	describe(row: number, col: number): string;
}

export interface GridHabitsOptions {
	/** Where dragged widths are remembered; none for a grid that sizes its columns itself. */
	layout?: SheetLayoutKey;
	/** The fill handle's series (figures); off for a grid of text (the tasks). */
	seriesFill?: boolean;
	t: (key: MessageKey, params?: Record<string, string | number>) => string;
	undo(): void;
	redo(): void;
	canUndo(): boolean;
	canRedo(): boolean;
	inform(text: string): void;
	notes?: FigureNoteSource;
	/** Menu items another part adds (修改记录); see context-menu.ts. */
	extraMenuItems?: () => Record<string, MenuItemConfig>;
}

export class GridHabits {
	#hot: Handsontable | null = null;

	findOpen = $state(false);
	query = $state('');
	wholeCell = $state(false);
	matches = $state.raw<CellPosition[]>([]);
	current = $state(-1);
	/** Bumped to ask the find bar to take the keyboard (a second Ctrl+F while it is open). */
	findFocusRequest = $state(0);

	noteDialog = $state<{ row: number; col: number; text: string; where: string } | null>(null);
	noteError = $state<string | null>(null);

	constructor(readonly options: GridHabitsOptions) {}

	/**
	 * The grid's settings for these habits (the menu, the notes' corner marks, remembered
	 * widths). SheetGrid gives them to the grid's constructor: set later, by updateSettings,
	 * they cost a second full draw, and the Formulas plugin hands the whole sheet to the
	 * engine again on every updateSettings.
	 */
	gridSettings = (grid: () => Handsontable, columnCount: number): Handsontable.GridSettings => {
		const { options } = this;
		const notes = options.notes;
		return {
			contextMenu: contextMenuSettings(grid, {
				t: options.t,
				undo: options.undo,
				redo: options.redo,
				canUndo: options.canUndo,
				canRedo: options.canRedo,
				inform: options.inform,
				notes: notes && {
					canNote: (r, c) => notes.canNote(r, c),
					noteAt: (r, c) => notes.noteAt(r, c),
					edit: (r, c) => this.editNote(r, c),
					remove: (r, c) => this.#setNote(r, c, '')
				},
				extraItems: options.extraMenuItems
			}),
			// The notes are the workbook's (stored, undoable); the plugin only draws the red
			// corner and shows a note on hover, read-only.
			comments: notes ? { displayDelay: 200 } : false,
			...(options.layout ? rememberedWidthSettings(options.layout, columnCount) : {})
		};
	};

	/**
	 * Wires everything into the grid. `preset`: the grid was made with gridSettings (SheetGrid,
	 * which calls this inside the grid's constructor, before its first draw); without, the
	 * settings are applied here (TaskGrid).
	 */
	attach = (hot: Handsontable, preset = false): (() => void) => {
		this.#hot = hot;
		const { options } = this;
		const notes = options.notes;
		if (!preset) hot.updateSettings(this.gridSettings(() => hot, hot.countCols()));
		// Its own shortcut would open an editable note that bypasses the workbook's storage.
		hot.getShortcutManager().getContext('grid')?.removeShortcutsByKeys(['Control', 'Alt', 'M']);
		const onMeta = (row: number, col: number, meta: Handsontable.CellProperties) => {
			const note = notes?.noteAt(row, col);
			(meta as Record<string, unknown>).comment = note ? { value: note, readOnly: true } : undefined;
		};
		if (notes) hot.addHook('afterGetCellMeta', onMeta);
		const onRender = (td: HTMLTableCellElement, row: number, col: number) => {
			if (!this.findOpen || this.matches.length === 0) return;
			const i = this.matches.findIndex((m) => m.row === row && m.col === col);
			if (i >= 0) td.classList.add(i === this.current ? 'c-find-current' : 'c-find-hit');
		};
		hot.addHook('afterRenderer', onRender);
		// Back to the grid once the menu closes, so the next key (Ctrl+Z) is the grid's.
		const onMenuHide = () => refocusGrid(hot);
		hot.addHook('afterContextMenuHide', onMenuHide);
		const detachFill = options.seriesFill === false ? () => {} : attachSeriesFill(hot);
		const detachWidths = options.layout ? attachColumnWidthMemory(hot, options.layout) : () => {};
		const onKey = (e: KeyboardEvent) => {
			if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
			if (!hot.isListening() || hot.getActiveEditor()?.isOpened()) return;
			e.preventDefault();
			e.stopImmediatePropagation();
			this.openFind();
		};
		hot.rootDocument.addEventListener('keydown', onKey, true);
		return () => {
			hot.rootDocument.removeEventListener('keydown', onKey, true);
			if (notes) hot.removeHook('afterGetCellMeta', onMeta);
			hot.removeHook('afterRenderer', onRender);
			hot.removeHook('afterContextMenuHide', onMenuHide);
			detachFill();
			detachWidths();
			this.#hot = null;
		};
	};

	// --- find ------------------------------------------------------------------------------

	openFind(): void {
		this.findOpen = true;
		this.findFocusRequest++;
		this.search();
	}

	/** Esc: the bar closes and the keyboard is back on the grid, at the found cell. */
	closeFind(): void {
		this.findOpen = false;
		const hot = this.#hot;
		const at = this.matches[this.current];
		this.matches = [];
		this.current = -1;
		if (!hot) return;
		hot.render();
		this.#focusGrid(at ?? focusedCell(hot));
	}

	search(): void {
		const hot = this.#hot;
		if (!hot) return;
		this.matches = findMatches(hot, this.query, this.wholeCell);
		this.current = matchFrom(this.matches, focusedCell(hot));
		this.#show();
	}

	step(by: 1 | -1): void {
		const n = this.matches.length;
		if (n === 0) return;
		this.current = (((this.current + by) % n) + n) % n;
		this.#show();
	}

	#show(): void {
		const hot = this.#hot;
		if (!hot) return;
		const at = this.matches[this.current];
		// Select without taking the keyboard from the find bar, as Excel's dialog does.
		if (at) hot.selectCell(at.row, at.col, at.row, at.col, true, false);
		hot.render();
	}

	#focusGrid(at: CellPosition | null): void {
		const hot = this.#hot;
		if (!hot) return;
		if (at) hot.selectCell(at.row, at.col);
		refocusGrid(hot);
	}

	// --- notes -----------------------------------------------------------------------------

	editNote(row: number, col: number): void {
		const notes = this.options.notes;
		if (!notes?.canNote(row, col)) return;
		this.noteError = null;
		this.noteDialog = { row, col, text: notes.noteAt(row, col) ?? '', where: notes.describe(row, col) };
	}

	/** The dialog's 保存: the note is checked; a refused one keeps the dialog open. */
	saveNote(text: string): void {
		const d = this.noteDialog;
		if (!d) return;
		const refusal = this.#setNote(d.row, d.col, text);
		if (refusal) {
			this.noteError = refusal;
			return;
		}
		this.noteDialog = null;
		this.#focusGrid({ row: d.row, col: d.col });
	}

	cancelNote(): void {
		const d = this.noteDialog;
		this.noteDialog = null;
		if (d) this.#focusGrid({ row: d.row, col: d.col });
	}

	#setNote(row: number, col: number, text: string): string | null {
		const refusal = this.options.notes?.setNote(row, col, text) ?? null;
		if (!refusal) this.#hot?.render();
		return refusal;
	}

	/** A note changed elsewhere (undo, another tab): redraw the corner marks. */
	render(): void {
		this.#hot?.render();
	}
}
