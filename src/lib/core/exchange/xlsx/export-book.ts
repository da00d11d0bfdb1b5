// The workbook → a Book to write as .xlsx, from the same data and choices as the CSV export.
// A sheet per region, named by its Chinese name, in the CSV's grid layout cell for cell
// (buildExportTable's header on row 1, so the import recognises a sheet as it does a file);
// what differs is only the cell types: a plain figure is a number with the indicator's
// decimals as its format, a formula that translates is an Excel formula with its value
// cached, and everything else (codes, a figure with a comparator or qualifier, 是/否, notes)
// is the very text the CSV writes, so the import reads it back exactly as from a CSV.
import { YEARS, seriesKey, type Cell, type Indicator } from '../../model';
import { regionByCode } from '../../plan';
import { roundTo } from '../../compare';
import { GRID_LEADING, HEADER_ZH, guardText } from '../contract';
import { buildExportTable, exportValue, type ComparisonColumns } from '../export';
import { regionIndicators, regionKinds, seriesIndex, type WorkbookSnapshot } from '../snapshot';
import type { Sender } from '../metadata';
import { COMPARISON_SHEET, type Book, type BookCell, type BookSheet } from './book';
import { gridAddressToSheet, type SheetLayout } from './formula-address';
import { aboutSheet } from './export-book-about';
import { FORMULA_SHEET, FORMULA_SHEET_ABOUT, formulaSheet } from './formula-sheet';
import {
	columnWidths,
	computedCell,
	figureCell,
	figureDecimals,
	decimalsFormat,
	textCell,
	withStatusSymbol
} from './export-book-cells';

/** A formula's value as the engine gives it. */
export type ComputedValue = number | string | boolean | { error: string } | null;

export interface BookExportOptions {
	/** In the plan's order. */
	regionCodes: readonly string[];
	exportedAt: Date;
	sender: Sender;
	/** The engine's value of a region's formula cell (the grid's row of that indicator, that year). */
	formulaValue?: (regionCode: string, indicatorCode: string, year: number) => ComputedValue;
	/** The comparison option: the grid's comparisons as computed values, on a sheet of their own. */
	comparisons?: ComparisonColumns;
}

/** Where a region sheet's year cells sit: G…V, under the header; row n of the grid is its nth indicator. */
export function regionSheetLayout(indicatorCount: number, kindsPerIndicator: number): SheetLayout {
	return {
		yearColumn: GRID_LEADING.length,
		rows: Array.from({ length: indicatorCount }, (_, i) => 2 + i * kindsPerIndicator)
	};
}

function computedValueCell(value: ComputedValue, precision: number): BookCell {
	if (value === null) return null;
	if (typeof value === 'number') return computedCell(value, precision);
	if (typeof value === 'boolean') return { t: 'boolean', v: value };
	if (typeof value === 'string') return textCell(guardText(value));
	return { t: 'error', v: value.error };
}

interface FormulaContext {
	layout: SheetLayout;
	value: ComputedValue;
}

function formulaCell(cell: Cell & { t: 'f' }, indicator: Indicator, ctx: FormulaContext): BookCell {
	const f = gridAddressToSheet(cell.f, ctx.layout);
	if (f === null) return computedValueCell(ctx.value, indicator.precision);
	const value = ctx.value;
	let cached: number | string | null = null;
	if (typeof value === 'number') cached = Number.isFinite(value) ? roundTo(value, 10) : null;
	else if (typeof value === 'string') cached = value;
	else if (value !== null && typeof value === 'object') cached = value.error;
	return { t: 'formula', f, v: cached, format: decimalsFormat(indicator.precision) };
}

function yearCell(cell: Cell | undefined, indicator: Indicator, formula: () => FormulaContext): BookCell {
	if (!cell) return null;
	if (cell.t === 'n' && !cell.cmp && !cell.q) return figureCell(cell.v, indicator.precision);
	if (cell.t === 'f') return formulaCell(cell, indicator, formula());
	return textCell(exportValue(cell));
}

