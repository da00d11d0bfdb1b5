// The engine builds at open only the sheets a region's page shows (its own, the targets, and
// the sheets its formulas name), and every other sheet once it is needed; against a real
// workbook (fake-indexeddb) and the real HyperFormula.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete } from './test-workbooks';
import { columnOfYear, TARGETS_SHEET } from '$lib/engine/sheet-layout';
import { sheetRegions } from '$lib/core/plan';

const GANZHOU = '620702';
const MINLE = '620722';
const SUNAN = '620721';
const F2023 = columnOfYear(2023);
const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));
// A fresh module each test: the session keeps one engine per page load.
beforeEach(() => vi.resetModules());

async function openWorkbook(): Promise<Workbook> {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	return workbook;
}

function figure(regionCode: string, indicatorCode: string, year: number, f: string | number) {
	return {
		regionCode,
		indicatorCode,
		kind: 'actual' as const,
		year,
		after: typeof f === 'number' ? { t: 'n' as const, v: f } : { t: 'f' as const, f }
	};
}

describe('the engine of a region page', { timeout: 30_000 }, () => {
	it('builds only the region, the targets and the sheets its formulas name, transitively', async () => {
		const workbook = await openWorkbook();
		await workbook.writeCells(
			[
				figure(MINLE, 'EDU02', 2023, 91.5),
				// 甘州区 names 民乐县, whose own formula names 肃南裕固族自治县.
				figure(GANZHOU, 'EDU01', 2023, "='民乐县'!G2+1"),
				figure(MINLE, 'EDU01', 2023, '=肃南裕固族自治县!H3')
			],
			'input'
		);
		const session = await import('./engine-session');
		expect(session.sheetsNeeded(workbook, GANZHOU)).toEqual([GANZHOU, MINLE, SUNAN]);

		const engine = session.getEngineFor(workbook, 'zh', GANZHOU);
		const exists = (code: string) => engine.sourceAt(session.regionSheetName(code), 0, 0) !== undefined;
		expect(sheetRegions.filter((r) => exists(r.code)).map((r) => r.code)).toEqual([GANZHOU, SUNAN, MINLE]);
		expect(engine.sourceAt(TARGETS_SHEET, 0, 0)).toBeDefined();
		// The formula computes as with every sheet built: 91.5 + 1.
		expect(engine.value(session.regionSheetName(GANZHOU), 0, F2023)).toBe(92.5);

		engine.buildAllSheets();
		expect(sheetRegions.every((r) => exists(r.code))).toBe(true);
		expect(engine.value(session.regionSheetName(GANZHOU), 0, F2023)).toBe(92.5);
	});

	it('builds another region on its own page, and every region for a page that asks for all', async () => {
		const workbook = await openWorkbook();
		const session = await import('./engine-session');
		const engine = session.getEngineFor(workbook, 'zh', GANZHOU);
		const exists = (code: string) => engine.sourceAt(session.regionSheetName(code), 0, 0) !== undefined;
		expect(sheetRegions.filter((r) => exists(r.code)).map((r) => r.code)).toEqual([GANZHOU]);
		expect(session.getEngineFor(workbook, 'zh', MINLE)).toBe(engine);
		expect(exists(MINLE)).toBe(true);
		expect(session.getEngine(workbook, 'zh')).toBe(engine);
		expect(sheetRegions.every((r) => exists(r.code))).toBe(true);
	});

	it('leaves the region’s own sheet empty for the page to fill when it says it will', async () => {
		const workbook = await openWorkbook();
		await workbook.writeCells([figure(GANZHOU, 'EDU01', 2023, 97.25)], 'input');
		const session = await import('./engine-session');
		const engine = session.getEngineFor(workbook, 'zh', GANZHOU, true);
		const name = session.regionSheetName(GANZHOU);
		expect(engine.sheetSource(name)).toEqual([]);
		// Filled once (as the grid's Formulas plugin does), it is not built again over it.
		engine.setSheet(name, [[null, null, null, null, null, null, 12]]);
		engine.buildAllSheets();
		expect(engine.value(name, 0, F2023)).toBe(12);
	});

	it('builds the rest before a typed formula naming another sheet reaches the engine', async () => {
		const workbook = await openWorkbook();
		await workbook.writeCells([figure(MINLE, 'EDU02', 2023, 91.5)], 'input');
		const session = await import('./engine-session');
		const { RegionSheet } = await import('./region-sheet.svelte');
		const { Locale } = await import('$lib/i18n/locale.svelte');
		const engine = session.getEngineFor(workbook, 'zh', GANZHOU);
		const sheet = new RegionSheet(workbook, GANZHOU, new Locale(), engine);
		expect(engine.sourceAt(session.regionSheetName(MINLE), 1, F2023)).toBeUndefined();
		expect(sheet.validate(0, F2023, "='民乐县'!G2+1")).toEqual({ ok: true, content: "='民乐县'!G2+1" });
		expect(engine.sourceAt(session.regionSheetName(MINLE), 1, F2023)).toBe(91.5);
	});

	it('a reload from storage rebuilds the sheets built so far with what is stored now', async () => {
		const workbook = await openWorkbook();
		const session = await import('./engine-session');
		const engine = session.getEngineFor(workbook, 'zh', GANZHOU);
		await workbook.writeCells([figure(GANZHOU, 'EDU01', 2023, 97.25)], 'input');
		session.reloadEngine(workbook, 'zh');
		expect(engine.value(session.regionSheetName(GANZHOU), 0, F2023)).toBe(97.25);
		expect(engine.sourceAt(session.regionSheetName(MINLE), 0, 0)).toBeUndefined();
	});
});
