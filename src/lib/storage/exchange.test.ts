import { describe, expect, it } from 'vitest';
import type { CustomIndicator } from '../core/model';
import { applyImportWrites, undoImportWrites } from './exchange';
import { StorageError } from './errors';
import { freshDb, sampleSeries } from './test-helpers';

const own: CustomIndicator = {
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
	return { series: await db.series.toArray(), indicators: await db.indicators.toArray() };
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
				indicators: [{ indicator: own, expected: null }]
			},
			100
		);
		const after = await dump(db);
		expect(after.series).toHaveLength(2);
		expect(after.indicators).toEqual([{ ...own, updatedAt: 100 }]);
		await undoImportWrites(db, undo);
		expect(await dump(db)).toEqual(before);
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
				indicators: [{ indicator: own, expected: null }]
			})
		).rejects.toMatchObject({ code: 'conflict' });
		expect(await dump(db)).toEqual(before);
	});

	it('refuses to undo over an edit made after the import', async () => {
		const db = freshDb();
		const { undo } = await applyImportWrites(
			db,
			{ series: [{ series: sampleSeries(), expected: null }], indicators: [] },
			100
		);
		await db.series.put(sampleSeries({ updatedAt: 200, cells: {} }));
		const err = await undoImportWrites(db, undo).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageError);
		expect((await db.series.toArray())[0]!.updatedAt).toBe(200);
	});
});
