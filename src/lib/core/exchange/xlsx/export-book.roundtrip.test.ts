// The exported workbook read back by a reader of .xlsx (read-excel-file, as the import reads
// it): every region sheet holds the CSV export's table cell for cell, text as the same text,
// a plain figure as the same number. Checked on random workbooks (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import readExcelFile from 'read-excel-file/universal';
import { YEARS, type Cell, type Series } from '../../model';
import { buildExportTable } from '../export';
import type { WorkbookSnapshot } from '../snapshot';
import { buildExportBook } from './export-book';
import { writeBook } from './write';

const text = fc
	.array(
		fc.oneof(
			fc.constantFrom(
				'=',
				'-',
				"'",
				'"',
				',',
				'\r\n',
				'\n',
				'\t',
				'\u0001',
				'_x0041_',
				'😀',
				'𠀀',
				'张掖',
				' '
			),
			fc.string({ maxLength: 3 })
		),
		{ maxLength: 6 }
	)
	.map((parts) => parts.join('').toWellFormed());

const figure = fc.oneof(
	fc.integer({ min: -1000, max: 100_000 }),
	fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
	fc.constantFrom(99.53, 0.1 + 0.2, 1e-7, 1e21, 0)
);

const cell: fc.Arbitrary<Cell> = fc.oneof(
	figure.map((v): Cell => ({ t: 'n', v })),
	fc
		.tuple(figure, fc.constantFrom<'>' | undefined>('>', undefined), fc.constantFrom('优质均衡', undefined))
		.map(([v, cmp, q]): Cell => ({ t: 'n', v, ...(cmp ? { cmp } : {}), ...(q ? { q } : {}) }))
);

const REGIONS = ['620702', '620700'];
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const CODES = ['EDU01', 'EDU02', 'EDU09'];

const snapshot: fc.Arbitrary<WorkbookSnapshot> = fc
	.array(
		fc.record({
			regionCode: fc.constantFrom(...REGIONS),
			indicatorCode: fc.constantFrom(...CODES),
			kind: fc.constantFrom<'actual' | 'target'>('actual', 'target'),
			cells: fc.dictionary(fc.constantFrom(...YEARS.map(String)), cell, { maxKeys: 5 }),
			note: text
		}),
		{ maxLength: 6 }
	)
	.map((rows) => {
		const byKey = new Map<string, Series>();
		for (const r of rows) {
			// A county has figures only; a comparator belongs to a target row.
			const kind = r.regionCode === '620702' ? 'actual' : r.kind;
			const cells = Object.fromEntries(
				Object.entries(r.cells).map(([y, c]) => [
					y,
					kind === 'actual' && c.t === 'n' ? { t: 'n' as const, v: c.v } : c
				])
			);
			byKey.set(`${r.regionCode}|${r.indicatorCode}|${kind}`, { ...r, kind, cells, updatedAt: 1 });
		}
		return { series: [...byKey.values()], ownIndicators: [] };
	});

describe('the exported workbook, read back', () => {
	it('holds the CSV table: the same text, the same figures', async () => {
		await fc.assert(
			fc.asyncProperty(snapshot, async (snap) => {
				const book = buildExportBook(snap, {
					regionCodes: REGIONS,
					exportedAt: new Date(2026, 0, 1),
					sender: { unit: '', name: '' }
				});
				const bytes = await writeBook(book);
				const sheets = (await readExcelFile(bytes.buffer as ArrayBuffer, { trim: false } as never)) as {
					data: unknown[][];
				}[];
				REGIONS.forEach((regionCode, i) => {
					const table = buildExportTable(snap, { regionCodes: [regionCode], layout: 'grid' });
					const data = sheets[i + 1]!.data;
					table.forEach((row, r) =>
						row.forEach((csv, c) => {
							const read = data[r]?.[c] ?? null;
							const isYear = r > 0 && c >= 6 && c < 6 + YEARS.length;
							if (csv === '') expect(read).toBeNull();
							// A plain figure (the CSV writes it bare) is a number; all else is its text.
							else if (isYear && PLAIN_NUMBER.test(csv)) expect(read).toBe(Number(csv));
							else expect(read).toBe(csv);
						})
					);
				});
			}),
			{ numRuns: 40 }
		);
	});
});
