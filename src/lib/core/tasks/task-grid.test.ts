import { describe, expect, it } from 'vitest';
import { TASK_STATUS_TEXT, emptyTaskRecord, type TaskStatus } from './task-record';
import {
	cellText,
	columnOfField,
	fieldOfColumn,
	fieldValueOf,
	headingCounts,
	readStatus,
	taskRows
} from './task-grid';

const en: Record<TaskStatus, string> = {
	'not-started': 'Not started',
	'in-progress': 'In progress',
	done: 'Done',
	'not-applicable': 'Not applicable'
};
const both = [TASK_STATUS_TEXT, en];

describe('the tasks grid', () => {
	it('shows every heading then its tasks, 45 rows in all, and leaves out a heading with no task passing the filter', () => {
		const rows = taskRows('all', () => 'not-started');
		expect(rows).toHaveLength(45);
		expect(rows[0]).toEqual({ kind: 'heading', heading: 1 });
		expect(rows[1]).toEqual({ kind: 'task', task: 1, heading: 1 });
		expect(rows.at(-1)).toEqual({ kind: 'task', task: 35, heading: 10 });
		const done = new Set([4, 5, 30]);
		const filtered = taskRows('done', (n) => (done.has(n) ? 'done' : 'in-progress'));
		expect(filtered).toEqual([
			{ kind: 'heading', heading: 2 },
			{ kind: 'task', task: 4, heading: 2 },
			{ kind: 'task', task: 5, heading: 2 },
			{ kind: 'heading', heading: 9 },
			{ kind: 'task', task: 30, heading: 9 }
		]);
	});

	it('counts each heading over all its tasks', () => {
		const { byHeading, all } = headingCounts((n) =>
			n === 3 ? 'done' : n === 4 ? 'not-applicable' : 'not-started'
		);
		expect(byHeading.get(2)).toEqual({
			'not-started': 2,
			'in-progress': 0,
			done: 1,
			'not-applicable': 1,
			total: 4
		});
		expect(all.total).toBe(35);
		expect(all['not-started']).toBe(33);
	});

	it('maps the editable columns to fields and back; the others are shown only', () => {
		expect(fieldOfColumn(0)).toBeNull();
		expect(fieldOfColumn(1)).toBeNull();
		expect(fieldOfColumn(2)).toBe('status');
		expect(fieldOfColumn(7)).toBe('evidence');
		expect(fieldOfColumn(9)).toBeNull();
		for (const f of [
			'status',
			'leadUnit',
			'responsible',
			'measures',
			'progress',
			'evidence',
			'note'
		] as const) {
			expect(fieldOfColumn(columnOfField(f))).toBe(f);
		}
	});

	it('reads a status typed as a word, a code, a number or the unambiguous start of a word', () => {
		expect(readStatus('推进中', both)).toBe('in-progress');
		expect(readStatus(' 已完成 ', both)).toBe('done');
		expect(readStatus('推', both)).toBe('in-progress');
		expect(readStatus('未', both)).toBe('not-started');
		expect(readStatus('不', both)).toBe('not-applicable');
		expect(readStatus('3', both)).toBe('done');
		expect(readStatus('４', both)).toBe('not-applicable');
		expect(readStatus('in progress', both)).toBe('in-progress');
		expect(readStatus('DONE', both)).toBe('done');
		expect(readStatus('not-started', both)).toBe('not-started');
		// "Not …" starts two English words: ambiguous, so refused rather than guessed.
		expect(readStatus('not', both)).toBeNull();
		expect(readStatus('完成了', both)).toBeNull();
		expect(readStatus('', both)).toBeNull();
		expect(readStatus('5', both)).toBeNull();
	});

	it('shows and reads cells as typed: text untouched, evidence one document per line', () => {
		const record = {
			...emptyTaskRecord({ regionCode: '620702', year: 2024, task: 1 }),
			evidence: ['a', 'b']
		};
		expect(cellText(record, 'evidence', TASK_STATUS_TEXT)).toBe('a\nb');
		expect(cellText(record, 'status', en)).toBe('Not started');
		expect(fieldValueOf('progress', '  完成 90%\n')).toBe('  完成 90%\n');
		expect(fieldValueOf('note', null)).toBe('');
		expect(fieldValueOf('evidence', '《方案》\n\n纪要')).toEqual(['《方案》', '纪要']);
	});
});
