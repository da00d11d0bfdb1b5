import { describe, expect, it } from 'vitest';
import {
	describeCheck,
	displayFigure,
	displayRate,
	displaySheetStatus,
	displayTarget,
	pageCounterContent
} from './comparison-display';
import { Locale } from '$lib/i18n/locale.svelte';

describe('displayRate', () => {
	it.each<[number, number, string]>([
		[0.115, 2, '+0.115'],
		[0.1, 2, '+0.10'],
		[0.0225, 2, '+0.023'],
		[-1.5, 2, '−1.50'],
		[0.0916666667, 1, '+0.09'],
		[0.15, 1, '+0.15'],
		[9, 2, '+9.00'],
		[0.0001, 2, '±0.00'],
		[0, 1, '±0.0']
	])('%d at precision %d → %s', (v, precision, text) => {
		expect(displayRate(v, precision)).toBe(text);
	});
});

describe('displayTarget', () => {
	it('writes the comparator and keeps the qualifier apart', () => {
		expect(displayTarget({ value: 99, comparator: '>', qualifier: null })).toEqual({
			figure: '>99',
			qualifier: null
		});
		expect(displayTarget({ value: 50, comparator: '>=', qualifier: '优质均衡' })).toEqual({
			figure: '50',
			qualifier: '优质均衡'
		});
	});
});

describe('statuses and figures', () => {
	it('the grid’s words and symbols, and an error in words', () => {
		const locale = new Locale();
		expect(displaySheetStatus('behind', locale)).toEqual({ text: '↘\u00a0滞后', className: 'st-behind' });
		expect(displaySheetStatus('on-track', locale).text).toBe('↗\u00a0按进度');
		expect(displaySheetStatus('certified', locale).text).toBe('✓\u00a0已认定');
		expect(displaySheetStatus('error', locale).text).toBe('⚠\u00a0公式出错');
		expect(displayFigure(true, locale)).toBe('是');
		expect(displayFigure(null, locale)).toBe('—');
		expect(displayFigure(0.1 + 0.2, locale)).toBe('0.3');
	});
});

describe('describeCheck', () => {
	const locale = new Locale();
	it('says what is odd about a figure, in the unit’s own terms', () => {
		expect(
			describeCheck({ kind: 'implausible', year: 2023, value: 250, min: 0, max: 200 }, '%', 'higher', locale)
		).toBe('250 超出合理范围（0–200%）');
		expect(
			describeCheck(
				{
					kind: 'fall',
					year: 2023,
					value: 59.6,
					previous: 95.6,
					fall: 36,
					share: null,
					threshold: { amount: 5, relative: false }
				},
				'%',
				'higher',
				locale
			)
		).toBe('59.6，比上年（95.6）下降 36 个百分点，超过 5 个百分点');
		expect(
			describeCheck(
				{
					kind: 'fall',
					year: 2021,
					value: 600,
					previous: 800,
					fall: 200,
					share: 0.25,
					threshold: { amount: 0.2, relative: true }
				},
				'人',
				'higher',
				locale
			)
		).toBe('600，比上年（800）下降 25%，超过 20%');
		expect(describeCheck({ kind: 'missing', year: 2021 }, '%', 'higher', locale)).toBe(
			'缺少数据（前后两年均有数据）'
		);
	});
});

describe('pageCounterContent', () => {
	it('turns the catalog line into CSS counters between strings', () => {
		expect(pageCounterContent('第 {page} 页 共 {pages} 页')).toBe(
			'"第 " counter(page) " 页 共 " counter(pages) " 页"'
		);
		expect(pageCounterContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
		expect(pageCounterContent('"{page}"\\')).toBe('"\\"" counter(page) "\\"\\\\"');
	});
});
