import { describe, expect, it } from 'vitest';
import { CITY_CODE, PROVINCE_CODE, type Series } from '../core/model';
import { seedSeries } from '../core/plan';
import { getMeta } from './meta-table';
import { ensureSeeded } from './seed';
import { getAllSeries, getRegionSeries, putSeries } from './series-table';
import { freshDb, sampleSeries } from './test-helpers';

const seeds: Series[] = [
	sampleSeries({
		regionCode: CITY_CODE,
		indicatorCode: 'EDU01',
		kind: 'actual',
		cells: { '2020': { t: 'n', v: 99.51 } }
	}),
	sampleSeries({
		regionCode: CITY_CODE,
		indicatorCode: 'EDU01',
		kind: 'target',
		cells: { '2025': { t: 'n', v: 99.53 }, '2035': { t: 'n', v: 99.57 } }
	}),
	sampleSeries({
		regionCode: PROVINCE_CODE,
		indicatorCode: 'EDU02',
		kind: 'target',
		cells: { '2035': { t: 'n', v: 97, cmp: '>' } }
	})
];

describe('ensureSeeded', () => {
	it('writes every seed series into a new database and records when', async () => {
		const db = freshDb();
		expect(await ensureSeeded(db, seeds, 1000)).toEqual({ seeded: true, added: 3 });
		expect(await getAllSeries(db)).toEqual(expect.arrayContaining(seeds));
		expect(await getMeta(db, 'seededAt')).toBe(1000);
	});

	it('a target the user changed survives a second run', async () => {
		const db = freshDb();
		await ensureSeeded(db, seeds, 1000);
		const changed = await putSeries(
			db,
			{ ...seeds[1]!, cells: { '2025': { t: 'n', v: 99.9, cmp: '>' } } },
			2000
		);
		expect(await ensureSeeded(db, seeds, 3000)).toEqual({ seeded: false, added: 0 });
		expect((await getRegionSeries(db, CITY_CODE)).find((s) => s.kind === 'target')).toEqual(changed);
		expect(await getMeta(db, 'seededAt')).toBe(1000);
	});

	it('a deleted seed row is not brought back by a later run', async () => {
		const db = freshDb();
		await ensureSeeded(db, seeds, 1000);
		await db.series.clear();
		await ensureSeeded(db, seeds, 2000);
		expect(await getAllSeries(db)).toEqual([]);
	});

	it('never overwrites a record already present before the first seeding', async () => {
		const db = freshDb();
		const mine = await putSeries(db, { ...seeds[0]!, note: 'from my backup' }, 500);
		expect(await ensureSeeded(db, seeds, 1000)).toEqual({ seeded: true, added: 2 });
		expect((await getRegionSeries(db, CITY_CODE)).find((s) => s.kind === 'actual')).toEqual(mine);
	});

	it('two runs racing (two tabs starting together) seed once', async () => {
		const db = freshDb();
		const outcomes = await Promise.all([ensureSeeded(db, seeds, 1), ensureSeeded(db, seeds, 2)]);
		expect(outcomes.filter((o) => o.seeded)).toHaveLength(1);
		expect(await getAllSeries(db)).toHaveLength(3);
	});

	it('seeds the plan’s own baselines and targets (province and city, nine indicators)', async () => {
		const db = freshDb();
		const plan = seedSeries();
		const outcome = await ensureSeeded(db, plan, 1000);
		expect(outcome).toEqual({ seeded: true, added: plan.length });
		const stored = await getAllSeries(db);
		expect(stored).toHaveLength(2 * 9 * 2);
		expect(new Set(stored.map((s) => s.regionCode))).toEqual(new Set([PROVINCE_CODE, CITY_CODE]));
		expect(stored).toEqual(expect.arrayContaining(plan));
	});
});
