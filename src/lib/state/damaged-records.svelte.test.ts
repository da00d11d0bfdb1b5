// Damaged records of every table, not only series, must never stop the workbook opening:
// each is skipped and listed; everything that reads is there.
import { putRows, readAllRows } from '$lib/storage/indicator-sets';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete } from './test-workbooks';
import { DEFAULT_DB_NAME, WorkbookDb } from '$lib/storage/db';

const GANZHOU = '620702';
const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

async function open(): Promise<Workbook> {
	const wb = new Workbook();
	opened.push(wb);
	await wb.open();
	return wb;
}

const goodIndicator = {
	regionCode: GANZHOU,
	code: 'C01',
	nameZh: '农村寄宿生比例',
	nameEn: '',
	unit: '%',
	direction: 'higher',
	precision: 1,
	countyMeasure: 'value',
	order: 0,
	updatedAt: 1
};

describe('a workbook whose other tables hold damaged records', () => {
	it('opens, skips each damaged record, lists it, and keeps everything that reads', async () => {
		const first = await open();
		first.db.close();
		opened.splice(0);
		const db = new WorkbookDb(DEFAULT_DB_NAME);
		await db.open();
		/* eslint-disable @typescript-eslint/no-explicit-any -- deliberately unvalidated rows, as devtools writes them */
		await putRows(db, [
			goodIndicator as any,
			{ ...goodIndicator, code: 'C02', nameZh: '', order: 'x' } as any
		]);
		await db.imports.add({ fileName: 42, importedAt: 'yesterday' } as any);
		await db.meta.put({ key: 'sender', value: { name: 7 } });
		await db.meta.put({ key: 'seededAt', value: 'not a time' });
		await db.history.add({ regionCode: GANZHOU, indicatorCode: 'EDU01', kind: 'actual', year: 2023 } as any);
		await db.undoStacks.put({ regionCode: GANZHOU, undo: 'broken', redo: [], savedAt: 1 } as any);
		/* eslint-enable @typescript-eslint/no-explicit-any */
		db.close();

		const wb = await open();
		expect(wb.phase).toBe('ready');
		expect([...wb.ownIndicators.values()].map((c) => c.code)).toEqual(['C01']);
		expect(wb.imports).toEqual([]);
		// The seeded plan rows are there (a damaged seed mark does not seed again over them).
		expect(wb.getSeries('620700', 'EDU01', 'target')).toBeDefined();
		expect(wb.damagedRecords.map((d) => [d.table, d.key])).toEqual([
			['indicators', `${GANZHOU}|C02`],
			['imports', '1'],
			['meta', 'sender']
		]);
		// History and undo steps are read when a page asks for them: skipped, and listed then.
		expect(
			await wb.figureHistory({ regionCode: GANZHOU, indicatorCode: 'EDU01', kind: 'actual', year: 2023 })
		).toEqual([]);
		expect(await wb.loadUndo(GANZHOU)).toBeUndefined();
		expect(wb.damagedRecords.map((d) => d.table)).toEqual([
			'indicators',
			'imports',
			'meta',
			'history',
			'undoStacks'
		]);
		// Nothing was deleted: the records are still stored, for a help desk to look at.
		expect(await readAllRows(wb.db)).toHaveLength(2);
		expect(await wb.db.imports.count()).toBe(1);
	});
});
