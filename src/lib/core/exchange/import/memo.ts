// The rows stage asks the same questions of the same few texts on every row: a file of
// 100,000 rows holds six region codes, a thousand indicator codes, sixteen years and two
// kinds. Normalising (NFKC) and checking each distinct text once, not once per row, is most
// of what reading a row costs. Only pure functions of the text are remembered here: what a
// row is told (a refusal, a warning) is still decided row by row.

/** Distinct texts remembered per question, at most; past it the memory starts again. */
export const MEMO_MAX = 20_000;

/** `fn`, remembering its answer per distinct text (a bounded map: a file may hold many). */
export function memoize<T>(fn: (text: string) => T, max = MEMO_MAX): (text: string) => T {
	const known = new Map<string, T>();
	return (text) => {
		const hit = known.get(text);
		if (hit !== undefined || known.has(text)) return hit as T;
		const value = fn(text);
		if (known.size >= max) known.clear();
		known.set(text, value);
		return value;
	};
}

/**
 * Whether NFKC and trim() leave `text` as it is: printable ASCII with no space at either end.
 * NFKC changes no ASCII character, and trim() only removes white space at the ends, which is
 * at or below U+0020 in ASCII.
 */
export function isPlainAscii(text: string): boolean {
	const n = text.length;
	if (n === 0) return true;
	if (text.charCodeAt(0) <= 0x20 || text.charCodeAt(n - 1) <= 0x20) return false;
	for (let i = 0; i < n; i++) if (text.charCodeAt(i) > 0x7e) return false;
	return true;
}

const normalized = memoize((text: string) => text.normalize('NFKC').trim());

/** A code or name as compared: NFKC, trimmed. Codes are ASCII and go straight through. */
export function norm(text: string): string {
	return isPlainAscii(text) ? text : normalized(text);
}
