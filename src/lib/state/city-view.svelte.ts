// The city's view as the page shows, prints and exports it: the six counties' figures
// judged by the core's city-view maths against the target the planner chose.
import { cityView, latestYearOf, type CityView } from '$lib/core/city-view';
import { counties, planIndicatorCodes } from '$lib/core/plan';
import { cityCommitments, type CommitmentCityRow } from '$lib/core/city-commitments';
import type { SheetFigure } from '$lib/core/comparison';
import { CITY_CODE } from '$lib/core/model';
import type { WorkbookEngine } from '$lib/engine/workbook-engine';
import type { Lang } from '$lib/i18n/locale.svelte';
import type { Workbook } from './workbook.svelte';
import {
	cityViewInput,
	computeCountyFigures,
	computeRegionFigures,
	type CountyFiguresByCode,
	type FiguresByIndicator
} from './city-view-inputs';
import { DEFAULT_SETTINGS, type CityViewSettings } from './city-view-settings';

export {
	settingsFromParams,
	settingsToParams,
	type CityViewSettings,
	type Orientation
} from './city-view-settings';

/** A county without figures (never changed, so a plain constant). */
const NO_FIGURES: ReadonlyMap<string, SheetFigure[]> = new Map<string, SheetFigure[]>();

export class CityViewSheet {
	settings = $state<CityViewSettings>({ ...DEFAULT_SETTINGS });
	/** Bumped when another tab changed the workbook and the engine was rebuilt from storage. */
	#revision = $state(0);

	constructor(
		readonly workbook: Workbook,
		readonly engine: WorkbookEngine,
		readonly lang: () => Lang
	) {}

	readonly countyFigures: CountyFiguresByCode = $derived.by(() => {
		void this.#revision;
		return computeCountyFigures(this.workbook, this.engine, this.lang());
	});

	/** The city's own reported figures, formulas computed. */
	readonly cityFigures: FiguresByIndicator = $derived.by(() => {
		void this.#revision;
		return computeRegionFigures(this.workbook, this.engine, CITY_CODE, this.lang());
	});

	readonly view: CityView = $derived.by(() => {
		const { level, targetYear, year } = this.settings;
		return cityView(
			cityViewInput(this.workbook, this.countyFigures, this.cityFigures, { level, targetYear, year })
		);
	});

	/** The year commitments are judged up to: the chosen year, else the chosen target year. */
	readonly commitmentYear: number = $derived(this.settings.year ?? this.settings.targetYear);

	/** The commitment rules, per county: its latest year up to the chosen (target) year. */
	readonly commitments: CommitmentCityRow[] = $derived(
		cityCommitments(
			counties.map((c) => ({
				regionCode: c.code,
				takenUp: this.workbook.hasCommitments(c.code),
				figures: this.countyFigures.get(c.code) ?? NO_FIGURES
			})),
			this.commitmentYear
		)
	);

	/** Whether any county took up the commitment rows (the page shows their table then). */
	readonly anyCommitments: boolean = $derived(counties.some((c) => this.workbook.hasCommitments(c.code)));

	/** The latest year any county has a figure for: the year a completeness table runs to. */
	readonly reportingYear: number | null = $derived(
		latestYearOf(
			[...this.countyFigures.values()].flatMap((m) =>
				[...m.entries()].filter(([code]) => planIndicatorCodes.has(code)).map(([, f]) => f)
			)
		)
	);

	/** When any county's figures were last changed (typed or imported), for the printout. */
	readonly lastEdited: number | null = $derived.by(() => {
		let last: number | null = null;
		for (const c of counties) {
			const edited = this.workbook.summary(c.code).lastEdited;
			if (edited) last = Math.max(last ?? 0, edited);
		}
		return last;
	});

	/** Another tab changed the stored workbook (the engine has been rebuilt): compute again. */
	reloadFromStorage(): void {
		this.#revision++;
	}

	relabel(): void {}
}
