import { describe, expect, it } from 'vitest';
import {
	dataEdge,
	fillPlan,
	firstFigure,
	gridKeyAction,
	lastUsedCell,
	TabRun,
	type KeyLike,
	type SheetShape
} from './grid-keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
	key: k,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	shiftKey: false,
	...mods
});

describe('gridKeyAction', () => {
	it('gives Ctrl+D, Ctrl+R, Ctrl+Home, undo and redo to the workbook on a selected cell', () => {
		expect(gridKeyAction(key('d', { ctrlKey: true }), false, false)).toBe('fillDown');
		expect(gridKeyAction(key('D', { ctrlKey: true }), false, false)).toBe('fillDown');
		expect(gridKeyAction(key('r', { metaKey: true }), false, true)).toBe('fillRight');
		expect(gridKeyAction(key('Home', { ctrlKey: true }), false, true)).toBe('firstFigure');
		expect(gridKeyAction(key('z', { ctrlKey: true }), false, true)).toBe('undo');
		expect(gridKeyAction(key('z', { ctrlKey: true, shiftKey: true }), false, true)).toBe('redo');
		expect(gridKeyAction(key('y', { ctrlKey: true }), false, true)).toBe('redo');
	});

	it('leaves keys to the text while a cell is being edited, except Ctrl+Enter in one cell', () => {
		expect(gridKeyAction(key('z', { ctrlKey: true }), true, true)).toBeNull();
		expect(gridKeyAction(key('d', { ctrlKey: true }), true, true)).toBeNull();
		expect(gridKeyAction(key('Backspace'), true, true)).toBeNull();
		expect(gridKeyAction(key('Enter', { ctrlKey: true }), true, true)).toBe('commitInPlace');
		// With several cells selected the grid itself writes into all of them.
		expect(gridKeyAction(key('Enter', { ctrlKey: true }), true, false)).toBeNull();
	});

	it('makes Backspace clear and edit, and never treats right Alt (Ctrl+Alt) as a shortcut', () => {
		expect(gridKeyAction(key('Backspace'), false, true)).toBe('clearAndEdit');
		expect(gridKeyAction(key('Delete'), false, true)).toBeNull();
		expect(gridKeyAction(key('d', { ctrlKey: true, altKey: true }), false, true)).toBeNull();
		expect(gridKeyAction(key('7'), false, true)).toBeNull();
	});
});

describe('fillPlan', () => {
	it('fills down from the first row of the selection, corners in any order', () => {
		expect(fillPlan({ fromRow: 5, fromCol: 4, toRow: 2, toCol: 3 }, 'down')).toEqual({
			source: { fromRow: 2, fromCol: 3, toRow: 2, toCol: 4 },
			target: { fromRow: 3, fromCol: 3, toRow: 5, toCol: 4 }
		});
	});

	it('fills a one-row selection from the row above, and a one-column one from the left', () => {
		expect(fillPlan({ fromRow: 4, fromCol: 3, toRow: 4, toCol: 6 }, 'down')).toEqual({
			source: { fromRow: 3, fromCol: 3, toRow: 3, toCol: 6 },
			target: { fromRow: 4, fromCol: 3, toRow: 4, toCol: 6 }
		});
		expect(fillPlan({ fromRow: 1, fromCol: 5, toRow: 3, toCol: 5 }, 'right')).toEqual({
			source: { fromRow: 1, fromCol: 4, toRow: 3, toCol: 4 },
			target: { fromRow: 1, fromCol: 5, toRow: 3, toCol: 5 }
		});
	});

	it('has nothing to fill from at the top row or the first column', () => {
		expect(fillPlan({ fromRow: 0, fromCol: 3, toRow: 0, toCol: 3 }, 'down')).toBeNull();
		expect(fillPlan({ fromRow: 2, fromCol: 0, toRow: 2, toCol: 0 }, 'right')).toBeNull();
		expect(fillPlan({ fromRow: -1, fromCol: 3, toRow: 4, toCol: 3 }, 'down')).toBeNull();
	});
});

describe('firstFigure', () => {
	it('is the first cell a planner can type into, in reading order', () => {
		expect(firstFigure(9, 32, (_r, c) => c >= 3 && c < 20)).toEqual({ row: 0, col: 3 });
		expect(firstFigure(9, 32, (r, c) => r > 1 && c === 7)).toEqual({ row: 2, col: 7 });
		expect(firstFigure(9, 32, () => false)).toBeNull();
	});
});

