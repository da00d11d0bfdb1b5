// Format 1.2: notes per figure (批注) in both layouts, and files of 1.0 / 1.1 read as before.
import { describe, expect, it } from 'vitest';
import type { Series } from '../model';
import { planImport, type ImportPlan } from './import';
import { applyPlanToStorage } from '../../storage/apply-plan-helpers';
import { buildExportTable, toCsvText } from './export';
import { EMPTY_SNAPSHOT, type WorkbookSnapshot } from './snapshot';
import { FORMAT_VERSION } from './contract';

const GRID_HEADER =
	'地区代码,地区,指标代码,指标,单位,类型,2020,2021,2022,2023,2024,2025,2026,2027,2028,2029,2030,2031,2032,2033,2034,2035,备注';
const LONG_HEADER = '地区代码,地区,指标代码,指标,单位,类型,年份,数值,备注';
const EDU01 = '620702,甘州区,EDU01,学前教育毛入园率,%,实际';

function plan(text: string, snapshot: WorkbookSnapshot = EMPTY_SNAPSHOT): ImportPlan {
	return planImport([{ text }], snapshot);
}
function noted(cells: Series['cells'], notes?: Series['notes'], note = ''): Series {
	return {
		regionCode: '620702',
		indicatorCode: 'EDU01',
		kind: 'actual',
		cells,
		note,
		...(notes ? { notes } : {}),
		updatedAt: 5
	};
}
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, () => '').join(',');

describe('format 1.2 export', () => {
	it('is version 1.2 on the metadata row', () => {
		expect(FORMAT_VERSION).toBe('1.2');
	});

	it('writes exactly the 1.1 header when no figure has a note', () => {
		const w: WorkbookSnapshot = { series: [noted({ '2023': { t: 'n', v: 96.4 } })], ownIndicators: [] };
		const grid = buildExportTable(w, { regionCodes: ['620702'], layout: 'grid' });
		expect(grid[0]!.join(',')).toBe(GRID_HEADER);
		const long = buildExportTable(w, { regionCodes: ['620702'], layout: 'long' });
		expect(long[0]!.join(',')).toBe(LONG_HEADER);
	});

	it('long layout: a 批注 column beside each figure; a note on an empty year gets its own row', () => {
		const w: WorkbookSnapshot = {
			series: [noted({ '2023': { t: 'n', v: 96.4 } }, { '2023': '含民办园', '2024': '=待核实' })],
			ownIndicators: []
		};
		const text = toCsvText(buildExportTable(w, { regionCodes: ['620702'], layout: 'long' }));
		const lines = text.split('\r\n');
		expect(lines[0]).toBe(`${LONG_HEADER},批注`);
		expect(lines).toContain(`${EDU01},2023,96.4,,含民办园`);
		// Excel's formula starters are guarded, as every text is.
		expect(lines).toContain(`${EDU01},2024,,,'=待核实`);
	});

	it('grid layout: a `2023批注` column per year that has a note, after 备注', () => {
		const w: WorkbookSnapshot = {
			series: [noted({ '2023': { t: 'n', v: 96.4 } }, { '2023': '含民办园' }, '行备注')],
			ownIndicators: []
		};
		const table = buildExportTable(w, { regionCodes: ['620702'], layout: 'grid' });
		expect(table[0]!.join(',')).toBe(`${GRID_HEADER},2023批注`);
		const row = table.find((r) => r[2] === 'EDU01')!;
		expect(row.slice(-2)).toEqual(['行备注', '含民办园']);
		expect(table.find((r) => r[2] === 'EDU02')!.at(-1)).toBe('');
	});
});

