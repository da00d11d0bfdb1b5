// The stored cells a page cannot use as they are: a formula past the engine's limits (loaded
// as #ERROR!, see core/formula-limits.ts) or a stored record that fails its schema (read
// around, see storage/series-table.ts). Each is listed on every page, named by region,
// indicator and year, so the planner can open the cell and fix or clear it.
import { formulaProblem, type FormulaProblemCode } from './formula-limits';
import type { Series, SeriesKind } from './model';

export type CellProblemCode = FormulaProblemCode | 'damaged-cell' | 'damaged-record';

export interface CellProblem {
	code: CellProblemCode;
	regionCode: string;
	indicatorCode: string;
	kind: SeriesKind;
	/** The year of the cell; null when the whole record is damaged. */
	year: number | null;
	/** The stored text, shortened, so the planner can recognise it. */
	excerpt: string;
}

/** A stored series record that failed its schema, as the storage layer read around it. */
export interface DamagedSeries {
	/** The record's key in the database, to delete or rewrite it. */
	key: readonly unknown[];
	regionCode: string;
	indicatorCode: string;
	kind: SeriesKind;
	/** Years whose stored cell was unreadable (dropped from the series read). */
	badYears: number[];
	/** The record could not be read at all (its region, indicator or kind is damaged). */
	whole: boolean;
	/** The stored record, shortened, for the help desk. */
	excerpt: string;
}

export function shorten(text: string, max = 40): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function formulaProblemsIn(series: Iterable<Series>): CellProblem[] {
	const out: CellProblem[] = [];
	for (const s of series) {
		for (const [year, cell] of Object.entries(s.cells)) {
			if (cell.t !== 'f') continue;
			const problem = formulaProblem(cell.f);
			if (!problem) continue;
			out.push({
				code: problem.code,
				regionCode: s.regionCode,
				indicatorCode: s.indicatorCode,
				kind: s.kind,
				year: Number(year),
				excerpt: shorten(cell.f)
			});
		}
	}
	return out;
}

export function damagedProblems(damaged: readonly DamagedSeries[]): CellProblem[] {
	return damaged.flatMap((d): CellProblem[] =>
		d.whole || d.badYears.length === 0
			? [{ code: 'damaged-record', ...d, year: null }]
			: d.badYears.map((year) => ({ code: 'damaged-cell', ...d, year }))
	);
}
