// Two tabs as two Workbooks on one (fake) IndexedDB, told of each other's writes by a real
// BroadcastChannel, each with its county sheet: no edit is lost between them, a replaced
// figure is reported to the tab that typed it, and undo survives a reload.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete, replayingPort } from './test-workbooks';
import { RegionSheet } from './region-sheet.svelte';
import { getEngine, reloadEngine } from './engine-session';
import { Locale } from '$lib/i18n/locale.svelte';
import { columnOfYear } from '$lib/engine/sheet-layout';
import { getAllSeries } from '$lib/storage/series-table';

const GANZHOU = '620702';
const EDU01 = 0;
const Y2023 = columnOfYear(2023);
const Y2024 = columnOfYear(2024);

// Each tab builds the real formula engine: seconds apiece on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

async function openTab() {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	const engine = getEngine(workbook, 'zh');
	reloadEngine(workbook, 'zh');
	const sheet = new RegionSheet(workbook, GANZHOU, new Locale(), engine);
	// Without a grid on screen, a replayed step (undo) comes straight back as an edit.
	sheet.port = replayingPort(sheet, {
		load: () => undefined
	});
	await sheet.restoreHistory();
	return { workbook, sheet };
}

async function storedEdu01() {
	const probe = new Workbook();
	opened.push(probe);
	await probe.open();
	return (await getAllSeries(probe.db)).find((s) => s.regionCode === GANZHOU && s.indicatorCode === 'EDU01');
}

describe('two tabs editing one row', () => {
	it('different cells at the same moment: both are stored and both tabs show both', async () => {
		const a = await openTab();
		const b = await openTab();
		a.sheet.onEdits([{ row: EDU01, col: Y2023, after: 96.4 }], 'user', 'edit');
		b.sheet.onEdits([{ row: EDU01, col: Y2024, after: 97.1 }], 'user', 'edit');
		await Promise.all([a.sheet.settled(), b.sheet.settled()]);
		expect((await storedEdu01())?.cells).toEqual({
			'2023': { t: 'n', v: 96.4 },
			'2024': { t: 'n', v: 97.1 }
		});
		await vi.waitFor(() => {
			for (const tab of [a, b]) {
				expect(tab.workbook.getSeries(GANZHOU, 'EDU01', 'actual')?.cells).toEqual({
					'2023': { t: 'n', v: 96.4 },
					'2024': { t: 'n', v: 97.1 }
				});
			}
		});
	});

	it('the same cell: the later write wins, the other tab is told and can put its own back', async () => {
		const a = await openTab();
		const b = await openTab();
		a.sheet.onEdits([{ row: EDU01, col: Y2023, after: 96.4 }], 'user', 'edit');
		await a.sheet.settled();
		await vi.waitFor(() => expect(b.workbook.getSeries(GANZHOU, 'EDU01', 'actual')).toBeDefined());
		// Both tabs show 96.4; A types 96.8, then B (not yet told) types 97.1.
		const seenByB = b.workbook.getSeries(GANZHOU, 'EDU01', 'actual');
		a.sheet.onEdits([{ row: EDU01, col: Y2023, after: 96.8 }], 'user', 'edit');
		await a.sheet.settled();
		b.workbook.series.set(`${GANZHOU}|EDU01|actual`, seenByB!);
		b.sheet.onEdits([{ row: EDU01, col: Y2023, after: 97.1 }], 'user', 'edit');
		await b.sheet.settled();
		expect((await storedEdu01())?.cells['2023']).toEqual({ t: 'n', v: 97.1 });
		await vi.waitFor(() => expect(a.workbook.replacedNotices).toHaveLength(1));
		const notice = a.workbook.replacedNotices[0]!;
		expect(notice).toMatchObject({
			indicatorCode: 'EDU01',
			year: 2023,
			expected: { t: 'n', v: 96.4 },
			replaced: { t: 'n', v: 96.8 },
			after: { t: 'n', v: 97.1 }
		});
		expect(b.workbook.replacedNotices).toEqual([]);
		await a.workbook.putBackReplaced(notice.id);
		expect((await storedEdu01())?.cells['2023']).toEqual({ t: 'n', v: 96.8 });
		expect(a.workbook.replacedNotices).toEqual([]);
	});

	it('the same cell after the other tab had seen it: still told, with one click to put it back', async () => {
		const a = await openTab();
		const b = await openTab();
		a.sheet.onEdits([{ row: EDU01, col: Y2023, after: 96.8 }], 'user', 'edit');
		await a.sheet.settled();
		await vi.waitFor(() =>
			expect(b.workbook.getSeries(GANZHOU, 'EDU01', 'actual')?.cells['2023']).toEqual({ t: 'n', v: 96.8 })
		);
		b.sheet.onEdits([{ row: EDU01, col: Y2023, after: 97.1 }], 'user', 'edit');
		await b.sheet.settled();
		await vi.waitFor(() => expect(a.workbook.replacedNotices).toHaveLength(1));
		expect(a.workbook.replacedNotices[0]).toMatchObject({
			expected: { t: 'n', v: 96.8 },
			replaced: { t: 'n', v: 96.8 },
			after: { t: 'n', v: 97.1 }
		});
		// B's own figure, changed by nobody else, is not reported anywhere.
		expect(b.workbook.replacedNotices).toEqual([]);
	});
});

