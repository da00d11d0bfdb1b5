// A refused cell in the catalog's words, the same wherever it was typed or pasted (a county's
// sheet, the city's figures, the targets sheet): `error.<code>`, naming the cell (`where`),
// the text as given (`input`) and the limit broken (`max`). Every code has a message; the
// catalog test (cell-check.test.ts) walks them.
import type { CellRefusal } from '$lib/core/cell-check';
import type { Locale } from './locale.svelte';

export function cellRefusalText(locale: Locale, refusal: CellRefusal, where: string): string {
	const params = { ...refusal.params, where };
	return locale.tDynamic(`error.${refusal.code}`, locale.t('error.not-a-number', params), params);
}
