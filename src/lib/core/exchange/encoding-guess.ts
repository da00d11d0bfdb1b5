// Which encoding a file's bytes seem to be in, by the statistics of their characters
// (chardet, a port of ICU's detector). Only to say so when a file reads badly: the import
// never reads a file in a guessed encoding on its own, since a guess on a short file with
// few Chinese characters is often wrong. Kept apart from encoding.ts so that pages which
// only list the encodings or export do not load it; the import worker does.
import { analyse } from 'chardet';
import { ENCODING_NAMES, type Encoding } from './encoding';

/** chardet's names of the encodings the choice offers. */
const OFFERED: Readonly<Record<string, Encoding>> = {
	'UTF-8': 'utf-8',
	'UTF-16LE': 'utf-16le',
	'UTF-16BE': 'utf-16be',
	GB18030: 'gb18030',
	Big5: 'big5',
	Shift_JIS: 'shift_jis',
	'ISO-8859-1': 'windows-1252',
	'windows-1252': 'windows-1252'
};

export interface EncodingGuess {
	/** The name to show: ours for an encoding the choice offers, chardet's for another. */
	name: string;
	/** The choice to suggest; null when the choice does not offer it (EUC-KR, KOI8-R). */
	encoding: Encoding | null;
	confidence: number;
}

/** Below this chardet is guessing (a file of digits and commas scores 10–20 for anything). */
const MIN_CONFIDENCE = 30;
const SAMPLE_BYTES = 64 * 1024;

/**
 * The encoding the bytes most likely are in, when that is not `read` (the one they were
 * read in) and chardet is fairly sure; null otherwise.
 */
export function guessOtherEncoding(bytes: Uint8Array, read: Encoding): EncodingGuess | null {
	const best = analyse(bytes.subarray(0, SAMPLE_BYTES))[0];
	if (!best || best.confidence < MIN_CONFIDENCE) return null;
	const encoding = OFFERED[best.name] ?? null;
	if (encoding === read) return null;
	return { name: encoding ? ENCODING_NAMES[encoding] : best.name, encoding, confidence: best.confidence };
}
