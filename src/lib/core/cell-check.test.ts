import { describe, expect, it } from 'vitest';
import { checkComparator, checkFigure, checkText, targetText, type FigureContext } from './cell-check';
import { FIGURE_NOTE_MAX, NAME_MAX, NOTE_MAX, QUALIFIER_MAX, UNIT_MAX } from './limits';

const county: FigureContext = { level: 'county', unit: '%', measure: 'value', kind: 'actual', year: 2024 };
const cityBaseline: FigureContext = {
	level: 'city',
	unit: '%',
	measure: 'value',
	kind: 'actual',
	year: 2020
};
const provinceTarget: FigureContext = {
	level: 'province',
	unit: '%',
	measure: 'value',
	kind: 'target',
	year: 2025
};

const code = (v: ReturnType<typeof checkFigure>) => (v.ok ? v.cell : v.code);

describe('checkFigure: one verdict per text and place', () => {
	it('parses figures as value-input does, with notices', () => {
		expect(checkFigure(county, '99.5%')).toEqual({ ok: true, cell: { t: 'n', v: 99.5 } });
		expect(checkFigure(county, '1,234.5')).toEqual({
			ok: true,
			cell: { t: 'n', v: 1234.5 },
			notice: 'thousands-separator'
		});
		expect(checkFigure(county, '')).toEqual({ ok: true, cell: null });
		expect(checkFigure(county, '很高')).toEqual({
			ok: false,
			code: 'not-a-number',
			params: { input: '很高' }
		});
	});

	it('refuses a formula as the city or province 2020 baseline, anywhere it comes from, and not in a county', () => {
		expect(code(checkFigure(cityBaseline, '=D1+1'))).toBe('baseline-formula');
		expect(code(checkFigure({ ...cityBaseline, level: 'province' }, '=1'))).toBe('baseline-formula');
		expect(code(checkFigure({ ...cityBaseline, year: 2021 }, '=D1+1'))).toEqual({ t: 'f', f: '=D1+1' });
		expect(code(checkFigure({ ...county, year: 2020 }, '=D1+1'))).toEqual({ t: 'f', f: '=D1+1' });
	});

	it('holds comparators to targets and formulas to actual figures', () => {
		expect(code(checkFigure(county, '>99'))).toBe('comparator-not-allowed');
		expect(code(checkFigure(provinceTarget, '>99'))).toEqual({ t: 'n', v: 99, cmp: '>' });
		expect(code(checkFigure(provinceTarget, '=D1'))).toBe('formula-not-allowed');
	});

	it('refuses formulas past the engine limits and, given the parser, broken ones', () => {
		expect(code(checkFigure(county, '=SEQUENCE(1000,1000)'))).toBe('formula-array-too-large');
		expect(code(checkFigure(county, `=${'('.repeat(65)}1${')'.repeat(65)}`))).toBe('formula-too-deep');
		expect(code(checkFigure(county, `=1${'+1'.repeat(1000)}`))).toBe('formula-too-long');
		expect(code(checkFigure(county, '=SUM(D1'))).toEqual({ t: 'f', f: '=SUM(D1' });
		const parser = (f: string) => f !== '=SUM(D1';
		expect(code(checkFigure({ ...county, formulaSyntax: parser }, '=SUM(D1'))).toBe('bad-formula');
		expect(code(checkFigure({ ...county, formulaSyntax: parser }, '=SUM(D1)'))).toEqual({
			t: 'f',
			f: '=SUM(D1)'
		});
	});

	it('keeps the qualifier to its limit, with the limit in the params', () => {
		expect(code(checkFigure(provinceTarget, '95 (优质均衡)'))).toEqual({ t: 'n', v: 95, q: '优质均衡' });
		const long = checkFigure(provinceTarget, `95 (${'长'.repeat(QUALIFIER_MAX + 1)})`);
		expect(long).toMatchObject({ ok: false, code: 'qualifier-too-long', params: { max: QUALIFIER_MAX } });
	});

	it('shortens the text it quotes back, so a huge cell never travels in a message', () => {
		const v = checkFigure(county, 'x'.repeat(100_000));
		expect(!v.ok && String(v.params.input).length).toBeLessThanOrEqual(61);
	});
});

describe('checkText and checkComparator', () => {
	it.each([
		['note', NOTE_MAX, 'note-too-long'],
		['figure-note', FIGURE_NOTE_MAX, 'figure-note-too-long'],
		['name', NAME_MAX, 'name-too-long'],
		['unit', UNIT_MAX, 'unit-too-long']
	] as const)('%s: up to %i characters, then %s', (field, max, refusal) => {
		expect(checkText(field, 'a'.repeat(max))).toEqual({ ok: true, text: 'a'.repeat(max) });
		expect(checkText(field, 'a'.repeat(max + 1))).toMatchObject({
			ok: false,
			code: refusal,
			params: { max }
		});
	});

	it('a name cannot be empty; a qualifier loses its brackets', () => {
		expect(checkText('name', '  ')).toMatchObject({ ok: false, code: 'name-required' });
		expect(checkText('qualifier', '（优质均衡）')).toEqual({ ok: true, text: '优质均衡' });
	});

	it('reads comparators as the plan writes them', () => {
		expect(checkComparator('＞')).toEqual({ ok: true, comparator: '>' });
		expect(checkComparator('')).toEqual({ ok: true, comparator: '>=' });
		expect(checkComparator('<')).toMatchObject({ ok: false, code: 'bad-comparator' });
	});

	it('the targets sheet’s three columns read back through checkFigure as the cell they show', () => {
		const text = targetText(99, '>', '优质均衡')!;
		expect(text).toBe('>99 (优质均衡)');
		expect(code(checkFigure(provinceTarget, text))).toEqual({ t: 'n', v: 99, cmp: '>', q: '优质均衡' });
		expect(code(checkFigure(provinceTarget, targetText(0.0000001, '>=', '')!))).toEqual({
			t: 'n',
			v: 0.0000001
		});
	});
});
