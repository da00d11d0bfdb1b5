// A figure grid drawn before the formula engine has arrived, and the engine bound to it later
// (the county page: HyperFormula is the largest part of its script, and a sheet whose stored
// cells hold no formula shows exactly what the engine would without it).
//
// Until the engine is there the grid is in its stored mode: the Formulas plugin is off, the
// comparison cells show what the pure core computes for them (stored-comparison.ts, through
// `modifyData`, the channel the plugin itself uses), and every other cell its stored content.
// A change that needs the engine to be checked (a formula typed or pasted) is held, and so is
// every change after it, in order; they are applied, and checked as ever, once it is bound.
// While anything is held a fill (Ctrl+D, Ctrl+R, the fill handle) is refused with a message:
// it would copy a formula without shifting its references, which only the engine does.
import type Handsontable from 'handsontable/base';
import type { GridFormulas } from '$lib/engine/workbook-engine';
import type { RawContent } from '$lib/grid/contract';

/** What the page tells the grid about an engine that is still on its way. */
export interface LateEngine {
	/** Resolves once the engine is there: the Formulas plugin's binding, and the page's. */
	readonly arrival: Promise<ArrivedEngine>;
	/** A change that only the engine can check: a formula in a figure cell. */
	mustWait(row: number, col: number, raw: unknown): boolean;
	/** A cell's value in stored mode, or undefined to show its content as it is. */
	storedValue(row: number, col: number, content: RawContent, rowOf: (row: number) => RawContent[]): unknown;
	/** Whether a cell's value waits for a held change (its row's comparison cells do). */
	waitsFor(col: number): boolean;
	/** What a cell that waits for the engine shows. */
	readonly pendingText: string;
	/** A fill was refused while a formula waits for the engine. */
	onFillRefused(): void;
}

export interface ArrivedEngine {
	formulas: GridFormulas;
	/** Empties the grid's sheet in the engine, which the grid then fills. */
	emptySheet(): void;
	/** The grid is bound: the page's sheet uses the engine from now on (before held changes apply). */
	bind(): void;
}

type Change = [number, number, unknown];

function isEscapedFormula(v: unknown): v is string {
	return typeof v === 'string' && v.charAt(0) === "'" && v.charAt(1) === '=';
}

export class LateEngineGrid {
	#held: { changes: Change[]; source: string }[] = [];
	#afterHeld: (() => void)[] = [];
	#attached = false;
	readonly #hot: Handsontable;
	readonly #late: LateEngine;

	readonly #onBound: () => void;

	constructor(hot: Handsontable, late: LateEngine, container: HTMLElement, onBound: () => void) {
		this.#hot = hot;
		this.#late = late;
		this.#onBound = onBound;
		hot.addHook('modifyData', this.#modifyData);
		// Before the keyboard module's own listener (grid-keyboard.ts), which is added later.
		container.addEventListener('keydown', this.#onKeyDown, true);
		void late.arrival.then(
			(engine) => this.#attach(engine),
			() => undefined
		);
	}

	get attached(): boolean {
		return this.#attached;
	}

	/** The held content of a cell, the latest if it was changed twice. */
	#heldAt(row: number, col: number): { raw: unknown } | null {
		for (let i = this.#held.length - 1; i >= 0; i--) {
			const c = this.#held[i]!.changes.findLast((ch) => ch[0] === row && ch[1] === col);
			if (c) return { raw: c[2] };
		}
		return null;
	}

	#rowHeld(row: number): boolean {
		return this.#held.some((b) => b.changes.some((c) => c[0] === row));
	}

