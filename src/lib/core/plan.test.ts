// The seeds against the plan's table as read cleanly by hand (seeds/plan-table.md).
// The markdown is parsed here on its own terms, with nothing from value-input, so a
// mistake in the seed files or in parsePlanFigure cannot hide behind itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import figuresFile from '../../../seeds/figures.json';
import { CITY_CODE, PROVINCE_CODE, seriesKey, seriesSchema, type Cell } from './model';
import {
	city,
	counties,
	countyByCode,
	isCounty,
	planIndicator,
	planIndicatorCodes,
	planIndicators,
	planRegions,
	regionByCode,
	regionMeasure,
	seedSeries,
	sheetRegions
} from './plan';

const markdown = readFileSync(new URL('../../../seeds/plan-table.md', import.meta.url), 'utf8');

/** The markdown table whose header row starts with `| <firstHeader> |`, as rows of cells. */
function markdownTable(firstHeader: string): { header: string[]; rows: string[][] } {
	const lines = markdown.split(/\r?\n/);
	const start = lines.findIndex((l) => l.startsWith(`| ${firstHeader} |`));
	if (start < 0) throw new Error(`no table headed ${firstHeader}`);
	const cells = (line: string) =>
		line
			.trim()
			.replace(/^\||\|$/g, '')
			.split('|')
			.map((c) => c.trim());
	const header = cells(lines[start] ?? '');
	const rows: string[][] = [];
	for (let i = start + 2; i < lines.length && (lines[i] ?? '').startsWith('|'); i++) {
		rows.push(cells(lines[i] ?? ''));
	}
	return { header, rows };
}

const indicatorTable = markdownTable('code | indicator (简体)');
const regionTable = markdownTable('code | name | level');

/** `>96`, `95 (基本均衡)`, `9.8` read the way the README explains them. */
function expectedCell(text: string): Cell {
	const m = /^(>)?(\d+(?:\.\d+)?)(?: \(([^()]+)\))?$/.exec(text);
	if (!m) throw new Error(`unexpected figure in plan table: ${text}`);
	const cell: Cell = { t: 'n', v: Number(m[2]) };
	if (m[1]) cell.cmp = '>';
	if (m[3]) cell.q = m[3];
	return cell;
}

/** `2025 省` → year 2025 of the province. */
function columnOf(heading: string): { year: number; regionCode: string } {
	const m = /^(\d{4}) (省|市)$/.exec(heading);
	if (!m) throw new Error(`unexpected column ${heading}`);
	const level = m[2] === '省' ? 'province' : 'city';
	const region = regionTable.rows.find((r) => r[2] === level);
	if (!region?.[0]) throw new Error(`no ${level} in region table`);
	return { year: Number(m[1]), regionCode: region[0] };
}

describe('the markdown table itself', () => {
	it('has nine indicators and six figure columns', () => {
		expect(indicatorTable.header).toEqual([
			'code',
			'indicator (简体)',
			'unit',
			'2020 省',
			'2020 市',
			'2025 省',
			'2025 市',
			'2035 省',
			'2035 市'
		]);
		expect(indicatorTable.rows).toHaveLength(9);
		expect(indicatorTable.rows.every((r) => r.length === 9)).toBe(true);
		expect(regionTable.rows).toHaveLength(8);
	});
});

describe('regions', () => {
	it('are the eight of the README, in its order, with exact codes, names and levels', () => {
		// The README writes 甘州区's level as 'county (district)': a district counts as a county.
		expect(planRegions.map((r) => [r.code, r.nameZh, r.level])).toEqual(
			regionTable.rows.map(([code, name, level]) => [code, name, level?.replace(/ \(district\)$/, '')])
		);
		expect(planRegions.map((r) => `${r.code} ${r.nameZh}`)).toEqual([
			'620000 甘肃省',
			'620700 张掖市',
			'620702 甘州区',
			'620721 肃南裕固族自治县',
			'620722 民乐县',
			'620723 临泽县',
			'620724 高台县',
			'620725 山丹县'
		]);
	});

	it('have the province and city at the model constants, and six counties', () => {
		expect(regionByCode(PROVINCE_CODE)?.level).toBe('province');
		expect(regionByCode(CITY_CODE)?.level).toBe('city');
		expect(counties.map((c) => c.code)).toEqual(['620702', '620721', '620722', '620723', '620724', '620725']);
		expect(isCounty('620702')).toBe(true);
		expect(countyByCode('620702')?.nameZh).toBe('甘州区');
		expect(countyByCode(CITY_CODE)).toBeUndefined();
		expect(countyByCode('999999')).toBeUndefined();
		expect(isCounty(CITY_CODE)).toBe(false);
		expect(isCounty('999999')).toBe(false);
		expect(regionByCode('999999')).toBeUndefined();
	});

	it('with a sheet of figures are the six counties, then the city', () => {
		expect(city.code).toBe(CITY_CODE);
		expect(sheetRegions.map((r) => r.code)).toEqual([...counties.map((c) => c.code), CITY_CODE]);
	});

	it('all have an English name', () => {
		for (const r of planRegions) expect(r.nameEn.trim()).not.toBe('');
	});
});

