// The task records a printout draws (a county's year, or every county's year for the
// city's matrix), read from storage and read again after any write here or in another tab
// (an import, an edit on the tasks page), so the paper shows what is stored.
import type { TaskRecord } from '$lib/core/tasks/task-record';
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import { listTaskRecords, listTaskRecordsOfYear } from '$lib/storage/tasks-table';
import type { Workbook } from './workbook.svelte';

export class TaskRecordsView {
	records = $state.raw<TaskRecord[]>([]);
	loaded = $state(false);
	failure = $state.raw<StorageError | null>(null);
	#run = 0;

	constructor(
		private readonly workbook: Workbook,
		/** A county's code, or null for every county. */
		private readonly regionCode: string | null
	) {}

	async load(year: number): Promise<void> {
		const run = ++this.#run;
		try {
			const db = this.workbook.db;
			const records = this.regionCode
				? await listTaskRecords(db, this.regionCode, year)
				: await listTaskRecordsOfYear(db, year);
			if (run !== this.#run) return;
			this.records = records;
			this.failure = null;
		} catch (e) {
			if (run !== this.#run) return;
			this.failure = e instanceof StorageError ? e : classifyStorageError(e);
		} finally {
			if (run === this.#run) this.loaded = true;
		}
	}
}
