import { describe, expect, it } from 'vitest';
import { FIGURE_NOTE_MAX, figureNotesSchema, normalizeFigureNote, withFigureNote } from './figure-note';

describe('normalizeFigureNote', () => {
	it('trims, and a blank note is no note', () => {
		expect(normalizeFigureNote('  口径调整  ')).toEqual({ ok: true, note: '口径调整' });
		expect(normalizeFigureNote(' \n\t ')).toEqual({ ok: true, note: null });
	});
	it('keeps line breaks, made alike, and drops other control characters', () => {
		expect(normalizeFigureNote('第一行\r\n第二行\u0007')).toEqual({ ok: true, note: '第一行\n第二行' });
	});
	it('refuses a note above the limit, counting characters not UTF-16 units', () => {
		expect(normalizeFigureNote('字'.repeat(FIGURE_NOTE_MAX)).ok).toBe(true);
		expect(normalizeFigureNote('𠀀'.repeat(FIGURE_NOTE_MAX)).ok).toBe(true);
		expect(normalizeFigureNote('字'.repeat(FIGURE_NOTE_MAX + 1))).toEqual({
			ok: false,
			code: 'note-too-long',
			length: FIGURE_NOTE_MAX + 1
		});
	});
});

describe('withFigureNote', () => {
	it('sets and removes one year without touching the others or the input', () => {
		const before = { '2022': '旧' };
		const after = withFigureNote(before, 2023, '新');
		expect(after).toEqual({ '2022': '旧', '2023': '新' });
		expect(before).toEqual({ '2022': '旧' });
		expect(withFigureNote(after, 2022, null)).toEqual({ '2023': '新' });
		expect(withFigureNote({ '2023': '新' }, 2023, null)).toBeUndefined();
	});
	it('gives shapes the stored schema accepts', () => {
		expect(figureNotesSchema.safeParse(withFigureNote(undefined, 2024, '说明')).success).toBe(true);
		expect(figureNotesSchema.safeParse({ '2024': '' }).success).toBe(false);
	});
});
