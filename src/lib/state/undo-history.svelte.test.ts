import { describe, expect, it } from 'vitest';
import { UndoHistory } from './undo-history.svelte';

describe('UndoHistory', () => {
	it('undoes the latest step first and redoes it back', () => {
		const h = new UndoHistory<string>();
		expect(h.canUndo).toBe(false);
		h.push('a');
		h.push('b');
		expect(h.takeUndo()).toBe('b');
		expect(h.canRedo).toBe(true);
		expect(h.takeUndo()).toBe('a');
		expect(h.canUndo).toBe(false);
		expect(h.takeUndo()).toBeUndefined();
		expect(h.takeRedo()).toBe('a');
		expect(h.takeRedo()).toBe('b');
		expect(h.takeRedo()).toBeUndefined();
	});

	it('a new step clears what could be redone', () => {
		const h = new UndoHistory<string>();
		h.push('a');
		h.takeUndo();
		h.push('c');
		expect(h.canRedo).toBe(false);
		expect(h.takeUndo()).toBe('c');
	});

	it('forgets a dropped step, and keeps at most 200', () => {
		const h = new UndoHistory<number>();
		for (let i = 0; i < 250; i++) h.push(i);
		h.drop(249);
		expect(h.last()).toBe(248);
		let n = 0;
		while (h.takeUndo() !== undefined) n++;
		expect(n).toBe(199);
		h.clear();
		expect(h.canRedo).toBe(false);
	});
});

describe('UndoHistory kept across a reload', () => {
	it('reports every change of the stacks, and restores them below steps made since', () => {
		const seen: { undo: number[]; redo: number[] }[] = [];
		const h = new UndoHistory<number>();
		h.onchange = (s) => seen.push(s);
		h.push(1);
		h.push(2);
		h.takeUndo();
		expect(seen.at(-1)).toEqual({ undo: [1], redo: [2] });

		const reloaded = new UndoHistory<number>();
		reloaded.restore({ undo: [1], redo: [2] });
		expect(reloaded.stacks()).toEqual({ undo: [1], redo: [2] });
		expect(reloaded.canRedo).toBe(true);

		const busy = new UndoHistory<number>();
		busy.push(3);
		busy.restore({ undo: [1], redo: [2] });
		// A step made since the page opened is newer, and ends the old redo.
		expect(busy.stacks()).toEqual({ undo: [1, 3], redo: [] });
	});

	it('a step that could not be applied goes back where it was', () => {
		const h = new UndoHistory<number>();
		h.push(1);
		const e = h.takeUndo()!;
		h.putBack(e, 'undo');
		expect(h.stacks()).toEqual({ undo: [1], redo: [] });
		h.takeUndo();
		const r = h.takeRedo()!;
		h.putBack(r, 'redo');
		expect(h.stacks()).toEqual({ undo: [], redo: [1] });
	});
});
