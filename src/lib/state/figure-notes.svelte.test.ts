// Notes per figure (批注) on a county's sheet, against a real workbook (fake-indexeddb) and
// the real formula engine: checked, stored beside the figure, one undo step each.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete, replayingPort } from './test-workbooks';
import { RegionSheet } from './region-sheet.svelte';
import { getEngine, reloadEngine } from './engine-session';
import { Locale } from '$lib/i18n/locale.svelte';
import { COL_NOTE, columnOfYear } from '$lib/engine/sheet-layout';

const GANZHOU = '620702';
const G2023 = columnOfYear(2023);
const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

async function setUp() {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	const engine = getEngine(workbook, 'zh');
	reloadEngine(workbook, 'zh');
	const sheet = new RegionSheet(workbook, GANZHOU, new Locale(), engine);
	let renders = 0;
	sheet.port = replayingPort(sheet, {
		render: () => void renders++
	});
	return { workbook, sheet, renders: () => renders };
}

describe('notes per figure', { timeout: 30_000 }, () => {
	it('are trimmed, stored with the figure, and survive a reopen', async () => {
		const { workbook, sheet } = await setUp();
		sheet.onEdits([{ row: 4, col: G2023, after: 92.1 }], 'user');
		expect(sheet.setFigureNote(4, G2023, '  含民办园  ')).toBeNull();
		await sheet.settled();
		const stored = workbook.getSeries(GANZHOU, 'EDU05', 'actual');
		expect(stored?.cells['2023']).toEqual({ t: 'n', v: 92.1 });
		expect(stored?.notes).toEqual({ '2023': '含民办园' });
		expect(sheet.figureNote(4, G2023)).toBe('含民办园');

		const again = new Workbook();
		opened.push(again);
		await again.open();
		expect(again.getSeries(GANZHOU, 'EDU05', 'actual')?.notes).toEqual({ '2023': '含民办园' });
	});

	it('are undone and redone one step at a time, the figure untouched', async () => {
		const { workbook, sheet, renders } = await setUp();
		sheet.onEdits([{ row: 4, col: G2023, after: 92.1 }], 'user');
		sheet.setFigureNote(4, G2023, '第一版');
		sheet.setFigureNote(4, G2023, '第二版');
		await sheet.settled();
		sheet.undo();
		await sheet.settled();
		expect(sheet.figureNote(4, G2023)).toBe('第一版');
		sheet.undo();
		await sheet.settled();
		expect(sheet.figureNote(4, G2023)).toBeNull();
		expect(workbook.getSeries(GANZHOU, 'EDU05', 'actual')?.notes).toBeUndefined();
		expect(workbook.getSeries(GANZHOU, 'EDU05', 'actual')?.cells['2023']).toEqual({ t: 'n', v: 92.1 });
		sheet.redo();
		await sheet.settled();
		expect(sheet.figureNote(4, G2023)).toBe('第一版');
		// Each stored note redraws the grid's corner marks.
		expect(renders()).toBeGreaterThanOrEqual(5);
	});

	it('refuses a note over the limit with where and how long, storing nothing', async () => {
		const { workbook, sheet } = await setUp();
		const refusal = sheet.setFigureNote(4, G2023, '长'.repeat(501));
		expect(refusal).toContain('2023');
		expect(refusal).toContain('500');
		expect(refusal).toContain('501');
		await sheet.settled();
		expect(workbook.getSeries(GANZHOU, 'EDU05', 'actual')).toBeUndefined();
		expect(sheet.history.canUndo).toBe(false);
	});

	it('only on year cells; a blank note deletes, and the same note is no step', async () => {
		const { sheet } = await setUp();
		expect(sheet.canNote(0, COL_NOTE)).toBe(false);
		expect(sheet.canNote(0, G2023)).toBe(true);
		sheet.setFigureNote(0, G2023, '说明');
		sheet.setFigureNote(0, G2023, '说明 ');
		await sheet.settled();
		sheet.setFigureNote(0, G2023, '   ');
		await sheet.settled();
		expect(sheet.figureNote(0, G2023)).toBeNull();
		sheet.undo();
		await sheet.settled();
		expect(sheet.figureNote(0, G2023)).toBe('说明');
		sheet.undo();
		await sheet.settled();
		expect(sheet.history.canUndo).toBe(false);
	});
});
