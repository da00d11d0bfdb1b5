// First run: write the plan's province/city baselines and targets into a new database.
import { seriesSchema, type Series } from '../core/model';
import type { WorkbookDb } from './db';
import { setMeta } from './meta-table';
import { seriesKeyTuple } from './series-table';

export interface SeedOutcome {
	/** False when the database had been seeded before and nothing was done. */
	seeded: boolean;
	/** Series written (seed rows the user already had are left alone). */
	added: number;
}

/**
 * Seeds once per database, marked by meta 'seededAt'. Runs in one transaction so two tabs
 * starting together cannot both seed, and a crash mid-way leaves no half-seeded state.
 * Seeding only adds missing rows: a record already present (e.g. restored from a backup
 * before seeding) is the user's and is never overwritten.
 */
export async function ensureSeeded(
	db: WorkbookDb,
	seeds: readonly Series[],
	now = Date.now()
): Promise<SeedOutcome> {
	const records = seeds.map((s) => seriesSchema.parse(s));
	return db.transaction('rw', db.series, db.meta, async () => {
		// The mark's presence is what counts: a damaged one must not stop the workbook opening
		// (and seeding again would only add missing rows, never overwrite one).
		if ((await db.meta.get('seededAt')) !== undefined) return { seeded: false, added: 0 };
		const existing = await db.series.bulkGet(records.map(seriesKeyTuple));
		const missing = records.filter((_, i) => existing[i] === undefined);
		await db.series.bulkAdd(missing);
		await setMeta(db, 'seededAt', now);
		return { seeded: true, added: missing.length };
	});
}
