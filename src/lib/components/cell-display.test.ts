import { describe, expect, it } from 'vitest';
import {
	displayGap,
	displayNumber,
	displayStatus,
	displayGridStatus,
	explainError,
	isErrorValue,
	regionCellDisplay,
	targetsCellDisplay,
	STATUS_CLASS,
	type RegionCellQueries,
	STATUS_SYMBOL
} from './cell-display';
import { Locale } from '$lib/i18n/locale.svelte';
import { STATUS_TEXT } from '$lib/engine/plan-functions';
import { planIndicators } from '$lib/core/plan';
import { COL_NAME, COL_NOTE, columnOfYear, COMPARISON_COLUMNS } from '$lib/engine/sheet-layout';
import type { OwnIndicator } from '$lib/core/model';

describe('displayGap', () => {
	it.each([
		[0.07, 2, '+0.07'],
		[-0.03, 2, '−0.03'],
		[0, 2, '±0.00'],
		[-0, 2, '±0.00'],
		[-0.2, 1, '−0.2'],
		[3.5, 2, '+3.50'],
		[12, 0, '+12'],
		[-1, 1, '−1.0']
	])('%d at precision %i is %s', (v, precision, text) => {
		expect(displayGap(v, precision)).toBe(text);
	});

	it('writes a minus sign (U+2212), never a hyphen', () => {
		const text = displayGap(-0.03, 2);
		expect(text.codePointAt(0)).toBe(0x2212);
		expect(text).not.toContain('-');
	});

	it('shows a gap finer than the precision rather than rounding it to zero', () => {
		expect(displayGap(0.004, 2)).toBe('+0.004');
	});
});

describe('displayNumber', () => {
	it('figures are written as typed', () => {
		expect(displayNumber(99.6)).toBe('99.6');
		expect(displayNumber(99.53)).toBe('99.53');
		expect(displayNumber(100)).toBe('100');
		expect(displayNumber(0)).toBe('0');
		expect(displayNumber(-2.5)).toBe('-2.5');
	});

	it('binary noise from formulas is dropped', () => {
		expect(displayNumber(0.1 + 0.2)).toBe('0.3');
		expect(displayNumber(99.6 - 0.1)).toBe('99.5');
		expect(displayNumber(1 / 3)).toBe('0.3333333333');
	});
});

describe('isErrorValue', () => {
	it('knows the engine error values', () => {
		for (const v of ['#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#N/A', '#NUM!', '#CYCLE!', '#ERROR!']) {
			expect(isErrorValue(v)).toBe(true);
		}
	});

	it('anything else is no error', () => {
		for (const v of ['已达标', '', '#', '#div/0!', 'REF!', 0, null, undefined, true, { value: '#REF!' }]) {
			expect(isErrorValue(v)).toBe(false);
		}
	});
});

describe('displayStatus', () => {
	it('a symbol and the word, in the chosen language', () => {
		const locale = new Locale();
		expect(locale.lang).toBe('zh');
		expect(displayStatus('已达标', locale)).toBe('✓ 已达标');
		expect(displayStatus('按进度', locale)).toBe('↗ 按进度');
		expect(displayStatus('滞后', locale)).toBe('↘ 滞后');
		expect(displayStatus('数据不足', locale)).toBe('— 数据不足');
		expect(displayStatus('已认定', locale)).toBe('✓ 已认定');
		expect(displayStatus('未认定', locale)).toBe('✗ 未认定');
		locale.setLang('en');
		expect(displayStatus('已达标', locale)).toBe('✓ Met');
		expect(displayStatus('按进度', locale)).toBe('↗ On track');
		expect(displayStatus('滞后', locale)).toBe('↘ Behind');
		expect(displayStatus('数据不足', locale)).toBe('— Not enough data');
		expect(displayStatus('未认定', locale)).toBe('✗ Not certified');
	});

	it('text that is no status is shown as it is', () => {
		const locale = new Locale();
		expect(displayStatus('其他', locale)).toBe('其他');
		expect(displayStatus('', locale)).toBe('');
	});

	it('every status has a symbol, a word in both languages and a colour class', () => {
		const locale = new Locale();
		for (const word of Object.values(STATUS_TEXT)) {
			expect(STATUS_SYMBOL[word]).toBeTruthy();
			expect(STATUS_CLASS[word]).toMatch(/^st-/);
			locale.setLang('en');
			expect(displayStatus(word, locale)).not.toMatch(/[\u4e00-\u9fff]/);
			locale.setLang('zh');
		}
		expect(STATUS_CLASS['已达标']).toBe('st-met');
		expect(STATUS_CLASS['滞后']).toBe('st-behind');
	});
});

describe('explainError', () => {
	it('explains an error in the chosen language, with the engine message after it', () => {
		const locale = new Locale();
		const zh = explainError('#DIV/0!', 'x', locale);
		expect(zh).toContain('除数为零');
		expect(zh).toContain('x');
		expect(explainError('#DIV/0!', undefined, locale)).toBe('除数为零。');
		locale.setLang('en');
		expect(explainError('#DIV/0!', undefined, locale)).toBe('Division by zero.');
		expect(explainError('#DIV/0!', 'Division by zero.', locale)).toBe(
			'Division by zero. (engine: Division by zero.)'
		);
	});

	it('an error without an explanation of its own gets the generic one', () => {
		const locale = new Locale();
		expect(explainError('#LIC!', undefined, locale)).toBe('公式出错。');
	});
});

