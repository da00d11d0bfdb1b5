/**
 * The grid's keyboard, as Excel's and WPS's (see the shared excel-habits.md beside this repository), and the
 * guarantee that no key typed into it is lost, reordered or dropped.
 *
 * Why keys were lost: in Handsontable's fast-edit mode (`imeFastEdit`, kept so that Chinese
 * input methods type straight into a selected cell) the keyboard sits on the editor's hidden
 * text area while a cell is merely selected. A key there opens the editor synchronously in
 * its own keydown, so the key itself lands. But after every selection change the grid first
 * focuses the cell's TD (where a composition or a plain text insertion has nowhere to go) and
 * then, on a debounced timer, calls `select()` on the text area, checking only when it was
 * scheduled whether an editor was open. On a slow or busy machine that timer fires after the
 * editor has opened and taken the first keys, selects them, and the next key replaces them:
 * 64.7 stored as 4.7. So the workbook owns the handover itself:
 *  - the keyboard goes to the text area at once, in the same task as the selection change
 *    (`modifyFocusedElement`, and again when the selection settles), never to the TD first;
 *  - the grid's late `select()` is pointed at nothing while an editor is open;
 *  - text inserted without a key or a composition (some input methods, on-screen keyboards,
 *    voice input send only `beforeinput` with inputType insertText, which the grid ignores)
 *    opens the editor on the selected cell with that text, as a typed key would.
 * No key needs buffering: every path that opens the editor does so synchronously, inside the
 * event of the first key, and the browser delivers events in order.
 */
import type Handsontable from 'handsontable/base';
import type { RawContent } from './contract';
import {
	dataEdge,
	fillPlan,
	firstFigure,
	gridKeyAction,
	isArrowKey,
	lastUsedCell,
	type CellRange,
	type SheetShape,
	type TabRun
} from './grid-keys';

export interface KeyboardHost {
	hot: Handsontable;
	/**
	 * Contents of `source` filled over `target`, formulas shifted (the engine's fill); absent
	 * for a grid of text without formulas (the tasks).
	 */
	fillContents?: (source: CellRange, target: CellRange) => unknown[][];
	tabRun: TabRun;
	/** A cell a planner can type into (not read-only). */
	isTypable: (row: number, col: number) => boolean;
	onundo: () => void;
	onredo: () => void;
}

interface TextEditorLike {
	TEXTAREA?: HTMLTextAreaElement;
	isOpened(): boolean;
	refreshValue?: () => void;
	setValue(value: string): void;
	focus(): void;
	beginEditing(value?: string | null, event?: Event): void;
	finishEditing(restoreOriginalValue?: boolean, ctrlDown?: boolean): void;
}

function activeEditor(hot: Handsontable): TextEditorLike | undefined {
	return hot.getActiveEditor() as unknown as TextEditorLike | undefined;
}

function isEditing(hot: Handsontable): boolean {
	return activeEditor(hot)?.isOpened() ?? false;
}

/** The selected cell's editor text area, ready to take the next key (editor closed). */
function focusCatcher(hot: Handsontable): HTMLTextAreaElement | null {
	const highlight = hot.getSelectedRangeActive()?.highlight;
	if (!highlight || highlight.row === null || highlight.col === null) return null;
	if (highlight.row < 0 || highlight.col < 0) return null;
	const editor = activeEditor(hot);
	if (!editor?.TEXTAREA || editor.isOpened()) return null;
	return editor.TEXTAREA;
}

/** Hand the keyboard to the selected cell now, not a moment later as the grid would. */
function catchKeyboard(hot: Handsontable): HTMLTextAreaElement | null {
	if (!hot.isListening()) return null;
	const area = focusCatcher(hot);
	if (!area) return null;
	activeEditor(hot)?.refreshValue?.();
	if (area.ownerDocument.activeElement !== area) area.focus({ preventScroll: true });
	area.select();
	return area;
}

function selectionRange(hot: Handsontable): CellRange | null {
	const range = hot.getSelectedRangeLast();
	if (!range) return null;
	const a = range.getTopStartCorner();
	const b = range.getBottomEndCorner();
	return { fromRow: a.row ?? 0, fromCol: a.col ?? 0, toRow: b.row ?? 0, toCol: b.col ?? 0 };
}

/**
 * Ctrl+D / Ctrl+R: the first row / column of the selection into the rest of it. Figures are
 * repeated as stored; a formula is filled with its relative references shifted, by the
 * formula engine, as Excel does. Written as one edit, through the same checks and undo step as
 * typing.
 */
function fill(host: KeyboardHost, direction: 'down' | 'right'): void {
	const { hot } = host;
	const range = selectionRange(hot);
	const plan = range && fillPlan(range, direction);
	if (!plan) return;
	const { source, target } = plan;
	let shifted: unknown[][] | null = null;
	const shiftedFormulas = (): unknown[][] => (shifted ??= host.fillContents?.(source, target) ?? []);
	const changes: [number, number, RawContent][] = [];
	for (let row = target.fromRow; row <= target.toRow; row++) {
		for (let col = target.fromCol; col <= target.toCol; col++) {
			if (!host.isTypable(row, col)) continue;
			const fromRow = direction === 'down' ? source.fromRow : row;
			const fromCol = direction === 'down' ? col : source.fromCol;
			let content = hot.getSourceDataAtCell(fromRow, fromCol) as RawContent;
			if (typeof content === 'string' && content.startsWith('=')) {
				const v = shiftedFormulas()[row - target.fromRow]?.[col - target.fromCol];
				if (typeof v === 'string') content = v;
			}
			changes.push([row, col, content ?? null]);
		}
	}
	if (changes.length) hot.setDataAtCell(changes, 'edit');
}

