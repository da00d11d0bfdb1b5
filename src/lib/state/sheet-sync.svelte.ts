// What every open sheet does when the world around it changes: another tab wrote to the
// workbook (show what is stored now) or the interface language switched (relabel).
// Call during a component's initialisation: it registers effects tied to that component.
import type { Locale } from '$lib/i18n/locale.svelte';
import { reloadEngine } from './engine-session';
import type { Workbook } from './workbook.svelte';

export interface SyncedSheet {
	reloadFromStorage(): void;
	relabel(): void;
}

export function keepSheetCurrent(sheet: SyncedSheet, workbook: Workbook, locale: Locale): void {
	let seenRevision = workbook.externalRevision;
	$effect(() => {
		const revision = workbook.externalRevision;
		if (revision === seenRevision) return;
		seenRevision = revision;
		reloadEngine(workbook, locale.lang);
		sheet.reloadFromStorage();
	});

	let seenLang = locale.lang;
	$effect(() => {
		const lang = locale.lang;
		if (lang === seenLang) return;
		seenLang = lang;
		sheet.relabel();
	});
}
