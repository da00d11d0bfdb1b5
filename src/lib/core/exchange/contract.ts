// The CSV exchange format, version 1.2: the contract between every copy of the app, and
// with Excel/WPS in between. docs/csv-format.md describes it for people; this file (with
// metadata.ts, the row above the header that 1.1 added, and figure-notes.ts, the notes per
// figure that 1.2 added) is the same contract for code.
// Change one, change the other.
import { FIRST_YEAR, LAST_YEAR, type SeriesKind } from '../model';

/** Written on the metadata row (格式版本); 1.0 files have no such row. */
export const FORMAT_VERSION = '1.2';

/** Grid (表格): one row per region × indicator × kind, one column per year. */
export type Layout = 'grid' | 'long';

/** Canonical column names, in the order the grid layout writes them. */
export type ColumnName =
	| 'region_code'
	| 'region'
	| 'indicator_code'
	| 'indicator'
	| 'unit'
	| 'kind'
	| 'year'
	| 'value'
	| 'note'
	| 'direction'
	| 'figure_note';

/** The Chinese header each column is written with. */
export const HEADER_ZH: Readonly<Record<ColumnName, string>> = {
	region_code: '地区代码',
	region: '地区',
	indicator_code: '指标代码',
	indicator: '指标',
	unit: '单位',
	kind: '类型',
	year: '年份',
	value: '数值',
	note: '备注',
	direction: '方向',
	figure_note: '批注'
};

/**
 * 方向 is optional: written only by files that hold a county's own indicator (the plan's
 * nine have a fixed direction), so it travels with the indicator. Blank on plan rows.
 */
export const DIRECTION_ZH = { higher: '越高越好', lower: '越低越好' } as const;

export function readDirection(text: string): 'higher' | 'lower' | null {
	const key = headerKey(text);
	if (key === '越高越好' || key === 'higher' || key === '高') return 'higher';
	if (key === '越低越好' || key === 'lower' || key === '低') return 'lower';
	return null;
}

export const GRID_LEADING: readonly ColumnName[] = [
	'region_code',
	'region',
	'indicator_code',
	'indicator',
	'unit',
	'kind'
];
export const LONG_COLUMNS: readonly ColumnName[] = [...GRID_LEADING, 'year', 'value', 'note'];

/** Years a file may name at all; the workbook itself holds FIRST_YEAR–LAST_YEAR. */
export const FILE_MIN_YEAR = 2000;
export const FILE_MAX_YEAR = 2100;
export function isWorkbookYear(year: number): boolean {
	return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A header cell as compared: NFKC (full-width letters), no case, no spaces or separators. */
export function headerKey(text: string): string {
	return text
		.normalize('NFKC')
		.trim()
		.toLowerCase()
		.replace(/[\s_\-.]+/g, '');
}

const ALIASES: ReadonlyMap<string, ColumnName> = new Map(
	(Object.keys(HEADER_ZH) as ColumnName[]).flatMap((name) => [
		[headerKey(HEADER_ZH[name]), name],
		[headerKey(name), name]
	])
);

/** Which column a header cell names: a known column, a year column, or neither. */
export function readHeaderCell(
	text: string
): { column: ColumnName } | { year: number } | { noteYear: number } | null {
	const key = headerKey(text);
	const column = ALIASES.get(key);
	if (column) return { column };
	// `2023批注`: the grid layout's note on 2023's figure (format 1.2).
	const n = /^(\d{4})年?(?:批注|note|figurenote)$/.exec(key);
	if (n) return { noteYear: Number(n[1]) };
	// `2020` or `2020年`, as planners head year columns in Excel.
	const m = /^(\d{4})年?$/.exec(key);
	if (m) return { year: Number(m[1]) };
	return null;
}

export const KIND_ZH: Readonly<Record<SeriesKind, string>> = { actual: '实际', target: '目标' };

export function readKind(text: string): SeriesKind | null {
	const key = headerKey(text);
	if (key === '实际' || key === 'actual') return 'actual';
	if (key === '目标' || key === 'target') return 'target';
	return null;
}

// Excel and WPS run a cell that starts with one of these as a formula (OWASP "CSV
// injection"). Such text is written with a leading apostrophe. A text that itself starts
// with an apostrophe before one of these (or before another apostrophe) gets one more, so
// reading back is exact: strip one apostrophe exactly when one was added.
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

function needsGuard(text: string): boolean {
	const first = text.charAt(0);
	if (DANGEROUS_FIRST.has(first)) return true;
	const second = text.charAt(1);
	return first === "'" && (DANGEROUS_FIRST.has(second) || second === "'");
}

/** Text as written into a file cell, safe to open in Excel. */
export function guardText(text: string): string {
	return needsGuard(text) ? "'" + text : text;
}

/** The text a guarded file cell stands for (the inverse of guardText). */
export function unguardText(text: string): string {
	// The apostrophe first: it is the cheap test, and most texts fail it.
	return text.length > 1 && text.charAt(0) === "'" && needsGuard(text.slice(1)) ? text.slice(1) : text;
}

/** Files above this are refused before reading (core/limits.ts holds every limit). */
export { MAX_FILE_BYTES } from '../limits';

/** Rows of a file shown in the preview's lists; the counts always cover every row. */
export const PREVIEW_LIST_LIMIT = 500;

/** `620702-甘州区-20260315.csv`: what the file holds and when it was made. */
export function exportFileName(parts: {
	regionCode: string;
	regionName: string;
	/** e.g. 目标, 等3个县区; left out when empty. */
	what?: string;
	layout: Layout;
	date: Date;
}): string {
	const d = parts.date;
	const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
	const name = [
		parts.regionCode,
		parts.regionName,
		parts.what,
		parts.layout === 'long' ? '明细' : undefined,
		stamp
	]
		.filter((p): p is string => !!p)
		.join('-');
	// Windows refuses these in file names.
	return name.replace(/[\\/:*?"<>|]/g, '_') + '.csv';
}
