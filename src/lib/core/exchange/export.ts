// Workbook → CSV rows, in either layout of the exchange format (see contract.ts).
import Papa from 'papaparse';
import { YEARS, seriesKey, type Cell, type Series, type SeriesKind } from '../model';
import { planIndicator, regionByCode } from '../plan';
import { formatCell } from '../value-input';
import { plainDecimal } from '../decimal';
import {
	DIRECTION_ZH,
	GRID_LEADING,
	HEADER_ZH,
	KIND_ZH,
	LONG_COLUMNS,
	guardText,
	type Layout
} from './contract';
import { regionIndicators, regionKinds, seriesIndex, type WorkbookSnapshot } from './snapshot';
import { metadataRow, type Sender } from './metadata';
import { FIGURE_NOTE_HEADER_ZH, exportFigureNote, noteYearHeader } from './figure-notes';

/** Extra, read-only columns for people who read the file in Excel (the grid's comparisons). */
export interface ComparisonColumns {
	headers: readonly string[];
	/** Computed values for one row, in header order; null for a row without comparisons. */
	values(regionCode: string, indicatorCode: string, kind: SeriesKind): readonly (string | number)[] | null;
}

export interface ExportOptions {
	regionCodes: readonly string[];
	layout: Layout;
	comparisons?: ComparisonColumns;
	/** Format v1.1's row above the header: when the file was made, and by whom. */
	metadata?: { exportedAt: Date; sender: Sender };
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A cell as written into the file. A plain number is written as one; anything else that
 * Excel would run as a formula (a formula of ours, a negative figure with a qualifier)
 * gets the apostrophe guard, and import takes it off again.
 */
export function exportValue(cell: Cell | undefined): string {
	if (!cell) return '';
	if (cell.t === 'n' && !cell.cmp && !cell.q) return plainDecimal(cell.v);
	const text = formatCell(cell, 'zh');
	return PLAIN_NUMBER.test(text) ? text : guardText(text);
}

interface ExportRow {
	regionCode: string;
	regionName: string;
	indicatorCode: string;
	indicatorName: string;
	unit: string;
	kind: SeriesKind;
	series: Series | undefined;
	/** Set for a county's own indicator: the 方向 column carries it. */
	direction: 'higher' | 'lower' | null;
}

function exportRows(snapshot: WorkbookSnapshot, regionCodes: readonly string[]): ExportRow[] {
	const byKey = seriesIndex(snapshot);
	const out: ExportRow[] = [];
	for (const regionCode of regionCodes) {
		const region = regionByCode(regionCode);
		if (!region) throw new Error(`unknown region ${regionCode}`);
		for (const indicator of regionIndicators(snapshot, regionCode)) {
			for (const kind of regionKinds(region)) {
				out.push({
					regionCode,
					regionName: region.nameZh,
					indicatorCode: indicator.code,
					indicatorName: indicator.nameZh,
					unit: indicator.unit,
					kind,
					direction: isPlanIndicator(indicator.code) ? null : indicator.direction,
					series: byKey.get(seriesKey({ regionCode, indicatorCode: indicator.code, kind }))
				});
			}
		}
	}
	return out;
}

/** The plan's nine and its commitment rows: their direction is the plan's, not written. */
function isPlanIndicator(code: string): boolean {
	return planIndicator(code) !== undefined;
}

function directionCell(r: ExportRow): string {
	return r.direction ? DIRECTION_ZH[r.direction] : '';
}

function leading(r: ExportRow): string[] {
	return [
		r.regionCode,
		guardText(r.regionName),
		r.indicatorCode,
		guardText(r.indicatorName),
		guardText(r.unit),
		KIND_ZH[r.kind]
	];
}

/** The file as rows of cells: the metadata row (when given), the header, the data. */
export function buildExportTable(snapshot: WorkbookSnapshot, options: ExportOptions): string[][] {
	const table = buildDataTable(snapshot, options);
	return options.metadata ? [metadataRow(options.metadata), ...table] : table;
}

function buildDataTable(snapshot: WorkbookSnapshot, options: ExportOptions): string[][] {
	const rows = exportRows(snapshot, options.regionCodes);
	const withDirection = rows.some((r) => r.direction !== null);
	const direction = (r: ExportRow) => (withDirection ? [directionCell(r)] : []);
	// Notes per figure (format 1.2) are written only when the file holds one: a file without
	// them stays exactly as format 1.1 wrote it.
	const noteYears = [...new Set(rows.flatMap((r) => Object.keys(r.series?.notes ?? {})))].sort();
	if (options.layout === 'long') {
		const withNotes = noteYears.length > 0;
		const table: string[][] = [
			[
				...LONG_COLUMNS.map((c) => HEADER_ZH[c]),
				...(withDirection ? [HEADER_ZH.direction] : []),
				...(withNotes ? [FIGURE_NOTE_HEADER_ZH] : [])
			]
		];
		for (const r of rows) {
			const note = guardText(r.series?.note ?? '');
			// A note on a year without a figure travels too, on its year's row.
			const years = [
				...new Set([...Object.keys(r.series?.cells ?? {}), ...Object.keys(r.series?.notes ?? {})])
			].sort();
			for (const year of years) {
				table.push([
					...leading(r),
					year,
					exportValue(r.series?.cells[year]),
					note,
					...direction(r),
					...(withNotes ? [exportFigureNote(r.series?.notes?.[year])] : [])
				]);
			}
			// A note on a row without figures still travels, on a row of its own; so does
			// an own indicator without figures, or the receiving workbook would not have it.
			if (years.length === 0 && (note || r.direction !== null)) {
				table.push([...leading(r), '', '', note, ...direction(r), ...(withNotes ? [''] : [])]);
			}
		}
		return table;
	}
	const comparisons = options.comparisons;
	const header = [
		...GRID_LEADING.map((c) => HEADER_ZH[c]),
		...YEARS.map(String),
		HEADER_ZH.note,
		...(withDirection ? [HEADER_ZH.direction] : []),
		...noteYears.map((y) => noteYearHeader(Number(y))),
		...(comparisons?.headers ?? [])
	];
	const table: string[][] = [header];
	for (const r of rows) {
		const extra = comparisons
			? (comparisons.values(r.regionCode, r.indicatorCode, r.kind) ?? comparisons.headers.map(() => ''))
			: [];
		table.push([
			...leading(r),
			...YEARS.map((y) => exportValue(r.series?.cells[String(y)])),
			guardText(r.series?.note ?? ''),
			...direction(r),
			...noteYears.map((y) => exportFigureNote(r.series?.notes?.[y])),
			...extra.map((v) =>
				typeof v === 'number' ? (Number.isFinite(v) ? plainDecimal(v) : '') : guardText(v)
			)
		]);
	}
	return table;
}

/** Rows → CSV text: comma-separated, CRLF line ends (as Excel writes), quoted where needed. */
export function toCsvText(table: readonly (readonly string[])[]): string {
	return Papa.unparse(table as string[][], { newline: '\r\n', quotes: false }) + '\r\n';
}
