// The undo and redo stacks of one sheet. What an entry holds, and how it is undone, is
// the sheet's business; this only keeps the order, tells the toolbar what is possible, and
// hands every change of the stacks to `onchange` (the sheet keeps them across reloads).
import { UNDO_LIMIT } from '$lib/core/undo-entry';

const MAX_ENTRIES = UNDO_LIMIT;

export class UndoHistory<Entry> {
	canUndo = $state(false);
	canRedo = $state(false);
	#undo: Entry[] = [];
	#redo: Entry[] = [];
	/** Told after every change of the stacks, with both of them (oldest step first). */
	onchange: ((stacks: { undo: Entry[]; redo: Entry[] }) => void) | undefined;

	/** Both stacks, oldest step first. */
	stacks(): { undo: Entry[]; redo: Entry[] } {
		return { undo: [...this.#undo], redo: [...this.#redo] };
	}

	/**
	 * Steps kept from before a reload go below any made since the page opened (the
	 * latter are newer), trimmed to the limit. The redo stack is kept only if nothing
	 * was done since.
	 */
	restore(stacks: { undo: Entry[]; redo: Entry[] }): void {
		const fresh = this.#undo.length > 0 || this.#redo.length > 0;
		this.#undo = [...stacks.undo, ...this.#undo].slice(-MAX_ENTRIES);
		if (!fresh) this.#redo = stacks.redo.slice(-MAX_ENTRIES);
		this.#sync(fresh);
	}

	/** A step that was taken but could not be applied goes back where it came from. */
	putBack(entry: Entry, direction: 'undo' | 'redo'): void {
		const from = direction === 'undo' ? this.#redo : this.#undo;
		const to = direction === 'undo' ? this.#undo : this.#redo;
		const at = from.lastIndexOf(entry);
		if (at >= 0) from.splice(at, 1);
		to.push(entry);
		this.#sync();
	}

	/** A new step: it can be undone, and whatever was undone before can no longer be redone. */
	push(entry: Entry): void {
		this.#undo.push(entry);
		if (this.#undo.length > MAX_ENTRIES) this.#undo.shift();
		this.#redo = [];
		this.#sync();
	}

	/** Extends the last step instead of adding one (e.g. a comparator set with its value). */
	last(): Entry | undefined {
		return this.#undo[this.#undo.length - 1];
	}

	/** The step to undo; it moves to the redo stack. */
	takeUndo(): Entry | undefined {
		const entry = this.#undo.pop();
		if (entry !== undefined) this.#redo.push(entry);
		this.#sync();
		return entry;
	}

	/** The step to redo; it moves back to the undo stack. */
	takeRedo(): Entry | undefined {
		const entry = this.#redo.pop();
		if (entry !== undefined) this.#undo.push(entry);
		this.#sync();
		return entry;
	}

	/** Forget a step that never took effect (its write failed). */
	drop(entry: Entry): void {
		this.#undo = this.#undo.filter((e) => e !== entry);
		this.#redo = this.#redo.filter((e) => e !== entry);
		this.#sync();
	}

	clear(): void {
		this.#undo = [];
		this.#redo = [];
		this.#sync();
	}

	#sync(notify = true): void {
		this.canUndo = this.#undo.length > 0;
		this.canRedo = this.#redo.length > 0;
		if (notify) this.onchange?.(this.stacks());
	}
}
