import { describe, expect, it } from 'vitest';
import type { BackupContent } from '../../core/backup/envelope';
import { applyImportWrites } from '../exchange';
import { classifyStorageError } from '../errors';
import { getMeta, setMeta } from '../meta-table';
import { getAllSeries, putSeries } from '../series-table';
import { freshDb, sampleSeries } from '../test-helpers';
import { readContent, replaceWorkbook, undoToSnapshot } from './content';
import { getSnapshot, listSnapshots } from './snapshots';
import { listTaskRecords, writeTaskRecord } from '../tasks-table';
import { buildBackup, parseBackup, serializeBackup } from '../../core/backup/envelope';

const parse = (text: string) => JSON.parse(text) as BackupContent;

describe('whole-workbook content', () => {
	it('reads every table but the local ones, and the meta rows but the schema note', async () => {
		const db = freshDb();
		await putSeries(db, sampleSeries({ kind: 'actual', cells: { '2021': { t: 'n', v: 1 } } }), 7);
		await setMeta(db, 'sender', { unit: '甘州区教育局', name: '王芳' });
		const content = await readContent(db);
		expect(Object.keys(content.tables).sort()).toEqual([
			'history',
			'historyRuns',
			'imports',
			'indicators',
			'meta',
			'series',
			'tasks'
		]);
		expect(content.tables.meta).toEqual([{ key: 'sender', value: { unit: '甘州区教育局', name: '王芳' } }]);
		expect(content.tables.series).toHaveLength(1);
	});

	it('replaces the workbook in one transaction, keeping the old one as a snapshot that undoes it', async () => {
		const db = freshDb();
		await putSeries(db, sampleSeries({ kind: 'actual', cells: { '2021': { t: 'n', v: 1 } } }), 7);
		const before = await readContent(db);
		const incoming: BackupContent = {
			tables: {
				series: [
					sampleSeries({
						kind: 'actual',
						indicatorCode: 'EDU02',
						cells: { '2022': { t: 'n', v: 2 } },
						updatedAt: 9
					})
				],
				indicators: [],
				imports: [],
				meta: [{ key: 'seededAt', value: 1 }],
				tasks: []
			}
		};
		const id = await replaceWorkbook(db, incoming, { reason: 'restore', label: 'x.json', keep: 10 });
		expect(await readContent(db, 'snapshot')).toEqual(incoming);
		expect(await getMeta(db, 'schemaNote')).toBeTypeOf('string');
		const [info] = await listSnapshots(db);
		expect(info).toMatchObject({ id, reason: 'restore', label: 'x.json' });
		expect(info!.size).toBeGreaterThan(0);

		await undoToSnapshot(db, id, parse);
		expect(await readContent(db)).toEqual(before);
	});

	it('refuses to undo once the workbook changed after the operation, and changes nothing', async () => {
		const db = freshDb();
		const id = await replaceWorkbook(
			db,
			{ tables: { series: [], indicators: [], imports: [], meta: [] } },
			{ reason: 'restore', label: 'x', keep: 10 }
		);
		await putSeries(db, sampleSeries({ kind: 'actual', cells: { '2030': { t: 'n', v: 5 } } }), 11);
		const edited = await readContent(db);
		const error = await undoToSnapshot(db, id, parse).catch((e: unknown) => e);
		expect(classifyStorageError(error)).toMatchObject({
			code: 'conflict',
			details: { reason: 'changed-since' }
		});
		expect(await readContent(db)).toEqual(edited);
	});

	it('carries the task records in a backup and a snapshot: restored, and the restore undone, as typed', async () => {
		const db = freshDb();
		const key = { regionCode: '620702', year: 2024, task: 18 };
		await writeTaskRecord(
			db,
			{
				key,
				patch: {
					status: 'in-progress',
					progress: '已建心理咨询室 41 所',
					evidence: ['《心理健康教育工作方案》']
				}
			},
			{ at: 3, by: '王芳' }
		);
		const backup = await readContent(db);
		expect(backup.tables.tasks).toHaveLength(1);
		// Through the backup file and back: the task record checked and kept.
		const parsed = await parseBackup(serializeBackup(await buildBackup(backup, '0.1.0')));
		expect(parsed.ok).toBe(true);
		const fromFile = parsed.ok ? parsed.envelope.content : backup;
		expect(fromFile.tables.tasks).toEqual(backup.tables.tasks);

		await writeTaskRecord(db, { key, patch: { progress: '改过' } }, { at: 4, by: '李明' });
		await writeTaskRecord(
			db,
			{ key: { ...key, task: 19 }, patch: { status: 'done' } },
			{ at: 5, by: '李明' }
		);
		const edited = await readContent(db);
		const id = await replaceWorkbook(db, fromFile, { reason: 'restore', label: 'b.json', keep: 10 });
		expect(await listTaskRecords(db, '620702', 2024)).toEqual(backup.tables.tasks);
		await undoToSnapshot(db, id, parse);
		expect((await readContent(db)).tables.tasks).toEqual(edited.tables.tasks);
	});

	it('refuses a backup whose task record is not one the workbook can hold', async () => {
		const db = freshDb();
		await writeTaskRecord(
			db,
			{ key: { regionCode: '620702', year: 2024, task: 1 }, patch: {} },
			{ at: 1, by: '' }
		);
		const content = await readContent(db);
		(content.tables.tasks![0] as { task: number }).task = 36;
		expect(await parseBackup(serializeBackup(await buildBackup(content, '0.1.0')))).toMatchObject({
			ok: false,
			problem: { code: 'bad-row', table: 'tasks', row: 1, field: 'task' }
		});
	});

	it('keeps only the newest N snapshots', async () => {
		const db = freshDb();
		const empty: BackupContent = { tables: {} };
		for (let i = 0; i < 4; i++)
			await replaceWorkbook(db, empty, { reason: 'restore', label: `#${i}`, keep: 2 });
		expect((await listSnapshots(db)).map((s) => s.label)).toEqual(['#2', '#3']);
	});

	it('an import keeps a snapshot in its own transaction; it undoes the import after a reload', async () => {
		const db = freshDb();
		await putSeries(db, sampleSeries({ kind: 'actual', cells: { '2021': { t: 'n', v: 1 } } }), 7);
		const before = await readContent(db, 'snapshot');
		const { imports } = await applyImportWrites(
			db,
			{
				series: [
					{
						series: {
							regionCode: '620702',
							indicatorCode: 'EDU01',
							kind: 'actual',
							cells: { '2021': { t: 'n', v: 2 } },
							note: ''
						},
						expected: 7
					}
				],
				indicators: [],
				imports: [
					{
						fileName: '甘州区.csv',
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
			20,
			{ snapshot: { reason: 'import', label: '甘州区.csv', keep: 10 } }
		);
		const [info] = await listSnapshots(db);
		expect(info).toMatchObject({
			reason: 'import',
			label: '甘州区.csv',
			importIds: [imports[0]!.id],
			takenAt: 20
		});
		expect(parse((await getSnapshot(db, info!.id))!.content)).toEqual(before);
		// Nothing of the in-memory undo is needed: only the stored snapshot.
		await undoToSnapshot(db, info!.id, parse);
		expect(await readContent(db, 'snapshot')).toEqual(before);
		expect((await getAllSeries(db))[0]!.cells['2021']).toEqual({ t: 'n', v: 1 });
		// The per-figure history is a log: undoing keeps the import's record of the change.
		expect((await readContent(db)).tables.history).toMatchObject([{ how: 'import', year: 2021 }]);
	});
});
