// Export as the planner chose it: which regions, which layout, which encoding, and
// (for Excel readers) the grid's comparisons as computed values.
import { counties, isCounty, regionByCode, sheetRegions } from '$lib/core/plan';
import { CITY_CODE, PROVINCE_CODE } from '$lib/core/model';
import { TARGET_LEVELS } from '$lib/core/comparison';
import { exportFileName, type Layout } from '$lib/core/exchange/contract';
import { encodeText, type ExportEncoding } from '$lib/core/exchange/encoding';
import { buildExportTable, toCsvText, type ComparisonColumns } from '$lib/core/exchange/export';
import { buildCityViewTable } from '$lib/core/exchange/city-export';
import type { CityView } from '$lib/core/city-view';
import { EMPTY_SENDER, localStamp, type Sender } from '$lib/core/exchange/metadata';
import { COMPARISON_COLUMNS } from '$lib/engine/sheet-layout';
import { STATUS_TEXT } from '$lib/core/status-words';
import type { Lang } from '$lib/i18n/locale.svelte';
import type { Workbook } from './workbook.svelte';

/** CSV, as the exchange has always written, or an Excel workbook (the grid layout only). */
export type ExportFormat = 'csv' | 'xlsx';

export const CSV_MIME = 'text/csv';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportedFile {
	name: string;
	bytes: Uint8Array;
	/** What the browser is told the download is. */
	mime: string;
}

export interface ExportChoice {
	regionCodes: string[];
	/** For .xlsx always the grid: a sheet per region, a column per year. */
	layout: Layout;
	/** CSV when not given. */
	format?: ExportFormat;
	encoding: ExportEncoding;
	withComparisons: boolean;
	/** Written on the file's metadata row with the export time; blank fields are left out. */
	sender?: Sender;
}

const LEVEL_ZH: Record<string, string> = { [CITY_CODE]: '市', [PROVINCE_CODE]: '省' };
const ROLE_ZH = { target: '目标', gap: '差距', status: '状态' } as const;

/** The comparison columns' headers, in the file's language (Chinese, like its header). */
export function comparisonHeaders(): string[] {
	return COMPARISON_COLUMNS.map((c) =>
		c.role === 'target'
			? `${c.year}年${LEVEL_ZH[c.level]}目标`
			: `${c.year}年${ROLE_ZH[c.role]}(${LEVEL_ZH[c.level]})`
	);
}

async function comparisons(workbook: Workbook, lang: Lang): Promise<ComparisonColumns> {
	// The engine (HyperFormula) loads only for this option.
	const { getEngine, regionSheetName } = await import('./engine-session');
	const engine = getEngine(workbook, lang);
	// Counties and the city have comparison columns; the province has figures only.
	const rows = new Map(
		sheetRegions.map((r) => [
			r.code,
			new Map(workbook.rowIndicators(r.code).map((row, i) => [row.indicator.code, i]))
		])
	);
	return {
		headers: comparisonHeaders(),
		values(regionCode, indicatorCode, kind) {
			const row = rows.get(regionCode)?.get(indicatorCode);
			if (row === undefined || kind !== 'actual') return null;
			const sheet = regionSheetName(regionCode);
			return COMPARISON_COLUMNS.map((c) => {
				const v = engine.value(sheet, row, c.col);
				if (typeof v === 'number' || typeof v === 'string') return v;
				if (v && typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value);
				return '';
			});
		}
	};
}

function describeSelection(regionCodes: readonly string[]): { code: string; name: string; what?: string } {
	const isTargets =
		regionCodes.length === TARGET_LEVELS.length && TARGET_LEVELS.every((c) => regionCodes.includes(c));
	if (isTargets) return { code: CITY_CODE, name: regionByCode(CITY_CODE)!.nameZh, what: '市省目标' };
	const countyCodes = regionCodes.filter(isCounty);
	if (regionCodes.length === 1) {
		const only = regionByCode(regionCodes[0]!)!;
		return { code: only.code, name: only.nameZh };
	}
	if (countyCodes.length === counties.length) {
		const everything = regionCodes.length === counties.length + TARGET_LEVELS.length;
		return { code: CITY_CODE, name: regionByCode(CITY_CODE)!.nameZh, what: everything ? '全部' : '全部县区' };
	}
	const first = regionByCode(regionCodes[0]!)!;
	return { code: first.code, name: first.nameZh, what: `等${regionCodes.length}个地区` };
}

