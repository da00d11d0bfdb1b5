// Where each county's figures came from, and how complete they are: the city's view of the
// files the counties sent. From the import history and the stored series; nothing here
// reads storage or the page (the SourcesTable component feeds it the workbook's state).
//
// The rules, in one place:
// - A county's files are the history records that touched it (any row of the county, even
//   refused), newest first by the file's own date (its metadata's export time, else the
//   date in its name, else its modified time; the import day when none is known).
// - Its lag is the days from its latest file's date to the newest date among all the
//   counties' latest files. It is stale when that lag is STALE_AFTER_DAYS (7) or more, or
//   when no file of it was ever imported here.
// - A county can have figures typed in this browser rather than imported (or imported
//   before the history existed): hasLocalFigures says so, whatever its files.
// - Completeness per year = cells filled / cells expected, expected being the plan's nine
//   indicators (EDU01–EDU09). A figure, a formula, and EDU03's yes or no all count as
//   filled. Years run from 2020 to the reporting year: the caller's, else the latest year
//   any county has a figure for. A year with fewer than 9 of 9 is incomplete.
import { FIRST_YEAR, LAST_YEAR, type Series } from './model';
import { counties, planIndicators } from './plan';
import type { DateSource } from './exchange/metadata';
import type { ImportRecord } from './exchange/import-record';

export const STALE_AFTER_DAYS = 7;

export interface CountyFile {
	/** The history record's id. */
	id: number | undefined;
	fileName: string;
	/** The file's date (YYYY-MM-DD); the day it was imported when the file gave none. */
	date: string;
	dateFrom: DateSource | 'imported';
	/** The file's own export time (`2026-11-29 10:32`), when its metadata row gave one. */
	exportedAt: string | null;
	importedAt: number;
	senderUnit: string | null;
	senderName: string | null;
	/** What the file did to this county. */
	added: number;
	changed: number;
	unchanged: number;
	rejected: number;
}

export interface YearCompleteness {
	year: number;
	filled: number;
	expected: number;
	isComplete: boolean;
}

export interface CountySources {
	regionCode: string;
	/** Newest first. */
	files: CountyFile[];
	latest: CountyFile | null;
	/** Days its latest file is older than the newest county's latest; null without a file. */
	lagDays: number | null;
	isStale: boolean;
	staleReason: 'no-file' | 'older' | null;
	/** Figures not written by a recorded import: typed (or edited) in this browser. */
	hasLocalFigures: boolean;
	/** Years with any figure of the county (its own indicators included), ascending. */
	years: number[];
	/** FIRST_YEAR … reportingYear. */
	completeness: YearCompleteness[];
	filled: number;
	expected: number;
}

export interface SourcesSummary {
	reportingYear: number;
	/** FIRST_YEAR … reportingYear. */
	years: number[];
	/** The newest date among the counties' latest files. */
	newestDate: string | null;
	staleAfterDays: number;
	/** The six counties in plan order (甘州区 first). */
	counties: CountySources[];
	/** Per year, all counties together. */
	totals: YearCompleteness[];
	filled: number;
	expected: number;
}

