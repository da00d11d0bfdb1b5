// Bytes → text when the encoding is misread: each of the files that were reported as
// "找不到表头" under GB18030（自动识别）.
import { describe, expect, it } from 'vitest';
import { createMultibyteEncoder } from '@exodus/bytes/multi-byte.js';
import { EMPTY_SNAPSHOT } from '../snapshot';
import { decodeBytes, ENCODINGS, looksGarbled } from '../encoding';
import { readImportFile } from './decode';
import { planImport } from './plan';

const HEADER = '地区代码,地区,指标代码,指标,单位,类型,2020,备注';
const ROW = '620702,甘州区,EDU01,学前教育毛入园率,%,实际,99.1,据统计年报';
const utf8 = (t: string) => new TextEncoder().encode(t);

function read(bytes: Uint8Array, encoding?: (typeof ENCODINGS)[number]) {
	const { text, info } = readImportFile({ name: 'a.csv', bytes, encoding });
	const plan = planImport([text], EMPTY_SNAPSHOT);
	return { info, plan, problems: plan.files[0]!.problems };
}

describe('a file whose header is not found in the detected encoding', () => {
	it('a UTF-16 mark on a UTF-8 body is read as UTF-8, and the preview says so', () => {
		const { info, plan, problems } = read(new Uint8Array([0xff, 0xfe, ...utf8(`${HEADER}\r\n${ROW}\r\n`)]));
		expect(info).toMatchObject({ encoding: 'utf-8', by: 'fallback' });
		expect(problems).toEqual([
			{ code: 'encoding-fallback', params: { detected: 'UTF-16 LE', used: 'UTF-8' }, fatal: false }
		]);
		expect(plan.changes[0]!.after).toMatchObject({
			cells: { '2020': { t: 'n', v: 99.1 } },
			note: '据统计年报'
		});
	});

	it('UTF-8 with one stray byte is read as UTF-8, and only the row with the stray byte is refused', () => {
		const bytes = utf8(`${HEADER}\r\n${ROW}\r\n${ROW.replace('EDU01', 'EDU02')}X\r\n`);
		bytes[bytes.lastIndexOf('X'.charCodeAt(0))] = 0xff;
		const { info, plan } = read(bytes);
		expect(info.encoding).toBe('utf-8');
		expect(plan.rejected.map((r) => [r.row, r.column, r.code, r.params.encoding])).toEqual([
			[3, '备注', 'unreadable-text', 'UTF-8']
		]);
		expect(plan.changes.map((c) => c.indicatorCode)).toEqual(['EDU01']);
	});

	it('UTF-8 with GBK rows added is read as UTF-8, and the GBK rows are refused by row', () => {
		const gbk = createMultibyteEncoder('gbk')(
			`${ROW.replace('EDU01', 'EDU02')}\r\n${ROW.replace('EDU01', 'EDU04')}\r\n`.repeat(3)
		);
		const { info, plan, problems } = read(new Uint8Array([...utf8(`${HEADER}\r\n${ROW}\r\n`), ...gbk]));
		expect(info.encoding).toBe('utf-8');
		expect(problems.map((p) => p.code)).toEqual(['encoding-fallback']);
		expect(plan.rejected.map((r) => r.code)).toEqual(Array(6).fill('unreadable-text'));
		expect(plan.changes.map((c) => c.indicatorCode)).toEqual(['EDU01']);
	});

	it('a Big5 or Shift-JIS file is refused naming the encoding it seems to be in', () => {
		const big5 = createMultibyteEncoder('big5')(
			'地區代碼,地區,指標代碼,指標,單位,類型,2020,備註\r\n620702,甘州區,EDU01,學前教育毛入園率,%,實際,99.1,統計年報數據，含民辦園\r\n'.repeat(
				3
			)
		);
		expect(read(big5).problems).toEqual([
			{ code: 'no-header-encoding', params: { used: 'GB18030/GBK', guess: 'Big5' }, fatal: true }
		]);
		const sjis = createMultibyteEncoder('shift_jis')(
			'地域コード,指標コード,種類,2020,備考\r\n620702,EDU01,実績,99.1,統計年報のデータです。学校数は変わりません\r\n'.repeat(
				3
			)
		);
		expect(read(sjis).problems).toEqual([
			{ code: 'no-header-encoding', params: { used: 'GB18030/GBK', guess: 'Shift-JIS' }, fatal: true }
		]);
	});

	it('keeps the planner’s own choice, saying the header is not found in it', () => {
		const gb = createMultibyteEncoder('gb18030')(`${HEADER}\r\n${ROW}\r\n`);
		const { info, problems } = read(gb, 'big5');
		expect(info).toMatchObject({ encoding: 'big5', by: 'chosen' });
		expect(problems.map((p) => p.code)).toEqual([expect.stringMatching(/^no-header/)]);
	});
});

