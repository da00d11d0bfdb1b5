// The own indicators whose unit the v9 upgrade cleared (an old version had stored their code
// as the unit): the planner is told once which units to type again, then the list is gone.
import { deleteMeta, getMeta } from '$lib/storage/meta-table';
import type { ClearedUnit } from '$lib/storage/db';
import type { Workbook } from './workbook.svelte';

export class UnitsCleared {
	items = $state.raw<ClearedUnit[]>([]);
	#loaded = false;

	/** Reads the list once the workbook is open (a list that does not read is no list). */
	async load(workbook: Workbook): Promise<void> {
		if (this.#loaded) return;
		this.#loaded = true;
		this.items = (await getMeta(workbook.db, 'unitsCleared').catch(() => undefined)) ?? [];
	}

	/** The planner has read it: not shown again, in this tab or after a reload. */
	async dismiss(workbook: Workbook): Promise<void> {
		this.items = [];
		await deleteMeta(workbook.db, 'unitsCleared').catch(() => undefined);
	}
}

export const unitsCleared = new UnitsCleared();
