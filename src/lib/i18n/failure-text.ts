// Every failure a planner sees, in the catalog's words: a storage failure by its code (full
// storage, another tab, …), anything else as one plain sentence. The technical text never
// reaches the page; it is kept as `detail` for the 「复制详情」 button (for the help desk).
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import type { Locale } from '$lib/i18n/locale.svelte';

export interface FailureText {
	/** Whole sentences, ending in 。 (or a full stop): what happened and what to do. */
	reason: string;
	/** What the browser or the code said, for copying; null when there is nothing more to say. */
	detail: string | null;
	/** A failure of a known kind (full storage, another tab); the detail adds nothing for the planner. */
	known: boolean;
}

function technical(error: unknown, depth = 0): string {
	if (depth > 3 || error === null || error === undefined) return '';
	if (error instanceof StorageError) {
		return [`StorageError ${error.code} ${JSON.stringify(error.details)}`, technical(error.cause, depth + 1)]
			.filter(Boolean)
			.join(' ← ');
	}
	if (error instanceof Error) {
		const own = `${error.name}: ${error.message}`;
		const inner = (error as { inner?: unknown }).inner ?? error.cause;
		return [own, technical(inner, depth + 1)].filter(Boolean).join(' ← ');
	}
	return String(error);
}

export function failureText(error: unknown, locale: Locale): FailureText {
	const detail = technical(error) || null;
	const isStorage =
		error instanceof StorageError ||
		(error instanceof Error && /Dexie|IDB|Quota|Database|Transaction|Abort/i.test(error.name));
	if (isStorage) {
		const code = classifyStorageError(error).code;
		if (code !== 'unknown' && code !== 'corrupt-row') {
			return { reason: locale.tDynamic(`failure.${code}`, locale.t('failure.unknown')), detail, known: true };
		}
	}
	return { reason: locale.t('failure.unknown'), detail, known: false };
}

/** The technical text of a failure, for the console and the help desk. */
export function failureDetail(error: unknown): string {
	return technical(error);
}
