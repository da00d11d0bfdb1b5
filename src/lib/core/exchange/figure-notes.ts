// Notes per figure (批注) in the exchange format, version 1.2. The long layout carries them
// in a 批注 column beside each figure; the grid layout, whose row already holds sixteen years
// and the row's 备注, carries them as `2023批注` columns, one per year that has a note, after
// 备注. Both are written only when the file holds a note, so a file without notes is
// byte for byte a 1.1 file, and an older copy of the app reads a file with notes and only
// warns about the columns it does not know.
import { normalizeFigureNote } from '../figure-note';
import { guardText, unguardText } from './contract';

export const FIGURE_NOTE_HEADER_ZH = '批注';

/** The grid layout's note column for a year (read back by contract.readHeaderCell). */
export function noteYearHeader(year: number): string {
	return `${year}${FIGURE_NOTE_HEADER_ZH}`;
}

/** A note as written into a file cell. */
export function exportFigureNote(note: string | undefined): string {
	return note ? guardText(note) : '';
}

/**
 * A file's note cell: null when blank (a blank never clears a note, as with figures and 备注),
 * the checked note, or 'too-long'.
 */
export function readFigureNoteCell(raw: string | undefined): string | null | 'too-long' {
	if (raw === undefined) return null;
	const outcome = normalizeFigureNote(unguardText(raw));
	if (!outcome.ok) return 'too-long';
	return outcome.note;
}
