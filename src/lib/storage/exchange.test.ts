import { describe, expect, it } from 'vitest';
import { readAllRows } from './indicator-sets';
import type { OwnIndicator } from '../core/model';
import { applyImportWrites, undoImportWrites } from './exchange';
import { StorageError } from './errors';
import { freshDb, sampleSeries } from './test-helpers';
import { listImports } from './imports-table';
import type { ImportRecord } from '../core/exchange/import-record';

function history(fileName: string): Omit<ImportRecord, 'id' | 'importedAt'> {
	return {
		fileName,
		size: 1234,
		encoding: 'utf-8',
		exportedAt: '2026-11-29 10:32',
		fileDate: '2026-11-29',
		dateFrom: 'metadata',
		senderUnit: '甘州区教育局',
		senderName: '张三',
		regions: [{ regionCode: '620702', added: 1, changed: 0, unchanged: 0, rejected: 0 }]
	};
}

const own: OwnIndicator = {
	regionCode: '620702',
	code: 'C01',
	nameZh: '教师培训人次',
	nameEn: '',
	unit: '人',
	direction: 'higher',
	precision: 2,
	countyMeasure: 'value',
	order: 0,
	updatedAt: 0
};

async function dump(db: ReturnType<typeof freshDb>) {
	return {
		series: await db.series.toArray(),
		indicators: await readAllRows(db),
		imports: await db.imports.toArray()
	};
}

describe('applying an import', () => {
	it('writes series and own indicators together and can take them back', async () => {
		const db = freshDb();
		await db.series.put(sampleSeries({ updatedAt: 7 }));
		const before = await dump(db);
		const { undo } = await applyImportWrites(
			db,
			{
				series: [
					{ series: { ...sampleSeries(), cells: { '2025': { t: 'n', v: 99.7 } } }, expected: 7 },
					{ series: { ...sampleSeries({ indicatorCode: 'C01', kind: 'actual' }) }, expected: null }
				],
				indicators: [{ indicator: own, expected: null }],
				imports: [history('620702-甘州区-20261129.csv'), history('b.csv')]
			},
			100
		);
		const after = await dump(db);
		expect(after.series).toHaveLength(2);
		expect(after.indicators).toEqual([{ ...own, updatedAt: 100 }]);
		// One history record per file, stamped like the figures it wrote.
		expect(await listImports(db)).toEqual([
			{ ...history('620702-甘州区-20261129.csv'), id: 1, importedAt: 100 },
			{ ...history('b.csv'), id: 2, importedAt: 100 }
		]);
		await undoImportWrites(db, undo);
		expect(await dump(db)).toEqual(before);
		expect(await listImports(db)).toEqual([]);
	});

	it('keeps the history of earlier imports when a later one is undone', async () => {
		const db = freshDb();
		await applyImportWrites(
			db,
			{
				series: [{ series: sampleSeries(), expected: null }],
				indicators: [],
				imports: [history('first.csv')]
			},
			100
		);
		const { undo } = await applyImportWrites(
			db,
			{
				series: [{ series: sampleSeries({ indicatorCode: 'EDU02' }), expected: null }],
				indicators: [],
				imports: [history('second.csv')]
			},
			200
		);
		await undoImportWrites(db, undo);
		expect((await listImports(db)).map((r) => r.fileName)).toEqual(['first.csv']);
	});

	it('refuses a malformed history record before writing anything', async () => {
		const db = freshDb();
		await expect(
			applyImportWrites(db, {
				series: [{ series: sampleSeries(), expected: null }],
				indicators: [],
				imports: [{ ...history('x.csv'), fileDate: '29/11/2026' }]
			})
		).rejects.toThrow();
		expect(await dump(db)).toEqual({ series: [], indicators: [], imports: [] });
	});

	it('reports a stored history record of the wrong shape as corrupt-row', async () => {
		const db = freshDb();
		await db.imports.add({ ...history('x.csv'), importedAt: 1, size: -5 });
		await expect(listImports(db)).rejects.toMatchObject({
			code: 'corrupt-row',
			details: { table: 'imports' }
		});
	});

	it('writes nothing when a record changed since the preview', async () => {
		const db = freshDb();
		await db.series.put(sampleSeries({ updatedAt: 8 }));
		const before = await dump(db);
		await expect(
			applyImportWrites(db, {
				series: [
					{ series: sampleSeries({ indicatorCode: 'EDU02' }), expected: null },
					{ series: sampleSeries(), expected: 7 }
				],
				indicators: [{ indicator: own, expected: null }],
				imports: [history('a.csv')]
			})
		).rejects.toMatchObject({ code: 'conflict' });
		// No figures, and no history of an import that did not happen.
		expect(await dump(db)).toEqual(before);
		expect(before.imports).toEqual([]);
	});

	it('refuses to undo over an edit made after the import', async () => {
		const db = freshDb();
		const { undo } = await applyImportWrites(
			db,
			{ series: [{ series: sampleSeries(), expected: null }], indicators: [], imports: [history('a.csv')] },
			100
		);
		await db.series.put(sampleSeries({ updatedAt: 200, cells: {} }));
		const err = await undoImportWrites(db, undo).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageError);
		expect((await db.series.toArray())[0]!.updatedAt).toBe(200);
		// Refused as a whole: the history still records the import.
		expect(await db.imports.count()).toBe(1);
	});
});
