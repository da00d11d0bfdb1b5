import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { cellSchema, type Cell } from './model';
import { plainDecimal } from './decimal';
import {
	cellComparator,
	cellInputSchema,
	formatCell,
	InputError,
	isPlausible,
	parseCellInput,
	parseComparator,
	parsePlanFigure,
	type InputContext,
	type InputErrorCode
} from './value-input';

const actualPct: InputContext = { unit: '%', kind: 'actual', measure: 'value' };
const targetPct: InputContext = { unit: '%', kind: 'target', measure: 'value' };
const actualYears: InputContext = { unit: '年', kind: 'actual', measure: 'value' };
const targetYears: InputContext = { unit: '年', kind: 'target', measure: 'value' };
const certActual: InputContext = { unit: '%', kind: 'actual', measure: 'certified' };
const certTarget: InputContext = { unit: '%', kind: 'target', measure: 'certified' };

function cellOf(raw: unknown, ctx: InputContext): Cell | null {
	const outcome = parseCellInput(raw, ctx);
	if (!outcome.ok) throw new Error(`expected ${String(raw)} to parse, got ${outcome.error.code}`);
	return outcome.cell;
}

function errorOf(raw: unknown, ctx: InputContext): InputErrorCode {
	const outcome = parseCellInput(raw, ctx);
	if (outcome.ok)
		throw new Error(`expected ${String(raw)} to be refused, got ${JSON.stringify(outcome.cell)}`);
	return outcome.error.code;
}

describe('parseCellInput: empty', () => {
	it.each([null, undefined, '', ' ', '   ', '\t', '\u3000', '\u00a0 \n'])('%j is an empty cell', (raw) => {
		expect(parseCellInput(raw, actualPct)).toEqual({ ok: true, cell: null });
		expect(parseCellInput(raw, targetPct)).toEqual({ ok: true, cell: null });
		expect(parseCellInput(raw, certActual)).toEqual({ ok: true, cell: null });
	});
});

describe('parseCellInput: plain figures', () => {
	it.each<[string, number]>([
		['99.5', 99.5],
		['99', 99],
		['0', 0],
		['-0', 0],
		['+5', 5],
		['-5', -5],
		['- 5', -5],
		['−5', -5], // U+2212 minus sign
		['－5', -5], // full-width hyphen-minus
		['  99.53  ', 99.53],
		['.5', 0.5],
		['5.', 5],
		['007', 7],
		['9.8', 9.8],
		['0.0000001', 1e-7],
		['1000000000000000000000', 1e21]
	])('%j → %d', (raw, v) => {
		expect(cellOf(raw, actualPct)).toStrictEqual({ t: 'n', v });
	});

	it('writes −0 as 0 so that a stored zero has one form', () => {
		const cell = cellOf('-0', actualPct);
		expect(cell?.t === 'n' && Object.is(cell.v, 0)).toBe(true);
		const fromNumber = cellOf(-0, actualPct);
		expect(fromNumber?.t === 'n' && Object.is(fromNumber.v, 0)).toBe(true);
	});

	it('normalises full-width digits, points and percent signs (NFKC)', () => {
		expect(cellOf('９９．５％', actualPct)).toStrictEqual({ t: 'n', v: 99.5 });
		expect(cellOf('９９．５', actualYears)).toStrictEqual({ t: 'n', v: 99.5 });
		expect(cellOf('\u3000９９\u3000', actualPct)).toStrictEqual({ t: 'n', v: 99 });
		expect(cellOf('99.5﹪', actualPct)).toStrictEqual({ t: 'n', v: 99.5 });
	});

	it('takes a percent sign only for percent indicators', () => {
		expect(cellOf('99.5%', actualPct)).toStrictEqual({ t: 'n', v: 99.5 });
		expect(cellOf('99.5 %', actualPct)).toStrictEqual({ t: 'n', v: 99.5 });
		expect(cellOf('99.5%', { unit: '％', kind: 'actual', measure: 'value' })).toStrictEqual({
			t: 'n',
			v: 99.5
		});
		expect(errorOf('9.8%', actualYears)).toBe('not-a-number');
		expect(errorOf('50%', { unit: '所', kind: 'actual', measure: 'value' })).toBe('not-a-number');
		expect(errorOf('50%', { unit: '', kind: 'target', measure: 'value' })).toBe('not-a-number');
	});

	it.each([
		'1 000',
		'1,5', // a decimal comma, or a slip: groups of three digits only
		'1,2345',
		'12,34',
		',123',
		'1,,234',
		'1e5',
		'1E5',
		'1e-7',
		'abc',
		'99.5.1',
		'.',
		'+',
		'%',
		'99%%',
		'%99',
		'99,5',
		'99。5。1',
		'0x10',
		'Infinity',
		'NaN',
		'9 9',
		'10²', // NFKC would make this 102
		'①',
		'𝟗',
		'99 (优质均衡', // unclosed bracket
		'(优质均衡)',
		'99 优质均衡',
		'< 99',
		'≤99',
		'》99', // book-title mark from a Chinese keyboard: not guessed to be >
		'1'.repeat(400) // overflows to Infinity
	])('%j is not a number', (raw) => {
		expect(errorOf(raw, actualPct)).toBe('not-a-number');
		expect(errorOf(raw, targetPct)).toBe('not-a-number');
	});
});

