import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { buildCityViewTable, type CityExportWords } from './city-export';
import { toCsvText } from './export';
import { cityView } from '../city-view';
import { levelTargets, type SheetFigure } from '../comparison';
import { counties, planIndicators, seedSeries } from '../plan';
import { CITY_CODE, FIRST_YEAR, PROVINCE_CODE } from '../model';
import { planImport } from './import';
import { EMPTY_SNAPSHOT } from './snapshot';

const WORDS: CityExportWords = {
	status: {
		met: '已达标',
		'on-track': '按进度',
		behind: '滞后',
		'no-data': '数据不足',
		error: '公式出错',
		certified: '已认定',
		'not-certified': '未认定'
	},
	yes: '是',
	no: '否'
};

function years(map: Record<number, SheetFigure>): SheetFigure[] {
	return Array.from({ length: 16 }, (_, i) => map[FIRST_YEAR + i] ?? null);
}

const seeds = seedSeries();
const targets = new Map(
	planIndicators.map((i) => {
		const of = (level: string) =>
			levelTargets(
				seeds.find((s) => s.regionCode === level && s.indicatorCode === i.code && s.kind === 'target')
			);
		return [i.code, { [CITY_CODE]: of(CITY_CODE), [PROVINCE_CODE]: of(PROVINCE_CODE) }];
	})
);

describe('buildCityViewTable', () => {
	const certified = new Set(['620702', '620723', '620724']);
	const view = cityView({
		indicators: planIndicators,
		counties: counties.map((c, i) => ({
			regionCode: c.code,
			figures: new Map<string, SheetFigure[]>([
				['EDU01', years(i === 3 ? {} : { 2020: 99, 2024: 99.6 - i * 0.1 })],
				['EDU03', years({ 2025: certified.has(c.code) })]
			])
		})),
		city: new Map([['EDU03', years({ 2025: 40 })]]),
		targets,
		choice: { level: CITY_CODE, targetYear: 2025, year: null }
	});
	const table = buildCityViewTable(view, counties, WORDS, '2026-11-29 10:32');

	it('a title line, then a header naming each county’s figure, year and status', () => {
		expect(table[0]).toEqual([
			'张掖市教育现代化2035主要指标县区对照表',
			'对照：市2025年目标',
			'数据：各县区最新数据',
			'导出时间：2026-11-29 10:32'
		]);
		expect(table[1]!.slice(0, 7)).toEqual([
			'指标代码',
			'指标',
			'单位',
			'目标',
			'甘州区',
			'甘州区年份',
			'甘州区状态'
		]);
		expect(table[1]!.length).toBe(4 + 18 + 6 + 3);
		expect(table.length).toBe(2 + planIndicators.length);
	});

	it('figures, statuses and counts as the page shows them', () => {
		const edu01 = table[2]!;
		expect(edu01.slice(0, 4)).toEqual(['EDU01', '学前教育毛入园率', '%', '99.53']);
		expect(edu01.slice(4, 10)).toEqual(['99.6', '2024', '已达标', '99.5', '2024', '按进度']);
		expect(edu01.slice(13, 16)).toEqual(['', '', '数据不足']);
		const edu03 = table[4]!;
		expect(edu03[3]).toBe('50（优质均衡）');
		expect(edu03.slice(4, 7)).toEqual(['是', '2025', '已认定']);
		expect(edu03.slice(-9)).toEqual([
			'40',
			'2025',
			'滞后',
			'50',
			'2025',
			'已达标',
			'3',
			'6',
			'市报数40与按县区计算50不一致（2025年）'
		]);
	});

	it('survives CSV: every row reads back with the same cells', () => {
		const back = Papa.parse<string[]>(toCsvText(table), { skipEmptyLines: true }).data;
		expect(back).toEqual(table);
	});

	it('is refused by the importer as having no header, never misread as figures', () => {
		expect(
			planImport([{ text: toCsvText(table) }], EMPTY_SNAPSHOT).files[0]!.problems.map((p) => p.code)
		).toContain('no-header');
	});
});
