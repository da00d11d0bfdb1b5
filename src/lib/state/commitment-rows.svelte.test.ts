// The commitment rows turned on and off on a county's sheet, against a real workbook
// (fake-indexeddb) and the real engine: remembered per county, inserted after the nine with
// the formulas below them moved (and stored moved), refused off while they hold a figure.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete, replayingPort } from './test-workbooks';
import { RegionSheet } from './region-sheet.svelte';
import { getEngine, regionSheetName, reloadEngine } from './engine-session';
import { Locale } from '$lib/i18n/locale.svelte';
import { columnOfYear, COMPARISON_COLUMNS } from '$lib/engine/sheet-layout';
import { CITY_CODE } from '$lib/core/model';

const GANZHOU = '620702';
const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

async function openSheet() {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	const engine = getEngine(workbook, 'zh');
	reloadEngine(workbook, 'zh');
	const sheet = new RegionSheet(workbook, GANZHOU, new Locale(), engine);
	const name = regionSheetName(GANZHOU);
	const id = () => engine.sheetId(name);
	// What the grid's formula plugin does: rows inserted and removed in the engine's sheet too,
	// so formulas referring to the rows below move with them.
	sheet.port = replayingPort(sheet, {
		insertRow: (row, content) => {
			engine.gridFormulas(name).engine.addRows(id(), [row, 1]);
			engine.setCells(content.map((c, col) => ({ sheet: name, row, col, content: c })));
		},
		removeRow: (row) => void engine.gridFormulas(name).engine.removeRows(id(), [row, 1]),
		setCells: (cells) => engine.setCells(cells.map((c) => ({ sheet: name, ...c })))
	});
	/** A typed cell, as the grid hands it on: in the engine's sheet, then reported as an edit. */
	const type = async (cells: { row: number; year: number; content: number | string | null }[]) => {
		engine.setCells(
			cells.map((c) => ({ sheet: name, row: c.row, col: columnOfYear(c.year), content: c.content }))
		);
		sheet.onEdits(
			cells.map((c) => ({ row: c.row, col: columnOfYear(c.year), after: c.content })),
			'user'
		);
		await sheet.settled();
	};
	return { workbook, engine, sheet, name, type };
}

const status2025 = COMPARISON_COLUMNS.find(
	(c) => c.year === 2025 && c.level === CITY_CODE && c.role === 'status'
)!.col;

describe('a county’s commitment rows', () => {
	it('turned on: after the nine, judged by PLAN.RULE, own formulas below moved and stored moved', async () => {
		const { workbook, engine, sheet, name, type } = await openSheet();
		await sheet.addIndicator({ nameZh: '寄宿生人数', unit: '人', direction: 'higher' });
		await sheet.addIndicator({ nameZh: '寄宿生人数的两倍', unit: '人', direction: 'higher' });
		await sheet.settled();
		await type([{ row: 9, year: 2021, content: 120 }]);
		await type([{ row: 10, year: 2021, content: '=E10*2' }]);
		expect(engine.value(name, 10, columnOfYear(2021))).toBe(240);

		await sheet.setCommitmentsTakenUp(true);
		await sheet.settled();
		expect(sheet.rows.map((r) => r.indicator.code).slice(8)).toEqual([
			'EDU09',
			'FIN01',
			'FIN02',
			'PAY01',
			'PAY02',
			'PSY01',
			'C01',
			'C02'
		]);
		// C02 now refers to C01 in its new row, in the engine and as stored.
		expect(engine.value(name, 15, columnOfYear(2021))).toBe(240);
		expect(workbook.getSeries(GANZHOU, 'C02', 'actual')?.cells['2021']).toEqual({ t: 'f', f: '=E15*2' });
		// PAY01's rule points at PAY02's row, although PAY02 was inserted after it.
		expect(engine.formulaAt(name, 11, status2025)).toBe('=PLAN.RULE("at-least",$D12:$S12,2025,$D13:$S13)');
		await type([
			{ row: 11, year: 2022, content: 90000 },
			{ row: 12, year: 2022, content: 91000 }
		]);
		expect(engine.value(name, 11, status2025)).toBe('滞后');

		// Remembered: a workbook opened afresh shows the rows.
		const reread = new Workbook();
		opened.push(reread);
		await reread.open();
		expect(reread.commitmentRegions).toEqual([GANZHOU]);
		expect(reread.rowIndicators(GANZHOU)[9]?.commitment?.code).toBe('FIN01');
		expect(reread.rowIndicators('620722').some((r) => r.commitment)).toBe(false);

		// Off is refused while they hold figures: nothing changes.
		await sheet.setCommitmentsTakenUp(false);
		expect(sheet.message?.kind).toBe('error');
		expect(sheet.message?.text).toMatch(/还有 2 项内容.*PAY01 2022/);
		expect(sheet.rows).toHaveLength(16);

		// Cleared, they can be turned off, and C02's formula follows C01 back.
		await type([
			{ row: 11, year: 2022, content: null },
			{ row: 12, year: 2022, content: null }
		]);
		await sheet.setCommitmentsTakenUp(false);
		await sheet.settled();
		expect(sheet.rows.map((r) => r.indicator.code).slice(8)).toEqual(['EDU09', 'C01', 'C02']);
		expect(workbook.getSeries(GANZHOU, 'C02', 'actual')?.cells['2021']).toEqual({ t: 'f', f: '=E10*2' });
		expect(engine.value(name, 10, columnOfYear(2021))).toBe(240);
		expect(workbook.commitmentRegions).toEqual([]);
	});
});