describe('regionCellDisplay', () => {
	const edu01 = { indicator: planIndicators[0]!, planRow: 0, own: null };
	const own: OwnIndicator = {
		...planIndicators[0]!,
		code: 'C01',
		nameZh: '农村寄宿生比例',
		nameEn: '',
		regionCode: '620702',
		order: 0,
		updatedAt: 0
	};
	const ownRow = { indicator: own, planRow: null, own: own };
	const queries = (over: Partial<RegionCellQueries> = {}): RegionCellQueries => ({
		isCity: false,
		errorMessage: () => undefined,
		isFormula: () => false,
		baselineQualifier: () => undefined,
		implausibleRange: () => null,
		...over
	});
	const status2025 = COMPARISON_COLUMNS.find((c) => c.role === 'status' && c.year === 2025)!.col;
	const gap2025 = COMPARISON_COLUMNS.find((c) => c.role === 'gap' && c.year === 2025)!.col;
	const y2024 = columnOfYear(2024);

	it('gives each status its colour class beside its symbol and word', () => {
		const locale = new Locale();
		const cases: [string, string, string][] = [
			['已达标', '✓ 已达标', 'st-met'],
			['按进度', '↗ 按进度', 'st-on-track'],
			['滞后', '↘ 滞后', 'st-behind'],
			['数据不足', '— 缺数据', 'st-no-data']
		];
		for (const [value, text, cls] of cases) {
			const d = regionCellDisplay(value, status2025, edu01, queries(), locale);
			expect(d.text).toBe(text);
			expect(d.classes).toContain(cls);
		}
	});

	it('shortens 数据不足 on the grid to fit its status column, the full word on hover', () => {
		const locale = new Locale();
		const d = regionCellDisplay('数据不足', status2025, edu01, queries(), locale);
		expect(d.text).toBe('— 缺数据');
		expect(d.title).toBe('数据不足：缺少2020年基期数据，或基期以后尚无数据。');
		// Find (Ctrl+F) matches the full word too.
		expect(d.fullText).toBe('— 数据不足');
		// The other statuses already fit, and carry no title.
		expect(regionCellDisplay('已达标', status2025, edu01, queries(), locale).title).toBeUndefined();
		expect(regionCellDisplay('已达标', status2025, edu01, queries(), locale).fullText).toBeUndefined();
		// Everywhere else (the comparison sheet, print) the full word stays.
		expect(displayStatus('数据不足', locale)).toBe('— 数据不足');
		locale.setLang('en');
		expect(regionCellDisplay('数据不足', status2025, edu01, queries(), locale)).toMatchObject({
			text: '— No data',
			title: 'Not enough data: no 2020 baseline, or no figure since it.'
		});
		expect(displayGridStatus('未认定', locale)).toEqual({ text: '✗ Not certified' });
	});

	it('writes a gap at the indicator precision, and a dash without one', () => {
		const locale = new Locale();
		expect(regionCellDisplay(-0.03, gap2025, edu01, queries(), locale).text).toBe('−0.03');
		expect(regionCellDisplay(null, gap2025, edu01, queries(), locale).text).toBe('—');
		expect(regionCellDisplay(null, gap2025, ownRow, queries(), locale).classes).toContain('c-none');
	});

	it('marks formulas and implausible figures, and explains errors', () => {
		const locale = new Locale();
		const formula = regionCellDisplay(99.6, y2024, edu01, queries({ isFormula: () => true }), locale);
		expect(formula).toEqual({ text: '99.6', classes: ['c-formula'], title: undefined });
		const odd = regionCellDisplay(996, y2024, edu01, queries({ implausibleRange: () => '0–200%' }), locale);
		expect(odd.classes).toEqual(['c-implausible']);
		expect(odd.title).toContain('0–200%');
		const err = regionCellDisplay('#DIV/0!', y2024, edu01, queries(), locale);
		expect(err.classes).toEqual(['c-error']);
		expect(err.title).toBe('除数为零。');
	});

	it('shows a certification as 是/否 and a city baseline with its standard', () => {
		const locale = new Locale();
		expect(regionCellDisplay(true, y2024, edu01, queries(), locale).text).toBe('是');
		expect(regionCellDisplay(false, y2024, edu01, queries(), locale).text).toBe('否');
		const base = regionCellDisplay(
			100,
			columnOfYear(2020),
			edu01,
			queries({ isCity: true, baselineQualifier: () => '基本均衡' }),
			locale
		);
		expect(base.title).toContain('（基本均衡）');
	});

	it('names a plan row in the chosen language and an own row as typed', () => {
		const locale = new Locale();
		locale.setLang('en');
		expect(regionCellDisplay('x', COL_NAME, edu01, queries(), locale).text).toBe(planIndicators[0]!.nameEn);
		const d = regionCellDisplay("'农村寄宿生比例", COL_NAME, ownRow, queries(), locale);
		expect(d.text).toBe('农村寄宿生比例');
		expect(d.title).toBeTruthy();
		expect(regionCellDisplay("'=1", COL_NOTE, edu01, queries(), locale).text).toBe('=1');
		locale.setLang('zh');
	});
});

describe('targetsCellDisplay', () => {
	it('writes figures, names and text', () => {
		const locale = new Locale();
		expect(targetsCellDisplay(99.53, 3, planIndicators[0], () => undefined, locale).text).toBe('99.53');
		expect(targetsCellDisplay('', COL_NAME, planIndicators[0], () => undefined, locale).text).toBe(
			planIndicators[0]!.nameZh
		);
		expect(targetsCellDisplay("'优质均衡", 5, planIndicators[0], () => undefined, locale).text).toBe(
			'优质均衡'
		);
	});
});