describe('parseCellInput: forms planners type', () => {
	it.each<[string, number]>([
		['99。5', 99.5], // the ideographic full stop an input method gives for a point
		['９９。５', 99.5],
		['99｡5', 99.5],
		['99。5%', 99.5]
	])('%j → %d', (raw, v) => {
		expect(parseCellInput(raw, actualPct)).toStrictEqual({ ok: true, cell: { t: 'n', v } });
	});

	it.each(['-', '－', '—', '——', '–', '/', '／', ' — ', '\u3000－\u3000'])(
		'%j alone is no figure (an empty cell)',
		(raw) => {
			expect(parseCellInput(raw, actualPct)).toEqual({ ok: true, cell: null });
			expect(parseCellInput(raw, targetPct)).toEqual({ ok: true, cell: null });
			expect(parseCellInput(raw, certActual)).toEqual({ ok: true, cell: null });
		}
	);

	it.each<[string, InputContext, Cell]>([
		['1,234.5', actualYears, { t: 'n', v: 1234.5 }],
		['1，234.5', actualYears, { t: 'n', v: 1234.5 }],
		['１，２３４．５', actualYears, { t: 'n', v: 1234.5 }],
		['1,000', actualYears, { t: 'n', v: 1000 }],
		['-1,234,567', actualYears, { t: 'n', v: -1234567 }],
		['1,234%', actualPct, { t: 'n', v: 1234 }],
		['>1,200', targetYears, { t: 'n', v: 1200, cmp: '>' }]
	])('%j is read with its thousands separators dropped, and says so', (raw, ctx, cell) => {
		expect(parseCellInput(raw, ctx)).toStrictEqual({ ok: true, cell, notice: 'thousands-separator' });
	});

	it('a figure without separators carries no notice', () => {
		expect(parseCellInput('1234.5', actualYears)).toStrictEqual({ ok: true, cell: { t: 'n', v: 1234.5 } });
	});
});

describe('parseCellInput: qualifiers', () => {
	it.each<[string, Cell]>([
		['95% (优质均衡)', { t: 'n', v: 95, q: '优质均衡' }],
		['95（基本均衡）', { t: 'n', v: 95, q: '基本均衡' }],
		['95 (基本均衡)', { t: 'n', v: 95, q: '基本均衡' }],
		['９５％（ 优质均衡 ）', { t: 'n', v: 95, q: '优质均衡' }],
		['95(优质均衡）', { t: 'n', v: 95, q: '优质均衡' }],
		['95 (a (b))', { t: 'n', v: 95, q: 'a (b)' }],
		['95 ()', { t: 'n', v: 95 }],
		['95 (   )', { t: 'n', v: 95 }]
	])('%j → %j', (raw, cell) => {
		expect(cellOf(raw, actualPct)).toStrictEqual(cell);
	});

	it('keeps qualifiers with comparators in targets', () => {
		expect(cellOf('>95 (优质均衡)', targetPct)).toStrictEqual({ t: 'n', v: 95, cmp: '>', q: '优质均衡' });
		expect(cellOf('≥95（优质均衡）', targetPct)).toStrictEqual({ t: 'n', v: 95, q: '优质均衡' });
	});

	it('accepts 40 characters and refuses 41', () => {
		const forty = '优'.repeat(40);
		expect(cellOf(`95 (${forty})`, actualPct)).toStrictEqual({ t: 'n', v: 95, q: forty });
		expect(cellOf(`95 (  ${forty}  )`, actualPct)).toStrictEqual({ t: 'n', v: 95, q: forty });
		expect(errorOf(`95 (${forty}优)`, actualPct)).toBe('qualifier-too-long');
	});

	it('a qualifier does not rescue a bad figure', () => {
		expect(errorOf('abc (优质均衡)', actualPct)).toBe('not-a-number');
		expect(errorOf('9.8% (优质均衡)', actualYears)).toBe('not-a-number');
	});
});

