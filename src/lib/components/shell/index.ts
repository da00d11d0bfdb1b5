// What the root layout loads after a page's first paint (one chunk, one request).
export { default as WorkbookNotices } from './WorkbookNotices.svelte';
export { default as WorkbookDialogs } from './WorkbookDialogs.svelte';
