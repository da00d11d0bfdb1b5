// The targets sheet's cell checks in Node: a value, a comparator and a qualifier each read as
// the plan writes them; `>99` sets the comparator beside it; refusals name the cell.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Locale } from '$lib/i18n/locale.svelte';
import { targetColumn, targetsRowContent } from '$lib/engine/sheet-layout';
import { targetRows } from './engine-session';
import {
	checkTargetCell,
	describeTargetCell,
	targetColumnAt,
	targetRowOf,
	targetSeriesDrafts
} from './targets-cells';
import { Workbook } from './workbook.svelte';
import { closeAndDelete } from './test-workbooks';

const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

const city2025 = targetColumn('620700', 2025, 'value');
const cmp2025 = targetColumn('620700', 2025, 'comparator');

describe('the targets sheet’s cells', () => {
	it('finds a plan indicator’s row and a column’s level, year and field', () => {
		expect(targetRowOf('EDU03')).toBe(2);
		expect(targetRowOf('C01')).toBe(-1);
		expect(targetColumnAt(city2025)).toMatchObject({ level: '620700', year: 2025, field: 'value' });
		expect(targetColumnAt(0)).toBeUndefined();
		expect(describeTargetCell(new Locale(), 0, city2025)).toContain('市 2025');
	});

	it('reads `>99` as 99 with its comparator to set beside it, and says a separator was dropped', () => {
		const locale = new Locale();
		expect(checkTargetCell(locale, 1, city2025, '>99')).toEqual({
			validation: { ok: true, content: 99 },
			pairedComparator: { col: cmp2025, comparator: '>' }
		});
		expect(checkTargetCell(locale, 8, city2025, '1,234.5')).toMatchObject({ thousandsDropped: 1234.5 });
		expect(checkTargetCell(locale, 0, cmp2025, '≥')).toEqual({ validation: { ok: true, content: '≥' } });
	});

	it('refuses a formula and an unreadable comparator, naming the cell; off the sheet, nothing', () => {
		const locale = new Locale();
		const formula = checkTargetCell(locale, 0, city2025, '=1+1').validation;
		expect(formula.ok).toBe(false);
		if (!formula.ok) expect(formula.message).toContain('第 1 行“学前教育毛入园率” 张掖市 2025');
		expect(checkTargetCell(locale, 0, cmp2025, '大约').validation.ok).toBe(false);
		expect(checkTargetCell(locale, 0, 0, '1').validation).toEqual({ ok: false, message: '' });
	});

	it('stands the grid’s content for the series that differ from what is stored, and only those', async () => {
		const workbook = new Workbook();
		opened.push(workbook);
		await workbook.open();
		const source = targetRows(workbook, 'zh').map(targetsRowContent);
		expect(targetSeriesDrafts(workbook, source)).toEqual([]);
		source[0]![city2025] = 99.6;
		const drafts = targetSeriesDrafts(workbook, source);
		expect(drafts).toHaveLength(1);
		expect(drafts[0]).toMatchObject({ regionCode: '620700', indicatorCode: 'EDU01', kind: 'target' });
		expect(drafts[0]!.cells['2025']).toMatchObject({ v: 99.6 });
	});
});
