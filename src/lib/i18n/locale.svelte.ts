// The interface language: simplified Chinese by default, English by a switch that is
// remembered in localStorage (read before the database opens, so errors are localised too).
// The Chinese catalog is part of every page; the English one is a chunk of its own, fetched
// the first time English is chosen (or at start when it was remembered), so a planner who
// never switches never downloads it. `lang` changes only once its catalog is in memory, so
// the page switches language in one step, never half in one language and half in the other.
import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export type Catalog = Record<MessageKey, string>;
const STORAGE_KEY = 'zy-edu2035.lang';
const catalogs: Partial<Record<Lang, Catalog>> = { zh };

function readStoredLang(): Lang {
	try {
		const v = globalThis.localStorage?.getItem(STORAGE_KEY);
		return v === 'en' ? 'en' : 'zh';
	} catch {
		return 'zh';
	}
}

/** Fetches a language's catalog once; later calls return the same one. */
export async function loadCatalog(lang: Lang): Promise<Catalog> {
	const loaded = catalogs[lang];
	if (loaded) return loaded;
	const { en } = await import('./en');
	catalogs.en = en;
	return en;
}

/** A language's catalog if it is loaded; Chinese until English has been fetched. */
export function catalogOf(lang: Lang): Catalog {
	return catalogs[lang] ?? zh;
}

export function format(template: string, params?: Record<string, string | number>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export class Locale {
	lang = $state<Lang>('zh');
	/**
	 * Settles when the remembered language is in place (at once for Chinese). The root
	 * layout's load waits for it, so an English planner's first paint is already English.
	 */
	readonly ready: Promise<void>;
	/** The last language asked for: of two quick switches, the later one wins. */
	#wanted: Lang = 'zh';

	constructor() {
		const stored = readStoredLang();
		this.ready = stored === 'zh' ? Promise.resolve() : this.setLang(stored);
	}

	t = (key: MessageKey, params?: Record<string, string | number>): string =>
		format(catalogOf(this.lang)[key], params);

	/** Look up a key that is built at run time (status words, error codes); falls back to `fallback`. */
	tDynamic = (key: string, fallback: string, params?: Record<string, string | number>): string => {
		const catalog = catalogOf(this.lang) as Record<string, string>;
		return key in catalog ? format(catalog[key]!, params) : fallback;
	};

	/**
	 * Switches the interface, at once when the catalog is loaded, else as soon as it is. If
	 * English cannot be fetched (offline before the app was ever cached), the page stays in
	 * Chinese rather than showing keys.
	 */
	setLang(lang: Lang): Promise<void> {
		this.#wanted = lang;
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, lang);
		} catch {
			// Storage refused (private mode): the switch still works for this visit.
		}
		if (catalogs[lang]) {
			this.#apply(lang);
			return Promise.resolve();
		}
		return loadCatalog(lang).then(
			() => {
				if (this.#wanted === lang) this.#apply(lang);
			},
			() => {
				// Kept in Chinese; the next switch tries again.
			}
		);
	}

	#apply(lang: Lang): void {
		this.lang = lang;
		if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
	}

	toggle(): Promise<void> {
		return this.setLang(this.#wanted === 'zh' ? 'en' : 'zh');
	}
}

export const locale = new Locale();
