// The rows of a region's sheet as the workbook keeps them: the plan's nine, the commitment
// rows a county took up (FIN01…), and the county's own indicators, added, changed, deleted
// and brought back. Apart from the Workbook (workbook.svelte.ts) because it is the one part
// that decides which rows a sheet has; the Workbook keeps its public methods and hands it
// its copy and its write guard.
import { seriesKey, type Direction, type Indicator, type OwnIndicator, type Series } from '$lib/core/model';
import { commitmentOf, commitmentCodes, isCounty, planIndicators } from '$lib/core/plan';
import { seriesHoldsAnything, type Commitment } from '$lib/core/commitments';
import type { WorkbookDb } from '$lib/storage/db';
import { setMeta } from '$lib/storage/meta-table';
import {
	deleteOwnIndicator,
	nextOwnCode,
	putOwnIndicator,
	restoreOwnIndicator,
	type DeletedIndicator
} from '$lib/storage/indicators-table';
import type { SeriesKind } from '$lib/core/model';

export interface RowIndicator {
	indicator: Indicator;
	/** Null for the county's own indicators, which have no plan targets. */
	planRow: number | null;
	own: OwnIndicator | null;
	/** A commitment row the county has taken up (FIN01…); it has no plan row on the targets sheet. */
	commitment?: Commitment | null;
}

/** What the rows part needs of the workbook (the Workbook itself is one). */
export interface RowsHost {
	readonly db: WorkbookDb;
	readonly series: Map<string, Series>;
	readonly ownIndicators: Map<string, OwnIndicator>;
	commitmentRegions: readonly string[];
	getSeries(regionCode: string, indicatorCode: string, kind: SeriesKind): Series | undefined;
}

/** Runs a write as every write of the workbook is run (counted, its failure kept, tabs told). */
export type WriteGuard = <T>(write: () => Promise<T>) => Promise<T>;

export class WorkbookRows {
	readonly #host: RowsHost;
	readonly #guard: WriteGuard;

	constructor(host: RowsHost, guard: WriteGuard) {
		this.#host = host;
		this.#guard = guard;
	}

	/** The plan's nine, the commitment rows if the county took them up, then the county's own. */
	rowIndicators(regionCode: string): RowIndicator[] {
		const own = [...this.#host.ownIndicators.values()]
			.filter((c) => c.regionCode === regionCode)
			.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
		const commitments = this.hasCommitments(regionCode)
			? commitmentCodes.map((code) => commitmentOf(code)!)
			: [];
		return [
			...planIndicators.map((indicator, i) => ({ indicator, planRow: i, own: null })),
			...commitments.map((c) => ({ indicator: c, planRow: null, own: null, commitment: c })),
			...own.map((c) => ({ indicator: c, planRow: null, own: c }))
		];
	}

	/**
	 * Whether a county's sheet shows the commitment rows: it turned them on, or they hold a
	 * figure (an imported one, say), which is never hidden.
	 */
	hasCommitments(regionCode: string): boolean {
		if (!isCounty(regionCode)) return false;
		return (
			this.#host.commitmentRegions.includes(regionCode) ||
			commitmentCodes.some((code) => seriesHoldsAnything(this.#host.getSeries(regionCode, code, 'actual')))
		);
	}

	/** How many figures (and notes) a county holds in its commitment rows. */
	commitmentFigureCount(regionCode: string): number {
		let n = 0;
		for (const code of commitmentCodes) {
			const s = this.#host.getSeries(regionCode, code, 'actual');
			n += Object.keys(s?.cells ?? {}).length + Object.keys(s?.notes ?? {}).length + (s?.note ? 1 : 0);
		}
		return n;
	}

	/** Turns a county's commitment rows on or off, remembered in the workbook (and its backups). */
	async setCommitmentsTakenUp(regionCode: string, on: boolean): Promise<void> {
		const host = this.#host;
		const others = host.commitmentRegions.filter((code) => code !== regionCode);
		const next = (on ? [...others, regionCode] : others).sort();
		await this.#guard(() => setMeta(host.db, 'commitments', { regions: next }));
		host.commitmentRegions = next;
	}

	async addOwnIndicator(
		regionCode: string,
		draft: { nameZh: string; unit: string; direction: Direction }
	): Promise<OwnIndicator> {
		const host = this.#host;
		const code = await nextOwnCode(host.db, regionCode);
		const order = Math.max(
			-1,
			...[...host.ownIndicators.values()].filter((c) => c.regionCode === regionCode).map((c) => c.order)
		);
		const saved = await this.#guard(() =>
			putOwnIndicator(host.db, {
				regionCode,
				code,
				nameZh: draft.nameZh,
				nameEn: '',
				unit: draft.unit,
				direction: draft.direction,
				precision: 2,
				order: order + 1,
				updatedAt: Date.now()
			})
		);
		host.ownIndicators.set(`${regionCode}|${code}`, saved);
		return saved;
	}

	async updateOwnIndicator(indicator: OwnIndicator): Promise<OwnIndicator> {
		const host = this.#host;
		const saved = await this.#guard(() => putOwnIndicator(host.db, { ...indicator, updatedAt: Date.now() }));
		host.ownIndicators.set(`${saved.regionCode}|${saved.code}`, saved);
		return saved;
	}

	async deleteOwnIndicator(regionCode: string, code: string): Promise<DeletedIndicator | undefined> {
		const host = this.#host;
		const removed = await this.#guard(() => deleteOwnIndicator(host.db, regionCode, code));
		if (removed) {
			host.ownIndicators.delete(`${regionCode}|${code}`);
			for (const s of removed.series) host.series.delete(seriesKey(s));
		}
		return removed;
	}

	async restoreOwnIndicator(deleted: DeletedIndicator): Promise<void> {
		const host = this.#host;
		await this.#guard(() => restoreOwnIndicator(host.db, deleted));
		const c = deleted.indicator;
		host.ownIndicators.set(`${c.regionCode}|${c.code}`, c);
		for (const s of deleted.series) host.series.set(seriesKey(s), s);
	}
}
