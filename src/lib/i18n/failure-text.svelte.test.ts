// The words a failure is given: storage failures by their kind, anything else plainly, and
// never the exception's own text on the page (it stays in `detail`, for 复制详情).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { z } from 'zod';
import { Locale } from './locale.svelte';
import { failureText } from './failure-text';
import { StorageError } from '$lib/storage/errors';
import { zh } from './zh';
import { en } from './en';

function localeIn(lang: 'zh' | 'en'): Locale {
	const l = new Locale();
	l.lang = lang;
	return l;
}

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
// What Dexie rejects with when a transaction is aborted by a full disk.
const dexieAbort = new Dexie.AbortError('QuotaExceededError The quota has been exceeded.', quota);

describe('failureText', () => {
	it.each([
		['a bare QuotaExceededError', quota],
		['Dexie’s AbortError around it', dexieAbort],
		['the storage layer’s StorageError', new StorageError('quota', {}, { cause: dexieAbort })]
	])('%s reads as full storage in both languages, with no exception text', (_name, error) => {
		for (const lang of ['zh', 'en'] as const) {
			const text = failureText(error, localeIn(lang));
			expect(text.known).toBe(true);
			expect(text.reason).toBe((lang === 'zh' ? zh : en)['failure.quota']);
			expect(text.reason).not.toMatch(/Quota|Error|Dexie/);
			expect(text.detail).toContain('QuotaExceededError');
		}
	});

	it('another tab’s upgrade and a closed database have their own words', () => {
		const zhLocale = localeIn('zh');
		expect(failureText(new StorageError('closed'), zhLocale).reason).toBe(zh['failure.closed']);
		expect(failureText(new Dexie.DatabaseClosedError('closed'), zhLocale).reason).toBe(zh['failure.closed']);
	});

	it('anything else is one plain sentence pointing to 复制详情, the detail kept for the help desk', () => {
		const zhLocale = localeIn('zh');
		for (const error of [
			new TypeError("Cannot read properties of undefined (reading 'cells')"),
			z.string().max(3).safeParse('toolong').error,
			'worker error',
			new StorageError('unknown', {}, { cause: new Error('disk on fire') })
		]) {
			const text = failureText(error, zhLocale);
			expect(text.known).toBe(false);
			expect(text.reason).toBe(zh['failure.unknown']);
			expect(text.reason).toContain('复制详情');
			expect(text.detail).toBeTruthy();
		}
		expect(
			failureText(new StorageError('unknown', {}, { cause: new Error('disk on fire') }), zhLocale).detail
		).toContain('disk on fire');
	});

	it('every lead sentence and reason ends a sentence once: no 「。。」 when they are joined', () => {
		const leads = Object.entries(zh).filter(([k]) => k.startsWith('failure.lead.'));
		const reasons = Object.entries(zh).filter(
			([k]) => k.startsWith('failure.') && !k.startsWith('failure.lead.')
		);
		for (const [, lead] of leads) {
			for (const [, reason] of reasons) expect(lead + reason).not.toContain('。。');
		}
	});
});