describe('a file read in an encoding that found its header', () => {
	it('doubts a Big5 body read as GBK under an ASCII header', () => {
		const bytes = createMultibyteEncoder('big5')(
			'region_code,region,indicator_code,indicator,unit,kind,2020,note\r\n' +
				'620702,甘州區,EDU04,高中階段毛入學率,%,實際,99.1,據統計年報數據，學校數量沒有變化，含民辦學校與職業學校\r\n'.repeat(
					4
				)
		);
		const { problems } = read(bytes);
		expect(problems).toEqual([
			{ code: 'encoding-doubt-guess', params: { used: 'GB18030/GBK', guess: 'Big5' }, fatal: false }
		]);
	});

	it('reads the same text without its doubts (the page telling a task file by its head)', () => {
		const big5 = createMultibyteEncoder('big5')(
			'region_code,region,indicator_code,indicator,unit,kind,2020,note\r\n' +
				'620702,甘州區,EDU04,高中階段毛入學率,%,實際,99.1,據統計年報數據，學校數量沒有變化\r\n'.repeat(4)
		);
		const gbk = createMultibyteEncoder('gb18030')(`${HEADER}\r\n${ROW}\r\n`);
		const stray = new Uint8Array([...utf8(`${HEADER}\r\n`), 0xff, ...utf8(`${ROW}\r\n`)]);
		for (const bytes of [big5, gbk, stray, utf8(`${HEADER}\r\n${ROW}\r\n`)]) {
			const full = readImportFile({ name: 'a.csv', bytes });
			const quick = readImportFile({ name: 'a.csv', bytes }, { doubts: false });
			expect(quick.text.text).toBe(full.text.text);
			expect(quick.text.refused).toBe(full.text.refused);
			expect(quick.info).toEqual(full.info);
			// Only chardet's doubts and guesses are left out.
			const codes = (r: typeof full) => r.text.decoding!.problems.map((p) => p.code);
			expect(codes(quick)).toEqual(codes(full).filter((c) => !c.startsWith('encoding-doubt')));
			expect(quick.text.decoding!.guess).toBeNull();
		}
		expect(readImportFile({ name: 'a.csv', bytes: big5 }).text.decoding!.problems.length).toBe(1);
	});

	it('keeps the parse of the header for the rows, which read as from the text alone', () => {
		const bytes = utf8(`${HEADER}\r\n${ROW}\r\n620702,甘州区,EDU02,,%,实际,"95.5,备注\r\n`);
		const { text } = readImportFile({ name: 'a.csv', bytes });
		expect(text.table).toBeDefined();
		const fromTable = planImport([text], EMPTY_SNAPSHOT);
		const fromText = planImport(
			[{ text: text.text, name: text.name, decoding: text.decoding }],
			EMPTY_SNAPSHOT
		);
		expect(fromTable).toEqual(fromText);
		expect(fromTable.rejected.map((r) => r.code)).toEqual(['unclosed-quote']);
	});

	it('says nothing of a sound GB18030 or UTF-8 file', () => {
		expect(read(createMultibyteEncoder('gb18030')(`${HEADER}\r\n${ROW}\r\n`)).problems).toEqual([]);
		expect(read(utf8(`${HEADER}\r\n${ROW}\r\n`)).problems).toEqual([]);
	});

	it('reads Latin-1 (Windows-1252) when chosen', () => {
		const latin = Uint8Array.from(
			[
				...'region_code,indicator_code,kind,2020,note\r\n620702,EDU01,actual,99.1,Schätzung für Zürich\r\n'
			].map((c) => c.charCodeAt(0))
		);
		const { plan } = read(latin, 'windows-1252');
		expect(plan.changes[0]!.after.note).toBe('Schätzung für Zürich');
		expect(ENCODINGS).toContain('windows-1252');
	});
});

describe('the signs of a misread text', () => {
	it('sees kana and bopomofo in Chinese read from Big5 bytes, and nothing in sound text', () => {
		const big5 = createMultibyteEncoder('big5')('據統計年報數據，學校數量沒有變化'.repeat(3));
		expect(looksGarbled(new TextDecoder('gb18030').decode(big5))).toBe(true);
		expect(looksGarbled('据统计年报数据，学校数量没有变化'.repeat(3))).toBe(false);
		expect(decodeBytes(utf8('甘州区')).lossy).toBe(false);
	});
});