function regionSheet(snapshot: WorkbookSnapshot, regionCode: string, options: BookExportOptions): BookSheet {
	const region = regionByCode(regionCode);
	if (!region) throw new Error(`unknown region ${regionCode}`);
	// The CSV's own table, so that the header and every text cell are the CSV's exactly.
	const table = buildExportTable(snapshot, { regionCodes: [regionCode], layout: 'grid' });
	const indicators = regionIndicators(snapshot, regionCode);
	const kinds = regionKinds(region);
	const layout = regionSheetLayout(indicators.length, kinds.length);
	const byKey = seriesIndex(snapshot);
	const firstYear = GRID_LEADING.length;
	const rows: BookCell[][] = [table[0]!.map(textCell)];
	let line = 1;
	for (const indicator of indicators) {
		for (const kind of kinds) {
			const texts = table[line++]!;
			const series = byKey.get(seriesKey({ regionCode, indicatorCode: indicator.code, kind }));
			rows.push(
				texts.map((text, c) => {
					const year = YEARS[c - firstYear];
					if (c < firstYear || year === undefined) return textCell(text);
					return yearCell(series?.cells[String(year)], indicator, () => ({
						layout,
						value: options.formulaValue?.(regionCode, indicator.code, year) ?? null
					}));
				})
			);
		}
	}
	return { name: region.nameZh, rows, widths: columnWidths(rows), headerRows: 1, boldRows: [0] };
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The grid layout's leading columns but 类型: the comparisons are of the figures alone. */
const COMPARISON_LEADING = GRID_LEADING.filter((c) => c !== 'kind').map((c) => HEADER_ZH[c]);

function comparisonValue(v: string | number, precision: number): BookCell {
	const n = typeof v === 'number' ? v : PLAIN_NUMBER.test(v) ? Number(v) : null;
	if (n !== null) {
		// A target is a figure as stored; a gap is rounded already: each keeps its decimals.
		return Number.isFinite(n) ? computedCell(n, Math.max(precision, figureDecimals(n))) : null;
	}
	return textCell(withStatusSymbol(v as string));
}

// A target as the plan writes it: `99.53`, `>99`, `50 (优质均衡)`, `>95 (优质均衡)`.
const TARGET_TEXT = /^\s*([>≥])?\s*(-?\d+(?:\.\d+)?)\s*(?:[(（]\s*(.+?)\s*[)）])?\s*$/;

/**
 * A target on 对照: its value as a number (to compute with in Excel), and beside it the
 * comparator and standard as text (`>`, `优质均衡`, `> 优质均衡`), which the number alone loses.
 */
function targetCells(v: string | number, precision: number): [BookCell, BookCell] {
	const m = typeof v === 'string' ? TARGET_TEXT.exec(v) : null;
	if (!m) return [comparisonValue(v, precision), null];
	const rule = [m[1], m[3]].filter(Boolean).join(' ');
	return [comparisonValue(m[2]!, precision), rule ? textCell(rule) : null];
}

const isTargetHeader = (header: string) => header.endsWith('目标');

function comparisonSheet(
	snapshot: WorkbookSnapshot,
	regionCodes: readonly string[],
	comparisons: ComparisonColumns
): BookSheet {
	const headers = comparisons.headers.flatMap((h) => (isTargetHeader(h) ? [h, `${h}的比较与标准`] : [h]));
	const rows: BookCell[][] = [[...COMPARISON_LEADING, ...headers].map(textCell)];
	for (const regionCode of regionCodes) {
		const region = regionByCode(regionCode)!;
		for (const indicator of regionIndicators(snapshot, regionCode)) {
			const values = comparisons.values(regionCode, indicator.code, 'actual');
			if (!values) continue;
			rows.push([
				textCell(regionCode),
				textCell(region.nameZh),
				textCell(indicator.code),
				textCell(indicator.nameZh),
				textCell(indicator.unit),
				...values.flatMap((v, i) =>
					isTargetHeader(comparisons.headers[i] ?? '')
						? targetCells(v, indicator.precision)
						: [comparisonValue(v, indicator.precision)]
				)
			]);
		}
	}
	return { name: COMPARISON_SHEET, rows, widths: columnWidths(rows), headerRows: 1, boldRows: [0] };
}

/** The export as a workbook: 说明 first, a sheet per region, 对照 when asked for, 公式 when needed. */
export function buildExportBook(snapshot: WorkbookSnapshot, options: BookExportOptions): Book {
	const regions = options.regionCodes.map((code) => regionSheet(snapshot, code, options));
	const comparison = options.comparisons
		? comparisonSheet(snapshot, options.regionCodes, options.comparisons)
		: null;
	const lines: [string, string][] = options.regionCodes.map((code) => [
		regionByCode(code)!.nameZh,
		`${code} 的数据：每个指标一行，2020—2035年每年一列，表头在第1行（与 CSV 文件的表格版式相同，可再导入）`
	]);
	if (comparison) {
		lines.push([COMPARISON_SHEET, '目标、差距与状态（计算结果，只供阅读，再导入时不读）']);
	}
	// 公式 comes last, for the import rather than a reader: how a formula written as its value
	// comes back (formula-sheet.ts).
	const formulas = formulaSheet(regions, snapshot, options.regionCodes);
	if (formulas) lines.push([FORMULA_SHEET, FORMULA_SHEET_ABOUT]);
	const about = aboutSheet({ exportedAt: options.exportedAt, sender: options.sender, sheets: lines });
	return {
		sheets: [about, ...regions, ...(comparison ? [comparison] : []), ...(formulas ? [formulas] : [])]
	};
}

/**
 * The city view's report (buildCityViewTable's rows: the settings line, the header, a row
 * per indicator) as a workbook: figures, years and counts as numbers, statuses with their
 * symbols. A report for reading and printing, not an exchange file.
 */
export function buildCityViewBook(
	table: readonly (readonly string[])[],
	options: { exportedAt: Date; sender: Sender; sheetName: string }
): Book {
	const [settings = [], ...rest] = table;
	// The settings line in one cell, which runs on over the empty cells beside it (four
	// cells of it would each be cut at their column's narrow width).
	const rows: BookCell[][] = [
		[textCell(settings.filter((t) => t !== '').join('　'))],
		...rest.map((row, r) =>
			row.map((text) => {
				if (r >= 1 && PLAIN_NUMBER.test(text)) return figureCell(Number(text), 0);
				return textCell(r >= 1 ? withStatusSymbol(text) : text);
			})
		)
	];
	const sheet: BookSheet = {
		name: options.sheetName,
		rows,
		// Three columns a county make a wide table: each is as wide as its figures, and the
		// header (甘州区年份, 肃南裕固族自治县状态) wraps above them, so that one page's width
		// still prints legibly. The settings line runs across the columns.
		widths: columnWidths(rows.slice(2)),
		headerRows: 2,
		boldRows: [0, 1],
		wrapRows: [1]
	};
	const about = aboutSheet({
		exportedAt: options.exportedAt,
		sender: options.sender,
		sheets: [[options.sheetName, '六县区对照表（报表，只供阅读和打印，不是可导入的数据文件）']]
	});
	return { sheets: [about, sheet] };
}
