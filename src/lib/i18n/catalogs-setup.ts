// Vitest setup: the unit tests read messages in both languages synchronously (a Locale whose
// `lang` is set to 'en'), so the English catalog, fetched on demand in the app, is loaded
// before any test runs. locale.test.ts checks the on-demand path itself on a fresh module.
import { loadCatalog } from './locale.svelte';

await loadCatalog('en');
