// Aids for the state tests, which run real workbooks over fake-indexeddb: each test's
// workbooks are closed and the database deleted afterwards, and a sheet without a grid on
// screen gets a port that hands a replayed step (undo) straight back as an edit.
import { DEFAULT_DB_NAME } from '$lib/storage/db';
import type { GridEdit, GridPort } from '$lib/grid/contract';
import type { Workbook } from './workbook.svelte';

/** Closes the workbooks a test opened (emptying the list) and deletes the database. */
export async function closeAndDelete(opened: Workbook[]): Promise<void> {
	for (const wb of opened.splice(0)) if (wb.phase === 'ready') wb.db.close();
	await new Promise<void>((resolve, reject) => {
		const req = indexedDB.deleteDatabase(DEFAULT_DB_NAME);
		req.onsuccess = () => resolve();
		req.onerror = () => reject(req.error);
	});
}

/** A grid port that replays cells as edits; `more` adds what a test also needs of the grid. */
export function replayingPort(
	sheet: { onEdits(edits: GridEdit[], reason: 'user' | 'replay'): void },
	more: Partial<GridPort> = {}
): GridPort {
	return {
		setCells: (cells) =>
			sheet.onEdits(
				cells.map((c) => ({ row: c.row, col: c.col, after: c.content })),
				'replay'
			),
		...more
	} as GridPort;
}
