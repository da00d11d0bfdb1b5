// Bytes of a CSV file ↔ text. Excel on Chinese Windows writes GBK/GB18030 ("CSV"), UTF-8
// with a byte-order mark ("CSV UTF-8") or UTF-16 LE with tabs ("Unicode text"); WPS much
// the same. Detection order: byte-order mark → strict UTF-8 → GB18030. Strict UTF-8 first
// is safe: GB18030 text of any length is almost never valid UTF-8, while the reverse
// (UTF-8 read as GB18030) always "works" and garbles every character.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

/** What an export writes: UTF-8 with a BOM opens cleanly in Excel and WPS. */
export type ExportEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030';
export const EXPORT_ENCODINGS: readonly ExportEncoding[] = ['utf-8-bom', 'gb18030', 'utf-8'];

export type FileKind = 'text' | 'xlsx' | 'xls' | 'binary' | 'empty';

/**
 * What the bytes are, from their first bytes: a spreadsheet workbook (a zip or an OLE2
 * compound file), something binary (NUL bytes outside UTF-16), or text.
 */
export function sniffFile(bytes: Uint8Array): FileKind {
	if (bytes.length === 0) return 'empty';
	const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts([0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
	if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
	if (bomOf(bytes)?.encoding.startsWith('utf-16')) return 'text';
	const probe = bytes.subarray(0, 64 * 1024);
	// UTF-16 without a BOM has NULs, but only in the high byte of each unit. NULs anywhere
	// else mean a file that is not text.
	if (probe.includes(0) && !guessUtf16(probe)) return 'binary';
	return 'text';
}

/** UTF-16 without a byte-order mark: the NULs of ASCII characters sit on one side. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	let even = 0;
	let odd = 0;
	const n = Math.min(bytes.length, 64 * 1024);
	for (let i = 0; i < n; i++) {
		if (bytes[i] === 0) {
			if (i % 2 === 0) even++;
			else odd++;
		}
	}
	// Digits, commas and line ends make up a good share of any CSV; a stray NUL does not.
	// The other side may hold a few (U+20000 is D840 DC00), never as many.
	const enough = Math.max(2, n / 2 / 20);
	if (odd >= enough && even * 10 <= odd) return 'utf-16le';
	if (even >= enough && odd * 10 <= even) return 'utf-16be';
	return null;
}

function bomOf(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
	return null;
}

export interface Decoded {
	text: string;
	encoding: Encoding;
	/** How the encoding was chosen: by the byte-order mark, by trying, or by the user. */
	by: 'bom' | 'detected' | 'chosen';
	/** Characters the chosen encoding could not read (shown as U+FFFD). */
	replaced: number;
}

function countReplacements(text: string): number {
	let n = 0;
	for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
	return n;
}

/** Decode a file's bytes; `chosen` overrides detection (the user picked an encoding). */
export function decodeBytes(bytes: Uint8Array, chosen?: Encoding): Decoded {
	const bom = bomOf(bytes);
	if (chosen) {
		const skip = bom && bom.encoding === chosen ? bom.length : 0;
		const text = new TextDecoder(chosen, { ignoreBOM: true }).decode(bytes.subarray(skip));
		return { text, encoding: chosen, by: 'chosen', replaced: countReplacements(text) };
	}
	if (bom) {
		const text = new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.length));
		return { text, encoding: bom.encoding, by: 'bom', replaced: countReplacements(text) };
	}
	const utf16 = guessUtf16(bytes);
	if (utf16) {
		const text = new TextDecoder(utf16).decode(bytes);
		return { text, encoding: utf16, by: 'detected', replaced: countReplacements(text) };
	}
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { text, encoding: 'utf-8', by: 'detected', replaced: 0 };
	} catch {
		const text = new TextDecoder('gb18030').decode(bytes);
		return { text, encoding: 'gb18030', by: 'detected', replaced: countReplacements(text) };
	}
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Text → file bytes. GB18030's encoder (tables of some hundred KB) loads only when asked
 * for. GB18030 covers all of Unicode, so nothing is lost in any of the three.
 */
export async function encodeText(raw: string, encoding: ExportEncoding): Promise<Uint8Array> {
	// A lone surrogate (half an emoji, from a damaged paste) has no encoding; U+FFFD stands in.
	const text = raw.toWellFormed();
	if (encoding === 'gb18030') {
		const { createMultibyteEncoder } = await import('@exodus/bytes/multi-byte.js');
		return createMultibyteEncoder('gb18030')(text);
	}
	const body = new TextEncoder().encode(text);
	if (encoding === 'utf-8') return body;
	const out = new Uint8Array(UTF8_BOM.length + body.length);
	out.set(UTF8_BOM);
	out.set(body, UTF8_BOM.length);
	return out;
}