describe('history and undo across a reload', () => {
	it('records who and how; undo after a reload takes the edit back and is recorded too', async () => {
		const first = await openTab();
		await first.workbook.setSender({ unit: '', name: '张三' });
		first.sheet.onEdits([{ row: EDU01, col: Y2023, after: 96.4 }], 'user', 'edit');
		first.sheet.onEdits([{ row: EDU01, col: Y2023, after: 96.8 }], 'user', 'CopyPaste.paste');
		await first.sheet.settled();
		await first.sheet.historySaved();
		first.workbook.db.close();

		const again = await openTab();
		expect(again.sheet.history.canUndo).toBe(true);
		again.sheet.undo();
		await again.sheet.settled();
		await again.sheet.settled();
		expect((await storedEdu01())?.cells['2023']).toEqual({ t: 'n', v: 96.4 });
		const h = await again.workbook.figureHistory({
			regionCode: GANZHOU,
			indicatorCode: 'EDU01',
			kind: 'actual',
			year: 2023
		});
		expect(h.map((c) => [c.how, c.who, c.after])).toEqual([
			['undo', '张三', { t: 'n', v: 96.4 }],
			['paste', '张三', { t: 'n', v: 96.8 }],
			['input', '张三', { t: 'n', v: 96.4 }]
		]);
	});

	it('an undo after a reload whose cell another tab changed since is refused, and nothing is written', async () => {
		const first = await openTab();
		first.sheet.onEdits([{ row: EDU01, col: Y2023, after: 96.4 }], 'user', 'edit');
		await first.sheet.settled();
		await first.sheet.historySaved();
		first.workbook.db.close();

		const other = await openTab();
		other.sheet.onEdits([{ row: EDU01, col: Y2023, after: 97.1 }], 'replay');
		await other.sheet.settled();

		const again = await openTab();
		again.sheet.undo();
		await again.sheet.settled();
		expect((await storedEdu01())?.cells['2023']).toEqual({ t: 'n', v: 97.1 });
		expect(again.sheet.message?.kind).toBe('error');
		expect(again.sheet.message?.text).toContain('97.1');
		// The step is still there, should the planner want it after putting 96.4 back.
		expect(again.sheet.history.canUndo).toBe(true);
	});

	it('asks once for a name when none is set; a skipped name is not asked again', async () => {
		const tab = await openTab();
		expect(tab.workbook.askEditorName).toBe(false);
		tab.sheet.onEdits([{ row: EDU01, col: Y2023, after: 96.4 }], 'user', 'edit');
		await tab.sheet.settled();
		expect(tab.workbook.askEditorName).toBe(true);
		await tab.workbook.setEditorName('');
		tab.sheet.onEdits([{ row: EDU01, col: Y2024, after: 97 }], 'user', 'edit');
		await tab.sheet.settled();
		expect(tab.workbook.askEditorName).toBe(false);
		const reopened = await openTab();
		expect(reopened.workbook.editor).toBe('');
	});
});
