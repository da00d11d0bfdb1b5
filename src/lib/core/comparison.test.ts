import { describe, expect, it } from 'vitest';
import {
	compareRow,
	hasAnyFigure,
	levelTargets,
	type IndicatorTargets,
	type SheetFigure
} from './comparison';
import { planIndicator, seedSeries } from './plan';
import { CITY_CODE, FIRST_YEAR, PROVINCE_CODE, type OwnIndicator } from './model';

function years(map: Record<number, SheetFigure>): SheetFigure[] {
	return Array.from({ length: 16 }, (_, i) => map[FIRST_YEAR + i] ?? null);
}

const seeds = seedSeries();
function seededTargets(code: string): IndicatorTargets {
	const of = (level: string) =>
		levelTargets(
			seeds.find((s) => s.regionCode === level && s.indicatorCode === code && s.kind === 'target')
		);
	return { [CITY_CODE]: of(CITY_CODE), [PROVINCE_CODE]: of(PROVINCE_CODE) };
}

describe('levelTargets', () => {
	it('reads the plan’s targets with their comparator and standard', () => {
		expect(seededTargets('EDU02')[CITY_CODE]).toEqual({
			2025: { value: 99, comparator: '>', qualifier: null },
			2035: { value: 99, comparator: '>', qualifier: null }
		});
		expect(seededTargets('EDU03')[CITY_CODE]?.[2025]).toEqual({
			value: 50,
			comparator: '>=',
			qualifier: '优质均衡'
		});
	});

	it('a missing series or year gives no target', () => {
		expect(levelTargets(undefined)).toEqual({});
	});
});

describe('compareRow', () => {
	it('甘州区 EDU01: baseline, latest, achieved, and the four comparisons in order', () => {
		const row = compareRow({
			indicator: planIndicator('EDU01')!,
			isPlanIndicator: true,
			figures: years({ 2020: 99, 2023: 99.3 }),
			targets: seededTargets('EDU01')
		});
		expect(row.measure).toBe('value');
		expect(row.baseline).toBe(99);
		expect(row.latest).toEqual({ year: 2023, value: 99.3 });
		expect(row.achieved).toBe(0.1);
		expect(row.comparisons.map((c) => [c.year, c.level, c.status])).toEqual([
			[2025, CITY_CODE, 'behind'],
			[2025, PROVINCE_CODE, 'met'],
			[2035, CITY_CODE, 'behind'],
			[2035, PROVINCE_CODE, 'met']
		]);
		const city2025 = row.comparisons[0]!;
		expect(city2025.target).toEqual({ value: 99.53, comparator: '>=', qualifier: null });
		expect(city2025.planned).toBe(99.318);
		expect(city2025.required).toBe(0.115);
		expect(city2025.gap).toBe(-0.23);
		// 2035: (99.57 − 99.3) / 12
		expect(row.comparisons[2]!.required).toBe(0.0225);
		expect(row.comparisons[2]!.path?.map((p) => p.year)).toEqual([2020, 2025, 2035]);
	});

	it('EDU09 (years of schooling) against a strict city target, at one decimal', () => {
		const row = compareRow({
			indicator: planIndicator('EDU09')!,
			isPlanIndicator: true,
			figures: years({ 2020: 9.8, 2024: 10.2 }),
			targets: seededTargets('EDU09')
		});
		// >10.2 is not met by 10.2; the path 9.8 → 10.2 stands at 10.12 in 2024.
		expect(row.comparisons[0]!.status).toBe('on-track');
		expect(row.comparisons[0]!.gap).toBe(0);
		expect(row.comparisons[1]!.status).toBe('met');
	});

	it('EDU03 in a county is judged by certification, with no gap or rate', () => {
		const row = compareRow({
			indicator: planIndicator('EDU03')!,
			isPlanIndicator: true,
			figures: years({ 2020: false, 2024: true }),
			targets: seededTargets('EDU03')
		});
		expect(row.measure).toBe('certified');
		expect(row.baseline).toBe(false);
		expect(row.latest).toEqual({ year: 2024, value: true });
		expect(row.achieved).toBeNull();
		expect(row.comparisons.map((c) => c.status)).toEqual([
			'certified',
			'certified',
			'certified',
			'certified'
		]);
		expect(row.comparisons.every((c) => c.gap === null && c.required === null)).toBe(true);
		expect(row.comparisons[0]!.target?.qualifier).toBe('优质均衡');
	});

	it('a formula error where the figure is judged shows as an error, with its year', () => {
		const row = compareRow({
			indicator: planIndicator('EDU01')!,
			isPlanIndicator: true,
			figures: years({ 2020: 99, 2024: 'error' }),
			targets: seededTargets('EDU01')
		});
		expect(row.comparisons[0]!.status).toBe('error');
		expect(row.comparisons[0]!.errorYear).toBe(2024);
		expect(row.latest).toEqual({ year: 2020, value: 99 });
	});

	it('a county’s own indicator has figures and progress, but no targets to compare', () => {
		const own: OwnIndicator = {
			code: 'C01',
			nameZh: '专任教师数',
			nameEn: '',
			unit: '人',
			direction: 'higher',
			precision: 2,
			countyMeasure: 'value',
			regionCode: '620702',
			order: 0,
			updatedAt: 0
		};
		const row = compareRow({
			indicator: own,
			isPlanIndicator: false,
			figures: years({ 2020: 812, 2022: 830 }),
			targets: {}
		});
		expect(row.comparisons).toEqual([]);
		expect(row.achieved).toBe(9);
		expect(row.latest).toEqual({ year: 2022, value: 830 });
	});

	it('a county with no figures has rows of 数据不足 and nothing to chart', () => {
		const rows = ['EDU01', 'EDU09'].map((code) =>
			compareRow({
				indicator: planIndicator(code)!,
				isPlanIndicator: true,
				figures: years({}),
				targets: seededTargets(code)
			})
		);
		expect(rows.flatMap((r) => r.comparisons.map((c) => c.status))).toEqual(Array(8).fill('no-data'));
		expect(hasAnyFigure(rows)).toBe(false);
		expect(rows[0]!.baseline).toBeNull();
		expect(rows[0]!.latest).toBeNull();
	});
});