describe('parseCellInput: comparators', () => {
	it.each<[string, Cell]>([
		['>99', { t: 'n', v: 99, cmp: '>' }],
		['＞99', { t: 'n', v: 99, cmp: '>' }],
		['> 99', { t: 'n', v: 99, cmp: '>' }],
		['  >  99.5 %  ', { t: 'n', v: 99.5, cmp: '>' }],
		['＞９９．５％', { t: 'n', v: 99.5, cmp: '>' }],
		['>10.2', { t: 'n', v: 10.2, cmp: '>' }],
		['>-1', { t: 'n', v: -1, cmp: '>' }],
		// at least: the bare figure's meaning, stored without cmp
		['95', { t: 'n', v: 95 }],
		['>=95', { t: 'n', v: 95 }],
		['> = 95', { t: 'n', v: 95 }],
		['≥95', { t: 'n', v: 95 }],
		['≧95', { t: 'n', v: 95 }],
		['＞＝95', { t: 'n', v: 95 }],
		['≥ 95%', { t: 'n', v: 95 }]
	])('%j → %j', (raw, cell) => {
		expect(cellOf(raw, targetPct)).toStrictEqual(cell);
	});

	it.each(['>99', '＞99', '≥95', '>=95', '＞＝95', '>95 (优质均衡)'])(
		'%j is refused in an actual row',
		(raw) => {
			expect(errorOf(raw, actualPct)).toBe('comparator-not-allowed');
			expect(errorOf(raw, actualYears)).toBe('comparator-not-allowed');
		}
	);

	it('a comparator before junk is still not a number', () => {
		expect(errorOf('>abc', targetPct)).toBe('not-a-number');
		expect(errorOf('>abc', actualPct)).toBe('not-a-number');
		expect(errorOf('>>99', targetPct)).toBe('not-a-number');
		expect(errorOf('=>99', targetPct)).toBe('formula-not-allowed');
	});
});

describe('parseCellInput: formulas', () => {
	it('keeps the source text exactly', () => {
		expect(cellOf('=D3+1', actualPct)).toStrictEqual({ t: 'f', f: '=D3+1' });
		expect(cellOf('= AVERAGE( D3 , E3 )', actualPct)).toStrictEqual({ t: 'f', f: '= AVERAGE( D3 , E3 )' });
		expect(cellOf('=甘州区!D3', actualPct)).toStrictEqual({ t: 'f', f: '=甘州区!D3' });
		// only the leading ＝ is converted; the rest is the planner's text
		expect(cellOf('＝Ｄ３＋１', actualPct)).toStrictEqual({ t: 'f', f: '=Ｄ３＋１' });
		expect(cellOf('  =D3  ', actualPct)).toStrictEqual({ t: 'f', f: '=D3' });
		expect(cellOf('=1e5', actualYears)).toStrictEqual({ t: 'f', f: '=1e5' });
	});

	it('are only for actual rows', () => {
		expect(errorOf('=D3+1', targetPct)).toBe('formula-not-allowed');
		expect(errorOf('＝D3', targetYears)).toBe('formula-not-allowed');
		expect(errorOf('=D3', certTarget)).toBe('formula-not-allowed');
	});

	it('are allowed for a certification in an actual row', () => {
		expect(cellOf('=COUNTIF(D3:D8,TRUE)>0', certActual)).toStrictEqual({
			t: 'f',
			f: '=COUNTIF(D3:D8,TRUE)>0'
		});
	});

	it('refuses a lone = and a formula beyond the stored limit', () => {
		expect(errorOf('=', actualPct)).toBe('not-a-number');
		expect(errorOf('=   ', actualPct)).toBe('not-a-number');
		expect(cellOf('=' + '1'.repeat(1999), actualPct)).toStrictEqual({ t: 'f', f: '=' + '1'.repeat(1999) });
		expect(errorOf('=' + '1'.repeat(2000), actualPct)).toBe('formula-too-long');
	});
});

