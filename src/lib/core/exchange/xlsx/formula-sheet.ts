// The 公式 sheet of our own export: every formula of the region sheets as the grid holds it
// (its own addresses, `='临泽县'!H5+1`, PLAN.* functions), beside what the region sheet shows
// for it. A formula Excel cannot take is written there as its value (export-book.ts); this
// sheet is how it comes back a formula on import, so that our own workbook round-trips
// exactly. It comes back only where the region sheet still shows what was exported: a cell
// the planner changed in Excel is read as changed.
import { plainDecimal } from '../../decimal';
import { regionIndicators, seriesIndex, type WorkbookSnapshot } from '../snapshot';
import { seriesKey, YEARS } from '../../model';
import { HEADER_ZH } from '../contract';
import type { BookCell, BookSheet } from './book';
import type { Table } from '../import/table';
import type { HeaderMap } from '../import/header';

export const FORMULA_SHEET = '公式';
/** Its line on the 说明 sheet. */
export const FORMULA_SHEET_ABOUT = '各县区表中公式的原样（工作簿自己的地址）：再导入时据此恢复公式，请勿修改';

const TITLE = '本工作簿各县区表中公式的原样（工作簿自己的单元格地址）：再导入时据此恢复公式；请勿修改。';
const HEADER = [HEADER_ZH.region_code, HEADER_ZH.indicator_code, '年份', '公式', '导出时显示'];

/** A cell as compared between export and import: what a reader of the sheet sees in it. */
export function shownText(cell: BookCell): string {
	if (cell === null) return '';
	switch (cell.t) {
		case 'formula':
			return `公式 =${cell.f.replace(/^=/, '')}`;
		case 'number':
			return Number.isFinite(cell.v) ? plainDecimal(cell.v) : '';
		case 'boolean':
			return cell.v ? 'TRUE' : 'FALSE';
		default:
			return cell.v;
	}
}

const text = (v: string): BookCell => ({ t: 'text', v });

/**
 * The 公式 sheet, or null when no region sheet holds a formula. `regions` are the region
 * sheets in `regionCodes` order (the CSV grid layout: code in A, indicator in C, years from G).
 */
export function formulaSheet(
	regions: readonly BookSheet[],
	snapshot: WorkbookSnapshot,
	regionCodes: readonly string[]
): BookSheet | null {
	const byKey = seriesIndex(snapshot);
	const rows: BookCell[][] = [[text(TITLE)], HEADER.map(text)];
	regionCodes.forEach((regionCode, i) => {
		const sheet = regions[i];
		if (!sheet) return;
		for (const indicator of regionIndicators(snapshot, regionCode)) {
			const series = byKey.get(seriesKey({ regionCode, indicatorCode: indicator.code, kind: 'actual' }));
			for (const [year, cell] of Object.entries(series?.cells ?? {})) {
				if (cell.t !== 'f') continue;
				const r = sheet.rows.findIndex(
					(row) => shownText(row[0] ?? null) === regionCode && shownText(row[2] ?? null) === indicator.code
				);
				const c = 6 + YEARS.indexOf(Number(year));
				if (r < 0 || c < 6) continue;
				rows.push([
					text(regionCode),
					text(indicator.code),
					text(year),
					text(cell.f),
					text(shownText(sheet.rows[r]![c] ?? null))
				]);
			}
		}
	});
	if (rows.length === 2) return null;
	return {
		name: FORMULA_SHEET,
		rows,
		widths: [10, 10, 6, 40, 30],
		headerRows: 2,
		boldRows: [1],
		hidden: true
	};
}

/** `region|indicator|year` → the grid's formula and what the region sheet showed for it. */
export type FormulaEntries = Map<string, { formula: string; shown: string }>;

export function readFormulaSheet(sheets: readonly BookSheet[]): FormulaEntries {
	const entries: FormulaEntries = new Map();
	const sheet = sheets.find((s) => s.name === FORMULA_SHEET);
	for (const row of sheet?.rows.slice(2) ?? []) {
		const [region, indicator, year, formula, shown] = row.map((c) => shownText(c ?? null));
		if (region && indicator && year && formula?.startsWith('=')) {
			entries.set(`${region}|${indicator}|${year}`, { formula, shown: shown ?? '' });
		}
	}
	return entries;
}

/**
 * Puts the grid's formulas back into a region sheet's table where the sheet still shows
 * what was exported for them (the table's own text and marks are replaced there).
 */
export function restoreFormulas(
	sheet: BookSheet,
	table: Table,
	header: { header: HeaderMap; index: number },
	entries: FormulaEntries
): void {
	if (entries.size === 0) return;
	const region = header.header.columns.get('region_code');
	const indicator = header.header.columns.get('indicator_code');
	if (region === undefined || indicator === undefined) return;
	for (let r = header.index + 1; r < table.rows.length; r++) {
		const row = table.rows[r]!;
		for (const [year, c] of header.header.years) {
			const entry = entries.get(`${row[region]}|${row[indicator]}|${year}`);
			if (!entry || shownText(sheet.rows[r]?.[c] ?? null) !== entry.shown) continue;
			row[c] = entry.formula;
			table.marks?.get(r)?.delete(c);
		}
	}
}
