import { describe, expect, it } from 'vitest';
import { validateContent, type BackupContent } from '../core/backup/envelope';
import { undoToSnapshot } from './backup/content';
import { listSnapshots } from './backup/snapshots';
import { applyTaskImportWrites, listAllTaskRecords } from './task-exchange';
import { getTaskRecord, writeTaskRecord } from './tasks-table';
import { freshDb } from './test-helpers';

const key = { regionCode: '620702', year: 2026, task: 4 };
const snapshot = { reason: 'import' as const, label: '任务落实情况：a.csv', keep: 10 };

function parse(text: string): BackupContent {
	const checked = validateContent(JSON.parse(text) as BackupContent);
	if (!checked.ok) throw new Error('bad snapshot');
	return checked.content;
}

describe('applyTaskImportWrites', () => {
	it('writes the records and keeps the workbook before as a snapshot that undoes it, also later', async () => {
		const db = freshDb();
		await writeTaskRecord(db, { key, patch: { leadUnit: '区教育局' } }, { at: 5, by: '王芳' });
		const { records, snapshotId } = await applyTaskImportWrites(
			db,
			[
				{ key, patch: { status: 'done' }, expected: 5 },
				{ key: { ...key, task: 5 }, patch: { progress: '已完成' }, expected: null }
			],
			{ now: 100, who: '市局', snapshot }
		);
		expect(records.map((r) => [r.task, r.status, r.leadUnit, r.updatedAt, r.updatedBy])).toEqual([
			[4, 'done', '区教育局', 100, '市局'],
			[5, 'not-started', '', 100, '市局']
		]);
		expect((await listSnapshots(db)).map((s) => [s.id, s.label])).toEqual([[snapshotId, snapshot.label]]);
		// As after a reload: only the database is left to undo from.
		await undoToSnapshot(db, snapshotId, parse);
		expect(await listAllTaskRecords(db)).toMatchObject([{ task: 4, status: 'not-started', updatedAt: 5 }]);
	});

	it('refuses it all when a record changed since the preview, writing nothing', async () => {
		const db = freshDb();
		await writeTaskRecord(db, { key, patch: { leadUnit: '区教育局' } }, { at: 5, by: '' });
		// Another tab edits the task after the preview was made against stamp 5.
		await writeTaskRecord(db, { key, patch: { note: '另一个标签页' } }, { at: 6, by: '' });
		await expect(
			applyTaskImportWrites(
				db,
				[
					{ key: { ...key, task: 1 }, patch: { status: 'done' }, expected: null },
					{ key, patch: { status: 'done' }, expected: 5 }
				],
				{ now: 100, who: '', snapshot }
			)
		).rejects.toMatchObject({ code: 'conflict' });
		expect(await getTaskRecord(db, { ...key, task: 1 })).toBeUndefined();
		expect(await getTaskRecord(db, key)).toMatchObject({ status: 'not-started', note: '另一个标签页' });
		expect(await listSnapshots(db)).toEqual([]);
	});

	it('cannot be undone once the workbook changed after it: that edit is kept', async () => {
		const db = freshDb();
		const { snapshotId } = await applyTaskImportWrites(
			db,
			[{ key, patch: { status: 'in-progress' }, expected: null }],
			{ now: 100, who: '', snapshot }
		);
		await writeTaskRecord(db, { key, patch: { progress: '导入后编辑' } }, { at: 200, by: '' });
		await expect(undoToSnapshot(db, snapshotId, parse)).rejects.toMatchObject({
			code: 'conflict',
			details: { reason: 'changed-since' }
		});
		expect(await getTaskRecord(db, key)).toMatchObject({ status: 'in-progress', progress: '导入后编辑' });
	});
});