describe('parseCellInput: certified (EDU03 in a county)', () => {
	const yes = [
		'是',
		'是的',
		'yes',
		'YES',
		'Yes',
		'y',
		'Y',
		'true',
		'TRUE',
		'True',
		'1',
		'１',
		'√',
		'✓',
		'✔',
		'已认定',
		' 是 ',
		'ｙｅｓ',
		'ＹＥＳ',
		'Ｙ',
		'100',
		'１００'
	];
	const no = [
		'否',
		'no',
		'NO',
		'No',
		'n',
		'N',
		'false',
		'FALSE',
		'0',
		'０',
		'×',
		'✗',
		'✘',
		'未认定',
		'\u3000否\u3000',
		'ｎｏ',
		'Ｎ'
	];

	it.each(yes)('%j → yes', (raw) => {
		expect(cellOf(raw, certActual)).toStrictEqual({ t: 'b', v: true });
		expect(cellOf(raw, certTarget)).toStrictEqual({ t: 'b', v: true });
	});
	it.each(no)('%j → no', (raw) => {
		expect(cellOf(raw, certActual)).toStrictEqual({ t: 'b', v: false });
		expect(cellOf(raw, certTarget)).toStrictEqual({ t: 'b', v: false });
	});
	it.each(['2', '10', '50%', '是否', '不是', 'maybe', 'yess', '>0', '1.0', 'x', '认定', '已'])(
		'%j is not yes/no',
		(raw) => {
			expect(errorOf(raw, certActual)).toBe('not-yes-no');
			expect(errorOf(raw, certTarget)).toBe('not-yes-no');
		}
	);
	it('takes booleans and 1/0 as numbers', () => {
		expect(cellOf(true, certActual)).toStrictEqual({ t: 'b', v: true });
		expect(cellOf(false, certActual)).toStrictEqual({ t: 'b', v: false });
		expect(cellOf(1, certActual)).toStrictEqual({ t: 'b', v: true });
		expect(cellOf(0, certActual)).toStrictEqual({ t: 'b', v: false });
		expect(cellOf(100, certActual)).toStrictEqual({ t: 'b', v: true });
		expect(errorOf(0.5, certActual)).toBe('not-yes-no');
		expect(errorOf(NaN, certActual)).toBe('not-a-number');
	});
	it('empty is still empty', () => {
		expect(parseCellInput('  ', certActual)).toEqual({ ok: true, cell: null });
	});
});

describe('parseCellInput: non-string input', () => {
	it('takes finite numbers as they are', () => {
		expect(cellOf(99.53, actualPct)).toStrictEqual({ t: 'n', v: 99.53 });
		expect(cellOf(99.53, targetPct)).toStrictEqual({ t: 'n', v: 99.53 });
		expect(cellOf(-3, actualYears)).toStrictEqual({ t: 'n', v: -3 });
		expect(cellOf(1e-7, actualYears)).toStrictEqual({ t: 'n', v: 1e-7 });
	});
	it.each([NaN, Infinity, -Infinity])('%d is not a number', (raw) => {
		expect(errorOf(raw, actualPct)).toBe('not-a-number');
	});
	it.each<unknown>([true, false, {}, [], [99], Symbol('x'), 10n, () => 1, Object.create(null)])(
		'%s is not a number',
		(raw) => {
			expect(errorOf(raw, actualPct)).toBe('not-a-number');
		}
	);
	it('reports the input in the error', () => {
		const outcome = parseCellInput('  abc ', actualPct);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) {
			expect(outcome.error).toBeInstanceOf(InputError);
			expect(outcome.error).toBeInstanceOf(Error);
			expect(outcome.error.input).toBe('  abc ');
			expect(outcome.error.message).toBe('not-a-number:   abc ');
		}
	});
});

