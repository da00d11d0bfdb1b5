// Rows whose shape does not fit the header, broken quotes, and what a note should not hold.
import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT } from '../snapshot';
import { cellsOf, plan } from './fixtures';
import { planImport } from './plan';
import { MAX_BROKEN_QUOTES, parseTable } from './table';

const HEADER = '地区代码,地区,指标代码,指标,单位,类型,2020,2021,2022,2023,2024,2025,备注';
const LEAD = '620702,甘州区,EDU01,学前教育毛入园率,%,实际';
const SOUND = '620702,甘州区,EDU04,高中阶段毛入学率,%,实际,97.2,,,,,,';

const refusals = (text: string) => plan(text).rejected.map((r) => [r.row, r.column, r.code, r.params]);

describe('a row’s shape against the header', () => {
	it('refuses an unquoted 99,5 by row, naming the split figure (before, a formula landed in 2025)', () => {
		const p = plan(`${HEADER}\n${LEAD},99,5,96,97,98,=F2,,\n${SOUND}\n`);
		expect(p.rejected.map((r) => [r.row, r.column, r.code, r.params])).toEqual([
			[2, '2020', 'row-split-figure', { text: '99,5', extra: 1 }]
		]);
		expect(cellsOf(p, '620702', 'EDU01')).toBeUndefined();
		expect(cellsOf(p, '620702', 'EDU04')).toEqual({ '2020': { t: 'n', v: 97.2 } });
	});

	it('refuses a row with a comma in its note, and one with a cell missing', () => {
		expect(refusals(`${HEADER}\n${LEAD},99,,,,,,含民办园,不含特教\n`)).toEqual([
			[2, null, 'row-too-long', { cells: 14, width: 13, extra: 1 }]
		]);
		expect(refusals(`${HEADER}\n${LEAD},99,,,,,\n${SOUND}\n`)).toEqual([
			[2, null, 'row-too-short', { cells: 12, width: 13 }]
		]);
	});

	it('says a last row without a line break may be where the file was cut off', () => {
		expect(refusals(`${HEADER}\n${SOUND}\n${LEAD},99,98`)).toEqual([
			[3, null, 'row-cut-short', { cells: 8, width: 13 }]
		]);
	});

	it('lets a row leave out empty cells under a header’s unnamed trailing columns', () => {
		const p = plan(`地区代码,指标代码,类型,2020,,\n620702,EDU01,实际,99\n`);
		expect(p.rejected).toEqual([]);
		expect(cellsOf(p, '620702', 'EDU01')).toEqual({ '2020': { t: 'n', v: 99 } });
	});
});

describe('broken quotes', () => {
	it('reads an unclosed quote only to its line end: the nine rows after it are rows, not a note', () => {
		// EDU03 is a yes/no in a county: its place is taken by a city row.
		const codes = ['EDU01', 'EDU02', 'EDU04', 'EDU05', 'EDU06', 'EDU07', 'EDU08', 'EDU09'];
		const nine = [
			...codes.map((code, i) => `620702,甘州区,${code},,%,实际,9${i},,,,,,`),
			'620700,张掖市,EDU03,,%,实际,50,,,,,,'
		];
		const text = [HEADER, `620723,临泽县,EDU01,,%,实际,95,,,,,,"据统计年报`, ...nine].join('\n');
		const p = plan(text);
		expect(p.rejected.map((r) => [r.row, r.column, r.code])).toEqual([[2, '备注', 'unclosed-quote']]);
		expect(p.rejected[0]!.params).toEqual({ text: '据统计年报' });
		expect(p.files[0]!.rows).toBe(10);
		expect(p.changes.map((c) => c.indicatorCode)).toEqual([...codes, 'EDU03']);
		expect(p.changes.every((c) => c.after.note === '')).toBe(true);
		expect(p.warnings.map((w) => w.code)).not.toContain('note-holds-rows');
	});

	it('treats a closing quote followed by more text the same way', () => {
		const p = plan(`${HEADER}\n${LEAD},99,,,,,,"据"统计\n${SOUND}\n`);
		expect(p.rejected.map((r) => [r.row, r.code])).toEqual([[2, 'unclosed-quote']]);
		expect(cellsOf(p, '620702', 'EDU04')).toEqual({ '2020': { t: 'n', v: 97.2 } });
	});

	it('keeps quoted line breaks and doubled quotes as they were', () => {
		const table = parseTable(`a,b\n1,"两行\n""备注"""\n2,3\n`);
		expect(table.rows.slice(0, 3)).toEqual([
			['a', 'b'],
			['1', '两行\n"备注"'],
			['2', '3']
		]);
		expect(table.brokenQuotes.size).toBe(0);
	});

	it(`refuses a file with more than ${MAX_BROKEN_QUOTES} broken quotes as a whole`, () => {
		const rows = Array.from({ length: MAX_BROKEN_QUOTES + 1 }, () => `${LEAD},"99,,,,,,`);
		const p = planImport([{ text: [HEADER, ...rows].join('\n') }], EMPTY_SNAPSHOT);
		expect(p.files[0]!.problems).toEqual([
			{ code: 'too-many-broken-quotes', params: { max: MAX_BROKEN_QUOTES }, fatal: true }
		]);
		expect(p.changes).toEqual([]);
	});

	it('warns when a quote closed in a later row swallowed rows into a note', () => {
		const p = plan(
			[
				HEADER,
				`620723,临泽县,EDU01,,%,实际,93,,,,,,"据统计年报`,
				`${LEAD},99.1,,,,,,`,
				`620702,甘州区,EDU02,,%,实际,99,,,,,,补报"`
			].join('\n')
		);
		expect(p.warnings.map((w) => [w.row, w.column, w.code, w.params])).toEqual([
			[2, '备注', 'note-holds-rows', { lines: 2 }]
		]);
		expect(cellsOf(p, '620702', 'EDU01')).toBeUndefined();
	});
});

describe('notes and figures', () => {
	it('trims notes, and a note of only spaces is no note', () => {
		const p = plan(`${HEADER}\n${LEAD},99,,,,,,  据统计年报 \n620702,甘州区,EDU02,,%,实际,98,,,,,,\u3000 \n`);
		expect(p.changes.map((c) => [c.indicatorCode, c.after.note, c.noteChanged])).toEqual([
			['EDU01', '据统计年报', true],
			['EDU02', '', false]
		]);
	});

	it('warns on the row when a thousands separator was dropped', () => {
		const p = plan(`地区代码,指标代码,指标,单位,类型,2020\n620702,C01,教师培训,人次,实际,"1,234.5"\n`);
		expect(cellsOf(p, '620702', 'C01')).toEqual({ '2020': { t: 'n', v: 1234.5 } });
		expect(p.warnings.map((w) => [w.row, w.column, w.code, w.params])).toEqual([
			[2, '2020', 'thousands-separator', { text: '1,234.5', value: '1234.5' }]
		]);
	});

	it('refuses a figure that would round (330 zeros were stored as 0)', () => {
		expect(refusals(`地区代码,指标代码,类型,2020\n620702,EDU01,实际,0.${'0'.repeat(330)}1\n`)).toEqual([
			[2, '2020', 'value-figure-rounds', { text: `0.${'0'.repeat(58)}…` }]
		]);
	});
});
