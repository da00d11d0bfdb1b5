// The import history: one record per file applied (see core/exchange/import-record.ts).
// Records are written only by applyImportWrites, inside the import's own transaction, and
// removed by undoImportWrites in the undo's; here they are read.
import { importRecordSchema, type ImportRecord } from '../core/exchange/import-record';
import type { WorkbookDb } from './db';
import { parseRow } from './validate';
import { readSalvaged, type DamagedRecord } from './salvage';

/** The records that read, oldest first, and those that do not (listed, not thrown). */
export async function listImportsSalvaged(
	db: WorkbookDb
): Promise<{ imports: ImportRecord[]; damaged: DamagedRecord[] }> {
	const rows = await db.imports.orderBy('id').toArray();
	const { records, damaged } = readSalvaged(rows, importRecordSchema, 'imports', (o) => o.id);
	return { imports: records, damaged };
}

/** Every record, oldest first, each checked against the schema. */
export async function listImports(db: WorkbookDb): Promise<ImportRecord[]> {
	const rows = await db.imports.orderBy('id').toArray();
	return rows.map((row) => parseRow(importRecordSchema, 'imports', row.id, row));
}
