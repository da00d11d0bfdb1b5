import { describe, expect, it } from 'vitest';
import {
	displayGap,
	displayNumber,
	displayStatus,
	explainError,
	isErrorValue,
	STATUS_CLASS,
	STATUS_SYMBOL
} from './cell-display';
import { Locale } from '$lib/i18n/locale.svelte';
import { STATUS_TEXT } from '$lib/engine/plan-functions';

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
