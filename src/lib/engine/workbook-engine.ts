// The one module that owns HyperFormula. It builds the workbook's single engine (one sheet
// per county, one for the city's own figures, one for targets), registers the plan's functions, and answers questions about
// computed cells. The grid binds to these sheets through Handsontable's Formulas plugin.
import { HyperFormula, DetailedCellError, type RawCellContent } from 'hyperformula';
import { PlanFunctionsPlugin } from './plan-functions';
import type { SheetFigure } from '$lib/core/comparison';
import { YEARS } from '$lib/core/model';
import {
	columnOfYear,
	regionSheetContent,
	targetsRowContent,
	TARGETS_SHEET,
	type RegionRowInput,
	type RawContent,
	type TargetsRowInput
} from './sheet-layout';

let registered = false;
function registerPlanFunctions(): void {
	if (registered) return;
	const names = Object.keys(PlanFunctionsPlugin.implementedFunctions);
	HyperFormula.registerFunctionPlugin(PlanFunctionsPlugin, {
		enGB: Object.fromEntries(names.map((n) => [n, n])),
		enUS: Object.fromEntries(names.map((n) => [n, n]))
	});
	registered = true;
}

export interface EngineError {
	/** The spreadsheet error shown in the cell, e.g. `#REF!`. */
	value: string;
	/** The engine's own explanation, in English. */
	message: string;
	type: string;
}

/**
 * What Handsontable's Formulas plugin binds a grid to: this engine's instance and one of its
 * sheets. The only way the instance leaves this module, so every other use goes through a
 * method here.
 */
// A type, not an interface: the plugin's setting wants an object with an index signature.
export type GridFormulas = {
	readonly engine: HyperFormula;
	readonly sheetName: string;
};

/** A block of cells, rows and columns inclusive, as the grid numbers them. */
export interface CellBlock {
	fromRow: number;
	fromCol: number;
	toRow: number;
	toCol: number;
}

export class WorkbookEngine {
	readonly #hf: HyperFormula;
	/** Builds the sheets not built yet (see deferSheets), or null once done. */
	#buildRest: (() => void) | null = null;

