import { describe, expect, it } from 'vitest';
// The schemas use zod's small build, which throws the core error class (the full build's
// ZodError extends it).
import { $ZodError as ZodError } from 'zod/v4/core';
import type { Series } from '../core/model';
import { StorageError } from './errors';
import {
	deleteSeries,
	getAllSeries,
	getIndicatorSeries,
	getRegionSeries,
	putManySeries,
	putSeries,
	type SeriesDraft
} from './series-table';
import { freshDb, sampleSeries } from './test-helpers';

describe('series table', () => {
	it('round-trips a formula (as source text), a figure with comparator and qualifier, and a yes/no', async () => {
		const db = freshDb();
		const stored = await putSeries(
			db,
			{
				regionCode: '620702',
				indicatorCode: 'EDU03',
				kind: 'actual',
				cells: {
					'2020': { t: 'n', v: 95, cmp: '>', q: '基本均衡' },
					'2021': { t: 'f', f: '=F3+1' },
					'2022': { t: 'b', v: true },
					'2023': { t: 'b', v: false }
				}
			},
			1_700_000_000_000
		);
		const [back] = await getRegionSeries(db, '620702');
		expect(back).toEqual(stored);
		expect(back).toEqual({
			regionCode: '620702',
			indicatorCode: 'EDU03',
			kind: 'actual',
			cells: {
				'2020': { t: 'n', v: 95, cmp: '>', q: '基本均衡' },
				'2021': { t: 'f', f: '=F3+1' },
				'2022': { t: 'b', v: true },
				'2023': { t: 'b', v: false }
			},
			note: '',
			updatedAt: 1_700_000_000_000
		});
	});

	it('stamps updatedAt on every put and replaces the row with the same key', async () => {
		const db = freshDb();
		await putSeries(db, sampleSeries(), 10);
		await putSeries(db, sampleSeries({ cells: { '2035': { t: 'n', v: 100 } }, updatedAt: 3 }), 20);
		const all = await getAllSeries(db);
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ cells: { '2035': { t: 'n', v: 100 } }, updatedAt: 20 });
	});

	it('reads one region, or one indicator of a region, or everything', async () => {
		const db = freshDb();
		await putManySeries(db, [
			sampleSeries({ regionCode: '620702', indicatorCode: 'EDU01', kind: 'actual' }),
			sampleSeries({ regionCode: '620702', indicatorCode: 'EDU01', kind: 'target' }),
			sampleSeries({ regionCode: '620702', indicatorCode: 'EDU02', kind: 'target' }),
			sampleSeries({ regionCode: '620721', indicatorCode: 'EDU01', kind: 'target' })
		]);
		expect(await getRegionSeries(db, '620702')).toHaveLength(3);
		expect(await getRegionSeries(db, '620721')).toHaveLength(1);
		expect(await getRegionSeries(db, '620722')).toEqual([]);
		const edu01 = await getIndicatorSeries(db, '620702', 'EDU01');
		expect(edu01.map((s) => s.kind).sort()).toEqual(['actual', 'target']);
		expect(await getAllSeries(db)).toHaveLength(4);
	});

	it('refuses an invalid series with zod’s error and writes nothing', async () => {
		const db = freshDb();
		const bad = sampleSeries({ cells: { '2025': { t: 'f', f: 'no equals sign' } } });
		await expect(putSeries(db, bad)).rejects.toBeInstanceOf(ZodError);
		expect(await getAllSeries(db)).toEqual([]);
	});

	it('putManySeries is all or nothing: one invalid series and no row of the batch is written', async () => {
		const db = freshDb();
		const before = await putSeries(db, sampleSeries({ indicatorCode: 'EDU01' }), 5);
		const batch: SeriesDraft[] = [
			sampleSeries({ indicatorCode: 'EDU01', cells: { '2025': { t: 'n', v: 1 } } }),
			sampleSeries({ indicatorCode: 'EDU02' }),
			{ ...sampleSeries({ indicatorCode: 'EDU04' }), kind: 'forecast' } as unknown as Series
		];
		await expect(putManySeries(db, batch, 6)).rejects.toBeInstanceOf(ZodError);
		expect(await getAllSeries(db)).toEqual([before]);
	});

	it('putManySeries writes every row with the same updatedAt', async () => {
		const db = freshDb();
		const written = await putManySeries(
			db,
			[sampleSeries({ indicatorCode: 'EDU01' }), sampleSeries({ indicatorCode: 'EDU02' })],
			42
		);
		expect(written.map((s) => s.updatedAt)).toEqual([42, 42]);
		expect(await getAllSeries(db)).toEqual(written);
	});

	it('deleteSeries returns what it removed, and undefined when there was nothing', async () => {
		const db = freshDb();
		const stored = await putSeries(db, sampleSeries(), 1);
		const key = { regionCode: '620702', indicatorCode: 'EDU01', kind: 'target' } as const;
		expect(await deleteSeries(db, key)).toEqual(stored);
		expect(await deleteSeries(db, key)).toBeUndefined();
		expect(await getAllSeries(db)).toEqual([]);
	});

	it('a stored row that fails the schema is reported as corrupt-row, naming the row', async () => {
		const db = freshDb();
		// Written around the validating API, as devtools or an old bug would.
		await db.series.put({ ...sampleSeries(), cells: { '2025': { t: 'n', v: 'high' } } } as unknown as Series);
		const error = await getRegionSeries(db, '620702').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error).toMatchObject({
			code: 'corrupt-row',
			details: { table: 'series', key: ['620702', 'EDU01', 'target'] }
		});
		expect((error as StorageError).cause).toBeInstanceOf(ZodError);
		await expect(getAllSeries(db)).rejects.toMatchObject({ code: 'corrupt-row' });
	});
});
