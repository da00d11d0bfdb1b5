import { describe, expect, it } from 'vitest';
import { counties } from '../plan';
import { planTasks } from '../tasks/plan-tasks';
import { emptyTaskRecord, type TaskRecord, type TaskStatus } from '../tasks/task-record';
import { countyReport, taskMatrix } from './report';

function record(
	regionCode: string,
	task: number,
	status: TaskStatus,
	year = 2026,
	updatedAt = 10
): TaskRecord {
	return { ...emptyTaskRecord({ regionCode, year, task }), status, updatedAt };
}

describe('task printouts', () => {
	it('lays a county year out under the ten headings, every task once, counting what has no record', () => {
		const report = countyReport('620702', 2026, [
			record('620702', 1, 'done'),
			record('620702', 2, 'in-progress', 2026, 30),
			record('620702', 3, 'not-applicable'),
			record('620721', 4, 'done'),
			record('620702', 5, 'done', 2025, 99)
		]);
		expect(report.headings).toHaveLength(10);
		expect(report.headings.flatMap((h) => h.rows.map((r) => r.task.number))).toEqual(
			planTasks.map((t) => t.number)
		);
		expect(report.counts).toMatchObject({
			done: 1,
			'in-progress': 1,
			'not-applicable': 1,
			none: 32,
			total: 35
		});
		const first = report.headings[0]!;
		expect(first.counts.total).toBe(first.rows.length);
		expect(report.lastEdited).toBe(30);
	});

	it('counts the matrix per heading and county, and in all', () => {
		const codes = counties.map((c) => c.code);
		const records = codes.flatMap((code, i) =>
			planTasks.slice(0, i + 1).map((t) => record(code, t.number, 'done'))
		);
		const m = taskMatrix(codes, 2026, records);
		expect(m.totals.map((t) => t.done)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(m.totals.every((t) => t.total === 35)).toBe(true);
		const heading1 = m.headings[0]!;
		expect(heading1.rows[0]!.statuses).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
		for (const [i, t] of m.totals.entries()) {
			expect(m.headings.reduce((n, h) => n + h.counts[i]!.done, 0)).toBe(t.done);
		}
		expect(taskMatrix(codes, 2025, records).totals.every((t) => t.none === 35)).toBe(true);
	});
});
