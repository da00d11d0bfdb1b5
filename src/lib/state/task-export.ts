// A task file as the planner chose it: one county or all six, one year, an encoding; the
// sender as remembered for figure exports goes on its metadata row.
import { counties } from '$lib/core/plan';
import { encodeText, type ExportEncoding } from '$lib/core/exchange/encoding';
import { toCsvText } from '$lib/core/exchange/export';
import { EMPTY_SENDER, type Sender } from '$lib/core/exchange/metadata';
import { buildTaskExportTable, taskExportFileName } from '$lib/core/exchange/tasks';
import { listAllTaskRecords } from '$lib/storage/task-exchange';
import type { Workbook } from './workbook.svelte';

export interface TaskExportChoice {
	regionCodes: string[];
	year: number;
	encoding: ExportEncoding;
	sender?: Sender;
}

export async function exportTasks(
	workbook: Workbook,
	choice: TaskExportChoice,
	date = new Date()
): Promise<{ name: string; bytes: Uint8Array }> {
	if (choice.regionCodes.length === 0) throw new Error('no county chosen to export');
	// The plan's order, whatever order they were chosen in.
	const regionCodes = counties.map((c) => c.code).filter((c) => choice.regionCodes.includes(c));
	const records = (await listAllTaskRecords(workbook.db)).filter((r) => r.year === choice.year);
	const table = buildTaskExportTable(records, {
		regionCodes,
		years: [choice.year],
		metadata: { exportedAt: date, sender: choice.sender ?? EMPTY_SENDER }
	});
	const bytes = await encodeText(toCsvText(table), choice.encoding);
	return { name: taskExportFileName(regionCodes, [choice.year], date), bytes };
}
