// Codes and values an import reads as the grid does: plan codes written another way, codes
// that only look like plan codes, and the forms planners type (no figure, separators, yes/no).
import { describe, expect, it } from 'vitest';
import { planImport, type ImportPlan } from './import';
import { EMPTY_SNAPSHOT } from './snapshot';
import { planCodeLookalike, planIndicatorLoosely } from '../plan';

const GRID_HEADER =
	'地区代码,地区,指标代码,指标,单位,类型,2020,2021,2022,2023,2024,2025,2026,2027,2028,2029,2030,2031,2032,2033,2034,2035,备注';

function plan(text: string): ImportPlan {
	return planImport([{ text }], EMPTY_SNAPSHOT);
}
function cellsOf(p: ImportPlan, region: string, indicator: string) {
	return p.changes.find((c) => c.regionCode === region && c.indicatorCode === indicator)?.after.cells;
}

describe('plan codes in a file', () => {
	it('reads a lower-case or full-width plan code as that code', () => {
		const p = plan(`地区代码,指标代码,类型,2024\n620702,edu01,实际,99.4\n620702,ＥＤＵ02,实际,98\n`);
		expect(p.rejected).toEqual([]);
		expect(p.indicators).toEqual([]);
		expect(cellsOf(p, '620702', 'EDU01')).toEqual({ '2024': { t: 'n', v: 99.4 } });
		expect(cellsOf(p, '620702', 'EDU02')).toEqual({ '2024': { t: 'n', v: 98 } });
	});

	it.each([
		['EDU1O', '学前教育毛入园率', 'EDU01'], // a letter O, and EDU01's name
		['EDU1O', '', 'EDU01'],
		['edu00', '九年义务教育巩固率', 'EDU02'],
		['EDU10', '', 'EDU01'],
		['ＥＤＵ0Ｏ9', '劳动年龄人口平均受教育年限', 'EDU09'],
		['EDUX', '', 'EDU01']
	])('refuses %s (named %j) as a look-alike of a plan code, suggesting %s', (code, name, suggestion) => {
		const p = plan(`${GRID_HEADER}\n620702,甘州区,${code},${name},%,实际,,,,,99.6,,,,,,,,,,,,\n`);
		expect(p.indicators).toEqual([]);
		expect(p.changes).toEqual([]);
		expect(p.rejected.map((r) => [r.row, r.column, r.code, r.params])).toEqual([
			[2, '指标代码', 'plan-code-lookalike', { code: code.normalize('NFKC'), suggestion }]
		]);
	});

	it('still defines own indicators from codes that are not like plan codes', () => {
		const p = plan(`${GRID_HEADER}\n620702,甘州区,C01,农村寄宿生比例,%,实际,,,,,31.5,,,,,,,,,,,,\n`);
		expect(p.rejected).toEqual([]);
		expect(p.indicators.map((i) => i.after.code)).toEqual(['C01']);
	});

	it('has helpers that agree with the import', () => {
		expect(planIndicatorLoosely('edu05')?.code).toBe('EDU05');
		expect(planIndicatorLoosely('C01')).toBeUndefined();
		expect(planCodeLookalike('EDU01')).toBeNull();
		expect(planCodeLookalike('C01')).toBeNull();
		expect(planCodeLookalike('EDUl7')).toBe('EDU07');
		expect(planCodeLookalike('EDU070')).toBe('EDU07');
	});
});

describe('values in a file read as the grid reads them', () => {
	it('reads 99。5, thousands separators and yes/no codings; a dash is no figure', () => {
		const p = plan(
			[
				'地区代码,指标代码,类型,2020,2021,2022,2023',
				'620702,EDU01,实际,99。5,—,/,"1,000.5"',
				'620702,EDU03,实际,100,0,Y,×',
				'620702,EDU09,实际,9.8,－,"1,0",'
			].join('\n')
		);
		expect(p.rejected.map((r) => [r.row, r.column, r.code])).toEqual([[4, '2022', 'value-not-a-number']]);
		expect(cellsOf(p, '620702', 'EDU01')).toEqual({
			'2020': { t: 'n', v: 99.5 },
			'2023': { t: 'n', v: 1000.5 }
		});
		expect(cellsOf(p, '620702', 'EDU03')).toEqual({
			'2020': { t: 'b', v: true },
			'2021': { t: 'b', v: false },
			'2022': { t: 'b', v: true },
			'2023': { t: 'b', v: false }
		});
	});
});
