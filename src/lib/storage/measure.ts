// Performance measures of an import's stages (import:…), read by scripts/bench/import-100k.mjs.
// Only in a page: Node's performance.measure, under fake-indexeddb in the unit tests, lets a
// transaction commit early.
export function measureSince(name: string, start: number): void {
	if (typeof document !== 'undefined') performance.measure(`import:${name}`, { start });
}
