// A note (批注) on one figure: why 2023's figure fell, where it came from. Separate from the
// row's 备注, which speaks for the whole indicator. Kept short enough to read on hover.
import { z } from 'zod/mini';

export const FIGURE_NOTE_MAX = 500;

/** Stored shape: year → note text, only years that have one. */
export const figureNotesSchema = z.record(
	z.string().check(z.regex(/^\d{4}$/)),
	z.string().check(z.minLength(1), z.maxLength(FIGURE_NOTE_MAX))
);
export type FigureNotes = z.infer<typeof figureNotesSchema>;

export type FigureNoteOutcome =
	{ ok: true; note: string | null } | { ok: false; code: 'note-too-long'; length: number };

/**
 * What a typed note becomes: trimmed (a note of spaces is no note), line ends made alike,
 * control characters other than line breaks and tabs dropped; refused above the limit.
 */
export function normalizeFigureNote(text: string): FigureNoteOutcome {
	const cleaned = text
		.replace(/\r\n?/g, '\n')
		// eslint-disable-next-line no-control-regex -- the point is to drop control characters
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
		.trim();
	if (cleaned === '') return { ok: true, note: null };
	const length = [...cleaned].length;
	if (length > FIGURE_NOTE_MAX) return { ok: false, code: 'note-too-long', length };
	return { ok: true, note: cleaned };
}

/** Notes with one year's note set (or removed, for null); the input is left as it is. */
export function withFigureNote(
	notes: FigureNotes | undefined,
	year: number,
	note: string | null
): FigureNotes | undefined {
	const next: Record<string, string> = { ...(notes ?? {}) };
	if (note === null) delete next[String(year)];
	else next[String(year)] = note;
	return Object.keys(next).length ? next : undefined;
}
