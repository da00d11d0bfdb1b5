// Lets code that changes the workbook in bulk (an import) refresh the formula engine if a
// grid page has built it, without pulling the engine (HyperFormula) into its own bundle.
import type { Lang } from '$lib/i18n/locale.svelte';
import type { Workbook } from './workbook.svelte';

type Reload = (workbook: Workbook, lang: Lang) => void;
let reload: Reload | null = null;

export function registerEngineReload(fn: Reload): void {
	reload = fn;
}

/** Rebuild the engine's sheets from the workbook, if the engine exists yet. */
export function reloadEngineIfBuilt(workbook: Workbook, lang: Lang): void {
	reload?.(workbook, lang);
}
