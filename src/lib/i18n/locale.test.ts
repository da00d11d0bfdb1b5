// The English catalog is fetched on demand: the language switches only once it is loaded,
// in one step, and the remembered language is in place when `ready` settles.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zh } from './zh';
import { en } from './en';

type LocaleModule = typeof import('./locale.svelte');

/** A module instance of its own, without the catalogs the test setup loaded. */
async function freshLocaleModule(stored?: string): Promise<LocaleModule> {
	const store = new Map<string, string>(stored ? [['zy-edu2035.lang', stored]] : []);
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => store.get(k) ?? null,
		setItem: (k: string, v: string) => void store.set(k, v)
	});
	vi.resetModules();
	return import('./locale.svelte');
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('the interface language', () => {
	it('starts in Chinese with only the Chinese catalog loaded', async () => {
		const m = await freshLocaleModule();
		const l = new m.Locale();
		await l.ready;
		expect(l.lang).toBe('zh');
		expect(m.catalogOf('en')).toBe(m.catalogOf('zh'));
		expect(l.t('nav.home')).toBe(zh['nav.home']);
	});

	it('switches to English only once its catalog is loaded, never half-way', async () => {
		const m = await freshLocaleModule();
		const l = new m.Locale();
		const switching = l.setLang('en');
		// Not yet loaded: still wholly Chinese.
		expect(l.lang).toBe('zh');
		expect(l.t('nav.home')).toBe(zh['nav.home']);
		await switching;
		expect(l.lang).toBe('en');
		expect(l.t('nav.home')).toBe(en['nav.home']);
		expect(l.tDynamic('nav.home', '?')).toBe(en['nav.home']);
		// Back and forth again is immediate: the catalog stays loaded.
		void l.setLang('zh');
		expect(l.lang).toBe('zh');
		void l.toggle();
		expect(l.lang).toBe('en');
	});

	it('of two quick switches, the later one wins', async () => {
		const m = await freshLocaleModule();
		const l = new m.Locale();
		const first = l.setLang('en');
		const second = l.setLang('zh');
		await Promise.all([first, second]);
		expect(l.lang).toBe('zh');
		expect(localStorage.getItem('zy-edu2035.lang')).toBe('zh');
	});

	it('a remembered English is in place when ready settles', async () => {
		const m = await freshLocaleModule('en');
		const l = new m.Locale();
		expect(l.lang).toBe('zh');
		await l.ready;
		expect(l.lang).toBe('en');
		expect(l.t('home.heading')).toBe(en['home.heading']);
	});

	it('the toggle remembers the choice', async () => {
		const m = await freshLocaleModule();
		const l = new m.Locale();
		await l.toggle();
		expect(l.lang).toBe('en');
		expect(localStorage.getItem('zy-edu2035.lang')).toBe('en');
		await l.toggle();
		expect(l.lang).toBe('zh');
		expect(localStorage.getItem('zy-edu2035.lang')).toBe('zh');
	});
});