	constructor(licenseKey: string) {
		registerPlanFunctions();
		this.#hf = HyperFormula.buildEmpty({
			licenseKey,
			// Years and percentages are compared exactly as typed: 99 does not meet >99.
			smartRounding: true,
			useArrayArithmetic: false
		});
	}

	/** (Re)build the targets sheet and every region sheet in one recalculation. */
	load(targets: readonly TargetsRowInput[], regions: ReadonlyMap<string, readonly RegionRowInput[]>): void {
		this.#hf.batch(() => {
			this.setSheet(TARGETS_SHEET, targets.map(targetsRowContent));
			for (const [sheetName, rows] of regions) this.setSheet(sheetName, regionSheetContent(rows));
		});
	}

	/** Add or rebuild region sheets, leaving the targets sheet and the others as they are. */
	loadRegions(regions: ReadonlyMap<string, readonly RegionRowInput[]>): void {
		this.#hf.batch(() => {
			// Every sheet first, then their content, so a formula naming a sheet of the same
			// batch finds it however the batch is ordered.
			for (const name of regions.keys()) if (!this.#hf.doesSheetExist(name)) this.#hf.addSheet(name);
			for (const [sheetName, rows] of regions) this.setSheet(sheetName, regionSheetContent(rows));
		});
	}

	/**
	 * The sheets left out at open, built by `build` when buildAllSheets is first called: a page
	 * builds only the sheets it shows, and a change that reaches every sheet builds the rest.
	 */
	deferSheets(build: () => void): void {
		this.#buildRest = build;
	}

	/**
	 * Builds every sheet not built yet. Called before inserting or removing a row: the engine
	 * shifts the references to the rows below in every sheet, so every sheet must be there.
	 */
	buildAllSheets(): void {
		const build = this.#buildRest;
		this.#buildRest = null;
		build?.();
	}

	/**
	 * Put content into cells outside the grid on screen (a figure shown in two sheets), in one
	 * recalculation. A cell that already holds it is left alone, so the sheet a grid has just
	 * written is not written again under it.
	 */
	setCells(cells: readonly { sheet: string; row: number; col: number; content: RawContent }[]): void {
		const changed = cells.filter(
			(c) => this.#hf.doesSheetExist(c.sheet) && (this.sourceAt(c.sheet, c.row, c.col) ?? null) !== c.content
		);
		if (changed.length === 0) return;
		this.#hf.batch(() => {
			for (const c of changed) {
				this.#hf.setCellContents({ sheet: this.sheetId(c.sheet), row: c.row, col: c.col }, [
					[c.content as RawCellContent]
				]);
			}
		});
	}

	/** An empty sheet of that name, if there is none yet, for content set right after. */
	addSheet(name: string): void {
		if (!this.#hf.doesSheetExist(name)) this.#hf.addSheet(name);
	}

	setSheet(name: string, content: RawContent[][]): void {
		if (!this.#hf.doesSheetExist(name)) this.#hf.addSheet(name);
		const id = this.sheetId(name);
		this.#hf.setSheetContent(id, content as RawCellContent[][]);
	}

	gridFormulas(sheetName: string): GridFormulas {
		return { engine: this.#hf, sheetName };
	}

	/**
	 * The contents `source` gives when filled over `target` (Ctrl+D / Ctrl+R): formulas with
	 * their relative references shifted as Excel shifts them. Empty when the sheet is unknown.
	 */
	fillContents(sheetName: string, source: CellBlock, target: CellBlock): unknown[][] {
		if (!this.#hf.doesSheetExist(sheetName)) return [];
		const sheet = this.sheetId(sheetName);
		const range = (b: CellBlock) => ({
			start: { sheet, row: b.fromRow, col: b.fromCol },
			end: { sheet, row: b.toRow, col: b.toCol }
		});
		return this.#hf.getFillRangeData(range(source), range(target));
	}

	sheetId(name: string): number {
		const id = this.#hf.getSheetId(name);
		if (id === undefined) throw new Error(`no sheet named ${name}`);
		return id;
	}

	/** The source of every cell of a sheet: numbers, booleans, formula text. */
	sheetSource(name: string): RawContent[][] {
		return this.#hf.getSheetSerialized(this.sheetId(name)) as RawContent[][];
	}

	value(name: string, row: number, col: number): unknown {
		return this.#hf.getCellValue({ sheet: this.sheetId(name), row, col });
	}

	/**
	 * A county row's figures by year as computed, 2020–2035: a formula counts as its value,
	 * a formula that fails as 'error', EDU03's yes/no as a boolean, anything else as none.
	 */
	yearFigures(name: string, row: number): SheetFigure[] {
		const sheet = this.sheetId(name);
		return YEARS.map((year) => {
			const v = this.#hf.getCellValue({ sheet, row, col: columnOfYear(year) });
			if (v instanceof DetailedCellError) return 'error';
			if (typeof v === 'number') return Number.isFinite(v) ? v : 'error';
			if (typeof v === 'boolean') return v;
			return null;
		});
	}

	/** The error a cell shows, with the engine's explanation, or null if it holds no error. */
	errorAt(name: string, row: number, col: number): EngineError | null {
		if (!this.#hf.doesSheetExist(name)) return null;
		const v = this.#hf.getCellValue({ sheet: this.sheetId(name), row, col });
		if (v instanceof DetailedCellError) return { value: v.value, message: v.message, type: v.type };
		return null;
	}

	formulaAt(name: string, row: number, col: number): string | undefined {
		if (!this.#hf.doesSheetExist(name)) return undefined;
		return this.#hf.getCellFormula({ sheet: this.sheetId(name), row, col });
	}

	/** What a cell holds as typed: its formula's source, or its value. */
	sourceAt(name: string, row: number, col: number): unknown {
		if (!this.#hf.doesSheetExist(name)) return undefined;
		return this.#hf.getCellSerialized({ sheet: this.sheetId(name), row, col });
	}

	/** Whether `formula` parses; used to refuse a broken formula before it reaches a cell. */
	validateFormula(formula: string): boolean {
		// The parser recurses: a formula past the nesting limit throws RangeError (stack
		// overflow) here instead of answering. Such a formula is not valid either way.
		try {
			return this.#hf.validateFormula(formula);
		} catch {
			return false;
		}
	}

	destroy(): void {
		this.#hf.destroy();
	}
}
