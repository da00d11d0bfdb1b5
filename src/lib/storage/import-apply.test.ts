// The import's write path at the sizes where it puts in slices, two in flight, and works out
// the snapshot's fingerprint instead of reading it back (exchange.ts, import-rows.ts).
import { putRows, readRegionRows } from './indicator-sets';
import { describe, expect, it } from 'vitest';
import type { BackupContent } from '../core/backup/envelope';
import type { OwnIndicator, Series } from '../core/model';
import { applyImportWrites, type SeriesWrite } from './exchange';
import { diffRows, writeCells } from './cell-writes';
import { readContent, readFingerprint, undoToSnapshot } from './backup/content';
import { getSnapshot, listSnapshots } from './backup/snapshots';
import { setMeta } from './meta-table';
import { putSeries } from './series-table';
import { freshDb, sampleSeries } from './test-helpers';
import { writeTaskRecord } from './tasks-table';
import type { WorkbookDb } from './db';

const parse = (text: string) => JSON.parse(text) as BackupContent;
const COUNTIES = ['620702', '620721', '620725'];

function ownIndicator(regionCode: string, n: number): OwnIndicator {
	return {
		regionCode,
		code: `C${String(n).padStart(4, '0')}`,
		nameZh: `自设指标${n}`,
		nameEn: '',
		unit: '%',
		direction: 'higher',
		precision: 2,
		countyMeasure: 'value',
		order: n,
		updatedAt: 0
	};
}

/** `perCounty` new rows of 16 figures per county, the last ones with a 批注 and a note. */
function newRows(perCounty: number): SeriesWrite[] {
	return COUNTIES.flatMap((regionCode) =>
		Array.from({ length: perCounty }, (_, i) => {
			const cells: Series['cells'] = {};
			for (let year = 2020; year <= 2035; year++) cells[String(year)] = { t: 'n', v: 90 + ((i + year) % 10) };
			const last = i === perCounty - 1;
			return {
				series: {
					regionCode,
					indicatorCode: `C${String(i + 1).padStart(4, '0')}`,
					kind: 'actual' as const,
					cells,
					note: last ? '说明' : '',
					...(last ? { notes: { '2023': '来源：年报' } } : {})
				},
				expected: null,
				before: null
			};
		})
	);
}

async function everything(db: WorkbookDb) {
	return {
		content: await readContent(db),
		snapshots: await db.snapshots.toArray(),
		history: await db.history.toArray(),
		runs: await db.historyRuns.toArray()
	};
}

async function workbookWithSomething(db: WorkbookDb) {
	await putSeries(db, sampleSeries({ regionCode: '620721', indicatorCode: 'EDU01', kind: 'actual' }), 3);
	await putSeries(db, sampleSeries({ regionCode: '620702', indicatorCode: 'C0002', kind: 'actual' }), 3);
	await putRows(db, [{ ...ownIndicator('620702', 2), nameZh: '旧名', updatedAt: 3 }]);
	await setMeta(db, 'sender', { unit: '甘州区教育局', name: '张三' });
	await writeTaskRecord(
		db,
		{
			key: { regionCode: '620702', year: 2024, task: 18 },
			patch: { status: 'in-progress', progress: '已建' }
		},
		{ at: 3, by: '王芳' }
	);
}

describe('an import of thousands of rows', () => {
	it('refused at its last row, after slices were put, leaves everything stored as it was', async () => {
		const db = freshDb();
		await workbookWithSomething(db);
		const before = await everything(db);
		const series = newRows(400);
		// The preview saw EDU01 empty in 620721; another tab has since typed 2025 there.
		series.push({
			series: { ...sampleSeries({ regionCode: '620721', indicatorCode: 'EDU01', kind: 'actual' }) },
			expected: 3,
			before: { cells: {}, note: '' }
		});
		series[series.length - 1]!.series.cells = { '2025': { t: 'n', v: 12 } };
		await expect(
			applyImportWrites(
				db,
				{
					series,
					indicators: COUNTIES.flatMap((r) =>
						[1, 2, 3].map((n) => ({ indicator: ownIndicator(r, n), expected: null }))
					),
					imports: []
				},
				50,
				{ snapshot: { reason: 'import', label: 'a.csv', keep: 5 } }
			)
		).rejects.toMatchObject({ code: 'conflict' });
		expect(await everything(db)).toEqual(before);
	});

	it('keeps for undo the fingerprint the stored workbook reads as, and its undo restores it exactly', async () => {
		const db = freshDb();
		await workbookWithSomething(db);
		const before = await readContent(db, 'snapshot');
		const stored = (await readRegionRows(db, '620702')).find((c) => (c as OwnIndicator).code === 'C0002') as
			OwnIndicator | undefined;
		const series = newRows(300).filter(
			(w) => w.series.indicatorCode !== 'C0002' || w.series.regionCode !== '620702'
		);
		// A row stored before, changed by the file: merged, not created.
		series.push({
			series: {
				regionCode: '620702',
				indicatorCode: 'C0002',
				kind: 'actual',
				cells: { '2021': { t: 'n', v: 7 } },
				note: ''
			},
			expected: 3,
			before: { cells: sampleSeries().cells, note: '' }
		});
		await applyImportWrites(
			db,
			{
				series,
				indicators: [
					{ indicator: ownIndicator('620725', 1), expected: null },
					{ indicator: { ...ownIndicator('620702', 2), nameZh: '新名' }, expected: stored!.updatedAt }
				],
				imports: [
					{
						fileName: 'a.csv',
						size: 10,
						encoding: 'utf-8',
						exportedAt: null,
						fileDate: null,
						dateFrom: 'unknown',
						senderUnit: null,
						senderName: null,
						regions: []
					}
				]
			},
			50,
			{ snapshot: { reason: 'import', label: 'a.csv', keep: 5 } }
		);
		const [info] = await listSnapshots(db);
		const record = (await getSnapshot(db, info!.id))!;
		expect(record.after).toBe(await readFingerprint(db));
		// The file's row replaces the previewed one: 2025 cleared, 2021 written.
		expect((await db.series.get(['620702', 'C0002', 'actual']))!.cells).toEqual({ '2021': { t: 'n', v: 7 } });
		await undoToSnapshot(db, info!.id, parse);
		expect(await readContent(db, 'snapshot')).toEqual(before);
	});

	it('stores a row the file creates exactly as the typed-edit merge would, key order too', async () => {
		const [imported, typed] = [freshDb('a'), freshDb('b')];
		const series = newRows(2);
		const { changes } = await applyImportWrites(imported, { series, indicators: [] }, 50, { who: '李四' });
		const merged = await writeCells(
			typed,
			series.flatMap((w) => diffRows(undefined, w.series)),
			{ who: '李四', how: 'import', now: 50 }
		);
		const text = async (db: WorkbookDb) => (await db.series.toArray()).map((r) => JSON.stringify(r));
		expect(await text(imported)).toEqual(await text(typed));
		expect(changes).toEqual(merged.changes);
	});
});
