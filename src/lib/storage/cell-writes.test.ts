import { describe, expect, it } from 'vitest';
import { WorkbookDb } from './db';
import { writeCells, type CellWrite } from './cell-writes';
import { figureHistory, recordChanges, regionHistory } from './history-table';
import { getAllSeries } from './series-table';
import { applyImportWrites, undoImportWrites } from './exchange';
import { freshDeps } from './test-helpers';
import type { Cell } from '../core/model';
import type { FigureChange } from '../core/figure-history';

const row = { regionCode: '620702', indicatorCode: 'EDU01', kind: 'actual' } as const;
const n = (v: number): Cell => ({ t: 'n', v });

/** Two tabs: two connections to one (fake) IndexedDB database. */
async function twoTabs(): Promise<[WorkbookDb, WorkbookDb]> {
	const deps = freshDeps();
	const a = new WorkbookDb('w', deps);
	const b = new WorkbookDb('w', deps);
	await a.open();
	await b.open();
	return [a, b];
}

function edit(year: number, after: number | null, expected?: number | null): CellWrite {
	return {
		...row,
		year,
		after: after === null ? null : n(after),
		...(expected === undefined ? {} : { expected: expected === null ? null : n(expected) })
	};
}

describe('writeCells', () => {
	it('two tabs writing different cells of one row at once: both cells are stored', async () => {
		const [a, b] = await twoTabs();
		await writeCells(a, [edit(2022, 95)], { who: '', how: 'input' });
		// Both tabs read the row with 2022 only, then write a different year concurrently.
		await Promise.all([
			writeCells(a, [edit(2023, 96.4, null)], { who: '甲', how: 'input' }),
			writeCells(b, [edit(2024, 97.1, null)], { who: '乙', how: 'input' })
		]);
		const [stored] = await getAllSeries(a);
		expect(stored?.cells).toEqual({ '2022': n(95), '2023': n(96.4), '2024': n(97.1) });
		expect(await getAllSeries(b)).toEqual(await getAllSeries(a));
	});

	it('the same cell: the later write wins and returns the figure it replaced', async () => {
		const [a, b] = await twoTabs();
		await writeCells(a, [edit(2023, 96.4)], { who: '', how: 'input' });
		const first = await writeCells(a, [edit(2023, 96.8, 96.4)], { who: '甲', how: 'input' });
		expect(first.replaced).toEqual([]);
		const later = await writeCells(b, [edit(2023, 97.1, 96.4)], { who: '乙', how: 'input' });
		expect(later.replaced).toEqual([
			{ ...row, year: 2023, expected: n(96.4), replaced: n(96.8), after: n(97.1) }
		]);
		expect((await getAllSeries(a))[0]?.cells['2023']).toEqual(n(97.1));
	});

	it('a write that changes nothing writes nothing and records nothing', async () => {
		const [a] = await twoTabs();
		await writeCells(a, [edit(2023, 96.4)], { who: '', how: 'input', now: 5 });
		const again = await writeCells(a, [edit(2023, 96.4, 96.4)], { who: '', how: 'input', now: 9 });
		expect(again.series).toEqual([]);
		expect((await getAllSeries(a))[0]?.updatedAt).toBe(5);
		expect(await regionHistory(a, row.regionCode)).toHaveLength(1);
	});

	it('records every changed figure with before, after, when, who and how', async () => {
		const [a] = await twoTabs();
		await writeCells(a, [edit(2023, 96.4)], { who: '张三', how: 'input', now: 10 });
		await writeCells(a, [edit(2023, 96.8), edit(2024, 97)], { who: '张三', how: 'paste', now: 20 });
		await writeCells(a, [edit(2023, null)], { who: '', how: 'undo', now: 30 });
		const h = await figureHistory(a, { ...row, year: 2023 });
		expect(h.map((c) => [c.before, c.after, c.at, c.who, c.how])).toEqual([
			[n(96.8), null, 30, '', 'undo'],
			[n(96.4), n(96.8), 20, '张三', 'paste'],
			[null, n(96.4), 10, '张三', 'input']
		]);
	});

	it('a failed write leaves neither the figure nor its history', async () => {
		const [a] = await twoTabs();
		const bad = { ...row, year: 2023, after: { t: 'n', v: Number.NaN } as Cell };
		await expect(writeCells(a, [edit(2022, 1), bad], { who: '', how: 'input' })).rejects.toThrow();
		expect(await getAllSeries(a)).toEqual([]);
		expect(await a.history.count()).toBe(0);
	});

	it('keeps the history bounded per figure and overall, dropping the oldest', async () => {
		const [a] = await twoTabs();
		const change = (year: number, v: number): FigureChange => ({
			...row,
			year,
			before: null,
			after: n(v),
			at: v,
			who: '',
			how: 'input'
		});
		const bounds = { perFigure: 3, total: 5 };
		await a.transaction('rw', a.history, a.historyRuns, async () => {
			for (let v = 1; v <= 5; v++) await recordChanges(a, [change(2023, v)], bounds);
		});
		expect((await figureHistory(a, { ...row, year: 2023 })).map((c) => c.at)).toEqual([5, 4, 3]);
		await a.transaction('rw', a.history, a.historyRuns, async () => {
			await recordChanges(a, [change(2024, 6), change(2025, 7), change(2026, 8)], bounds);
		});
		expect(await a.history.count()).toBe(5);
		expect((await figureHistory(a, { ...row, year: 2023 })).map((c) => c.at)).toEqual([5, 4]);
	});
});