describe('format 1.2 import', () => {
	it('reads notes from the long layout and the grid layout alike', () => {
		const long = plan(`${LONG_HEADER},批注\r\n${EDU01},2023,96.4,,含民办园\r\n${EDU01},2024,,,待核实\r\n`);
		const grid = plan(
			`${GRID_HEADER},2023批注,2024批注\r\n${EDU01},,,,96.4,${years(2024, 2035)},,含民办园,待核实\r\n`
		);
		for (const p of [long, grid]) {
			expect(p.rejected).toEqual([]);
			const change = p.changes[0]!;
			expect(change.after.cells).toEqual({ '2023': { t: 'n', v: 96.4 } });
			expect(change.after.notes).toEqual({ '2023': '含民办园', '2024': '待核实' });
			expect(change.figureNotesChanged.map((n) => [n.year, n.before, n.after])).toEqual([
				['2023', undefined, '含民办园'],
				['2024', undefined, '待核实']
			]);
			expect(p.hasChanges).toBe(true);
		}
	});

	it('shows a changed note with its old text; a blank 批注 leaves a note alone; the same note is no change', async () => {
		const stored: WorkbookSnapshot = {
			series: [noted({ '2023': { t: 'n', v: 96.4 } }, { '2023': '旧说明', '2022': '保留' })],
			ownIndicators: []
		};
		const p = plan(`${LONG_HEADER},批注\r\n${EDU01},2023,96.4,,新说明\r\n${EDU01},2022,,,\r\n`, stored);
		expect(p.changes[0]!.figureNotesChanged).toEqual([
			{ year: '2023', before: '旧说明', after: '新说明', file: 0, row: 2 }
		]);
		const after = (await applyPlanToStorage(stored, p, 9)).series.find((s) => s.indicatorCode === 'EDU01');
		expect(after?.notes).toEqual({ '2022': '保留', '2023': '新说明' });
		expect(plan(`${LONG_HEADER},批注\r\n${EDU01},2023,96.4,,旧说明\r\n`, stored).hasChanges).toBe(false);
	});

	it('refuses a row whose note is over the limit, naming the column and year', () => {
		const p = plan(`${LONG_HEADER},批注\r\n${EDU01},2023,96.4,,${'长'.repeat(501)}\r\n`);
		expect(p.rejected).toMatchObject([{ row: 2, column: '批注', code: 'figure-note-too-long' }]);
		expect(p.changes).toEqual([]);
	});

	it('a note column of the other layout is ignored with a warning, not misread', () => {
		const p = plan(`${LONG_HEADER},2023批注\r\n${EDU01},2023,96.4,,说明\r\n`);
		expect(p.changes[0]!.after.notes).toBeUndefined();
		expect(p.files[0]!.problems).toEqual([
			{ code: 'ignored-columns', params: { columns: '2023批注' }, fatal: false }
		]);
	});
});

describe('files of format 1.0 and 1.1', () => {
	const stored: WorkbookSnapshot = {
		series: [noted({ '2023': { t: 'n', v: 96.4 } }, { '2023': '本机批注' })],
		ownIndicators: []
	};
	const v10 = `${LONG_HEADER}\r\n${EDU01},2023,97,\r\n`;
	const v11 = `报送信息,导出时间,2026-11-29 10:32,格式版本,1.1\r\n${GRID_HEADER}\r\n${EDU01},,,,97,${years(2024, 2035)},\r\n`;

	for (const [name, text] of [
		['1.0', v10],
		['1.1', v11]
	] as const) {
		it(`read as before (${name}): figures change, the workbook's notes stay`, async () => {
			const p = plan(text, stored);
			expect(p.rejected).toEqual([]);
			expect(p.files[0]!.problems).toEqual([]);
			const change = p.changes[0]!;
			expect(change.changed.map((c) => [c.year, c.after])).toEqual([['2023', { t: 'n', v: 97 }]]);
			expect(change.figureNotesChanged).toEqual([]);
			expect(change.after.notes).toEqual({ '2023': '本机批注' });
			const after = (await applyPlanToStorage(stored, p, 9)).series[0]!;
			expect(after.notes).toEqual({ '2023': '本机批注' });
		});
	}
});