describe('parsePlanFigure', () => {
	it('reads the table syntax', () => {
		expect(parsePlanFigure('>96', true)).toStrictEqual({ t: 'n', v: 96, cmp: '>' });
		expect(parsePlanFigure('96', true)).toStrictEqual({ t: 'n', v: 96 });
		expect(parsePlanFigure('95 (基本均衡)', false)).toStrictEqual({ t: 'n', v: 95, q: '基本均衡' });
		expect(parsePlanFigure('50 (优质均衡)', true)).toStrictEqual({ t: 'n', v: 50, q: '优质均衡' });
		expect(parsePlanFigure('9.8', false)).toStrictEqual({ t: 'n', v: 9.8 });
		expect(parsePlanFigure('>10.2', true)).toStrictEqual({ t: 'n', v: 10.2, cmp: '>' });
		expect(parsePlanFigure('>99%', true)).toStrictEqual({ t: 'n', v: 99, cmp: '>' });
	});

	it.each<[string, boolean, InputErrorCode]>([
		['>96', false, 'comparator-not-allowed'],
		['', true, 'not-a-number'],
		['  ', false, 'not-a-number'],
		['?95', true, 'not-a-number'],
		['=A1', false, 'formula-not-allowed'],
		['=A1', true, 'formula-not-allowed'],
		['1,5', true, 'not-a-number']
	])('%j (target %s) throws %s', (text, isTarget, code) => {
		let thrown: unknown;
		try {
			parsePlanFigure(text, isTarget);
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toBeInstanceOf(InputError);
		expect((thrown as InputError).code).toBe(code);
		expect((thrown as InputError).input).toBe(text);
	});
});

describe('formatCell', () => {
	it.each<[Cell | null | undefined, string]>([
		[null, ''],
		[undefined, ''],
		[{ t: 'n', v: 99 }, '99'],
		[{ t: 'n', v: 99, cmp: '>' }, '>99'],
		[{ t: 'n', v: 99, cmp: '>=' }, '99'],
		[{ t: 'n', v: 95, q: '优质均衡' }, '95 (优质均衡)'],
		[{ t: 'n', v: 95, cmp: '>', q: '优质均衡' }, '>95 (优质均衡)'],
		[{ t: 'n', v: 95, q: '' }, '95'],
		[{ t: 'n', v: 99.53 }, '99.53'],
		[{ t: 'n', v: 10.2, cmp: '>' }, '>10.2'],
		[{ t: 'n', v: -5 }, '-5'],
		[{ t: 'n', v: -0 }, '0'],
		[{ t: 'n', v: 1e-7 }, '0.0000001'],
		[{ t: 'n', v: -1.5e-10 }, '-0.00000000015'],
		[{ t: 'n', v: 1e21 }, '1000000000000000000000'],
		[{ t: 'n', v: 1.5e22 }, '15000000000000000000000'],
		[{ t: 'n', v: 123456789012 }, '123456789012'],
		[{ t: 'n', v: 0.1 + 0.2 }, '0.30000000000000004'],
		[{ t: 'f', f: '=D3+1' }, '=D3+1'],
		[{ t: 'f', f: '= D3 ' }, '= D3 '],
		[{ t: 'b', v: true }, '是'],
		[{ t: 'b', v: false }, '否']
	])('%j → %j', (cell, text) => {
		expect(formatCell(cell)).toBe(text);
		expect(formatCell(cell, 'zh')).toBe(text);
	});

	it('writes yes/no in English, everything else the same', () => {
		expect(formatCell({ t: 'b', v: true }, 'en')).toBe('yes');
		expect(formatCell({ t: 'b', v: false }, 'en')).toBe('no');
		expect(formatCell({ t: 'n', v: 95, cmp: '>', q: '优质均衡' }, 'en')).toBe('>95 (优质均衡)');
		expect(formatCell(null, 'en')).toBe('');
	});

	it('writes extreme doubles in full, and they read back', () => {
		for (const v of [Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE, Number.EPSILON, 2 ** 53 + 2]) {
			const text = formatCell({ t: 'n', v });
			expect(text).toMatch(/^-?\d+(\.\d+)?$/);
			expect(cellOf(text, actualYears)).toStrictEqual({ t: 'n', v });
		}
	});
});

describe('cellInputSchema', () => {
	it('parses like parseCellInput', () => {
		const schema = cellInputSchema(targetPct);
		expect(schema.parse('＞99')).toStrictEqual({ t: 'n', v: 99, cmp: '>' });
		expect(schema.parse('  ')).toBeNull();
		expect(schema.parse(undefined)).toBeNull();
	});

	it('refuses with the error code as message and params', () => {
		const result = cellInputSchema(targetPct).safeParse('=D3');
		expect(result.success).toBe(false);
		const issue = result.error?.issues[0];
		expect(issue?.message).toBe('formula-not-allowed');
		expect(issue?.code).toBe('custom');
		expect(issue && 'params' in issue ? issue.params : undefined).toEqual({
			code: 'formula-not-allowed',
			input: '=D3'
		});
	});

	it('composes into a row schema', () => {
		const row = z.object({ code: z.string(), v2025: cellInputSchema(targetPct) });
		expect(row.parse({ code: 'EDU01', v2025: '99.53' })).toStrictEqual({
			code: 'EDU01',
			v2025: { t: 'n', v: 99.53 }
		});
		const bad = row.safeParse({ code: 'EDU01', v2025: '1,5' });
		expect(bad.error?.issues[0]?.path).toEqual(['v2025']);
		expect(bad.error?.issues[0]?.message).toBe('not-a-number');
	});
});

describe('cellComparator', () => {
	it('is > only when stored so', () => {
		expect(cellComparator({ t: 'n', v: 1, cmp: '>' })).toBe('>');
		expect(cellComparator({ t: 'n', v: 1 })).toBe('>=');
		expect(cellComparator({ t: 'n', v: 1, cmp: '>=' })).toBe('>=');
		expect(cellComparator({ t: 'b', v: true })).toBe('>=');
	});
});

describe('isPlausible', () => {
	it.each<[number, string, boolean]>([
		[0, '%', true],
		[99.5, '%', true],
		[105.2, '%', true], // gross enrolment rates pass 100
		[200, '%', true],
		[200.01, '%', false],
		[-0.01, '%', false],
		[150, '％', true],
		[0, '年', true],
		[9.8, '年', true],
		[25, '年', true],
		[25.1, '年', false],
		[-1, '年', false],
		[-1e9, '所', true],
		[1e9, '', true],
		[NaN, '%', false],
		[Infinity, '年', false],
		[NaN, '人', false]
	])('%d %s → %s', (value, unit, expected) => {
		expect(isPlausible(value, unit)).toBe(expected);
	});
});

// ---- properties ----

/** Qualifiers as the parser produces them: NFKC, trimmed, non-empty, at most 40. */
const qualifierArb = fc
	.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
	.map((s) => s.normalize('NFKC').trim())
	.filter((s) => s.length > 0 && s.length <= 40 && s === s.normalize('NFKC'));

const finiteArb = fc
	.oneof(
		fc.double({ noNaN: true, noDefaultInfinity: true }),
		fc
			.integer({ min: -1_000_000, max: 1_000_000 })
			.chain((units) => fc.integer({ min: 0, max: 6 }).map((d) => Number((units / 10 ** d).toFixed(d))))
	)
	.map((v) => (v === 0 ? 0 : v));

function figureArb(isTarget: boolean): fc.Arbitrary<Cell> {
	return fc
		.record(
			{
				v: finiteArb,
				cmp: isTarget ? fc.constant<'>'>('>') : fc.constant(undefined),
				q: qualifierArb
			},
			{ requiredKeys: ['v'] }
		)
		.map(({ v, cmp, q }) => {
			const cell: Cell = { t: 'n', v };
			if (cmp) cell.cmp = cmp;
			if (q !== undefined) cell.q = q;
			return cell;
		});
}

const formulaArb: fc.Arbitrary<Cell> = fc
	.string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
	.filter((s) => s.trim() !== '' && s === s.trimEnd())
	.map((s) => ({ t: 'f' as const, f: '=' + s }));

const unitArb = fc.constantFrom('%', '年', '所', '');

describe('round trip parseCellInput(formatCell(c)) === c', () => {
	it('figures in actual rows', () => {
		fc.assert(
			fc.property(figureArb(false), unitArb, (cell, unit) => {
				const ctx: InputContext = { unit, kind: 'actual', measure: 'value' };
				expect(parseCellInput(formatCell(cell), ctx)).toStrictEqual({ ok: true, cell });
			}),
			{ numRuns: 2000 }
		);
	});

	it('figures in target rows', () => {
		fc.assert(
			fc.property(figureArb(true), unitArb, fc.constantFrom<'zh' | 'en'>('zh', 'en'), (cell, unit, lang) => {
				const ctx: InputContext = { unit, kind: 'target', measure: 'value' };
				expect(parseCellInput(formatCell(cell, lang), ctx)).toStrictEqual({ ok: true, cell });
			}),
			{ numRuns: 2000 }
		);
	});

	it('formulas', () => {
		fc.assert(
			fc.property(
				formulaArb,
				fc.constantFrom<InputContext['measure']>('value', 'certified'),
				(cell, measure) => {
					const ctx: InputContext = { unit: '%', kind: 'actual', measure };
					expect(parseCellInput(formatCell(cell), ctx)).toStrictEqual({ ok: true, cell });
				}
			)
		);
	});

	it('certifications, in both languages', () => {
		fc.assert(
			fc.property(
				fc.boolean(),
				fc.constantFrom<'zh' | 'en'>('zh', 'en'),
				fc.constantFrom<InputContext['kind']>('actual', 'target'),
				(v, lang, kind) => {
					const cell: Cell = { t: 'b', v };
					expect(
						parseCellInput(formatCell(cell, lang), { unit: '%', kind, measure: 'certified' })
					).toStrictEqual({
						ok: true,
						cell
					});
				}
			)
		);
	});

	it('empty', () => {
		expect(parseCellInput(formatCell(null), actualPct)).toEqual({ ok: true, cell: null });
	});
});

describe('parseCellInput on arbitrary input', () => {
	const ctxArb = fc.record({
		unit: unitArb,
		kind: fc.constantFrom<InputContext['kind']>('actual', 'target'),
		measure: fc.constantFrom<InputContext['measure']>('value', 'certified')
	});

	it('never throws, and every cell it returns is a valid stored cell', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ unit: 'grapheme', maxLength: 50 }),
					fc.stringMatching(/^[ >=≥＞＝+\-.0-9０-９．%％()（）优]{0,12}$/),
					fc.anything()
				),
				ctxArb,
				(raw, ctx) => {
					const outcome = parseCellInput(raw, ctx);
					if (outcome.ok) {
						if (outcome.cell !== null) expect(cellSchema.safeParse(outcome.cell).success).toBe(true);
					} else {
						expect(outcome.error).toBeInstanceOf(InputError);
					}
				}
			),
			{ numRuns: 3000 }
		);
	});

	it('formatting a parsed cell and parsing again is stable', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[ >=≥＞＝+\-.0-9０-９．%％()（）优]{0,12}$/), ctxArb, (raw, ctx) => {
				const first = parseCellInput(raw, ctx);
				if (!first.ok || first.cell === null) return;
				expect(parseCellInput(formatCell(first.cell), ctx)).toStrictEqual(first);
			}),
			{ numRuns: 3000 }
		);
	});
});

