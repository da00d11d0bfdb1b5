// The exchange's central promise: export a workbook, read the file back into an empty
// one, and nothing differs — whatever the names and notes hold, in every layout and
// encoding. Checked on random workbooks (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildExportTable, toCsvText } from './export';
import { planImport } from './import';
import { applyPlanToStorage } from '../../storage/apply-plan-helpers';
import { decodeBytes, encodeText, type ExportEncoding } from './encoding';
import { EMPTY_SNAPSHOT, type WorkbookSnapshot } from './snapshot';
import type { Layout } from './contract';
import type { Sender } from './metadata';
import { ALL_REGIONS, essence, senderArb, stampArb, workbookArb } from './roundtrip-workbooks';

async function roundTrip(
	w: WorkbookSnapshot,
	layout: Layout,
	encoding: ExportEncoding,
	metadata: { exportedAt: Date; sender: Sender }
) {
	const text = toCsvText(buildExportTable(w, { regionCodes: ALL_REGIONS, layout, metadata }));
	const decoded = decodeBytes(await encodeText(text, encoding));
	const plan = planImport([{ text: decoded.text }], EMPTY_SNAPSHOT);
	return { plan, after: await applyPlanToStorage(EMPTY_SNAPSHOT, plan, 1) };
}

const pad = (n: number) => String(n).padStart(2, '0');

describe('export → import round trip', () => {
	for (const layout of ['grid', 'long'] as const) {
		it(`restores every random workbook exactly (${layout} layout, every encoding)`, async () => {
			await fc.assert(
				fc.asyncProperty(
					workbookArb,
					fc.constantFrom<ExportEncoding>('utf-8-bom', 'utf-8', 'gb18030'),
					senderArb,
					stampArb,
					async (w, enc, sender, exportedAt) => {
						const { plan, after } = await roundTrip(w, layout, enc, { exportedAt, sender });
						expect(plan.rejected).toEqual([]);
						expect(essence(after)).toEqual(essence(w));
						// The metadata row comes back as written, and is no title row to warn of.
						const file = plan.files[0]!;
						expect(file.problems.map((p) => p.code)).not.toContain('rows-before-header');
						expect(file.source).toEqual({
							exportedAt:
								`${exportedAt.getFullYear()}-${pad(exportedAt.getMonth() + 1)}-${pad(exportedAt.getDate())} ` +
								`${pad(exportedAt.getHours())}:${pad(exportedAt.getMinutes())}`,
							date: file.source.exportedAt?.slice(0, 10),
							dateFrom: 'metadata',
							senderUnit: sender.unit || null,
							senderName: sender.name || null
						});
					}
				),
				{ numRuns: Number(process.env.FC_RUNS ?? 60) }
			);
			// Sixty random workbooks through three encodings: seconds on a shared machine.
		}, 60_000);
	}

	it('changes nothing when the same file is read back into the workbook it came from', async () => {
		await fc.assert(
			fc.asyncProperty(workbookArb, async (w) => {
				const text = toCsvText(buildExportTable(w, { regionCodes: ALL_REGIONS, layout: 'grid' }));
				const plan = planImport([{ text }], w);
				expect(plan.hasChanges).toBe(false);
				expect(plan.rejected).toEqual([]);
			}),
			{ numRuns: 40 }
		);
	});
});
