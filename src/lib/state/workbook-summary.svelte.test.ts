// The start page's cards show what Workbook.summary would: the tiny reader
// (storage/summary-reader.ts) against the real workbook, over generated workbooks in
// fake-indexeddb (figures, formulas, yes/no cells, notes, own indicators, any region).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Workbook } from './workbook.svelte';
import { closeAndDelete } from './test-workbooks';
import { sheetRegions } from '$lib/core/plan';
import { ownIndicatorSchema, seriesSchema } from '$lib/core/model';
import { EMPTY_SUMMARY, readSummaries } from '$lib/storage/summary-reader';
import { putRows } from '$lib/storage/indicator-sets';

const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

const regionCode = fc.constantFrom(...sheetRegions.map((r) => r.code), '620000');
const year = fc.integer({ min: 2020, max: 2035 }).map(String);
const cell = fc.oneof(
	fc.record({ t: fc.constant('n' as const), v: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
	fc.record({ t: fc.constant('f' as const), f: fc.constantFrom('=D1', '=AVERAGE(D1:F1)', "='目标'!F1") }),
	fc.record({ t: fc.constant('b' as const), v: fc.boolean() })
);
const series = fc.record({
	regionCode,
	indicatorCode: fc.constantFrom('EDU01', 'EDU03', 'EDU09', 'C01', 'C02'),
	kind: fc.constantFrom('actual' as const, 'target' as const),
	cells: fc.dictionary(year, cell, { maxKeys: 5 }),
	note: fc.constantFrom('', '来源：教育局'),
	updatedAt: fc.nat({ max: 2_000_000_000_000 })
});
const own = fc.record({
	regionCode,
	code: fc.constantFrom('C01', 'C02', 'C03'),
	nameZh: fc.constant('自设指标'),
	nameEn: fc.constant(''),
	unit: fc.constant('%'),
	direction: fc.constantFrom('higher' as const, 'lower' as const),
	precision: fc.integer({ min: 0, max: 6 }),
	order: fc.nat({ max: 20 }),
	updatedAt: fc.option(fc.nat({ max: 2_000_000_000_000 }), { nil: undefined })
});

describe('the start page’s summary', () => {
	it('read without Dexie is the workbook’s own, for every region', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(series, { maxLength: 30 }),
				fc.array(own, { maxLength: 6 }),
				async (rows, owns) => {
					const writer = new Workbook();
					opened.push(writer);
					await writer.open(); // creates and seeds, as a first visit does
					await writer.db.series.bulkPut(rows.map((r) => seriesSchema.parse(r)));
					await putRows(
						writer.db,
						owns.map((r) => ownIndicatorSchema.parse(r))
					);
					writer.db.close();

					const read = await readSummaries();
					expect(read).not.toBeNull();
					const workbook = new Workbook();
					opened.push(workbook);
					await workbook.open();
					for (const region of sheetRegions) {
						expect(read!.get(region.code) ?? EMPTY_SUMMARY).toEqual(workbook.summary(region.code));
					}
					await closeAndDelete(opened);
				}
			),
			{ numRuns: 25 }
		);
	});

	it('leaves a damaged workbook to the workbook, which reads around the damage', async () => {
		const writer = new Workbook();
		opened.push(writer);
		await writer.open();
		await writer.db.series.put({
			regionCode: '620702',
			indicatorCode: 'EDU01',
			kind: 'actual',
			cells: { '2023': { t: 'n', v: 96.4 }, '2024': { t: 'n', v: 'x' } },
			note: '',
			updatedAt: 1
		} as never);
		expect(await readSummaries()).toBeNull();
	});
});
