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

export interface ExportChoice {
	regionCodes: string[];
	layout: Layout;
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

export function exportName(choice: Pick<ExportChoice, 'regionCodes' | 'layout'>, date: Date): string {
	const d = describeSelection(choice.regionCodes);
	return exportFileName({
		regionCode: d.code,
		regionName: d.name,
		what: d.what,
		layout: choice.layout,
		date
	});
}

export async function exportWorkbook(
	workbook: Workbook,
	choice: ExportChoice,
	lang: Lang,
	date = new Date()
): Promise<{ name: string; bytes: Uint8Array }> {
	if (choice.regionCodes.length === 0) throw new Error('nothing chosen to export');
	// The plan's order, whatever order the boxes were ticked in.
	const order = [...counties.map((c) => c.code), ...TARGET_LEVELS];
	const regionCodes = order.filter((c) => choice.regionCodes.includes(c));
	const table = buildExportTable(workbook.snapshot(), {
		regionCodes,
		layout: choice.layout,
		comparisons:
			choice.withComparisons && choice.layout === 'grid' ? await comparisons(workbook, lang) : undefined,
		metadata: { exportedAt: date, sender: choice.sender ?? EMPTY_SENDER }
	});
	const bytes = await encodeText(toCsvText(table), choice.encoding);
	return { name: exportName({ regionCodes, layout: choice.layout }, date), bytes };
}

/** Hand the bytes to the browser as a download. */
export function download(name: string, bytes: Uint8Array): void {
	const blob = new Blob([bytes as BlobPart], { type: 'text/csv' });
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

/** The city view as the CSV report for Excel readers (not an exchange file). */
export async function exportCityView(
	view: CityView,
	encoding: ExportEncoding,
	date = new Date()
): Promise<{ name: string; bytes: Uint8Array }> {
	const table = buildCityViewTable(
		view,
		counties,
		{ status: { ...STATUS_TEXT, error: '公式出错' }, yes: '是', no: '否' },
		localStamp(date)
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
	return { name, bytes: await encodeText(toCsvText(table), encoding) };
}
