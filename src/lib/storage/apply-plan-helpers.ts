// For tests: apply an import plan the way the workbook does (importWrites → applyImportWrites,
// one transaction in a fresh in-memory IndexedDB holding `snapshot`), and read back what is
// stored. The core's round-trip tests use it, so they exercise the real write path.
import type { ImportPlan } from '../core/exchange/import';
import { importWrites } from '../core/exchange/import';
import type { WorkbookSnapshot } from '../core/exchange/snapshot';
import { applyImportWrites } from './exchange';
import { freshDb } from './test-helpers';
import { putRows, readAllRows } from './indicator-sets';
import type { OwnIndicator } from '../core/model';

export async function applyPlanToStorage(
	snapshot: WorkbookSnapshot,
	plan: ImportPlan,
	now = 9
): Promise<WorkbookSnapshot> {
	const db = freshDb(`apply-plan-${Math.random()}`);
	try {
		await db.open();
		await db.series.bulkPut(snapshot.series);
		await putRows(db, snapshot.ownIndicators);
		await applyImportWrites(db, importWrites(plan), now);
		return { series: await db.series.toArray(), ownIndicators: (await readAllRows(db)) as OwnIndicator[] };
	} finally {
		db.close();
	}
}
