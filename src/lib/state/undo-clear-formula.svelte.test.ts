// Undo of clearing a formula cell (Delete, or the menu's 清除内容) must store the formula as it
// was, to the character, also for a stored formula the engine cannot load, which the grid
// shows as a stand-in (=PLAN.UNREADABLE(…)) and which must never be stored in its place.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete, replayingPort } from './test-workbooks';
import { RegionSheet } from './region-sheet.svelte';
import { getEngine, reloadEngine } from './engine-session';
import { Locale } from '$lib/i18n/locale.svelte';
import { cellContent, columnOfYear } from '$lib/engine/sheet-layout';

const GANZHOU = '620702';
const G2023 = columnOfYear(2023);
const DEEP = `=${'('.repeat(80)}1${')'.repeat(80)}`;

const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

async function openSheet(): Promise<{ workbook: Workbook; sheet: RegionSheet }> {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	const engine = getEngine(workbook, 'zh');
	reloadEngine(workbook, 'zh');
	const sheet = new RegionSheet(workbook, GANZHOU, new Locale(), engine);
	sheet.port = replayingPort(sheet);
	await sheet.restoreHistory();
	return { workbook, sheet };
}

async function settle(sheet: RegionSheet): Promise<void> {
	for (let i = 0; i < 3; i++) await sheet.settled();
	await sheet.historySaved();
}

describe('undo of clearing a formula', () => {
	for (const [label, formula] of [
		['an ordinary formula', '=AVERAGE(D1:F1)+0.5'],
		['a stored formula the engine cannot load', DEEP]
	] as const) {
		it(`${label}: undo stores exactly the formula text, also after a reload`, async () => {
			const first = await openSheet();
			await first.workbook.writeCells(
				[
					{
						regionCode: GANZHOU,
						indicatorCode: 'EDU01',
						kind: 'actual',
						year: 2023,
						after: { t: 'f', f: formula }
					}
				],
				'input'
			);
			reloadEngine(first.workbook, 'zh');
			const shown = cellContent({ t: 'f', f: formula });
			// Delete: the grid reports the cell emptied.
			first.sheet.onEdits([{ row: 0, col: G2023, after: null }], 'user');
			await settle(first.sheet);
			expect(first.workbook.getSeries(GANZHOU, 'EDU01', 'actual')?.cells['2023']).toBeUndefined();
			// The undo step is kept for after a reload; the grid would be handed `shown`.
			first.workbook.db.close();

			const second = await openSheet();
			second.sheet.undo();
			await settle(second.sheet);
			expect(second.workbook.getSeries(GANZHOU, 'EDU01', 'actual')?.cells['2023']).toEqual({
				t: 'f',
				f: formula
			});
			// Redo clears it again, undo brings it back once more, still exact.
			second.sheet.redo();
			await settle(second.sheet);
			expect(second.workbook.getSeries(GANZHOU, 'EDU01', 'actual')?.cells['2023']).toBeUndefined();
			second.sheet.undo();
			await settle(second.sheet);
			expect(second.workbook.getSeries(GANZHOU, 'EDU01', 'actual')?.cells['2023']).toEqual({
				t: 'f',
				f: formula
			});
			expect(typeof shown).toBe('string');
		});
	}
});