	readonly #modifyData = (row: number, col: number | string, holder: { value: unknown }, io: string) => {
		if (io !== 'get' || this.#attached) return;
		const c = typeof col === 'number' ? col : Number(col);
		const held = this.#heldAt(row, c);
		if (held) {
			holder.value = held.raw;
			return;
		}
		const content = holder.value as RawContent;
		const stored = this.#late.storedValue(
			row,
			c,
			content,
			(r) => this.#hot.getSourceDataAtRow(r) as RawContent[]
		);
		// As the Formulas plugin shows a cell that holds no formula: `'=…` marks text.
		holder.value = stored !== undefined ? stored : isEscapedFormula(content) ? content.slice(1) : content;
	};

	readonly #onKeyDown = (e: KeyboardEvent) => {
		if (this.#attached || this.#held.length === 0) return;
		const key = e.key.toLowerCase();
		if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'd' || key === 'r')) {
			e.preventDefault();
			e.stopImmediatePropagation();
			this.#late.onFillRefused();
		}
	};

	/**
	 * Called first in the grid's beforeChange: whether this change is held (the grid then drops
	 * it for now). Held are a change the engine must check, and every change after one.
	 */
	holds(changes: (Handsontable.CellChange | null)[], source: string): boolean {
		if (this.#attached) return false;
		const live = changes.filter((c): c is Handsontable.CellChange => c !== null);
		const col = (p: unknown) => (typeof p === 'number' ? p : Number(p));
		if (this.#held.length === 0 && !live.some((c) => this.#late.mustWait(c[0], col(c[1]), c[3])))
			return false;
		if (source === 'Autofill.fill') {
			this.#late.onFillRefused();
		} else {
			this.#held.push({ changes: live.map((c) => [c[0], col(c[1]), c[3]]), source });
		}
		this.#hot.render();
		return true;
	}

	/** Runs `fn` after every held change is applied: at once when nothing is held. */
	afterHeld(fn: () => void): void {
		if (this.#attached || this.#held.length === 0) fn();
		else this.#afterHeld.push(fn);
	}

	/** A cell that waits for the engine shows so, not a value the engine has not computed. */
	paintPending(td: HTMLTableCellElement, row: number, col: number): void {
		if (this.#attached || this.#held.length === 0) return;
		const held = this.#heldAt(row, col);
		if (held) {
			td.textContent = held.raw === null || held.raw === undefined ? '' : String(held.raw);
			td.classList.add('c-pending');
		} else if (this.#late.waitsFor(col) && this.#rowHeld(row)) {
			td.textContent = this.#late.pendingText;
			// Not coloured as the status it showed before: it is not known yet.
			for (const c of [...td.classList]) if (c.startsWith('st-') || c === 'c-error') td.classList.remove(c);
			td.classList.add('c-pending');
		}
	}

	#attach(engine: ArrivedEngine): void {
		const hot = this.#hot;
		if (hot.isDestroyed) return;
		const draft = openDraft(hot);
		hot.removeHook('modifyData', this.#modifyData);
		// The plugin, switched on, binds to its sheet and loads the grid from it when it holds
		// anything: emptied first, nothing is loaded (a reload would close the editor), and the
		// second call hands it the grid's content, as any later settings change does.
		engine.emptySheet();
		hot.updateSettings({ formulas: engine.formulas });
		hot.updateSettings({});
		this.#attached = true;
		engine.bind();
		restoreDraft(hot, draft);
		// In the order they were made, checked as any change is, now that the engine is there.
		const held = this.#held.splice(0);
		for (const batch of held)
			hot.setDataAtCell(batch.changes as [number, number, RawContent][], batch.source);
		for (const fn of this.#afterHeld.splice(0)) fn();
		hot.render();
		this.#onBound();
	}

	destroy(container: HTMLElement): void {
		container.removeEventListener('keydown', this.#onKeyDown, true);
	}
}

interface EditorLike {
	isOpened(): boolean;
	getValue(): unknown;
	setValue(v: string): void;
	beginEditing(value?: string): void;
	row: number;
	col: number;
	TEXTAREA?: HTMLTextAreaElement;
}

type Draft = { row: number; col: number; value: string; start: number | null; end: number | null } | null;

function openDraft(hot: Handsontable): Draft {
	const editor = hot.getActiveEditor() as EditorLike | undefined;
	if (!editor?.isOpened()) return null;
	return {
		row: editor.row,
		col: editor.col,
		value: String(editor.getValue() ?? ''),
		start: editor.TEXTAREA?.selectionStart ?? null,
		end: editor.TEXTAREA?.selectionEnd ?? null
	};
}

/** Should switching the plugin on have closed or reset the cell being typed into, reopen it as it was. */
function restoreDraft(hot: Handsontable, draft: Draft): void {
	if (!draft) return;
	const editor = hot.getActiveEditor() as EditorLike | undefined;
	if (editor?.isOpened() && editor.row === draft.row && editor.col === draft.col) {
		if (String(editor.getValue() ?? '') === draft.value) return;
		editor.setValue(draft.value);
	} else {
		hot.selectCell(draft.row, draft.col);
		const reopened = hot.getActiveEditor() as EditorLike | undefined;
		if (!reopened) return;
		if (!reopened.isOpened()) reopened.beginEditing(draft.value);
		reopened.setValue(draft.value);
	}
	const area = (hot.getActiveEditor() as EditorLike | undefined)?.TEXTAREA;
	area?.focus();
	const at = draft.start ?? draft.value.length;
	area?.setSelectionRange(at, draft.end ?? at);
}
