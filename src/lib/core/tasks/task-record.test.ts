import { describe, expect, it } from 'vitest';
import {
	TASK_LIMITS,
	TASK_YEARS,
	applyTaskPatch,
	checkTaskValue,
	countTaskStatuses,
	emptyTaskRecord,
	evidenceFromText,
	evidenceText,
	sameTaskValue,
	taskRecordSchema
} from './task-record';

const key = { regionCode: '620702', year: 2024, task: 4 };

describe('a task record', () => {
	it('starts 未启动 with every field empty, and is valid as it is', () => {
		const empty = emptyTaskRecord(key);
		expect(empty).toMatchObject({ status: 'not-started', leadUnit: '', evidence: [], updatedAt: 0 });
		expect(taskRecordSchema.parse(empty)).toEqual(empty);
		expect(TASK_YEARS[0]).toBe(2021);
		expect(TASK_YEARS.at(-1)).toBe(2035);
	});

	it('is only a county’s, of a year 2021–2035, of a task 1–35', () => {
		const ok = emptyTaskRecord(key);
		expect(taskRecordSchema.safeParse({ ...ok, regionCode: '620700' }).success).toBe(false);
		expect(taskRecordSchema.safeParse({ ...ok, regionCode: '620000' }).success).toBe(false);
		expect(taskRecordSchema.safeParse({ ...ok, year: 2020 }).success).toBe(false);
		expect(taskRecordSchema.safeParse({ ...ok, task: 36 }).success).toBe(false);
		expect(taskRecordSchema.safeParse({ ...ok, task: 0 }).success).toBe(false);
		expect(taskRecordSchema.safeParse({ ...ok, status: '已完成' }).success).toBe(false);
	});

	it('changes only the patched fields, as typed, stamped with when and who', () => {
		const base = applyTaskPatch(
			undefined,
			key,
			{ leadUnit: '区教育局', progress: ' 新建 3 所 \n' },
			{ at: 5, by: '王芳' }
		);
		const next = applyTaskPatch(base, key, { status: 'in-progress' }, { at: 9, by: '李明' });
		expect(next).toMatchObject({
			status: 'in-progress',
			leadUnit: '区教育局',
			progress: ' 新建 3 所 \n',
			updatedAt: 9,
			updatedBy: '李明'
		});
		expect(base.status).toBe('not-started');
	});

	it('refuses what a field cannot hold, naming the limit', () => {
		expect(checkTaskValue('leadUnit', 'x'.repeat(TASK_LIMITS.leadUnit))).toBeNull();
		expect(checkTaskValue('leadUnit', 'x'.repeat(TASK_LIMITS.leadUnit + 1))).toEqual({
			code: 'too-long',
			field: 'leadUnit',
			limit: TASK_LIMITS.leadUnit,
			length: TASK_LIMITS.leadUnit + 1
		});
		expect(checkTaskValue('evidence', ['a', 'b'.repeat(TASK_LIMITS.evidenceItem + 1)])).toMatchObject({
			code: 'item-too-long',
			item: 2
		});
		expect(checkTaskValue('evidence', Array(TASK_LIMITS.evidenceItems + 1).fill('a'))).toMatchObject({
			code: 'too-many'
		});
		expect(checkTaskValue('status', 'done')).toBeNull();
		expect(() =>
			applyTaskPatch(undefined, key, { note: 'x'.repeat(TASK_LIMITS.note + 1) }, { at: 1, by: '' })
		).toThrow();
	});

	it('reads evidence one document per line, each as typed; blank lines carry nothing', () => {
		expect(evidenceFromText('《实施方案》\r\n\n  会议纪要 2024-3 \n')).toEqual([
			'《实施方案》',
			'  会议纪要 2024-3 '
		]);
		expect(evidenceText(['a', 'b'])).toBe('a\nb');
		expect(sameTaskValue(['a'], ['a'])).toBe(true);
		expect(sameTaskValue(['a'], ['a', 'b'])).toBe(false);
		expect(sameTaskValue('x', 'x')).toBe(true);
	});

	it('counts statuses, a task without a record as 未启动', () => {
		const statuses = new Map([
			[1, 'done' as const],
			[2, 'in-progress' as const]
		]);
		expect(countTaskStatuses([1, 2, 3], (n) => statuses.get(n))).toEqual({
			'not-started': 1,
			'in-progress': 1,
			done: 1,
			'not-applicable': 0,
			total: 3
		});
	});
});
