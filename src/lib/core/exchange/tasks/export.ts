// Task records → a task file's rows: the metadata row (as figure files have it), the header,
// then per county and year one row for every task of the plan, reported or not, so the file
// is also the form a county fills in Excel. Text Excel would run gets the apostrophe guard.
import { guardText, exportFileName } from '../contract';
import { metadataRow, type Sender } from '../metadata';
import { regionByCode } from '../../plan';
import { PLAN_TASK_COUNT } from '../../tasks/plan-tasks';
import { TASK_STATUS_TEXT, evidenceText } from '../../tasks/task-record';
import { TASK_COLUMNS, TASK_HEADER_ZH } from './contract';
import type { TaskField, TaskFields, TaskKey } from './types';

export interface TaskExportOptions {
	regionCodes: readonly string[];
	years: readonly number[];
	metadata?: { exportedAt: Date; sender: Sender };
}

/** A field as a file cell holds it (before the guard): the status word, evidence one per line. */
export function fieldText(field: TaskField, t: TaskFields): string {
	if (field === 'status') return TASK_STATUS_TEXT[t.status];
	if (field === 'evidence') return evidenceText(t.evidence);
	return t[field];
}

export function buildTaskExportTable(
	records: readonly (TaskKey & TaskFields)[],
	options: TaskExportOptions
): string[][] {
	const byKey = new Map(records.map((r) => [`${r.regionCode}|${r.task}|${r.year}`, r]));
	const table: string[][] = [TASK_COLUMNS.map((c) => TASK_HEADER_ZH[c])];
	for (const regionCode of options.regionCodes) {
		if (regionByCode(regionCode)?.level !== 'county') throw new Error(`not a county: ${regionCode}`);
		for (const year of [...options.years].sort((a, b) => a - b)) {
			for (let task = 1; task <= PLAN_TASK_COUNT; task++) {
				const r = byKey.get(`${regionCode}|${task}|${year}`);
				const cell = (f: TaskField) => (r ? guardText(fieldText(f, r)) : '');
				table.push([
					regionCode,
					String(task),
					String(year),
					cell('status'),
					cell('leadUnit'),
					cell('responsible'),
					cell('measures'),
					cell('progress'),
					cell('evidence'),
					cell('note')
				]);
			}
		}
	}
	return options.metadata ? [metadataRow(options.metadata), ...table] : table;
}

/** `620702-甘州区-任务落实-2026-20261201.csv`; all six: `620700-张掖市-全部县区-任务落实-…`. */
export function taskExportFileName(
	regionCodes: readonly string[],
	years: readonly number[],
	date: Date
): string {
	const yearPart = years.length === 1 ? String(years[0]) : `${Math.min(...years)}至${Math.max(...years)}`;
	const what = `任务落实-${yearPart}`;
	if (regionCodes.length === 1) {
		const r = regionByCode(regionCodes[0]!)!;
		return exportFileName({ regionCode: r.code, regionName: r.nameZh, what, layout: 'grid', date });
	}
	const city = regionByCode('620700')!;
	const all = regionCodes.length === 6;
	return exportFileName({
		regionCode: city.code,
		regionName: city.nameZh,
		what: `${all ? '全部县区' : `等${regionCodes.length}个县区`}-${what}`,
		layout: 'grid',
		date
	});
}