describe('indicators', () => {
	it('EDU03 is yes/no in a county, and a percentage for the city (the share of its counties)', () => {
		const edu03 = planIndicator('EDU03')!;
		expect(regionMeasure(edu03, '620702')).toBe('certified');
		expect(regionMeasure(edu03, CITY_CODE)).toBe('value');
		expect(regionMeasure(edu03, PROVINCE_CODE)).toBe('value');
		expect(regionMeasure(planIndicator('EDU01')!, '620702')).toBe('value');
	});

	it('are the nine of the table with exact Chinese names and units', () => {
		expect(planIndicators.map((i) => [i.code, i.nameZh, i.unit])).toEqual(
			indicatorTable.rows.map(([code, name, unit]) => [code, name, unit])
		);
		expect(planIndicators.map((i) => i.nameZh)).toEqual([
			'学前教育毛入园率',
			'九年义务教育巩固率',
			'义务教育优质均衡县的比例',
			'高中阶段毛入学率',
			'高等教育毛入学率',
			'学前教育教师接受专业教育比例',
			'义务教育专任教师中本科以上学历比例',
			'新增劳动力中受过高中阶段以上教育比例',
			'劳动年龄人口平均受教育年限'
		]);
		expect(planIndicators.map((i) => i.unit)).toEqual(['%', '%', '%', '%', '%', '%', '%', '%', '年']);
	});

	it('are all higher-is-better, and only EDU03 is certified in a county', () => {
		expect(planIndicators.every((i) => i.direction === 'higher')).toBe(true);
		expect(planIndicators.filter((i) => i.countyMeasure === 'certified').map((i) => i.code)).toEqual([
			'EDU03'
		]);
		expect(planIndicator('EDU09')?.precision).toBe(1);
		expect(planIndicator('EDU99')).toBeUndefined();
		expect([...planIndicatorCodes]).toEqual(indicatorTable.rows.map((r) => r[0]));
	});
});

describe('seed figures', () => {
	it('figures.json has one row per indicator, in the table order', () => {
		expect(figuresFile.rows).toHaveLength(9);
		expect(figuresFile.rows.map((r) => r[0])).toEqual(indicatorTable.rows.map((r) => r[0]));
	});

	const series = seedSeries(1234);
	const byKey = new Map(series.map((s) => [seriesKey(s), s]));

	it('are 36 valid series: province and city × nine indicators × actual and target', () => {
		expect(series).toHaveLength(2 * 9 * 2);
		expect(byKey.size).toBe(series.length);
		for (const s of series) {
			expect(seriesSchema.parse(s)).toEqual(s);
			expect(s.updatedAt).toBe(1234);
			expect(s.note).toBe('');
			expect(Object.keys(s.cells).sort()).toEqual(s.kind === 'actual' ? ['2020'] : ['2025', '2035']);
		}
		expect(new Set(series.map((s) => s.regionCode))).toEqual(new Set([PROVINCE_CODE, CITY_CODE]));
	});

	it('reproduce all 54 figures of the table, with comparators and qualifiers', () => {
		let compared = 0;
		for (const row of indicatorTable.rows) {
			const code = row[0] ?? '';
			indicatorTable.header.slice(3).forEach((heading, i) => {
				const { year, regionCode } = columnOf(heading);
				const kind = year === 2020 ? 'actual' : 'target';
				const s = byKey.get(seriesKey({ regionCode, indicatorCode: code, kind }));
				const text = row[3 + i] ?? '';
				expect(s?.cells[String(year)], `${code} ${heading} ${text}`).toStrictEqual(expectedCell(text));
				compared++;
			});
		}
		expect(compared).toBe(54);
	});

	it('keep the comparators where the table writes >', () => {
		const strict = series.flatMap((s) =>
			Object.entries(s.cells)
				.filter(([, c]) => c.t === 'n' && c.cmp === '>')
				.map(([year]) => `${s.indicatorCode} ${s.regionCode} ${year}`)
		);
		expect(strict.sort()).toEqual(
			[
				'EDU01 620000 2035',
				'EDU02 620700 2025',
				'EDU02 620000 2035',
				'EDU02 620700 2035',
				'EDU06 620000 2035',
				'EDU06 620700 2035',
				'EDU07 620000 2035',
				'EDU07 620700 2035',
				'EDU08 620700 2025',
				'EDU08 620700 2035',
				'EDU09 620700 2025'
			].sort()
		);
		// a baseline is a measured figure: never a comparator
		for (const s of series.filter((x) => x.kind === 'actual')) {
			for (const c of Object.values(s.cells)) expect(c.t === 'n' && c.cmp).toBeFalsy();
		}
	});

	it("keep EDU03's qualifiers exactly as in the table, and no others", () => {
		const qualifiers = (regionCode: string) => {
			const actual = byKey.get(seriesKey({ regionCode, indicatorCode: 'EDU03', kind: 'actual' }));
			const target = byKey.get(seriesKey({ regionCode, indicatorCode: 'EDU03', kind: 'target' }));
			return [actual?.cells['2020'], target?.cells['2025'], target?.cells['2035']].map((c) =>
				c?.t === 'n' ? [c.v, c.q] : null
			);
		};
		expect(qualifiers(PROVINCE_CODE)).toEqual([
			[95, '基本均衡'],
			[95, '基本均衡'],
			[95, '优质均衡']
		]);
		expect(qualifiers(CITY_CODE)).toEqual([
			[100, '基本均衡'],
			[50, '优质均衡'],
			[100, '优质均衡']
		]);
		const others = series
			.filter((s) => s.indicatorCode !== 'EDU03')
			.flatMap((s) => Object.values(s.cells))
			.filter((c) => c.t === 'n' && c.q !== undefined);
		expect(others).toEqual([]);
	});

	it('are fresh objects on every call, so callers may mutate them', () => {
		const a = seedSeries();
		const b = seedSeries();
		expect(a).toEqual(b);
		expect(a[0]).not.toBe(b[0]);
		expect(a[0]?.updatedAt).toBe(0);
	});
});
