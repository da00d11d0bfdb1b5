// The .xlsx side of the exchange's central promise: export a workbook as .xlsx, read the
// file back into an empty one, and nothing differs (figures, comparators, qualifiers, 是/否,
// formulas, notes, notes per figure, own indicators, who sent it). Checked on the same random
// workbooks as the CSV round trip (roundtrip-workbooks.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planImport } from '../import';
import { applyPlanToStorage } from '../../../storage/apply-plan-helpers';
import { EMPTY_SNAPSHOT, type WorkbookSnapshot } from '../snapshot';
import { ALL_REGIONS, essence, senderArb, stampArb, workbookArb } from '../roundtrip-workbooks';
import type { Sender } from '../metadata';
import { buildExportBook } from './export-book';
import { writeBook } from './write';
import { readWorkbookFile } from './import-file';

/** What the engine would give for a formula: any value will do, the formula is what travels. */
const formulaValue = (_r: string, _i: string, year: number) => year / 10;

async function roundTrip(w: WorkbookSnapshot, exportedAt: Date, sender: Sender) {
	const book = buildExportBook(w, { regionCodes: ALL_REGIONS, exportedAt, sender, formulaValue });
	const bytes = await writeBook(book);
	const reads = await readWorkbookFile({ name: 'export.xlsx', bytes });
	const plan = planImport(
		reads.map((r) => r.text),
		EMPTY_SNAPSHOT
	);
	return { plan, after: await applyPlanToStorage(EMPTY_SNAPSHOT, plan, 1) };
}

const pad = (n: number) => String(n).padStart(2, '0');

describe('.xlsx export → import round trip', () => {
	it('restores every random workbook exactly, every region sheet read', async () => {
		await fc.assert(
			fc.asyncProperty(workbookArb, senderArb, stampArb, async (w, sender, exportedAt) => {
				const { plan, after } = await roundTrip(w, exportedAt, sender);
				expect(plan.rejected).toEqual([]);
				expect(essence(after)).toEqual(essence(w));
				expect(plan.files).toHaveLength(ALL_REGIONS.length);
				for (const file of plan.files) {
					expect(file.problems).toEqual([]);
					expect(file.source).toMatchObject({
						exportedAt:
							`${exportedAt.getFullYear()}-${pad(exportedAt.getMonth() + 1)}-${pad(exportedAt.getDate())} ` +
							`${pad(exportedAt.getHours())}:${pad(exportedAt.getMinutes())}`,
						dateFrom: 'metadata',
						senderUnit: sender.unit || null,
						senderName: sender.name || null
					});
				}
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 40) }
		);
	}, 120_000);
});
