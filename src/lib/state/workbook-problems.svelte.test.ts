// One bad stored record or formula must not stop the workbook from opening: it is listed,
// and clearing it changes that record only.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { DEFAULT_DB_NAME, WorkbookDb } from '$lib/storage/db';
import { inRegion } from '$lib/storage/region-range';

const GANZHOU = '620702';
const deep = `=${'('.repeat(500)}1${')'.repeat(500)}`;
const opened: Workbook[] = [];

async function seedRaw(rows: unknown[]): Promise<void> {
	// Open once so the schema and seed exist, then write past the schema as devtools would.
	const first = new Workbook();
	await first.open();
	first.db.close();
	const db = new WorkbookDb(DEFAULT_DB_NAME);
	await db.open();
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately unvalidated rows
	await db.series.bulkPut(rows as any);
	db.close();
}

async function reopen(): Promise<Workbook> {
	const wb = new Workbook();
	opened.push(wb);
	await wb.open();
	return wb;
}

afterEach(async () => {
	for (const wb of opened.splice(0)) if (wb.phase === 'ready') wb.db.close();
	await new Promise<void>((resolve, reject) => {
		const req = indexedDB.deleteDatabase(DEFAULT_DB_NAME);
		req.onsuccess = () => resolve();
		req.onerror = () => reject(req.error);
	});
});

describe('a workbook holding damaged records and formulas the engine cannot take', () => {
	it('opens, keeps every readable figure, and lists each problem by region, indicator and year', async () => {
		await seedRaw([
			{
				regionCode: GANZHOU,
				indicatorCode: 'EDU01',
				kind: 'actual',
				cells: { '2020': { t: 'n', v: 99 }, '2021': { t: 'n', v: 'abc' }, '2022': { t: 'f', f: deep } },
				note: '',
				updatedAt: 5
			},
			{ regionCode: 'nowhere', indicatorCode: 'EDU02', kind: 'actual', cells: {}, note: '', updatedAt: 1 },
			{
				regionCode: GANZHOU,
				indicatorCode: 'EDU04',
				kind: 'actual',
				cells: { '2023': { t: 'f', f: '=SEQUENCE(1000,1000)' }, '2024': { t: 'n', v: 88 } },
				note: '',
				updatedAt: 2
			}
		]);
		const wb = await reopen();
		expect(wb.phase).toBe('ready');
		expect(wb.getSeries(GANZHOU, 'EDU01', 'actual')?.cells['2020']).toEqual({ t: 'n', v: 99 });
		expect(wb.getSeries(GANZHOU, 'EDU04', 'actual')?.cells['2024']).toEqual({ t: 'n', v: 88 });
		const listed = wb.problems.map((p) => [p.code, p.regionCode, p.indicatorCode, p.year]);
		expect(listed).toEqual(
			expect.arrayContaining([
				['damaged-cell', GANZHOU, 'EDU01', 2021],
				['damaged-record', 'nowhere', 'EDU02', null],
				['formula-too-deep', GANZHOU, 'EDU01', 2022],
				['formula-array-too-large', GANZHOU, 'EDU04', 2023]
			])
		);
		expect(listed).toHaveLength(4);
	});

	it('clearing a problem changes only that cell or record, and survives a reload', async () => {
		await seedRaw([
			{
				regionCode: GANZHOU,
				indicatorCode: 'EDU01',
				kind: 'actual',
				cells: { '2020': { t: 'n', v: 99 }, '2022': { t: 'f', f: deep }, '2023': { t: 'f', f: '=D1+1' } },
				note: '核对',
				updatedAt: 5
			},
			{ regionCode: 'nowhere', indicatorCode: 'EDU02', kind: 'actual', cells: {}, note: '', updatedAt: 1 }
		]);
		const wb = await reopen();
		for (const p of [...wb.problems]) await wb.clearProblem(p);
		expect(wb.problems).toEqual([]);
		wb.db.close();
		const again = await reopen();
		expect(again.problems).toEqual([]);
		const s = again.getSeries(GANZHOU, 'EDU01', 'actual');
		expect(s?.cells).toEqual({ '2020': { t: 'n', v: 99 }, '2023': { t: 'f', f: '=D1+1' } });
		expect(s?.note).toBe('核对');
		expect(await again.db.series.count()).toBeGreaterThan(0);
		expect(await inRegion(again.db.series, 'nowhere').count()).toBe(0);
	});
});