/** The same name for either format, but for its ending. */
function withFormat(name: string, format: ExportFormat | undefined): string {
	return format === 'xlsx' ? name.replace(/\.csv$/, '.xlsx') : name;
}

export function exportName(
	choice: Pick<ExportChoice, 'regionCodes' | 'layout' | 'format'>,
	date: Date
): string {
	const d = describeSelection(choice.regionCodes);
	const name = exportFileName({
		regionCode: d.code,
		regionName: d.name,
		what: d.what,
		layout: choice.format === 'xlsx' ? 'grid' : choice.layout,
		date
	});
	return withFormat(name, choice.format);
}

export async function exportWorkbook(
	workbook: Workbook,
	choice: ExportChoice,
	lang: Lang,
	date = new Date()
): Promise<ExportedFile> {
	if (choice.regionCodes.length === 0) throw new Error('nothing chosen to export');
	// The plan's order, whatever order the boxes were ticked in.
	const order = [...counties.map((c) => c.code), ...TARGET_LEVELS];
	const regionCodes = order.filter((c) => choice.regionCodes.includes(c));
	const sender = choice.sender ?? EMPTY_SENDER;
	const name = exportName({ regionCodes, layout: choice.layout, format: choice.format }, date);
	if (choice.format === 'xlsx') {
		// The workbook writer (write-excel-file) loads only for this.
		const { workbookAsXlsx } = await import('./export-file-xlsx');
		const bytes = await workbookAsXlsx(workbook, {
			regionCodes,
			comparisons: choice.withComparisons ? await comparisons(workbook, lang) : undefined,
			sender,
			exportedAt: date,
			lang
		});
		return { name, bytes, mime: XLSX_MIME };
	}
	const table = buildExportTable(workbook.snapshot(), {
		regionCodes,
		layout: choice.layout,
		comparisons:
			choice.withComparisons && choice.layout === 'grid' ? await comparisons(workbook, lang) : undefined,
		metadata: { exportedAt: date, sender }
	});
	const bytes = await encodeText(toCsvText(table), choice.encoding);
	return { name, bytes, mime: CSV_MIME };
}

/** Hand the bytes to the browser as a download. */
export function download(name: string, bytes: Uint8Array, mime = CSV_MIME): void {
	const blob = new Blob([bytes as BlobPart], { type: mime });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	// Chromium has started the download by now; the URL only needs to outlive the click.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The city view as a report for Excel readers (not an exchange file): CSV, or a workbook. */
export async function exportCityView(
	view: CityView,
	encoding: ExportEncoding,
	date = new Date(),
	xlsx?: { sender: Sender }
): Promise<ExportedFile> {
	const exportedAt = localStamp(date);
	const table = buildCityViewTable(
		view,
		counties,
		{ status: { ...STATUS_TEXT, error: '公式出错' }, yes: '是', no: '否' },
		exportedAt
	);
	const { level, targetYear, year } = view.choice;
	const what = `县区对照-${level === CITY_CODE ? '市' : '省'}${targetYear}目标-${year === null ? '最新' : `${year}年`}`;
	const name = exportFileName({
		regionCode: CITY_CODE,
		regionName: regionByCode(CITY_CODE)!.nameZh,
		what,
		layout: 'grid',
		date
	});
	if (xlsx) {
		const { cityViewAsXlsx } = await import('./export-file-xlsx');
		const bytes = await cityViewAsXlsx(table, { exportedAt: date, sender: xlsx.sender });
		return { name: withFormat(name, 'xlsx'), bytes, mime: XLSX_MIME };
	}
	return { name, bytes: await encodeText(toCsvText(table), encoding), mime: CSV_MIME };
}
