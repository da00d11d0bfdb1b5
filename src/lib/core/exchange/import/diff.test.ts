import { describe, expect, it } from 'vitest';
import { buildExportTable, toCsvText } from '../export';
import { EMPTY_SNAPSHOT, type WorkbookSnapshot } from '../snapshot';
import { GRID_HEADER, LONG_HEADER, cellsOf, plan, series } from './fixtures';
import { planImport } from './plan';
import { applyPlanToStorage } from '../../../storage/apply-plan-helpers';

describe('warnings that do not refuse', () => {
	it('warns when a name disagrees with the code, and goes by the code', () => {
		const p = plan(`${GRID_HEADER}\n620702,临泽县,EDU01,学前教育毛入园率,%,实际,99,,,,,,,,,,,,,,,,\n`);
		expect(p.warnings.map((w) => [w.row, w.code])).toEqual([[2, 'region-name-mismatch']]);
		expect(cellsOf(p, '620702', 'EDU01')).toBeDefined();
	});

	it('warns of implausible figures and of a fraction among percentages', () => {
		const p = plan(`地区代码,指标代码,类型,2022,2023,2024\n620702,EDU01,实际,99.4,0.9951,250\n`);
		expect(p.warnings.map((w) => [w.column, w.code, w.params])).toEqual([
			['2024', 'implausible', { text: '250', unit: '%' }],
			['2023', 'fraction-percent', { text: '0.9951', meant: '99.51', neighbour: '99.4' }]
		]);
		expect(p.rejected).toEqual([]);
	});
});

describe('the plan against the workbook', () => {
	const stored: WorkbookSnapshot = {
		series: [series('620702', 'EDU01', { '2020': { t: 'n', v: 99 }, '2023': { t: 'n', v: 99.3 } }, '旧备注')],
		ownIndicators: []
	};

	it('counts new, changed and unchanged cells, shows old → new, and keeps cells the file leaves blank', async () => {
		const p = plan(`地区代码,指标代码,类型,2020,2023,2024,2025\n620702,EDU01,实际,99,99.2,99.6,\n`, stored);
		const change = p.changes[0]!;
		expect(change.added.map((c) => [c.year, c.after])).toEqual([['2024', { t: 'n', v: 99.6 }]]);
		expect(change.changed.map((c) => [c.year, c.before, c.after])).toEqual([
			['2023', { t: 'n', v: 99.3 }, { t: 'n', v: 99.2 }]
		]);
		expect(change.unchanged).toBe(1);
		expect(change.after.note).toBe('旧备注');
		expect(p.regions).toEqual([{ regionCode: '620702', added: 1, changed: 1, unchanged: 1, rejected: 0 }]);
		const after = await applyPlanToStorage(stored, p, 9);
		expect(after.series[0]!.cells).toEqual({
			'2020': { t: 'n', v: 99 },
			'2023': { t: 'n', v: 99.2 },
			'2024': { t: 'n', v: 99.6 }
		});
	});

	it('has nothing to do when the file says what the workbook already holds', () => {
		const text = toCsvText(buildExportTable(stored, { regionCodes: ['620702'], layout: 'long' }));
		const p = plan(text, stored);
		expect(p.hasChanges).toBe(false);
		expect(p.regions).toEqual([{ regionCode: '620702', added: 0, changed: 0, unchanged: 2, rejected: 0 }]);
	});

	it('merges several files into one plan and reports progress to the end', () => {
		const seen: number[] = [];
		const p = planImport(
			[
				{ text: '地区代码,指标代码,类型,2024\n620702,EDU01,实际,99.6\n' },
				{ text: `${LONG_HEADER}\n620723,,EDU01,,,实际,2024,98,\n` }
			],
			EMPTY_SNAPSHOT,
			(done, total) => seen.push(done / total)
		);
		expect(p.changes.map((c) => c.regionCode)).toEqual(['620702', '620723']);
		expect(p.files.map((f) => f.layout)).toEqual(['grid', 'long']);
		expect(seen.at(-1)).toBe(1);
	});

	it('counts new, changed, unchanged and refused per file and per region', () => {
		const p = planImport(
			[
				// 甘州区 and 临泽县 in one file: a change, a new cell, an unchanged one, a refusal.
				{
					text: '地区代码,指标代码,类型,2020,2023,2024\n620702,EDU01,实际,99,99.2,\n620723,EDU01,实际,,,98\n620723,EDU02,实际,,,很高\n'
				},
				// 甘州区 again: one cell the first file already gave alike, one new.
				{ text: '地区代码,指标代码,类型,2023,2024\n620702,EDU01,实际,99.2,99.6\n629999,EDU01,实际,1,\n' },
				{ text: '', refused: 'xlsx' }
			],
			stored
		);
		expect(p.fileRegions).toEqual([
			{ file: 0, regionCode: '620702', added: 0, changed: 1, unchanged: 1, rejected: 0 },
			{ file: 0, regionCode: '620723', added: 1, changed: 0, unchanged: 0, rejected: 1 },
			{ file: 1, regionCode: '620702', added: 1, changed: 0, unchanged: 0, rejected: 0 },
			{ file: 1, regionCode: '', added: 0, changed: 0, unchanged: 0, rejected: 1 }
		]);
		// The files' parts add up to the regions' totals.
		for (const r of p.regions) {
			const parts = p.fileRegions.filter((f) => f.regionCode === r.regionCode);
			for (const k of ['added', 'changed', 'unchanged', 'rejected'] as const) {
				expect(parts.reduce((n, f) => n + f[k], 0)).toBe(r[k]);
			}
		}
	});
});
