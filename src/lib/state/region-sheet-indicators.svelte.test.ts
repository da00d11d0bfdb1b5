// A county's own indicator added through the sheet, against a real workbook (fake-indexeddb):
// what the grid reports back when the new row is drawn must not change the indicator.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete } from './test-workbooks';
import type { GridPort } from '$lib/grid/contract';
import { RegionSheet } from './region-sheet.svelte';
import { getEngine, reloadEngine } from './engine-session';
import { Locale } from '$lib/i18n/locale.svelte';
import { COL_UNIT } from '$lib/engine/sheet-layout';

const GANZHOU = '620702';
const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

describe('an own indicator added on the sheet', () => {
	it('keeps its unit after the row is drawn and the workbook is read again', async () => {
		const workbook = new Workbook();
		opened.push(workbook);
		await workbook.open();
		const engine = getEngine(workbook, 'zh');
		reloadEngine(workbook, 'zh');
		const sheet = new RegionSheet(workbook, GANZHOU, new Locale(), engine);
		// As the real grid does: the inserted row's every cell (its code too) comes back as a
		// replayed edit through afterChange.
		sheet.port = {
			insertRow: (row, content) =>
				sheet.onEdits(
					content.map((after, col) => ({ row, col, after })),
					'replay'
				),
			setCells: (cells) =>
				sheet.onEdits(
					cells.map((c) => ({ row: c.row, col: c.col, after: c.content })),
					'replay'
				)
		} as GridPort;
		await sheet.addIndicator({ nameZh: '农村寄宿生比例', unit: '%', direction: 'higher' });
		await sheet.settled();

		const reread = new Workbook();
		opened.push(reread);
		await reread.open();
		const own = reread.rowIndicators(GANZHOU).find((r) => r.own)?.own;
		expect(own?.code).toBe('C01');
		expect(own?.unit).toBe('%');
		expect(own?.nameZh).toBe('农村寄宿生比例');
		const row = sheet.rows.findIndex((r) => r.own);
		expect(new RegionSheet(reread, GANZHOU, new Locale(), engine).content()[row]?.[COL_UNIT]).toBe('%');
	});
});
