// A county's figures as the comparison needs them, read straight from its sheet's content when
// that content holds no formula: then the formula engine would give back each figure as
// stored, and a page that only shows statuses (the tasks page) need not load HyperFormula.
// A sheet with a formula (or anything else than a figure) goes to the engine.
import type { SheetFigure } from '$lib/core/comparison';
import { YEARS } from '$lib/core/model';
import { columnOfYear, type RawContent } from '$lib/engine/sheet-layout';

/** What the comparison sheet asks of whatever computes a county's figures. */
export interface FigureSource {
	setSheet(name: string, content: RawContent[][]): void;
	yearFigures(name: string, row: number): SheetFigure[];
}

/** Whether every year cell of a sheet's content is a figure (a number, yes/no) or empty. */
export function onlyFigures(content: readonly (readonly RawContent[])[]): boolean {
	return content.every((row) =>
		YEARS.every((year) => {
			const v = row[columnOfYear(year)];
			return v === null || v === undefined || v === '' || typeof v === 'number' || typeof v === 'boolean';
		})
	);
}

/**
 * A number as the engine gives it back with smartRounding (HyperFormula's Exporter
 * `cellValueRounding`, at its default precisionRounding of 10 digits); -0 comes back as 0.
 * The property test beside this file holds the two equal.
 */
export function engineRounding(value: number): number {
	if (value === 0) return 0;
	const places = Math.pow(10, 10 - Math.floor(Math.log10(Math.abs(value))));
	return value < 0 ? -Math.round(-value * places) / places : Math.round(value * places) / places;
}

/** Figures of sheets that hold no formula, as the engine would compute them. */
export class StoredFigures implements FigureSource {
	readonly #sheets = new Map<string, RawContent[][]>();

	setSheet(name: string, content: RawContent[][]): void {
		if (!onlyFigures(content)) throw new Error(`sheet ${name} holds formulas: it needs the engine`);
		this.#sheets.set(name, content);
	}

	yearFigures(name: string, row: number): SheetFigure[] {
		const cells = this.#sheets.get(name)?.[row] ?? [];
		return YEARS.map((year) => {
			const v = cells[columnOfYear(year)];
			if (typeof v === 'number') {
				const shown = engineRounding(v);
				return Number.isFinite(shown) ? shown : 'error';
			}
			if (typeof v === 'boolean') return v;
			return null;
		});
	}
}
