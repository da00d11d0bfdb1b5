// The city view as a CSV table for Excel readers: a row per indicator, for each county its
// figure, the figure's year and its status, then the city's figure (and for EDU03 the share
// computed from the counties) and how many counties meet the target. Written in Chinese,
// like every file the workbook exports. It is a report, not an exchange file: it has no
// 地区代码 column, so importing it is refused with "no header" rather than misread.
import type { CityView, CityViewCell } from '../city-view';
import type { SheetStatus } from '../comparison';
import { plainDecimal } from '../decimal';
import { roundTo } from '../compare';
import { CITY_CODE, type Region } from '../model';
import { guardText } from './contract';

export interface CityExportWords {
	/** Status words as the grid writes them: 已达标, 按进度, … */
	status: Readonly<Record<SheetStatus, string>>;
	yes: string;
	no: string;
}

function figureText(cell: CityViewCell, words: CityExportWords): string {
	const v = cell.shown?.value;
	if (v === undefined) return '';
	if (typeof v === 'boolean') return v ? words.yes : words.no;
	return plainDecimal(roundTo(v, 10));
}

function targetText(view: CityView, i: number): string {
	const t = view.rows[i]?.target;
	if (!t) return '';
	return `${t.comparator === '>' ? '>' : ''}${plainDecimal(t.value)}${t.qualifier ? `（${t.qualifier}）` : ''}`;
}

/** The settings line above the table: what the figures are judged against, and when. */
export function cityExportTitle(view: CityView, exportedAt: string): string[] {
	const { level, targetYear, year } = view.choice;
	return [
		'张掖市教育现代化2035主要指标县区对照表',
		`对照：${level === CITY_CODE ? '市' : '省'}${targetYear}年目标`,
		`数据：${year === null ? '各县区最新数据' : `${year}年数据`}`,
		`导出时间：${exportedAt}`
	];
}

export function buildCityViewTable(
	view: CityView,
	counties: readonly Region[],
	words: CityExportWords,
	exportedAt: string
): string[][] {
	const header = [
		'指标代码',
		'指标',
		'单位',
		'目标',
		...counties.flatMap((c) => [c.nameZh, `${c.nameZh}年份`, `${c.nameZh}状态`]),
		'张掖市（市报数）',
		'市报数年份',
		'市报数状态',
		'按县区计算',
		'按县区计算年份',
		'按县区计算状态',
		'达标县区数',
		'县区数',
		'核对'
	];
	const rows = view.rows.map((row, i) => {
		const cell = (c: CityViewCell) => [
			figureText(c, words),
			c.shown ? String(c.shown.year) : '',
			c.otherQualifier ? `口径不同（${c.otherQualifier}）` : words.status[c.status]
		];
		const computed = row.computed;
		const check = computed?.check;
		return [
			row.indicator.code,
			guardText(row.indicator.nameZh),
			guardText(row.indicator.unit),
			targetText(view, i),
			...row.counties.flatMap(cell),
			...cell(row.city),
			...(computed ? cell(computed.cell) : ['', '', '']),
			String(row.met),
			String(row.counties.length),
			check?.kind === 'differs'
				? `市报数${plainDecimal(check.reported)}与按县区计算${plainDecimal(roundTo(check.computed, 2))}不一致（${check.year}年）`
				: check?.kind === 'other-qualifier'
					? `市报数为${check.qualifier}口径，未比较`
					: ''
		];
	});
	return [cityExportTitle(view, exportedAt), header, ...rows];
}
