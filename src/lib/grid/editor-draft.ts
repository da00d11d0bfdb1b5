/**
 * Excel's formula bar and cell show one draft: while a cell is being typed into, the bar shows
 * what is typed, live; while the bar is typed into, the cell shows it. This module follows the
 * cell editor's text and reports it (null once the editor has closed, committed or cancelled).
 * Handsontable has no hook for an editor closing, so the draft is read again after every key
 * the grid has handled (a listener on the document registered after the grid's own) and after
 * every change or selection.
 */
import type Handsontable from 'handsontable/base';

interface EditorLike {
	isOpened(): boolean;
	TEXTAREA?: HTMLTextAreaElement;
}

export function attachDraftFollower(
	container: HTMLElement,
	hot: Handsontable,
	ondraft: (text: string | null) => void
): () => void {
	let last: string | null = null;
	const sync = () => {
		if (hot.isDestroyed) return;
		const editor = hot.getActiveEditor() as unknown as EditorLike | undefined;
		const text = editor?.isOpened() ? (editor.TEXTAREA?.value ?? '') : null;
		if (text === last) return;
		last = text;
		ondraft(text);
	};
	const doc = hot.rootDocument;
	container.addEventListener('input', sync, true);
	container.addEventListener('compositionend', sync, true);
	doc.addEventListener('keydown', sync);
	doc.addEventListener('mouseup', sync);
	hot.addHook('afterBeginEditing', sync);
	hot.addHook('afterChange', sync);
	hot.addHook('afterSelectionEnd', sync);
	return () => {
		container.removeEventListener('input', sync, true);
		container.removeEventListener('compositionend', sync, true);
		doc.removeEventListener('keydown', sync);
		doc.removeEventListener('mouseup', sync);
		if (hot.isDestroyed) return;
		hot.removeHook('afterBeginEditing', sync);
		hot.removeHook('afterChange', sync);
		hot.removeHook('afterSelectionEnd', sync);
	};
}