describe('TabRun', () => {
	it('sends Enter back to the column where a run of Tabs began', () => {
		const run = new TabRun();
		expect(run.enterColumnShift(5, false)).toBe(0);
		run.tab(3);
		run.tab(4);
		run.tab(5);
		expect(run.enterColumnShift(6, false)).toBe(-3);
		// Shift+Enter goes straight up.
		expect(run.enterColumnShift(6, true)).toBe(0);
		run.end();
		expect(run.enterColumnShift(6, false)).toBe(0);
	});
});

/** A sheet drawn as text: '#' a filled cell, '.' an empty one. */
function sheetOf(lines: string[], hiddenCols: number[] = []): SheetShape {
	return {
		rows: lines.length,
		cols: lines[0]!.length,
		isFilled: (r, c) => lines[r]![c] === '#',
		isHidden: (_r, c) => hiddenCols.includes(c)
	};
}

describe('Ctrl+arrow and Ctrl+End (Excel)', () => {
	it('are the workbook’s keys, with or without Shift', () => {
		expect(gridKeyAction(key('End', { ctrlKey: true }), false, true)).toBe('lastUsedCell');
		expect(gridKeyAction(key('ArrowDown', { ctrlKey: true }), false, true)).toBe('dataEdge');
		expect(gridKeyAction(key('ArrowLeft', { ctrlKey: true, shiftKey: true }), false, false)).toBe('dataEdge');
		expect(gridKeyAction(key('ArrowLeft'), false, true)).toBeNull();
		// While editing, the arrows belong to the text.
		expect(gridKeyAction(key('ArrowLeft', { ctrlKey: true }), true, true)).toBeNull();
	});

	const row = sheetOf(['##..#.##.']);
	it('from inside a run goes to its end; from its end to the next run; past the last, to the edge', () => {
		expect(dataEdge({ row: 0, col: 0 }, 'ArrowRight', row)).toEqual({ row: 0, col: 1 });
		expect(dataEdge({ row: 0, col: 1 }, 'ArrowRight', row)).toEqual({ row: 0, col: 4 });
		expect(dataEdge({ row: 0, col: 4 }, 'ArrowRight', row)).toEqual({ row: 0, col: 6 });
		expect(dataEdge({ row: 0, col: 6 }, 'ArrowRight', row)).toEqual({ row: 0, col: 7 });
		expect(dataEdge({ row: 0, col: 7 }, 'ArrowRight', row)).toEqual({ row: 0, col: 8 });
		expect(dataEdge({ row: 0, col: 8 }, 'ArrowRight', row)).toEqual({ row: 0, col: 8 });
		// From an empty cell: the next filled one.
		expect(dataEdge({ row: 0, col: 2 }, 'ArrowRight', row)).toEqual({ row: 0, col: 4 });
		expect(dataEdge({ row: 0, col: 8 }, 'ArrowLeft', row)).toEqual({ row: 0, col: 7 });
		expect(dataEdge({ row: 0, col: 4 }, 'ArrowLeft', row)).toEqual({ row: 0, col: 1 });
		expect(dataEdge({ row: 0, col: 1 }, 'ArrowLeft', row)).toEqual({ row: 0, col: 0 });
	});

	it('goes down and up a column alike, and passes over hidden columns', () => {
		const col = sheetOf(['#', '#', '.', '.', '#']);
		expect(dataEdge({ row: 0, col: 0 }, 'ArrowDown', col)).toEqual({ row: 1, col: 0 });
		expect(dataEdge({ row: 1, col: 0 }, 'ArrowDown', col)).toEqual({ row: 4, col: 0 });
		expect(dataEdge({ row: 4, col: 0 }, 'ArrowUp', col)).toEqual({ row: 1, col: 0 });
		const folded = sheetOf(['#.#..'], [1, 4]);
		// The hidden empty column between two figures does not break the run.
		expect(dataEdge({ row: 0, col: 0 }, 'ArrowRight', folded)).toEqual({ row: 0, col: 2 });
		// The edge is the last visible column.
		expect(dataEdge({ row: 0, col: 2 }, 'ArrowRight', folded)).toEqual({ row: 0, col: 3 });
	});

	it('Ctrl+End: the last used row crossed with the last used column', () => {
		expect(lastUsedCell(sheetOf(['#...', '.#..', '#...']))).toEqual({ row: 2, col: 1 });
		expect(lastUsedCell(sheetOf(['#..#', '....']))).toEqual({ row: 0, col: 3 });
		expect(lastUsedCell(sheetOf(['#..#'], [3]))).toEqual({ row: 0, col: 0 });
		expect(lastUsedCell(sheetOf(['...']))).toBeNull();
	});
});