export interface SourcesInput {
	imports: readonly ImportRecord[];
	series: readonly Series[];
	/** Last year of the completeness table; default the latest year any county has figures for. */
	reportingYear?: number;
	staleAfterDays?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function localDay(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole days from one YYYY-MM-DD to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
	const day = (s: string) =>
		Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
	return Math.round((day(to) - day(from)) / 86_400_000);
}

function isPlanFilled(series: Series | undefined, year: number): boolean {
	return series !== undefined && series.cells[String(year)] !== undefined;
}

/** The latest year any county has a plan figure for (FIRST_YEAR when none has). */
export function latestReportedYear(series: readonly Series[]): number {
	const countyCodes = new Set(counties.map((c) => c.code));
	const planCodes = new Set(planIndicators.map((i) => i.code));
	let latest = FIRST_YEAR;
	for (const s of series) {
		if (s.kind !== 'actual' || !countyCodes.has(s.regionCode) || !planCodes.has(s.indicatorCode)) continue;
		for (const year of Object.keys(s.cells)) latest = Math.max(latest, Number(year));
	}
	return Math.min(LAST_YEAR, latest);
}

function filesOf(regionCode: string, imports: readonly ImportRecord[]): CountyFile[] {
	const out: CountyFile[] = [];
	for (const r of imports) {
		const counts = r.regions.find((x) => x.regionCode === regionCode);
		if (!counts) continue;
		out.push({
			id: r.id,
			fileName: r.fileName,
			date: r.fileDate ?? localDay(r.importedAt),
			dateFrom: r.fileDate ? r.dateFrom : 'imported',
			exportedAt: r.exportedAt,
			importedAt: r.importedAt,
			senderUnit: r.senderUnit,
			senderName: r.senderName,
			added: counts.added,
			changed: counts.changed,
			unchanged: counts.unchanged,
			rejected: counts.rejected
		});
	}
	// Newest first: by the file's date, then its export time, then when it was imported.
	return out.sort(
		(a, b) =>
			b.date.localeCompare(a.date) ||
			(b.exportedAt ?? '').localeCompare(a.exportedAt ?? '') ||
			b.importedAt - a.importedAt ||
			(b.id ?? 0) - (a.id ?? 0)
	);
}

function completeness(filled: number, expected: number, year: number): YearCompleteness {
	return { year, filled, expected, isComplete: filled >= expected };
}

/** Per county: its files, how current they are, and how complete its figures are. */
export function summariseSources(input: SourcesInput): SourcesSummary {
	const staleAfterDays = input.staleAfterDays ?? STALE_AFTER_DAYS;
	const requested = input.reportingYear ?? latestReportedYear(input.series);
	const reportingYear = Math.min(LAST_YEAR, Math.max(FIRST_YEAR, Math.trunc(requested)));
	const years = Array.from({ length: reportingYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

	const actual = new Map<string, Series[]>();
	for (const s of input.series) {
		if (s.kind !== 'actual') continue;
		// Pushed, not spread: a copy per row was quadratic (6,000 own indicators: 150 ms).
		const list = actual.get(s.regionCode);
		if (list) list.push(s);
		else actual.set(s.regionCode, [s]);
	}

	const perCounty = counties.map((county) => {
		const files = filesOf(county.code, input.imports);
		const own = actual.get(county.code) ?? [];
		const byIndicator = new Map(own.map((s) => [s.indicatorCode, s]));
		const importStamps = new Set(files.map((f) => f.importedAt));
		const hasLocalFigures = own.some(
			(s) => (Object.keys(s.cells).length > 0 || s.note !== '') && !importStamps.has(s.updatedAt)
		);
		const figureYears = new Set<number>();
		for (const s of own) for (const y of Object.keys(s.cells)) figureYears.add(Number(y));
		const rows = years.map((year) =>
			completeness(
				planIndicators.filter((i) => isPlanFilled(byIndicator.get(i.code), year)).length,
				planIndicators.length,
				year
			)
		);
		return {
			regionCode: county.code,
			files,
			latest: files[0] ?? null,
			hasLocalFigures,
			years: [...figureYears].sort((a, b) => a - b),
			completeness: rows,
			filled: rows.reduce((n, r) => n + r.filled, 0),
			expected: rows.reduce((n, r) => n + r.expected, 0)
		};
	});

	const latestDates = perCounty.flatMap((c) => (c.latest ? [c.latest.date] : []));
	const newestDate = latestDates.length ? latestDates.reduce((a, b) => (a > b ? a : b)) : null;

	const result: CountySources[] = perCounty.map((c) => {
		const lagDays = c.latest && newestDate ? daysBetween(c.latest.date, newestDate) : null;
		const staleReason = lagDays === null ? 'no-file' : lagDays >= staleAfterDays ? 'older' : null;
		return { ...c, lagDays, isStale: staleReason !== null, staleReason };
	});

	const totals = years.map((year, i) =>
		completeness(
			result.reduce((n, c) => n + c.completeness[i]!.filled, 0),
			result.reduce((n, c) => n + c.completeness[i]!.expected, 0),
			year
		)
	);
	return {
		reportingYear,
		years,
		newestDate,
		staleAfterDays,
		counties: result,
		totals,
		filled: totals.reduce((n, t) => n + t.filled, 0),
		expected: totals.reduce((n, t) => n + t.expected, 0)
	};
}
