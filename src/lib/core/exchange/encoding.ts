// Bytes of a CSV file ↔ text. Excel on Chinese Windows writes GBK/GB18030 ("CSV"), UTF-8
// with a byte-order mark ("CSV UTF-8") or UTF-16 LE with tabs ("Unicode text"); WPS much
// the same. Detection order: byte-order mark → strict UTF-8 → GB18030. Strict UTF-8 first
// is safe: GB18030 text of any length is almost never valid UTF-8, while the reverse
// (UTF-8 read as GB18030) always "works" and garbles every character. When the detected
// encoding gives no header, the import tries the others (decodeFirstReadable).

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'shift_jis' | 'windows-1252';
/** The encodings a planner can choose for a file, in the order the choice lists them. */
export const ENCODINGS: readonly Encoding[] = [
	'utf-8',
	'gb18030',
	'utf-16le',
	'utf-16be',
	'big5',
	'shift_jis',
	'windows-1252'
];

/**
 * Each encoding's name as editors (Notepad, WPS, Excel's "save as") show it: technical
 * names, the same in every language, for messages that say which encoding a file is in.
 */
export const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
	'utf-8': 'UTF-8',
	gb18030: 'GB18030/GBK',
	'utf-16le': 'UTF-16 LE',
	'utf-16be': 'UTF-16 BE',
	big5: 'Big5',
	shift_jis: 'Shift-JIS',
	'windows-1252': 'Latin-1/Windows-1252'
};

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
	/**
	 * How the encoding was chosen: by the byte-order mark, by trying, by the user, or as the
	 * first of the others that gave a readable file when the detected one did not.
	 */
	by: 'bom' | 'detected' | 'chosen' | 'fallback';
	/** U+FFFD characters in the text: bytes the encoding could not read (or a U+FFFD written as such). */
	replaced: number;
	/** Whether the decoder itself replaced bytes it could not read: some text is lost. */
	lossy: boolean;
}

function countReplacements(text: string): number {
	let n = 0;
	for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
	return n;
}

function decodeWith(bytes: Uint8Array, encoding: Encoding, by: Decoded['by']): Decoded {
	const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
	const replaced = countReplacements(text);
	// A U+FFFD may stand in the file as such (an export of a damaged paste); only a strict
	// decode that fails says bytes were lost.
	let lossy = false;
	if (replaced > 0) {
		try {
			new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
		} catch {
			lossy = true;
		}
	}
	return { text, encoding, by, replaced, lossy };
}

/**
 * Decode as `encoding`, without any byte-order mark at the start, whichever encoding the mark
 * is of: a UTF-16 mark on a UTF-8 body (an editor's slip) reads as UTF-8 when asked.
 */
export function decodeAs(bytes: Uint8Array, encoding: Encoding, by: Decoded['by'] = 'chosen'): Decoded {
	const bom = bomOf(bytes);
	return decodeWith(bom ? bytes.subarray(bom.length) : bytes, encoding, by);
}

/** Decode a file's bytes; `chosen` overrides detection (the user picked an encoding). */
export function decodeBytes(bytes: Uint8Array, chosen?: Encoding): Decoded {
	if (chosen) return decodeAs(bytes, chosen, 'chosen');
	const bom = bomOf(bytes);
	if (bom) return decodeWith(bytes.subarray(bom.length), bom.encoding, 'bom');
	const utf16 = guessUtf16(bytes);
	if (utf16) return decodeWith(bytes, utf16, 'detected');
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { text, encoding: 'utf-8', by: 'detected', replaced: countReplacements(text), lossy: false };
	} catch {
		const utf8 = decodeWith(bytes, 'utf-8', 'detected');
		return isMostlyUtf8(utf8.text) ? utf8 : decodeWith(bytes, 'gb18030', 'detected');
	}
}

/**
 * UTF-8 with a stray byte or two (a line pasted from elsewhere): read as GB18030 it would
 * garble every character, read as UTF-8 only the stray bytes are lost (and their rows
 * refused). GB18030 text read as UTF-8 gives about one U+FFFD per character, so twenty
 * well-read characters for each lost one is UTF-8.
 */
function isMostlyUtf8(text: string): boolean {
	let lost = 0;
	let read = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0xfffd) lost++;
		else if (c > 0x7f) read++;
	}
	return read >= 20 * lost;
}

/** The order the others are tried in: the encodings of Chinese Excel and WPS first. */
const FALLBACK_ORDER: readonly Encoding[] = [
	'utf-8',
	'gb18030',
	'utf-16le',
	'utf-16be',
	'big5',
	'shift_jis',
	'windows-1252'
];

/** How much of a file is decoded to see whether an encoding reads it (its header is near the top). */
const PROBE_BYTES = 64 * 1024;

/**
 * When the detected encoding does not read the file (`readable` says no to its text), the
 * first other encoding that does, decoded in full; null when none does. `readable` gets only
 * the file's first 64 KB, so trying seven encodings costs little even for a large file.
 */
export function decodeFirstReadable(
	bytes: Uint8Array,
	tried: Encoding,
	readable: (head: string) => boolean
): Decoded | null {
	const bom = bomOf(bytes);
	const body = bom ? bytes.subarray(bom.length) : bytes;
	const head = body.subarray(0, PROBE_BYTES);
	for (const encoding of FALLBACK_ORDER) {
		if (encoding === tried) continue;
		if (readable(new TextDecoder(encoding, { ignoreBOM: true }).decode(head))) {
			return decodeWith(body, encoding, 'fallback');
		}
	}
	return null;
}

// Characters a Chinese planning file never holds, which a misread one is full of: private
// use, kana, bopomofo, Hangul, vertical forms, box drawing, C1 controls, U+FFFD. Big5 read
// as GBK gives kana and bopomofo; GBK read as Big5 gives Hangul and private use.
const GARBLE =
	/[\u0080-\u009f\u2500-\u257f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\uac00-\ud7af\ue000-\uf8ff\ufe10-\ufe1f\ufe30-\ufe4f\uff61-\uff9f\ufffd]/g;

/** Whether decoded text looks misread: at least 3 such characters, and 2% of those past ASCII. */
export function looksGarbled(text: string): boolean {
	const head = text.slice(0, PROBE_BYTES);
	const odd = head.match(GARBLE)?.length ?? 0;
	if (odd < 3) return false;
	let wide = 0;
	for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) > 0x7f) wide++;
	return odd * 50 >= wide;
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
