// The interface language: simplified Chinese by default, English by a switch that is
// remembered in localStorage (read before the database opens, so errors are localised too).
import { zh, type MessageKey } from './zh';
import { en } from './en';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'zy-edu2035.lang';
const catalogs: Record<Lang, Record<MessageKey, string>> = { zh, en };

function readStoredLang(): Lang {
	try {
		const v = globalThis.localStorage?.getItem(STORAGE_KEY);
		return v === 'en' ? 'en' : 'zh';
	} catch {
		return 'zh';
	}
}

export function format(template: string, params?: Record<string, string | number>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export class Locale {
	lang = $state<Lang>(readStoredLang());

	t = (key: MessageKey, params?: Record<string, string | number>): string =>
		format(catalogs[this.lang][key], params);

	/** Look up a key that is built at run time (status words, error codes); falls back to `fallback`. */
	tDynamic = (key: string, fallback: string, params?: Record<string, string | number>): string => {
		const catalog = catalogs[this.lang] as Record<string, string>;
		return key in catalog ? format(catalog[key]!, params) : fallback;
	};

	setLang(lang: Lang): void {
		this.lang = lang;
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, lang);
		} catch {
			// Storage refused (private mode): the switch still works for this visit.
		}
		if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
	}

	toggle(): void {
		this.setLang(this.lang === 'zh' ? 'en' : 'zh');
	}
}

export const locale = new Locale();
