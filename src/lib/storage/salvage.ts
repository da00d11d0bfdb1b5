// A record that no longer reads (edited in devtools, left by a buggy build, damaged on disk)
// must never stop the workbook from opening: it is skipped, and listed for the page to show,
// as damaged series are (series-table.ts salvages those cell by cell). The record itself is
// left where it is: skipping reads nothing wrong, deleting would lose what a help desk could
// still recover.
import type { z } from 'zod/mini';
import { shorten } from '../core/cell-problems';

export type SalvagedTable = 'indicators' | 'meta' | 'imports' | 'history' | 'undoStacks';

export interface DamagedRecord {
	table: SalvagedTable;
	/** The record's key as text (`620702|C01`, an import's number, a meta key). */
	key: string;
	/** The start of the record as stored, for the help desk. */
	excerpt: string;
}

function excerptOf(row: unknown): string {
	try {
		return shorten(JSON.stringify(row) ?? String(row), 80);
	} catch {
		return shorten(String(row), 80);
	}
}

export function damagedRecord(table: SalvagedTable, key: unknown, row: unknown): DamagedRecord {
	const text = Array.isArray(key) ? key.map(String).join('|') : String(key ?? '');
	return { table, key: text, excerpt: excerptOf(row) };
}

/** The rows that read, in order, and the ones that do not (listed, never thrown). */
export function readSalvaged<S extends z.ZodMiniType>(
	rows: readonly unknown[],
	schema: S,
	table: SalvagedTable,
	keyOf: (row: Record<string, unknown>) => unknown
): { records: z.output<S>[]; damaged: DamagedRecord[] } {
	const records: z.output<S>[] = [];
	const damaged: DamagedRecord[] = [];
	for (const row of rows) {
		const parsed = schema.safeParse(row);
		if (parsed.success) records.push(parsed.data);
		else {
			const o = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
			damaged.push(damagedRecord(table, keyOf(o), row));
		}
	}
	return { records, damaged };
}
