import { describe, expect, it } from 'vitest';
import { classifyStorageError } from './errors';
import {
	getTaskRecord,
	listTaskRecords,
	listTaskRecordsOfYear,
	writeTaskRecord,
	writeTaskRecords
} from './tasks-table';
import { freshDeps } from './test-helpers';
import { WorkbookDb } from './db';

const key = { regionCode: '620702', year: 2024, task: 5 };

describe('tasks table', () => {
	it('writes one record per change, merged into the record as stored', async () => {
		const db = new WorkbookDb('t', freshDeps());
		await writeTaskRecord(db, { key, patch: { leadUnit: '区教育局' } }, { at: 1, by: '王芳' });
		await writeTaskRecord(
			db,
			{ key, patch: { progress: '创建优质均衡县：已通过省级评估' } },
			{ at: 2, by: '李明' }
		);
		await writeTaskRecord(db, { key: { ...key, task: 6 }, patch: { status: 'done' } }, { at: 3, by: '李明' });
		await writeTaskRecord(
			db,
			{ key: { ...key, regionCode: '620722' }, patch: { status: 'done' } },
			{ at: 3, by: '' }
		);
		const [five, six] = await listTaskRecords(db, '620702', 2024);
		expect(five).toMatchObject({
			leadUnit: '区教育局',
			progress: '创建优质均衡县：已通过省级评估',
			updatedBy: '李明'
		});
		expect(six).toMatchObject({ task: 6, status: 'done' });
		expect(await listTaskRecords(db, '620702', 2023)).toEqual([]);
		expect(await listTaskRecordsOfYear(db, 2024)).toHaveLength(3);
	});

	it('two connections (two tabs) editing different fields of one task both keep theirs', async () => {
		const deps = freshDeps();
		const a = new WorkbookDb('two', deps);
		const b = new WorkbookDb('two', deps);
		await Promise.all([
			writeTaskRecord(a, { key, patch: { leadUnit: '区教育局' } }, { at: 1, by: 'A' }),
			writeTaskRecord(b, { key, patch: { responsible: '张三' } }, { at: 1, by: 'B' }),
			writeTaskRecord(a, { key: { ...key, task: 7 }, patch: { note: '甲' } }, { at: 1, by: 'A' }),
			writeTaskRecord(b, { key: { ...key, task: 8 }, patch: { note: '乙' } }, { at: 1, by: 'B' })
		]);
		expect(await getTaskRecord(a, key)).toMatchObject({ leadUnit: '区教育局', responsible: '张三' });
		expect((await listTaskRecords(b, '620702', 2024)).map((r) => r.task)).toEqual([5, 7, 8]);
	});

	it('refuses an undo whose field was changed since, and writes nothing', async () => {
		const db = new WorkbookDb('u', freshDeps());
		await writeTaskRecord(db, { key, patch: { progress: '甲' } }, { at: 1, by: '' });
		await writeTaskRecord(db, { key, patch: { progress: '乙' } }, { at: 2, by: '' });
		const error = await writeTaskRecord(
			db,
			{ key, patch: { progress: '' }, expected: { progress: '甲' } },
			{ at: 3, by: '' }
		).catch((e: unknown) => e);
		expect(classifyStorageError(error)).toMatchObject({
			code: 'conflict',
			details: { reason: 'task-changed', conflict: { field: 'progress', stored: '乙' } }
		});
		expect(await getTaskRecord(db, key)).toMatchObject({ progress: '乙', updatedAt: 2 });
		// An undo of a task never stored expects what an empty task holds.
		await writeTaskRecord(
			db,
			{ key: { ...key, task: 9 }, patch: { status: 'done' }, expected: { status: 'not-started' } },
			{ at: 4, by: '' }
		);
		expect(await getTaskRecord(db, { ...key, task: 9 })).toMatchObject({ status: 'done' });
	});

	it('refuses a value a field cannot hold, and writes nothing', async () => {
		const db = new WorkbookDb('v', freshDeps());
		const error = await writeTaskRecord(
			db,
			{ key, patch: { leadUnit: 'x'.repeat(101) } },
			{ at: 1, by: '' }
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(Error);
		expect(await db.tasks.count()).toBe(0);
	});

	it('writes several records all or nothing: one conflict, and none of them is written', async () => {
		const db = new WorkbookDb('w', freshDeps());
		await writeTaskRecord(db, { key, patch: { note: '甲' } }, { at: 1, by: '' });
		const error = await writeTaskRecords(
			db,
			[
				{ key: { ...key, task: 1 }, patch: { note: '新' } },
				{ key, patch: { note: '' }, expected: { note: '乙' } }
			],
			{ at: 2, by: '' }
		).catch((e: unknown) => e);
		expect(classifyStorageError(error).code).toBe('conflict');
		expect((await listTaskRecords(db, '620702', 2024)).map((r) => [r.task, r.note])).toEqual([[5, '甲']]);
	});
});
