// A 批注 on a city or province target travels in the targets' export as format 1.2 sets out
// (the long layout's 批注 column, the grid layout's `2025批注` columns), and back in.
import { describe, expect, it } from 'vitest';
import type { Series } from '../model';
import { importWrites, planImport } from './import';
import { buildExportTable, toCsvText } from './export';
import type { WorkbookSnapshot } from './snapshot';

const cityTarget: Series = {
	regionCode: '620700',
	indicatorCode: 'EDU02',
	kind: 'target',
	cells: { '2025': { t: 'n', v: 96, cmp: '>' }, '2035': { t: 'n', v: 99 } },
	note: '',
	notes: { '2025': '市委发〔2021〕35号 第12页' },
	updatedAt: 3
};
const workbook: WorkbookSnapshot = { series: [cityTarget], ownIndicators: [] };

describe('notes on targets in CSV (format 1.2)', () => {
	for (const layout of ['long', 'grid'] as const) {
		it(`${layout} layout: exported beside the target and read back unchanged`, () => {
			const text = toCsvText(buildExportTable(workbook, { regionCodes: ['620700'], layout }));
			expect(text).toContain('市委发〔2021〕35号 第12页');
			expect(text).toContain(layout === 'long' ? ',批注' : ',2025批注');
			// Into a workbook without the note: the note, and nothing else, is the change.
			const without: WorkbookSnapshot = {
				series: [{ ...cityTarget, notes: undefined }],
				ownIndicators: []
			};
			const plan = planImport([{ text }], without);
			expect(plan.rejected).toEqual([]);
			// What the workbook's apply writes (the same function it calls).
			const after = importWrites(plan).series.find(
				(w) =>
					w.series.regionCode === '620700' && w.series.indicatorCode === 'EDU02' && w.series.kind === 'target'
			)?.series;
			expect(after?.notes).toEqual({ '2025': '市委发〔2021〕35号 第12页' });
			expect(after?.cells).toEqual(cityTarget.cells);
		});
	}
});
