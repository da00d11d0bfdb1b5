import { describe, expect, it } from 'vitest';
import { checkFigures, fallThreshold } from './figure-checks';
import type { SheetFigure } from './comparison';
import { FIRST_YEAR } from './model';

function years(map: Record<number, SheetFigure>): SheetFigure[] {
	return Array.from({ length: 16 }, (_, i) => map[FIRST_YEAR + i] ?? null);
}
const percent = { unit: '%', direction: 'higher' as const };
const schooling = { unit: '年', direction: 'higher' as const };
const teachers = { unit: '人', direction: 'higher' as const };

describe('figures outside their plausible range', () => {
	it('a rate above 200% or below 0; 200 itself is plausible', () => {
		expect(checkFigures(percent, 'value', years({ 2021: 250, 2024: -1, 2027: 200 }))).toEqual([
			{ kind: 'implausible', year: 2021, value: 250, min: 0, max: 200 },
			{ kind: 'implausible', year: 2024, value: -1, min: 0, max: 200 }
		]);
	});

	it('schooling above 25 years', () => {
		expect(checkFigures(schooling, 'value', years({ 2024: 98 }))).toEqual([
			{ kind: 'implausible', year: 2024, value: 98, min: 0, max: 25 }
		]);
	});

	it('counts of the county’s own have no range', () => {
		expect(checkFigures(teachers, 'value', years({ 2020: 100000 }))).toEqual([]);
	});
});

describe('a fall from the year before', () => {
	it('more than 5 points for a percentage; exactly 5 is not more', () => {
		expect(checkFigures(percent, 'value', years({ 2022: 95.6, 2023: 90.6 }))).toEqual([]);
		expect(checkFigures(percent, 'value', years({ 2022: 95.6, 2023: 59.6 }))).toEqual([
			{
				kind: 'fall',
				year: 2023,
				value: 59.6,
				previous: 95.6,
				fall: 36,
				share: null,
				threshold: { amount: 5, relative: false }
			}
		]);
		// Decimal-exact: 99.3 − 94.3 is 5, not 5.000000000000007.
		expect(checkFigures(percent, 'value', years({ 2022: 99.3, 2023: 94.3 }))).toEqual([]);
		expect(checkFigures(percent, 'value', years({ 2022: 99.3, 2023: 94.29 }))[0]).toMatchObject({
			fall: 5.01
		});
	});

	it('more than 0.5 years of schooling', () => {
		expect(checkFigures(schooling, 'value', years({ 2020: 9.9, 2021: 9.4 }))).toEqual([]);
		expect(checkFigures(schooling, 'value', years({ 2020: 9.9, 2021: 9.3 }))[0]).toMatchObject({
			kind: 'fall',
			fall: 0.6
		});
	});

	it('more than a fifth for a count of the county’s own', () => {
		expect(checkFigures(teachers, 'value', years({ 2020: 800, 2021: 640 }))).toEqual([]);
		expect(checkFigures(teachers, 'value', years({ 2020: 800, 2021: 600 }))[0]).toMatchObject({
			kind: 'fall',
			fall: 200,
			share: 0.25,
			threshold: { amount: 0.2, relative: true }
		});
		expect(checkFigures(teachers, 'value', years({ 2020: 0, 2021: -5 }))).toEqual([]);
	});

	it('rises are fine; where lower is better, a rise is what is checked', () => {
		expect(checkFigures(percent, 'value', years({ 2020: 50, 2021: 70 }))).toEqual([]);
		const lower = { unit: '%', direction: 'lower' as const };
		expect(checkFigures(lower, 'value', years({ 2020: 50, 2021: 30 }))).toEqual([]);
		expect(checkFigures(lower, 'value', years({ 2020: 50, 2021: 70 }))[0]).toMatchObject({
			kind: 'fall',
			fall: 20
		});
	});

	it('only from the year just before: an empty year between is flagged, not a fall', () => {
		expect(checkFigures(percent, 'value', years({ 2020: 95, 2022: 80 }))).toEqual([
			{ kind: 'missing', year: 2021 }
		]);
	});
});

describe('a year missing between two years with figures', () => {
	it('is flagged once, for the empty year', () => {
		expect(checkFigures(percent, 'value', years({ 2020: 95, 2022: 96 }))).toEqual([
			{ kind: 'missing', year: 2021 }
		]);
	});

	it('two empty years in a row, or years after the latest figure, are not', () => {
		expect(checkFigures(percent, 'value', years({ 2020: 95, 2023: 96 }))).toEqual([]);
		expect(checkFigures(percent, 'value', years({ 2020: 95, 2021: 96 }))).toEqual([]);
	});

	it('applies to EDU03’s yes/no too, which has no range or fall', () => {
		expect(checkFigures(percent, 'certified', years({ 2020: true, 2021: false, 2023: true }))).toEqual([
			{ kind: 'missing', year: 2022 }
		]);
	});
});

describe('formulas that fail', () => {
	it('are flagged in their year, and count as a neighbour for a gap', () => {
		expect(checkFigures(percent, 'value', years({ 2020: 95, 2021: 'error', 2023: 96 }))).toEqual([
			{ kind: 'error', year: 2021 }
		]);
	});
});

describe('fallThreshold', () => {
	it('per unit, also written full-width', () => {
		expect(fallThreshold('％')).toEqual({ amount: 5, relative: false });
		expect(fallThreshold(' 年 ')).toEqual({ amount: 0.5, relative: false });
		expect(fallThreshold('所')).toEqual({ amount: 0.2, relative: true });
	});
});
