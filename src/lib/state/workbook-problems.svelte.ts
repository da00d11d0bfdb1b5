// The stored cells and records the pages cannot use as they are: formulas that no longer
// load, series records that failed their schema, history or undo records found unreadable.
// They are listed (需要处理的单元格), never fatal, and cleared one at a time. Apart from the
// Workbook (workbook.svelte.ts) because it is the one part that rewrites a damaged record.
import type { Series, SeriesKind } from '$lib/core/model';
import { formulaProblemsIn, type CellProblem, type DamagedSeries } from '$lib/core/cell-problems';
import type { WorkbookDb } from '$lib/storage/db';
import { deleteSeriesByKey, putManySeries, type SeriesDraft } from '$lib/storage/series-table';
import type { ChangeHow } from '$lib/core/figure-history';
import type { DamagedRecord } from '$lib/storage/salvage';
import type { WriteGuard } from './workbook-rows';

/** What the problems part needs of the workbook (the Workbook itself is one). */
export interface ProblemsHost {
	readonly db: WorkbookDb;
	damaged: DamagedSeries[];
	damagedRecords: DamagedRecord[];
	externalRevision: number;
	getSeries(regionCode: string, indicatorCode: string, kind: SeriesKind): Series | undefined;
	writeSeries(drafts: readonly SeriesDraft[], how?: ChangeHow): Promise<void>;
}

/**
 * A row's formula problems, kept per stored record (a write replaces the record): after an
 * import of 100,000 figures, re-reading every cell of every row took the page 130 ms.
 */
const problemsOf = new WeakMap<Series, CellProblem[]>();
export function formulaProblemsOf(s: Series): CellProblem[] {
	let found = problemsOf.get(s);
	if (!found) {
		let formulas = false;
		for (const year in s.cells) if (s.cells[year]?.t === 'f') formulas = true;
		found = formulas ? formulaProblemsIn([s]) : [];
		problemsOf.set(s, found);
	}
	return found;
}

export class WorkbookProblems {
	readonly #host: ProblemsHost;
	readonly #guard: WriteGuard;

	constructor(host: ProblemsHost, guard: WriteGuard) {
		this.#host = host;
		this.#guard = guard;
	}

	/** Adds records found unreadable after opening (history, undo steps) to the list, once each. */
	noteDamaged(found: readonly DamagedRecord[]): void {
		const host = this.#host;
		const known = host.damagedRecords.map((d) => `${d.table}|${d.key}`);
		const fresh = found.filter((d) => !known.includes(`${d.table}|${d.key}`));
		if (fresh.length) host.damagedRecords = [...host.damagedRecords, ...fresh];
	}

	/**
	 * Clears one listed problem: the cell's stored formula (the rest of the row stays), or a
	 * damaged record (rewritten with its readable cells, or deleted if nothing of it reads).
	 */
	async clearProblem(problem: CellProblem): Promise<void> {
		const host = this.#host;
		const damaged = host.damaged.find(
			(d) =>
				d.regionCode === problem.regionCode &&
				d.indicatorCode === problem.indicatorCode &&
				d.kind === problem.kind
		);
		if (problem.code === 'damaged-record' && damaged?.whole) {
			await this.#guard(() => deleteSeriesByKey(host.db, damaged.key));
			host.damaged = host.damaged.filter((d) => d !== damaged);
			host.externalRevision++;
			return;
		}
		const s = host.getSeries(problem.regionCode, problem.indicatorCode, problem.kind);
		if (!s) return;
		const cells = { ...$state.snapshot(s.cells) };
		if (problem.year !== null && problem.code !== 'damaged-cell') delete cells[String(problem.year)];
		// Rewriting the record drops its unreadable cells: they were never part of the series read.
		// A damaged record is put whole: the per-cell merge would re-read (and refuse) it.
		if (damaged) await this.#guard(() => putManySeries(host.db, [{ ...$state.snapshot(s), cells }]));
		else await host.writeSeries([{ ...$state.snapshot(s), cells }], 'input');
		if (damaged) host.damaged = host.damaged.filter((d) => d !== damaged);
		// Open sheets reload what is stored, as after another tab's write (sheet-sync.svelte.ts).
		host.externalRevision++;
	}
}
