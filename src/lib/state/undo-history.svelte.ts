// The undo and redo stacks of one sheet. What an entry holds, and how it is undone, is
// the sheet's business; this only keeps the order and tells the toolbar what is possible.
const MAX_ENTRIES = 200;

export class UndoHistory<Entry> {
	canUndo = $state(false);
	canRedo = $state(false);
	#undo: Entry[] = [];
	#redo: Entry[] = [];

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

	#sync(): void {
		this.canUndo = this.#undo.length > 0;
		this.canRedo = this.#redo.length > 0;
	}
}
