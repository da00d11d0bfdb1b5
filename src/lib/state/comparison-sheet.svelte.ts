// One county's comparison sheet as the page shows and prints it: each indicator's figures
// as the formula engine computes them (a formula counts as its value), compared with the
// city's and province's targets by the core's progress maths, and the checks on the figures.
import { compareRow, hasAnyFigure, levelTargets, type ComparisonRow } from '$lib/core/comparison';
import { checkFigures, type FigureCheck } from '$lib/core/figure-checks';
import { CITY_CODE, PROVINCE_CODE, type Indicator } from '$lib/core/model';
import { regionSheetContent } from '$lib/engine/sheet-layout';
import type { FigureSource } from './stored-figures';
import type { Lang } from '$lib/i18n/locale.svelte';
import { regionRows, regionSheetName } from './engine-inputs';
import type { Workbook } from './workbook.svelte';

export interface IndicatorCheck {
	indicator: Indicator;
	check: FigureCheck;
}

export class ComparisonSheet {
	/** Bumped when another tab changed the workbook and the engine was rebuilt from storage. */
	#revision = $state(0);

	constructor(
		readonly workbook: Workbook,
		readonly regionCode: string,
		readonly engine: FigureSource,
		readonly lang: () => Lang
	) {}

	readonly rows: ComparisonRow[] = $derived.by(() => {
		void this.#revision;
		return this.#build();
	});

	readonly checks: IndicatorCheck[] = $derived(
		this.rows.flatMap((row) =>
			checkFigures(row.indicator, row.measure, row.figures).map((check) => ({
				indicator: row.indicator,
				check
			}))
		)
	);

	readonly hasFigures = $derived(hasAnyFigure(this.rows));

	/** When the county's own figures were last edited, for the printed sheet's header. */
	readonly lastEdited = $derived.by(() => this.workbook.summary(this.regionCode).lastEdited);

	#build(): ComparisonRow[] {
		const sheetName = regionSheetName(this.regionCode);
		const inputs = regionRows(this.workbook, this.regionCode, this.lang());
		// No grid is bound to the county's sheet on this page, so the engine's copy is set from
		// the workbook: the same content the grid loads, reread whenever the stored figures
		// change (an edit in another tab, an import), so the page never shows a stale figure.
		this.engine.setSheet(sheetName, regionSheetContent(inputs));
		const cityTargets = (code: string) => levelTargets(this.workbook.getSeries(CITY_CODE, code, 'target'));
		const provinceTargets = (code: string) =>
			levelTargets(this.workbook.getSeries(PROVINCE_CODE, code, 'target'));
		return inputs.map((r, i) =>
			compareRow({
				indicator: r.indicator,
				isPlanIndicator: r.planRow !== null,
				figures: this.engine.yearFigures(sheetName, i),
				commitment: r.commitment && {
					rule: r.commitment.rule,
					reference:
						r.commitment.referenceRow !== undefined
							? this.engine.yearFigures(sheetName, r.commitment.referenceRow)
							: undefined
				},
				targets:
					r.planRow === null
						? {}
						: {
								[CITY_CODE]: cityTargets(r.indicator.code),
								[PROVINCE_CODE]: provinceTargets(r.indicator.code)
							}
			})
		);
	}

	/** Another tab changed the stored workbook (the engine has been rebuilt): compute again. */
	reloadFromStorage(): void {
		this.#revision++;
	}

	/** Names come from the catalogs at render time; nothing computed depends on the language. */
	relabel(): void {}
}
