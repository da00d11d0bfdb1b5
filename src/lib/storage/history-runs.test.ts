import { describe, expect, it } from 'vitest';
import { WorkbookDb } from './db';
import { writeCells, type CellWrite } from './cell-writes';
import { figureHistory, recordChanges, regionHistory } from './history-table';
import { applyImportWrites, undoImportWrites } from './exchange';
import { readContent } from './backup/content';
import { freshDeps } from './test-helpers';
import type { Cell } from '../core/model';
import { HISTORY_RUN_SIZE, type FigureChange } from '../core/figure-history';

const n = (v: number): Cell => ({ t: 'n', v });

/** An import of `rows` own indicators × 16 years: 16 × rows new figures. */
function importOf(rows: number, value = 1) {
	return {
		series: Array.from({ length: rows }, (_, i) => ({
			series: {
				regionCode: '620702',
				indicatorCode: `C${String(i + 1).padStart(4, '0')}`,
				kind: 'actual' as const,
				cells: Object.fromEntries(Array.from({ length: 16 }, (_, y) => [String(2020 + y), n(value + y)])),
				note: ''
			},
			expected: null,
			before: null
		})),
		indicators: []
	};
}

describe('the history of a large write, in bulk', () => {
	it('an import of 16,000 figures keeps every change, in runs, read back per figure and per region', async () => {
		const db = new WorkbookDb('runs', freshDeps());
		await applyImportWrites(db, importOf(1000), 50, { who: '张三' });
		expect(await db.history.count()).toBe(0);
		expect(await db.historyRuns.count()).toBe(Math.ceil(16_000 / HISTORY_RUN_SIZE));
		const h = await figureHistory(db, {
			regionCode: '620702',
			indicatorCode: 'C0500',
			kind: 'actual',
			year: 2023
		});
		expect(h).toMatchObject([{ before: null, after: n(4), at: 50, who: '张三', how: 'import' }]);
		expect(await regionHistory(db, '620702')).toHaveLength(16_000);
		expect(await regionHistory(db, '620721')).toHaveLength(0);
	});

	it('a later edit of an imported figure reads before the import, and its undo after both', async () => {
		const db = new WorkbookDb('runs2', freshDeps());
		const applied = await applyImportWrites(db, importOf(40), 50, { who: '张三' });
		const key = { regionCode: '620702', indicatorCode: 'C0001', kind: 'actual' as const, year: 2020 };
		const edit: CellWrite = { ...key, after: n(7), expected: n(1) };
		await writeCells(db, [edit], { who: '李四', how: 'input', now: 60 });
		expect((await figureHistory(db, key)).map((c) => [c.how, c.at])).toEqual([
			['input', 60],
			['import', 50]
		]);
		// Edited since: the undo of the import is refused, and the history is as it was.
		await expect(undoImportWrites(db, applied.undo)).rejects.toMatchObject({ code: 'conflict' });
		expect(await figureHistory(db, key)).toHaveLength(2);
	});

	it('the overall bound counts both tables and drops the oldest write whole', async () => {
		const db = new WorkbookDb('runs3', freshDeps());
		const change = (year: number, at: number, indicatorCode = 'EDU01'): FigureChange => ({
			regionCode: '620702',
			indicatorCode,
			kind: 'actual',
			year,
			before: null,
			after: n(at),
			at,
			who: '',
			how: 'import'
		});
		const bounds = { perFigure: 200, total: 1000 };
		const bulk = (at: number) => Array.from({ length: 600 }, (_, i) => change(2020 + (i % 16), at, `C${i}`));
		await db.transaction('rw', db.history, db.historyRuns, async () => {
			await recordChanges(db, [change(2020, 1)], bounds);
			await recordChanges(db, bulk(2), bounds);
			await recordChanges(db, bulk(3), bounds);
		});
		// 1 + 600 + 600 > 1000: the oldest record goes, then the oldest run.
		expect(await db.history.count()).toBe(0);
		expect((await db.historyRuns.toArray()).map((r) => [r.at, r.size])).toEqual([[3, 600]]);
	});

	it('a backup carries the runs as a log', async () => {
		const db = new WorkbookDb('runs4', freshDeps());
		await applyImportWrites(db, importOf(40), 50);
		const content = await readContent(db);
		expect(content.tables.historyRuns).toMatchObject([{ at: 50, size: 640, how: 'import' }]);
	});
});
