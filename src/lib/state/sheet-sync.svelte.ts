// What every open sheet does when the world around it changes: another tab wrote to the
// workbook (show what is stored now) or the interface language switched (relabel).
// Call during a component's initialisation: it registers effects tied to that component.
import type { Locale } from '$lib/i18n/locale.svelte';
// Through the slot: a page whose engine is still loading has none to rebuild yet.
import { reloadEngineIfBuilt } from './engine-slot';
import type { Workbook } from './workbook.svelte';

export interface SyncedSheet {
	reloadFromStorage(): void;
	relabel(): void;
	/** Resolves once the sheet's own writes queued so far have finished. */
	settled?(): Promise<unknown>;
}

/**
 * Waits until the sheet has no write of its own under way. Another tab's save is shown only
 * then: shown earlier, from a copy that lacks this tab's own write still in flight, the
 * cell just typed here would go blank on screen (although it is stored).
 */
async function writesDone(sheet: SyncedSheet): Promise<void> {
	for (;;) {
		const queue = sheet.settled?.();
		if (!queue) return;
		await queue;
		if (sheet.settled?.() === queue) return;
	}
}

export function keepSheetCurrent(sheet: SyncedSheet, workbook: Workbook, locale: Locale): void {
	let seenRevision = workbook.externalRevision;
	$effect(() => {
		const revision = workbook.externalRevision;
		if (revision === seenRevision) return;
		seenRevision = revision;
		void writesDone(sheet).then(() => {
			reloadEngineIfBuilt(workbook, locale.lang);
			sheet.reloadFromStorage();
		});
	});

	let seenLang = locale.lang;
	$effect(() => {
		const lang = locale.lang;
		if (lang === seenLang) return;
		seenLang = lang;
		sheet.relabel();
	});
}
