// Stage 1: bytes → text. Files that are not text are refused here. A file whose header is
// not found in the encoding detected (Big5, Shift-JIS, UTF-8 with a stray byte, UTF-8 and
// GBK mixed, a UTF-16 mark on a UTF-8 body) is tried in the other encodings, and the
// preview says which one read it, or which one the file seems to be in.
import { MAX_FILE_BYTES } from '../contract';
import {
	decodeBytes,
	decodeFirstReadable,
	ENCODING_NAMES,
	looksGarbled,
	sniffFile,
	type Decoded
} from '../encoding';
import { guessOtherEncoding } from '../encoding-guess';
import { findHeader } from './header';
import { parseTable, type Table } from './table';
import type { FileBytes, FileInfo, FileProblem, TextDecoding, TextFile } from './types';

/** Whether the header row is in this table (what the header stage would find). */
function hasHeader(table: Table): boolean {
	const problems: FileProblem[] = [];
	findHeader(table.rows, problems);
	return !problems.some((p) => p.code === 'no-header');
}

/** Whether the file's start holds text past ASCII, which each encoding reads its own way. */
function hasNonAscii(text: string): boolean {
	const n = Math.min(text.length, 64 * 1024);
	for (let i = 0; i < n; i++) if (text.charCodeAt(i) > 0x7f) return true;
	return false;
}

/** chardet must be quite sure before the preview doubts an encoding that found the header. */
const DOUBT_CONFIDENCE = 60;

export interface ReadOptions {
	/**
	 * Whether to doubt an encoding by what chardet makes of the bytes (the preview's
	 * encoding-doubt messages and guesses). `false` where only the text matters, as when the
	 * page tells a task file from a figure file by its head: chardet's first run costs the
	 * page's thread 100–250 ms. The text is the same either way.
	 */
	doubts?: boolean;
}

/** What the preview lists of a file before (or without) reading its text. */
export function fileInfo(file: FileBytes): FileInfo {
	return {
		name: file.name,
		size: file.bytes.length,
		lastModified: file.lastModified,
		encoding: null,
		by: null,
		replaced: 0
	};
}

/** Bytes → text, or the reason the file is not read at all. */
export function readImportFile(
	file: FileBytes,
	{ doubts = true }: ReadOptions = {}
): { text: TextFile; info: FileInfo } {
	const info = fileInfo(file);
	const named = { name: file.name, lastModified: file.lastModified };
	if (file.bytes.length > MAX_FILE_BYTES) return { text: { text: '', refused: 'too-large', ...named }, info };
	const kind = sniffFile(file.bytes);
	if (kind !== 'text') return { text: { text: '', refused: kind, ...named }, info };
	const detected = decodeBytes(file.bytes, file.encoding);
	const problems: FileProblem[] = [];
	let decoded: Decoded = detected;
	let guess: string | null = null;
	// Looking for the header parses the whole text; the table is kept for the rows stage,
	// which would otherwise parse the same 100,000 rows a second time (parseTable is pure).
	const detectedTable = parseTable(detected.text);
	let table: Table | undefined = detectedTable;
	if (!hasHeader(detectedTable)) {
		table = undefined;
		// The planner's own choice is kept: the preview says the header is not found in it.
		const other = file.encoding
			? null
			: decodeFirstReadable(file.bytes, detected.encoding, (text) => hasHeader(parseTable(text)));
		if (other) {
			decoded = other;
			problems.push({
				code: 'encoding-fallback',
				params: { detected: ENCODING_NAMES[detected.encoding], used: ENCODING_NAMES[other.encoding] },
				fatal: false
			});
		} else if (doubts) {
			guess = guessOtherEncoding(file.bytes, detected.encoding)?.name ?? null;
		}
	} else if (doubts && hasNonAscii(detected.text)) {
		// Text past ASCII reads differently in each encoding: doubt one that looks misread.
		// Except valid UTF-8 throughout: Chinese text in another encoding practically never
		// is, so chardet's guess (≈50 ms over 100,000 rows) is not asked of it.
		const valid = detected.encoding === 'utf-8' && detected.replaced === 0;
		const other = valid ? null : guessOtherEncoding(file.bytes, detected.encoding);
		const used = ENCODING_NAMES[detected.encoding];
		if (other && other.confidence >= DOUBT_CONFIDENCE) {
			problems.push({ code: 'encoding-doubt-guess', params: { used, guess: other.name }, fatal: false });
		} else if (looksGarbled(detected.text)) {
			problems.push({ code: 'encoding-doubt', params: { used }, fatal: false });
		}
	}
	const decoding: TextDecoding = {
		name: ENCODING_NAMES[decoded.encoding],
		lossy: decoded.lossy,
		problems,
		guess
	};
	return {
		text: { text: decoded.text, ...named, decoding, ...(table ? { table } : {}) },
		info: { ...info, encoding: decoded.encoding, by: decoded.by, replaced: decoded.replaced }
	};
}
