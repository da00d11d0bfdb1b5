// Where the root layout and the start page find the workbook without importing it: the
// workbook's module (Dexie, the schemas: 50 KB gzipped) registers itself here when it is
// evaluated. Pages that show figures import it statically, so it is there before they
// mount; the start page shows its cards without it (storage/summary-reader.ts) and loads
// it after its first paint.
import type { Workbook } from './workbook.svelte';

class WorkbookSlot {
	current = $state.raw<Workbook | null>(null);
}

export const workbookSlot = new WorkbookSlot();
