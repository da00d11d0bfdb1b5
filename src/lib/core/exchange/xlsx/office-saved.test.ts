// Workbooks as a county's office makes them: our CSV export opened in a spreadsheet and
// saved as .xlsx (LibreOffice Calc headless, scripts/fixtures/xlsx-fixtures.mjs). The
// spreadsheet turns codes and figures into numbers, the metadata row into cells, `=1/0`
// into a formula's error and `2023-05-01` into a date; the import must see the same figures.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { planImport, readImportFile, type ImportPlan } from '../import';
import { EMPTY_SNAPSHOT } from '../snapshot';
import { readWorkbookFile } from './import-file';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

async function planOfWorkbook(name: string): Promise<ImportPlan> {
	const reads = await readWorkbookFile({ name, bytes: fixture(name) });
	return planImport(
		reads.map((r) => r.text),
		EMPTY_SNAPSHOT
	);
}

/** What a plan would write, without where it came from (file and row differ by design). */
function written(plan: ImportPlan) {
	return {
		changes: plan.changes.map((c) => ({ ...c, added: c.added.map((a) => [a.year, a.after]) })),
		indicators: plan.indicators,
		rejected: plan.rejected.map((r) => [r.row, r.column, r.code]),
		warnings: plan.warnings.map((w) => [w.row, w.column, w.code])
	};
}

describe('our CSV saved as .xlsx by a spreadsheet', () => {
	it('imports exactly as the CSV it came from', async () => {
		const csv = readImportFile({ name: 'ganzhou-export.csv', bytes: fixture('ganzhou-export.csv') });
		const fromCsv = planImport([csv.text], EMPTY_SNAPSHOT);
		const fromXlsx = await planOfWorkbook('ganzhou-export.xlsx');
		expect(fromCsv.rejected).toEqual([]);
		expect(written(fromXlsx)).toEqual(written(fromCsv));
		// The figures themselves, not only "the same as the CSV".
		const edu01 = fromXlsx.changes.find((c) => c.indicatorCode === 'EDU01')!;
		expect(edu01.after.cells).toEqual({
			'2020': { t: 'n', v: 92.5 },
			'2021': { t: 'n', v: 93.1 },
			'2022': { t: 'n', v: 95.8 },
			'2023': { t: 'n', v: 96.4 }
		});
		expect(edu01.after.notes).toEqual({ '2023': '据年报，含新建园 3 所' });
		const edu04 = fromXlsx.changes.find((c) => c.indicatorCode === 'EDU04')!;
		expect(edu04.after.cells['2023']).toEqual({ t: 'f', f: '=AVERAGE(D4:F4)' });
		expect(fromXlsx.files[0]!.source).toMatchObject({ senderUnit: '甘州区教育局', dateFrom: 'metadata' });
		expect(fromXlsx.indicators.map((i) => i.after.code)).toEqual(['GZ01']);
	});

	it('a date, a formula error and a formula of its own refused or named, the rest read', async () => {
		const plan = await planOfWorkbook('linze-hostile.xlsx');
		expect(plan.rejected.map((r) => [r.row, r.column, r.code, r.params.text])).toEqual([
			[2, '2023', 'xlsx-date', '2023-05-01'],
			[3, '2023', 'xlsx-error', '#DIV/0!']
		]);
		// =J2*2 is the spreadsheet's own formula over a date: its result is what it shows.
		expect(plan.warnings.map((w) => [w.row, w.code])).toContainEqual([4, 'xlsx-formula-value']);
		const cell = (code: string) => plan.changes.find((c) => c.indicatorCode === code)?.after.cells['2023'];
		expect(cell('EDU05')).toEqual({ t: 'n', v: 45.5 });
		expect(cell('EDU06')).toEqual({ t: 'n', v: 81.25 });
	});
});
