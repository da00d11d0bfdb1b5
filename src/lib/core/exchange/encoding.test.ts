import { describe, expect, it } from 'vitest';
import { createMultibyteEncoder } from '@exodus/bytes/multi-byte.js';
import { decodeBytes, encodeText, sniffFile } from './encoding';

const TEXT = '地区代码,地区\r\n620702,甘州区\r\n620723,临泽县 𠀀😀\r\n';

function utf16le(text: string, bom = true): Uint8Array {
	const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
	if (bom) out.set([0xff, 0xfe]);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out[(bom ? 2 : 0) + 2 * i] = c & 0xff;
		out[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
	}
	return out;
}
function utf16be(text: string): Uint8Array {
	const le = utf16le(text, false);
	const out = new Uint8Array(2 + le.length);
	out.set([0xfe, 0xff]);
	for (let i = 0; i < le.length; i += 2) {
		out[2 + i] = le[i + 1]!;
		out[3 + i] = le[i]!;
	}
	return out;
}

describe('decoding a file', () => {
	it('reads UTF-8 with a byte-order mark, and drops the mark', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
		expect(decodeBytes(bytes)).toEqual({
			text: TEXT,
			encoding: 'utf-8',
			by: 'bom',
			replaced: 0,
			lossy: false
		});
	});

	it('reads UTF-8 without a mark', () => {
		expect(decodeBytes(new TextEncoder().encode(TEXT))).toMatchObject({
			text: TEXT,
			encoding: 'utf-8',
			by: 'detected'
		});
	});

	it('falls back to GB18030 when the bytes are not UTF-8 (Excel "CSV" on Chinese Windows)', () => {
		const bytes = createMultibyteEncoder('gb18030')(TEXT);
		expect(decodeBytes(bytes)).toMatchObject({
			text: TEXT,
			encoding: 'gb18030',
			by: 'detected',
			replaced: 0
		});
	});

	it('reads UTF-16 LE and BE by their marks (Excel "Unicode text")', () => {
		expect(decodeBytes(utf16le(TEXT))).toMatchObject({ text: TEXT, encoding: 'utf-16le', by: 'bom' });
		expect(decodeBytes(utf16be(TEXT))).toMatchObject({ text: TEXT, encoding: 'utf-16be', by: 'bom' });
	});

	it('decodes with the encoding the user chose, and counts what it could not read', () => {
		const gb = createMultibyteEncoder('gb18030')('甘州区');
		const asUtf8 = decodeBytes(gb, 'utf-8');
		expect(asUtf8.by).toBe('chosen');
		expect(asUtf8.replaced).toBeGreaterThan(0);
		expect(decodeBytes(gb, 'gb18030').text).toBe('甘州区');
	});
});

describe('recognising what a file is', () => {
	it('knows Excel workbooks, binary files and empty files from text', () => {
		expect(sniffFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('xlsx');
		expect(sniffFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('xls');
		expect(sniffFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44]))).toBe(
			'binary'
		);
		expect(sniffFile(new Uint8Array())).toBe('empty');
		expect(sniffFile(new TextEncoder().encode(TEXT))).toBe('text');
		expect(sniffFile(utf16le(TEXT))).toBe('text');
		expect(sniffFile(utf16le('region_code,region\r\n', false))).toBe('text');
		expect(decodeBytes(utf16le(TEXT, false))).toMatchObject({ text: TEXT, encoding: 'utf-16le' });
	});
});

describe('encoding an export', () => {
	it('writes UTF-8 with a byte-order mark by default, so Excel reads Chinese', async () => {
		const bytes = await encodeText(TEXT, 'utf-8-bom');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(decodeBytes(bytes).text).toBe(TEXT);
	});

	it('writes GB18030 that reads back exactly, beyond the BMP too', async () => {
		const bytes = await encodeText(TEXT, 'gb18030');
		expect(new TextDecoder('gb18030').decode(bytes)).toBe(TEXT);
		expect(decodeBytes(bytes).encoding).toBe('gb18030');
	});

	it('writes plain UTF-8 on request', async () => {
		const bytes = await encodeText(TEXT, 'utf-8');
		expect(bytes[0]).toBe(TEXT.charCodeAt(0) > 127 ? 0xe5 : bytes[0]);
		expect(new TextDecoder().decode(bytes)).toBe(TEXT);
	});

	it('replaces a lone surrogate instead of failing', async () => {
		const bytes = await encodeText('a\ud800b', 'gb18030');
		expect(new TextDecoder('gb18030').decode(bytes)).toBe('a\ufffdb');
	});
});