describe('imports through the merge', () => {
	it('an import and an edit of another cell of the same row, in two tabs at once: both kept', async () => {
		const [a, b] = await twoTabs();
		await writeCells(a, [edit(2022, 95)], { who: '', how: 'input', now: 7 });
		const importing = applyImportWrites(
			a,
			{
				series: [
					{
						series: { ...row, cells: { '2022': n(95), '2021': n(94) }, note: '' },
						expected: 7,
						before: { cells: { '2022': n(95) }, note: '' }
					}
				],
				indicators: []
			},
			8,
			{ who: '李四' }
		);
		const editing = writeCells(b, [edit(2023, 96.4, null)], { who: '乙', how: 'input', now: 9 });
		await Promise.all([importing, editing]);
		const [stored] = await getAllSeries(b);
		expect(stored?.cells).toEqual({ '2021': n(94), '2022': n(95), '2023': n(96.4) });
		const imported = await figureHistory(a, { ...row, year: 2021 });
		expect(imported.map((c) => [c.how, c.who])).toEqual([['import', '李四']]);
	});

	it('an import whose previewed figure was changed since is refused, and writes nothing', async () => {
		const [a, b] = await twoTabs();
		await writeCells(a, [edit(2022, 95)], { who: '', how: 'input', now: 7 });
		await writeCells(b, [edit(2022, 96, 95)], { who: '', how: 'input', now: 8 });
		const write = {
			series: { ...row, cells: { '2022': n(90), '2021': n(94) }, note: '' },
			expected: 7,
			before: { cells: { '2022': n(95) }, note: '' }
		};
		await expect(applyImportWrites(a, { series: [write], indicators: [] }, 9)).rejects.toMatchObject({
			code: 'conflict'
		});
		expect((await getAllSeries(a))[0]?.cells).toEqual({ '2022': n(96) });
		expect(await a.history.count()).toBe(2);
	});

	it('undo of an import puts each figure back and records it', async () => {
		const [a] = await twoTabs();
		await writeCells(a, [edit(2022, 95)], { who: '', how: 'input', now: 7 });
		const applied = await applyImportWrites(
			a,
			{ series: [{ series: { ...row, cells: { '2022': n(90) }, note: '' }, expected: 7 }], indicators: [] },
			8
		);
		await undoImportWrites(a, applied.undo);
		expect((await getAllSeries(a))[0]?.cells).toEqual({ '2022': n(95) });
		const h = await figureHistory(a, { ...row, year: 2022 });
		expect(h.map((c) => c.how)).toEqual(['undo-import', 'import', 'input']);
	});
});
