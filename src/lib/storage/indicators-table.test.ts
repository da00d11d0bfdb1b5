import { describe, expect, it } from 'vitest';
import { putRows } from './indicator-sets';
import { StorageError } from './errors';
import {
	deleteOwnIndicator,
	listAllOwnIndicators,
	listOwnIndicators,
	nextOwnCode,
	putOwnIndicator,
	restoreOwnIndicator,
	type OwnIndicatorDraft
} from './indicators-table';
import { getAllSeries, getRegionSeries, putManySeries } from './series-table';
import { freshDb, sampleSeries } from './test-helpers';

function ownDraft(code: string, order: number, regionCode = '620702'): OwnIndicatorDraft {
	return {
		code,
		regionCode,
		order,
		nameZh: `自定义${code}`,
		nameEn: `Own ${code}`,
		unit: '%',
		direction: 'higher',
		precision: 1
	};
}

describe('own indicators table', () => {
	it('lists one county’s indicators by order, then code, with defaults filled in', async () => {
		const db = freshDb();
		await putOwnIndicator(db, ownDraft('C02', 1), 77);
		await putOwnIndicator(db, ownDraft('C01', 2));
		await putOwnIndicator(db, ownDraft('C03', 1));
		await putOwnIndicator(db, ownDraft('C01', 0, '620721'));
		const list = await listOwnIndicators(db, '620702');
		expect(list.map((i) => i.code)).toEqual(['C02', 'C03', 'C01']);
		expect(list[0]).toMatchObject({ countyMeasure: 'value', updatedAt: 77 });
		expect(await listOwnIndicators(db, '620722')).toEqual([]);
	});

	it('lists every county’s indicators together', async () => {
		const db = freshDb();
		await putOwnIndicator(db, ownDraft('C01', 0, '620702'));
		await putOwnIndicator(db, ownDraft('C01', 0, '620721'));
		const all = await listAllOwnIndicators(db);
		expect(all.map((i) => `${i.regionCode}|${i.code}`).sort()).toEqual(['620702|C01', '620721|C01']);
	});

	it('nextOwnCode counts up from the county’s highest C-number', async () => {
		const db = freshDb();
		expect(await nextOwnCode(db, '620702')).toBe('C01');
		await putOwnIndicator(db, ownDraft('C01', 0));
		expect(await nextOwnCode(db, '620702')).toBe('C02');
		await putOwnIndicator(db, ownDraft('C07', 1));
		await putOwnIndicator(db, ownDraft('Teachers', 2));
		expect(await nextOwnCode(db, '620702')).toBe('C08');
		// Per county: another county's codes do not count.
		expect(await nextOwnCode(db, '620721')).toBe('C01');
		await putOwnIndicator(db, ownDraft('C99', 3));
		expect(await nextOwnCode(db, '620702')).toBe('C100');
	});

	it('delete removes the indicator with its series and returns them; restore brings them back', async () => {
		const db = freshDb();
		const indicator = await putOwnIndicator(db, ownDraft('C01', 0));
		await putOwnIndicator(db, ownDraft('C02', 1));
		await putOwnIndicator(db, ownDraft('C01', 0, '620721'));
		const own = await putManySeries(
			db,
			[
				sampleSeries({ indicatorCode: 'C01', kind: 'actual', cells: { '2021': { t: 'f', f: '=F3*2' } } }),
				sampleSeries({ indicatorCode: 'C01', kind: 'target', cells: { '2035': { t: 'n', v: 90, cmp: '>' } } })
			],
			7
		);
		const others = await putManySeries(
			db,
			[
				sampleSeries({ indicatorCode: 'C02' }),
				sampleSeries({ indicatorCode: 'EDU01' }),
				sampleSeries({ regionCode: '620721', indicatorCode: 'C01' })
			],
			8
		);

		const deleted = await deleteOwnIndicator(db, '620702', 'C01');
		expect(deleted?.indicator).toEqual(indicator);
		expect(deleted?.series).toEqual(expect.arrayContaining(own));
		expect(deleted?.series).toHaveLength(2);
		expect((await listOwnIndicators(db, '620702')).map((i) => i.code)).toEqual(['C02']);
		expect(await listOwnIndicators(db, '620721')).toHaveLength(1);
		expect(await getAllSeries(db)).toEqual(expect.arrayContaining(others));
		expect(await getAllSeries(db)).toHaveLength(3);

		await restoreOwnIndicator(db, deleted!);
		expect((await listOwnIndicators(db, '620702')).map((i) => i.code)).toEqual(['C01', 'C02']);
		const region = await getRegionSeries(db, '620702');
		expect(region).toEqual(expect.arrayContaining([...own, others[0], others[1]]));
		expect(region).toHaveLength(4);
	});

	it('deleting an indicator that is not there deletes nothing', async () => {
		const db = freshDb();
		await putManySeries(db, [sampleSeries({ indicatorCode: 'C05' })]);
		expect(await deleteOwnIndicator(db, '620702', 'C05')).toBeUndefined();
		expect(await getAllSeries(db)).toHaveLength(1);
	});

	it('restore refuses (conflict, nothing written) when the code was reused meanwhile', async () => {
		const db = freshDb();
		await putOwnIndicator(db, ownDraft('C01', 0));
		await putOwnIndicator(db, ownDraft('C02', 1));
		await putManySeries(db, [sampleSeries({ indicatorCode: 'C02', cells: { '2025': { t: 'n', v: 1 } } })], 1);
		const deleted = await deleteOwnIndicator(db, '620702', 'C02');

		const code = await nextOwnCode(db, '620702');
		expect(code).toBe('C02');
		const newer = await putOwnIndicator(db, { ...ownDraft(code, 1), nameZh: '新指标' });
		const newerSeries = await putManySeries(
			db,
			[sampleSeries({ indicatorCode: 'C02', cells: { '2025': { t: 'n', v: 2 } } })],
			2
		);

		const error = await restoreOwnIndicator(db, deleted!).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).code).toBe('conflict');
		expect((await listOwnIndicators(db, '620702')).find((i) => i.code === 'C02')).toEqual(newer);
		expect(await getRegionSeries(db, '620702')).toEqual(newerSeries);
	});

	it('a stored indicator that fails the schema is reported as corrupt-row', async () => {
		const db = freshDb();
		await putRows(db, [{ ...ownDraft('C01', 0), precision: -1 }]);
		await expect(listOwnIndicators(db, '620702')).rejects.toMatchObject({
			code: 'corrupt-row',
			details: { table: 'indicators', key: ['620702', 'C01'] }
		});
	});
});
