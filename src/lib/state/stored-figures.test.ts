// Figures read as stored must be exactly what the formula engine gives for a sheet without a
// formula, or the tasks page (which reads them so) would disagree with the county's sheet.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkbookEngine } from '$lib/engine/workbook-engine';
import { columnOfYear, REGION_COLUMN_COUNT, type RawContent } from '$lib/engine/sheet-layout';
import { YEARS } from '$lib/core/model';
import { onlyFigures, StoredFigures } from './stored-figures';

const figureCell = fc.oneof(
	fc.constant(null),
	fc.boolean(),
	fc.integer({ min: -1000, max: 100000 }),
	fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
	// Figures as typed: a few decimals, the kind smartRounding is about.
	fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100)
);

function sheetOf(rows: RawContent[][]): RawContent[][] {
	return rows.map((years, i) => {
		const row: RawContent[] = Array.from({ length: REGION_COLUMN_COUNT }, () => null);
		row[0] = `EDU0${i}`;
		years.forEach((v, y) => (row[columnOfYear(YEARS[y]!)] = v));
		return row;
	});
}

describe('figures read as stored', () => {
	it('are the engine’s figures for a sheet that holds no formula', () => {
		const engine = new WorkbookEngine('gpl-v3');
		fc.assert(
			fc.property(
				fc.array(fc.array(figureCell, { minLength: YEARS.length, maxLength: YEARS.length }), {
					minLength: 1,
					maxLength: 6
				}),
				(years) => {
					const content = sheetOf(years);
					expect(onlyFigures(content)).toBe(true);
					engine.setSheet('甘州区', content);
					const stored = new StoredFigures();
					stored.setSheet('甘州区', content);
					content.forEach((_, row) =>
						expect(stored.yearFigures('甘州区', row)).toEqual(engine.yearFigures('甘州区', row))
					);
				}
			),
			{ numRuns: 500 }
		);
		engine.destroy();
	});

	it('refuse a sheet with a formula or text in a year, which needs the engine', () => {
		const withFormula = sheetOf([[...YEARS.map(() => null)]]);
		withFormula[0]![columnOfYear(2023)] = '=1+1';
		expect(onlyFigures(withFormula)).toBe(false);
		expect(() => new StoredFigures().setSheet('甘州区', withFormula)).toThrow();
		const withText = sheetOf([[...YEARS.map(() => null)]]);
		withText[0]![columnOfYear(2021)] = '99.5';
		expect(onlyFigures(withText)).toBe(false);
	});
});
