import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A client-only app: every route is rendered in the browser, and the
		// static host serves index.html for any path (county URLs included).
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		alias: { $core: 'src/lib/core' },
		// Registered by the page itself (src/lib/state/app-update.svelte.ts), which needs the
		// registration to offer an update rather than let one take over mid-edit.
		serviceWorker: { register: false },
		// Nothing but the app's own files may run, style, load or connect: the workbook's data
		// never leaves the browser, and a planted script could not send it anywhere. Written
		// into the shell page as a <meta> tag, with the hash of SvelteKit's one inline script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// 'unsafe-inline' for styles only, and only because the parts need it (without it
				// tests/e2e/csp.spec.ts sees style-src-elem and style-src-attr violations):
				// Handsontable inserts <style> elements at run time and writes style="" into the
				// grid's HTML; Svelte's style="" in markup and app.html's `display: contents`
				// wrapper are attributes too. Inline styles run no code and fetch nothing here
				// (img-src and font-src stay origin-only); scripts stay hash- and origin-only.
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				// Handsontable's stylesheet draws some icons as data: URLs.
				'img-src': ['self', 'data:'],
				'connect-src': ['self'],
				// The import worker and the service worker are the app's own files.
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
