// Spreadsheet column letters, as Excel, WPS and the grid name columns.

/** A → 0, Z → 25, AA → 26 (either case): columnLetter's inverse. */
export function columnIndex(letters: string): number {
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
	let n = col + 1;
	let s = '';
	while (n > 0) {
		const m = (n - 1) % 26;
		s = String.fromCharCode(65 + m) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}
