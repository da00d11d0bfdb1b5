import { describe, expect, it } from 'vitest';
import { trendData } from './trend-data';
import { compareRow, levelTargets, type SheetFigure } from '$lib/core/comparison';
import { planIndicator, seedSeries } from '$lib/core/plan';
import { CITY_CODE, FIRST_YEAR, PROVINCE_CODE } from '$lib/core/model';

function years(map: Record<number, SheetFigure>): SheetFigure[] {
	return Array.from({ length: 16 }, (_, i) => map[FIRST_YEAR + i] ?? null);
}
const seeds = seedSeries();
function row(code: string, figures: SheetFigure[]) {
	const of = (level: string) =>
		levelTargets(
			seeds.find((s) => s.regionCode === level && s.indicatorCode === code && s.kind === 'target')
		);
	return compareRow({
		indicator: planIndicator(code)!,
		isPlanIndicator: true,
		figures,
		targets: { [CITY_CODE]: of(CITY_CODE), [PROVINCE_CODE]: of(PROVINCE_CODE) }
	});
}

describe('trendData', () => {
	it('the county’s figures up to the latest, with gaps kept as gaps', () => {
		const t = trendData(row('EDU01', years({ 2020: 99, 2022: 99.2, 2023: 99.3 })));
		expect(t.county).toEqual([
			{ year: 2020, value: 99 },
			{ year: 2021, value: null },
			{ year: 2022, value: 99.2 },
			{ year: 2023, value: 99.3 }
		]);
	});

	it('without a 2025 figure, each level is one line 2020 → 2025 target → 2035 target', () => {
		const t = trendData(row('EDU01', years({ 2020: 99, 2023: 99.3 })));
		expect(t.levels.map((l) => l.level)).toEqual([CITY_CODE, PROVINCE_CODE]);
		expect(t.levels[0]!.runs).toEqual([
			[
				{ year: 2020, value: 99, target: null },
				{ year: 2025, value: 99.53, target: 2025 },
				{ year: 2035, value: 99.57, target: 2035 }
			]
		]);
	});

	it('with a 2025 figure, the path to 2035 restarts from it', () => {
		const t = trendData(row('EDU01', years({ 2020: 99, 2025: 99.5, 2027: 99.52 })));
		expect(t.levels[0]!.runs).toEqual([
			[
				{ year: 2020, value: 99, target: null },
				{ year: 2025, value: 99.53, target: 2025 }
			],
			[
				{ year: 2025, value: 99.5, target: null },
				{ year: 2035, value: 99.57, target: 2035 }
			]
		]);
	});

	it('with no figures at all, the targets still show, joined 2025 → 2035', () => {
		const t = trendData(row('EDU09', years({})));
		expect(t.county).toEqual([]);
		expect(t.levels[0]!.runs).toEqual([
			[
				{ year: 2025, value: 10.2, target: 2025 },
				{ year: 2035, value: 11, target: 2035 }
			]
		]);
	});

	it('a path from a baseline that already meets the target is drawn from the target on', () => {
		// 99 in 2020 already beats the province's 96 (2025) and >96 (2035).
		const t = trendData(row('EDU01', years({ 2020: 99, 2023: 99.3 })));
		expect(t.levels[1]!.runs).toEqual([
			[
				{ year: 2025, value: 96, target: 2025 },
				{ year: 2035, value: 96, target: 2035 }
			]
		]);
	});

	it('EDU03 (yes/no in a county) has no lines to draw', () => {
		const t = trendData(row('EDU03', years({ 2020: false, 2023: true })));
		expect(t.levels).toEqual([]);
		expect(t.county).toEqual([]);
	});
});