describe('parseComparator', () => {
	it('reads > as strict and ≥, >=, full-width forms or nothing as at-least', () => {
		expect(parseComparator('>')).toBe('>');
		expect(parseComparator('＞')).toBe('>');
		expect(parseComparator(' > ')).toBe('>');
		for (const t of ['≥', '>=', '＞＝', '≧', '', null, undefined]) expect(parseComparator(t)).toBe('>=');
	});
	it('refuses anything else rather than guessing', () => {
		for (const t of ['<', '<=', '=', '>>', 'gt', 5, true]) expect(parseComparator(t)).toBe('invalid');
	});
});

describe('formulas past the engine’s limits', () => {
	const actual = { unit: '%', kind: 'actual', measure: 'value' } as const;
	it('refuses them by what is wrong, so the message can say what to do', () => {
		expect(errorOf(`=${'('.repeat(65)}1${')'.repeat(65)}`, actual)).toBe('formula-too-deep');
		expect(errorOf(`=1${'+1'.repeat(1000)}`, actual)).toBe('formula-too-long');
		expect(errorOf('=SEQUENCE(1000,1000)', actual)).toBe('formula-array-too-large');
		expect(parseCellInput(`=${'('.repeat(64)}1${')'.repeat(64)}`, actual).ok).toBe(true);
	});
});

