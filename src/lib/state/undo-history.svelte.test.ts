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
