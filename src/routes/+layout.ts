// Client-only: no server rendering, no prerendered pages beyond the fallback shell.
import { locale } from '$lib/i18n/locale.svelte';

export const ssr = false;
export const prerender = false;

// The English catalog loads on demand; a planner who chose English sees the first paint in
// English rather than a flash of Chinese.
export async function load(): Promise<Record<string, never>> {
	await locale.ready;
	return {};
}