/** The grid as Ctrl+arrow and Ctrl+End see it: what each cell holds, which columns are folded. */
function sheetShape(hot: Handsontable): SheetShape {
	const hidden = hot.getPlugin('hiddenColumns');
	return {
		rows: hot.countRows(),
		cols: hot.countCols(),
		isFilled: (row, col) => {
			const v: unknown = hot.getSourceDataAtCell(row, col);
			return v !== null && v !== undefined && v !== '';
		},
		isHidden: (_row, col) => hidden?.isEnabled() === true && hidden.isHidden(col)
	};
}

/**
 * Ctrl+arrow / Ctrl+End move the active cell; with Shift they move the selection's far corner
 * (Excel extends from the end that moved last, the active cell stays where it was).
 */
function jump(hot: Handsontable, e: KeyboardEvent): void {
	const range = hot.getSelectedRangeLast();
	if (!range) return;
	const shape = sheetShape(hot);
	const from = e.shiftKey ? range.to : range.highlight;
	if (from.row === null || from.col === null || from.row < 0 || from.col < 0) return;
	const at =
		e.key === 'End'
			? lastUsedCell(shape)
			: isArrowKey(e.key)
				? dataEdge({ row: from.row, col: from.col }, e.key, shape)
				: null;
	if (!at) return;
	if (!e.shiftKey) {
		hot.selectCell(at.row, at.col);
		return;
	}
	const anchor = range.from;
	hot.selectCell(anchor.row ?? 0, anchor.col ?? 0, at.row, at.col);
}

/** Wire the keyboard rules to a mounted grid; returns the function that removes them. */
export function attachKeyboard(container: HTMLElement, host: KeyboardHost): () => void {
	const { hot, tabRun } = host;
	// Which key moved the selection, read when the move settles (a click or the name box ends
	// a Tab run; Enter ends it after using it).
	let movingKey: 'Tab' | 'Enter' | null = null;

	const onKeyDown = (e: KeyboardEvent) => {
		movingKey = null;
		if (e.isComposing || e.keyCode === 229) return;
		if (!hot.isListening()) return;
		const editing = isEditing(hot);
		if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey) {
			const col = hot.getSelectedRangeActive()?.highlight.col;
			if (col !== null && col !== undefined) tabRun.tab(col);
			movingKey = 'Tab';
			return;
		}
		if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey) {
			movingKey = 'Enter';
			return;
		}
		const action = gridKeyAction(e, editing, hot.getSelectedRangeActive()?.isSingle() ?? true);
		if (!action) return;
		e.preventDefault();
		e.stopImmediatePropagation();
		switch (action) {
			case 'undo':
				return host.onundo();
			case 'redo':
				return host.onredo();
			case 'fillDown':
				return fill(host, 'down');
			case 'fillRight':
				return fill(host, 'right');
			case 'firstFigure': {
				const at = firstFigure(hot.countRows(), hot.countCols(), host.isTypable);
				if (at) hot.selectCell(at.row, at.col);
				return;
			}
			case 'lastUsedCell':
			case 'dataEdge':
				return jump(hot, e);
			case 'clearAndEdit': {
				// Excel's Backspace: the active cell is emptied and edited; Esc brings it back.
				const editor = activeEditor(hot);
				if (focusCatcher(hot)) editor?.beginEditing('', e);
				return;
			}
			case 'commitInPlace':
				activeEditor(hot)?.finishEditing(false, false);
				catchKeyboard(hot);
				return;
		}
	};

	// Text inserted with no key and no composition: open the editor with it (see above).
	const onBeforeInput = (e: InputEvent) => {
		if (e.isComposing || e.inputType !== 'insertText' || !e.data) return;
		const area = focusCatcher(hot);
		if (!area || e.target !== area) return;
		e.preventDefault();
		const editor = activeEditor(hot);
		if (!editor) return;
		hot._getEditorManager().openEditor('', e);
		if (!editor.isOpened()) return;
		editor.setValue(e.data);
		editor.focus();
	};

	const onMouseDown = () => {
		movingKey = null;
	};

	hot.addHook('afterSelectionEnd', () => {
		if (movingKey !== 'Tab') tabRun.end();
		movingKey = null;
		catchKeyboard(hot);
	});
	// The grid focuses the selected TD on every render after a selection change; the text area
	// takes the keyboard there instead (a screen reader still hears the cell: the grid labels
	// its text area with the cell).
	hot.addHook('modifyFocusedElement', (row: number, col: number, element?: HTMLElement) => {
		if (row < 0 || col < 0) return element;
		const area = focusCatcher(hot);
		if (!area) return element;
		activeEditor(hot)?.refreshValue?.();
		return area;
	});
	// The grid's own delayed `select()` must never reach an editor that has opened meanwhile.
	// (An element that is not focused already: select() on a detached dummy does nothing.)
	const nowhere = document.createElement('textarea');
	hot.getFocusManager().setRefocusElementGetter(() => focusCatcher(hot) ?? nowhere);

	container.addEventListener('keydown', onKeyDown, true);
	container.addEventListener('beforeinput', onBeforeInput, true);
	container.addEventListener('mousedown', onMouseDown, true);
	return () => {
		container.removeEventListener('keydown', onKeyDown, true);
		container.removeEventListener('beforeinput', onBeforeInput, true);
		container.removeEventListener('mousedown', onMouseDown, true);
	};
}
