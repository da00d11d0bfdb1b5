// The right-click menu of every grid, as Excel and WPS offer it on a cell: cut, copy, paste,
// clear contents, the cell's note (批注), undo and redo. Every item acts through the grid's
// normal paths (its paste, its emptying of cells, the workbook's history), so a figure put or
// removed from here is validated, stored and undoable exactly like one typed.
import type Handsontable from 'handsontable/base';
import type { MenuItemConfig } from 'handsontable/plugins/contextMenu';
import type { CopyPaste } from 'handsontable/plugins';
import type { MessageKey } from '$lib/i18n/zh';

/** What the menu asks of the page around the grid. */
export interface MenuActions {
	t: (key: MessageKey) => string;
	undo(): void;
	redo(): void;
	canUndo(): boolean;
	canRedo(): boolean;
	/** Tell the planner something (paste refused by the browser: press Ctrl+V). */
	inform(text: string): void;
	notes?: {
		canNote(row: number, col: number): boolean;
		noteAt(row: number, col: number): string | null;
		/** Open the note dialog for a cell. */
		edit(row: number, col: number): void;
		remove(row: number, col: number): void;
	};
	/**
	 * Items another part of the workbook adds below the note items, e.g. 修改记录 (a figure's
	 * history). Keyed by a name of their own; shown in the order given.
	 */
	extraItems?: () => Record<string, MenuItemConfig>;
}

const SEPARATOR = '---------';

export function focusedCell(hot: Handsontable): { row: number; col: number } | null {
	const range = hot.getSelectedRangeLast();
	if (!range) return null;
	const { row, col } = range.highlight;
	return row !== null && col !== null && row >= 0 && col >= 0 ? { row, col } : null;
}

/**
 * The menu's settings for one grid. The grid is asked for only when the menu is used, so the
 * settings can be given to the grid's constructor and be part of its first draw.
 */
export function contextMenuSettings(grid: () => Handsontable, actions: MenuActions) {
	const { t } = actions;
	// A computed cell (the comparison columns, codes, plan names) can only be copied.
	const onReadOnly = () => {
		const cell = focusedCell(grid());
		return !cell || grid().getCellMeta(cell.row, cell.col).readOnly === true;
	};
	const copyPaste = () => grid().getPlugin('copyPaste') as CopyPaste;
	const noteCell = () => {
		const cell = focusedCell(grid());
		return cell && actions.notes?.canNote(cell.row, cell.col) ? cell : null;
	};
	const hasNote = () => {
		const cell = noteCell();
		return !!cell && !!actions.notes?.noteAt(cell.row, cell.col);
	};

	// Keys of our own: a key Handsontable predefines (cut, undo…) would bring its own rules.
	const items: Record<string, MenuItemConfig> = {
		sheetCut: { name: () => t('menu.cut'), hidden: onReadOnly, callback: () => copyPaste().cut() },
		sheetCopy: { name: () => t('menu.copy'), callback: () => copyPaste().copy() },
		sheetPaste: {
			name: () => t('menu.paste'),
			hidden: onReadOnly,
			callback: () => {
				// Reading the clipboard needs the browser's permission; without it the planner's
				// own Ctrl+V still works (it pastes through the same validated path).
				const read = globalThis.navigator?.clipboard?.readText?.bind(globalThis.navigator.clipboard);
				if (!read) return actions.inform(t('menu.pasteByKey'));
				read().then(
					(text) => {
						if (text) copyPaste().paste(text);
					},
					() => actions.inform(t('menu.pasteByKey'))
				);
			}
		},
		sheetClear: {
			name: () => t('menu.clear'),
			hidden: onReadOnly,
			// Read-only cells in the selection are skipped by the grid itself.
			callback: () => grid().emptySelectedCells('ContextMenu.clear')
		},
		sep1: { name: SEPARATOR, hidden: () => onReadOnly() || !noteCell() },
		noteEdit: {
			name: () => (hasNote() ? t('menu.noteEdit') : t('menu.noteInsert')),
			hidden: () => !noteCell(),
			callback: () => {
				const cell = noteCell();
				if (cell) actions.notes?.edit(cell.row, cell.col);
			}
		},
		noteRemove: {
			name: () => t('menu.noteRemove'),
			hidden: () => !hasNote(),
			callback: () => {
				const cell = noteCell();
				if (cell) actions.notes?.remove(cell.row, cell.col);
			}
		},
		// ↓ Items added by other parts of the workbook (修改记录) go here, before undo/redo.
		...(actions.extraItems?.() ?? {}),
		sep2: { name: SEPARATOR, hidden: onReadOnly },
		sheetUndo: {
			name: () => t('menu.undo'),
			hidden: onReadOnly,
			disabled: () => !actions.canUndo(),
			callback: () => actions.undo()
		},
		sheetRedo: {
			name: () => t('menu.redo'),
			hidden: onReadOnly,
			disabled: () => !actions.canRedo(),
			callback: () => actions.redo()
		}
	};
	return { items };
}

/** The keyboard back on the grid's selected cell (after the menu or a dialog). */
export function refocusGrid(hot: Handsontable): void {
	hot.listen();
	const editor = hot.getActiveEditor() as { TEXTAREA?: HTMLTextAreaElement } | undefined;
	editor?.TEXTAREA?.focus();
}
