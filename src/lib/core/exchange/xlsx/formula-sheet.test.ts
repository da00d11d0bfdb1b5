// A formula Excel cannot take is written as its value and comes back a formula through the
// 公式 sheet, but only where the region sheet still shows what was exported: a figure the
// planner typed over it in Excel is the figure imported.
import { describe, expect, it } from 'vitest';
import { planImport } from '../import';
import { EMPTY_SNAPSHOT, type WorkbookSnapshot } from '../snapshot';
import type { Series } from '../../model';
import { buildExportBook } from './export-book';
import { writeBook } from './write';
import { readWorkbookFile } from './import-file';
import { FORMULA_SHEET } from './formula-sheet';
import type { Book } from './book';

const series = (indicatorCode: string, cells: Series['cells']): Series => ({
	regionCode: '620702',
	indicatorCode,
	kind: 'actual',
	cells,
	note: '',
	updatedAt: 0
});

const snapshot: WorkbookSnapshot = {
	ownIndicators: [],
	series: [
		series('EDU01', { '2022': { t: 'n', v: 95 }, '2023': { t: 'f', f: "='目标'!F1-1" } }),
		series('EDU02', { '2023': { t: 'f', f: '=D2+1' }, '2020': { t: 'n', v: 98 } })
	]
};

function exported(): Book {
	return buildExportBook(snapshot, {
		regionCodes: ['620702'],
		exportedAt: new Date(2026, 11, 1),
		sender: { unit: '', name: '' },
		formulaValue: (_r, indicator) => (indicator === 'EDU01' ? 98.5 : 99)
	});
}

async function imported(book: Book) {
	const reads = await readWorkbookFile({ name: 'x.xlsx', bytes: await writeBook(book) });
	const plan = planImport(
		reads.map((r) => r.text),
		EMPTY_SNAPSHOT
	);
	return (code: string) => plan.changes.find((c) => c.indicatorCode === code)?.after.cells['2023'];
}

describe('the 公式 sheet', () => {
	it('lists every formula as the grid holds it, and the region sheet shows the values', () => {
		const book = exported();
		const sheet = book.sheets.find((s) => s.name === FORMULA_SHEET)!;
		// For the import, not for people: hidden, so it is neither shown nor printed.
		expect(sheet.hidden).toBe(true);
		expect(sheet.rows.slice(2).map((r) => r.map((c) => (c && 'v' in c ? c.v : null)))).toEqual([
			['620702', 'EDU01', '2023', "='目标'!F1-1", '98.5'],
			['620702', 'EDU02', '2023', '=D2+1', '公式 =G3+1']
		]);
		// EDU01's formula refers to another sheet: the county sheet holds its value.
		expect(book.sheets[1]!.rows[1]![9]).toMatchObject({ t: 'number', v: 98.5 });
	});

	it('brings both formulas back when nothing was changed', async () => {
		const cell = await imported(exported());
		expect(cell('EDU01')).toEqual({ t: 'f', f: "='目标'!F1-1" });
		expect(cell('EDU02')).toEqual({ t: 'f', f: '=D2+1' });
	});

	it('reads a formula as its result when the rows were sorted in Excel (its addresses moved)', async () => {
		const book = exported();
		const county = book.sheets[1]!;
		// EDU02 (with =G3+1 over its own 2020 figure) sorted above EDU01, as a sort by name could:
		// the sheet's row 2 is no longer the grid's row 1.
		const [header, edu01, edu02, ...rest] = county.rows;
		county.rows = [header!, edu02!, edu01!, ...rest];
		// Excel keeps a moved formula on its own row: =G3+1 is =G2+1 on row 2.
		const at = edu02!.findIndex((c) => c?.t === 'formula');
		edu02![at] = { t: 'formula', f: '=G2+1', v: 99 };
		const reads = await readWorkbookFile({ name: 'x.xlsx', bytes: await writeBook(book) });
		const plan = planImport(
			reads.map((r) => r.text),
			EMPTY_SNAPSHOT
		);
		const edu02Cell = plan.changes.find((c) => c.indicatorCode === 'EDU02')?.after.cells['2023'];
		expect(edu02Cell).toEqual({ t: 'n', v: 99 });
		expect(plan.warnings.map((w) => [w.row, w.code])).toContainEqual([2, 'xlsx-formula-value']);
	});

	it('takes a figure typed over the value in Excel as the figure', async () => {
		const book = exported();
		book.sheets[1]!.rows[1]![9] = { t: 'number', v: 97.2 };
		const cell = await imported(book);
		expect(cell('EDU01')).toEqual({ t: 'n', v: 97.2 });
		expect(cell('EDU02')).toEqual({ t: 'f', f: '=D2+1' });
	});
});
