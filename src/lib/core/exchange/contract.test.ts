import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportFileName, guardText, readDirection, readHeaderCell, readKind, unguardText } from './contract';

describe('the formula-injection guard', () => {
	it('puts an apostrophe before text Excel would run as a formula', () => {
		expect(guardText('=1+1')).toBe("'=1+1");
		expect(guardText('+86 0936')).toBe("'+86 0936");
		expect(guardText('-5 (减少)')).toBe("'-5 (减少)");
		expect(guardText('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(guardText('\tx')).toBe("'\tx");
		expect(guardText('\rx')).toBe("'\rx");
		expect(guardText('＝全角')).toBe("'＝全角");
		expect(guardText('普通备注')).toBe('普通备注');
		expect(guardText("'plain")).toBe("'plain");
	});

	it('reads back exactly what was guarded, for any text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (s) => {
				expect(unguardText(guardText(s))).toBe(s);
			})
		);
		fc.assert(
			fc.property(fc.stringMatching(/^['=+\-@\t\r]{0,4}[a-z]{0,2}$/), (s) => {
				expect(unguardText(guardText(s))).toBe(s);
			})
		);
	});

	it('leaves an apostrophe that guards nothing in place', () => {
		expect(unguardText("'plain")).toBe("'plain");
		expect(unguardText("'=1")).toBe('=1');
		expect(unguardText("''=1")).toBe("'=1");
	});
});

describe('headers', () => {
	it('reads Chinese and English names, in any case and spacing', () => {
		expect(readHeaderCell('地区代码')).toEqual({ column: 'region_code' });
		expect(readHeaderCell(' Region Code ')).toEqual({ column: 'region_code' });
		expect(readHeaderCell('INDICATOR_CODE')).toEqual({ column: 'indicator_code' });
		expect(readHeaderCell('数值')).toEqual({ column: 'value' });
		expect(readHeaderCell('方向')).toEqual({ column: 'direction' });
		expect(readHeaderCell('2024')).toEqual({ year: 2024 });
		expect(readHeaderCell('２０２４年')).toEqual({ year: 2024 });
		expect(readHeaderCell('来源')).toBeNull();
	});

	it('reads kinds and directions in both languages', () => {
		expect(readKind('实际')).toBe('actual');
		expect(readKind(' Target ')).toBe('target');
		expect(readKind('计划')).toBeNull();
		expect(readDirection('越低越好')).toBe('lower');
		expect(readDirection('higher')).toBe('higher');
		expect(readDirection('')).toBeNull();
	});
});

describe('file names', () => {
	it('carry the region code, name and date', () => {
		const date = new Date(2026, 2, 15);
		expect(exportFileName({ regionCode: '620702', regionName: '甘州区', layout: 'grid', date })).toBe(
			'620702-甘州区-20260315.csv'
		);
		expect(
			exportFileName({ regionCode: '620700', regionName: '张掖市', what: '目标', layout: 'long', date })
		).toBe('620700-张掖市-目标-明细-20260315.csv');
		expect(exportFileName({ regionCode: '1', regionName: 'a/b:c', layout: 'grid', date })).toBe(
			'1-a_b_c-20260315.csv'
		);
	});
});
