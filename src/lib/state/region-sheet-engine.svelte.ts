// A region sheet's formula engine, which may arrive after its grid is drawn. The county page
// draws a sheet whose stored cells hold no formula at once (components/late-engine-grid.ts);
// until the engine is bound the sheet asks this link, which answers from the grid and the
// pure core, and what only the engine can answer waits for it (the grid holds such changes).
import type { CellBlock, EngineError, GridFormulas, WorkbookEngine } from '$lib/engine/workbook-engine';
import { COL_FIRST_COMPARISON, targetsRowContent, type RawContent } from '$lib/engine/sheet-layout';
import type { Lang } from '$lib/i18n/locale.svelte';
import type { SheetEngine } from './region-sheet.svelte';
import { regionRows, targetRows } from './engine-inputs';
import { computableWithoutEngine, storedComparison } from './stored-comparison';
import { regionSheetContent } from '$lib/engine/sheet-layout';
import type { Workbook } from './workbook.svelte';

/** Whether a region's sheet, as stored now, shows exactly what the engine would without it. */
export function opensWithoutEngine(workbook: Workbook, regionCode: string, lang: Lang): boolean {
	const content = regionSheetContent(regionRows(workbook, regionCode, lang));
	return computableWithoutEngine(content, targetRows(workbook, lang).map(targetsRowContent));
}

export class SheetEngineLink implements SheetEngine {
	/** The engine once bound to the grid; reactive, so what reads it follows the binding. */
	current = $state.raw<WorkbookEngine | null>(null);
	/** The grid's content, for what the formula bar shows before the engine is there. */
	gridSource: () => RawContent[][] | undefined = () => undefined;
	/** Run when the engine is bound, before the changes the grid held are applied. */
	onBound: (() => void)[] = [];
	readonly #bound: Promise<WorkbookEngine>;
	#resolve: (engine: WorkbookEngine) => void = () => undefined;
	/** The targets sheet's content, for the comparison cells computed without the engine. */
	#targets: RawContent[][] = [];

	constructor(
		readonly workbook: Workbook,
		readonly lang: () => Lang,
		engine: WorkbookEngine | null
	) {
		this.#bound = new Promise((resolve) => (this.#resolve = resolve));
		if (engine) this.bind(engine);
		else this.refreshTargets();
	}

	get isAttached(): boolean {
		return this.current !== null;
	}

	whenAttached(): Promise<WorkbookEngine> {
		return this.#bound;
	}

	bind(engine: WorkbookEngine): void {
		if (this.current) return;
		this.current = engine;
		for (const fn of this.onBound.splice(0)) fn();
		this.#resolve(engine);
	}

	/** The targets as stored now (another tab may have changed them). */
	refreshTargets(): void {
		this.#targets = targetRows(this.workbook, this.lang()).map(targetsRowContent);
	}

	/** A comparison cell's value without the engine; undefined for every other cell. */
	storedValue(col: number, content: RawContent, rowOf: (row: number) => RawContent[]): unknown {
		if (col < COL_FIRST_COMPARISON) return undefined;
		return storedComparison(content, rowOf, this.#targets);
	}

	/** Whether a sheet's content can be shown without the engine, with the targets as stored now. */
	computable(content: readonly (readonly RawContent[])[]): boolean {
		this.refreshTargets();
		return computableWithoutEngine(content, this.#targets);
	}

	// --- what the sheet and the grid ask --------------------------------------------------

	validateFormula(formula: string): boolean {
		// Never asked before the engine is bound: the grid holds every formula until then. Were
		// it asked, refusing stores nothing; accepting would store a formula unchecked.
		return this.current?.validateFormula(formula) ?? false;
	}

	sheetSource(sheetName: string): RawContent[][] {
		if (!this.current) throw new Error('the engine is not bound yet');
		return this.current.sheetSource(sheetName);
	}

	setCells(cells: readonly { sheet: string; row: number; col: number; content: RawContent }[]): void {
		// Before the engine is bound: it is built from storage, and the city's baselines are
		// handed to it again as it is bound (RegionSheet).
		this.current?.setCells(cells);
	}

	buildAllSheets(): void {
		this.current?.buildAllSheets();
	}

	errorAt(sheetName: string, row: number, col: number): EngineError | null {
		return this.current ? this.current.errorAt(sheetName, row, col) : null;
	}

	formulaAt(sheetName: string, row: number, col: number): string | undefined {
		return this.current?.formulaAt(sheetName, row, col);
	}

	sourceAt(sheetName: string, row: number, col: number): unknown {
		if (this.current) return this.current.sourceAt(sheetName, row, col);
		const v = this.gridSource()?.[row]?.[col];
		return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
	}

	fillContents(sheetName: string, source: CellBlock, target: CellBlock): unknown[][] {
		return this.current?.fillContents(sheetName, source, target) ?? [];
	}

	gridFormulas(sheetName: string): GridFormulas {
		if (!this.current) throw new Error('the engine is not bound yet');
		return this.current.gridFormulas(sheetName);
	}
}
