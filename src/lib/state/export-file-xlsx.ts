// The .xlsx side of an export, loaded only when a planner exports a workbook (export-file.ts
// imports it dynamically): the Book from the workbook, the formulas' values from the engine,
// the bytes from write-excel-file. None of it is on the start page's or a sheet's path.
import type { ComparisonColumns } from '$lib/core/exchange/export';
import type { Sender } from '$lib/core/exchange/metadata';
import { buildCityViewBook, buildExportBook, type ComputedValue } from '$lib/core/exchange/xlsx/export-book';
import { writeBook } from '$lib/core/exchange/xlsx/write';
import { columnOfYear } from '$lib/engine/sheet-layout';
import type { Lang } from '$lib/i18n/locale.svelte';
import type { Workbook } from './workbook.svelte';

/** The engine's value as the Book takes it: an error by what Excel shows (#DIV/0!). */
function computed(v: unknown): ComputedValue {
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (v && typeof v === 'object' && 'value' in v) return { error: String((v as { value: unknown }).value) };
	return null;
}

/**
 * A formula's value for the Book, from the engine, which is loaded only when the exported
 * regions hold a formula (a workbook of figures is written without it).
 */
async function formulaValues(
	workbook: Workbook,
	regionCodes: readonly string[],
	lang: Lang
): Promise<((regionCode: string, indicatorCode: string, year: number) => ComputedValue) | undefined> {
	const hasFormula = regionCodes.some((code) =>
		workbook
			.rowIndicators(code)
			.some((r) =>
				Object.values(workbook.getSeries(code, r.indicator.code, 'actual')?.cells ?? {}).some(
					(c) => c.t === 'f'
				)
			)
	);
	if (!hasFormula) return undefined;
	const { getEngine, regionSheetName } = await import('./engine-session');
	const engine = getEngine(workbook, lang);
	const rows = new Map(
		regionCodes.map((code) => [
			code,
			new Map(workbook.rowIndicators(code).map((row, i) => [row.indicator.code, i]))
		])
	);
	return (regionCode, indicatorCode, year) => {
		const row = rows.get(regionCode)?.get(indicatorCode);
		if (row === undefined) return null;
		return computed(engine.value(regionSheetName(regionCode), row, columnOfYear(year)));
	};
}

export async function workbookAsXlsx(
	workbook: Workbook,
	options: {
		regionCodes: readonly string[];
		comparisons?: ComparisonColumns;
		sender: Sender;
		exportedAt: Date;
		lang: Lang;
	}
): Promise<Uint8Array> {
	const book = buildExportBook(workbook.snapshot(), {
		regionCodes: options.regionCodes,
		exportedAt: options.exportedAt,
		sender: options.sender,
		comparisons: options.comparisons,
		formulaValue: await formulaValues(workbook, options.regionCodes, options.lang)
	});
	return writeBook(book);
}

/** The city view's report as a workbook (its rows as the CSV report has them). */
export function cityViewAsXlsx(
	table: readonly (readonly string[])[],
	options: { exportedAt: Date; sender: Sender }
): Promise<Uint8Array> {
	return writeBook(buildCityViewBook(table, { ...options, sheetName: '县区对照' }));
}
