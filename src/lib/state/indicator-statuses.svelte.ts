// The statuses of a county's indicators as its comparison sheet computes them, for a page that
// shows them beside something else (the tasks page). When the county's sheet holds no formula,
// its figures are read as stored (stored-figures.ts) and HyperFormula is never loaded; when it
// does, the engine is loaded, and until it has computed, a status is unknown (undefined), never
// a guess.
import type { SheetStatus } from '$lib/core/comparison';
import type { Lang } from '$lib/i18n/locale.svelte';
import { ComparisonSheet } from './comparison-sheet.svelte';
import { onlyFigures, StoredFigures } from './stored-figures';
import type { RawContent } from '$lib/engine/sheet-layout';
import type { Workbook } from './workbook.svelte';

/** Figures as stored, remembering whether the last sheet set held only figures. */
class CheckedStoredFigures extends StoredFigures {
	complete = true;
	override setSheet(name: string, content: RawContent[][]): void {
		this.complete = onlyFigures(content);
		if (this.complete) super.setSheet(name, content);
	}
}

export class IndicatorStatuses {
	comparison = $state.raw<ComparisonSheet | null>(null);
	/** The engine could not be loaded: statuses stay unknown, and the page can say so. */
	failed = $state(false);
	#stored: CheckedStoredFigures | null = new CheckedStoredFigures();
	#engineAsked = false;

	constructor(
		readonly workbook: Workbook,
		readonly regionCode: string,
		readonly lang: () => Lang
	) {
		this.comparison = new ComparisonSheet(workbook, regionCode, this.#stored!, lang);
	}

	/** An indicator's status against the city's target of a year; undefined while not known. */
	status(indicatorCode: string, targetYear: number, level: string): SheetStatus | null | undefined {
		const comparison = this.comparison;
		if (!comparison) return undefined;
		const rows = comparison.rows;
		if (this.#stored && !this.#stored.complete) {
			this.#useEngine();
			return undefined;
		}
		const row = rows.find((r) => r.indicator.code === indicatorCode);
		const c = row?.comparisons.find((x) => x.year === targetYear && x.level === level);
		return c?.status ?? null;
	}

	#useEngine(): void {
		if (this.#engineAsked) return;
		this.#engineAsked = true;
		import('./engine-session')
			.then((session) => {
				const engine = session.getEngineFor(this.workbook, this.lang(), this.regionCode, true);
				this.#stored = null;
				// The comparison sheet sets the county's sheet in the engine as it computes.
				this.comparison = new ComparisonSheet(this.workbook, this.regionCode, engine, this.lang);
			})
			.catch(() => {
				this.#engineAsked = false;
				this.failed = true;
			});
	}

	/** Another tab changed the stored workbook: compute again (the engine, if any, was rebuilt). */
	reloadFromStorage(): void {
		this.comparison?.reloadFromStorage();
	}
}