describe('figures a stored figure cannot keep', () => {
	it.each([
		`0.${'0'.repeat(330)}1`, // stored as 0 before
		'99.123456789012345678', // more significant digits than a double holds
		'12345678901234567890',
		'-0.30000000000000000001'
	])('refuses %s rather than store another figure', (raw) => {
		expect(errorOf(raw, actualYears)).toBe('figure-rounds');
		expect(errorOf(`>${raw}`, targetYears)).toBe('figure-rounds');
	});

	it.each<[string, number]>([
		['0.1', 0.1],
		['007.50', 7.5],
		['1000000000000000000000', 1e21],
		['0.0000001', 1e-7],
		['99.53000', 99.53],
		['1,234.5', 1234.5]
	])('keeps %s, whose digits a double holds', (raw, v) => {
		expect(cellOf(raw, actualYears)).toEqual({ t: 'n', v });
	});

	it('every double written out in full reads back as itself', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (v) => {
				const text = plainDecimal(v);
				expect(cellOf(text, actualYears)).toEqual({ t: 'n', v: v === 0 ? 0 : v });
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('a plain decimal (the fast path) reads as the general path reads it', () => {
	// `+95.3` goes the general path (a sign to read); `95.3` the plain one. Both must give the
	// same cell or the same refusal, whatever the length of the digits.
	const outcome = (text: string) => {
		const o = parseCellInput(text, actualPct);
		return o.ok ? { cell: o.cell, notice: o.notice } : { error: o.error.code };
	};
	const digits = (min: number, max: number) =>
		fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
	const plainArb = fc.oneof(
		digits(1, 25),
		fc.tuple(digits(1, 20), digits(0, 20)).map(([w, f]) => `${w}.${f}`),
		digits(1, 25).map((f) => `.${f}`)
	);

	it('gives the same outcome as the signed text, for any digits', () => {
		fc.assert(
			fc.property(plainArb, (text) => {
				expect(outcome(text)).toEqual(outcome(`+${text}`));
			}),
			{ numRuns: 3000 }
		);
	});

	it('still refuses what a double cannot keep, and reads the rest exactly', () => {
		expect(outcome(`0.${'0'.repeat(330)}1`)).toEqual({ error: 'figure-rounds' });
		expect(outcome('12345678901234567890')).toEqual({ error: 'figure-rounds' });
		expect(outcome('0.1000000000000000055511')).toEqual({ error: 'figure-rounds' });
		expect(outcome('9'.repeat(400))).toEqual({ error: 'not-a-number' });
		expect(outcome('999999999999999')).toEqual({ cell: { t: 'n', v: 999999999999999 }, notice: undefined });
		expect(outcome('0.0000000000001')).toEqual({ cell: { t: 'n', v: 1e-13 }, notice: undefined });
		expect(outcome('007.50')).toEqual({ cell: { t: 'n', v: 7.5 }, notice: undefined });
		expect(outcome('.5')).toEqual({ cell: { t: 'n', v: 0.5 }, notice: undefined });
		expect(outcome('5.')).toEqual({ cell: { t: 'n', v: 5 }, notice: undefined });
		expect(outcome('0.000')).toEqual({ cell: { t: 'n', v: 0 }, notice: undefined });
	});

	it('a 15-digit decimal always survives the double (the fast path skips checking it)', () => {
		fc.assert(
			fc.property(
				fc.tuple(digits(1, 14), fc.nat(14)).map(([d, at]) => {
					const p = Math.min(at, d.length);
					return `${d.slice(0, p)}.${d.slice(p)}`.replace(/^\./, '0.');
				}),
				(text) => {
					const v = Number(text);
					const [whole = '', fraction = ''] = text.split('.');
					const canonical =
						(whole.replace(/^0+(?=\d)/, '') || '0') +
						(fraction.replace(/0+$/, '') ? '.' + fraction.replace(/0+$/, '') : '');
					expect(plainDecimal(v)).toBe(canonical);
				}
			),
			{ numRuns: 3000 }
		);
	});
});
