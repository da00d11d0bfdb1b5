// Whether a workbook holds anything a planner put there, or only what the first visit seeds
// (the plan's baselines and targets). An only-seeded workbook that once had data is the sign
// of a cleared browser storage.
import { sameCell } from '../exchange/snapshot';
import { seriesKey, type Series } from '../model';

export function hasPlannerData(
	content: { series: readonly Series[]; indicators: readonly unknown[]; imports: readonly unknown[] },
	seeds: readonly Series[]
): boolean {
	if (content.indicators.length > 0 || content.imports.length > 0) return true;
	const seeded = new Map(seeds.map((s) => [seriesKey(s), s]));
	return content.series.some((s) => {
		const seed = seeded.get(seriesKey(s));
		const cells = Object.entries(s.cells);
		if (!seed) return cells.length > 0 || s.note !== '';
		if (s.note !== seed.note || cells.length !== Object.keys(seed.cells).length) return true;
		return cells.some(([year, cell]) => !sameCell(cell, seed.cells[year]));
	});
}
