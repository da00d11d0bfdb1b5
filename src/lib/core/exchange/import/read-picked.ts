// Stage 1 as the import runs it: a picked file → its readings. A CSV gives one (decode.ts);
// an .xlsx one per sheet read (xlsx/import-file.ts), its reader loaded only when a
// workbook is picked. The worker and the tests both come in through here.
import { sniffFile } from '../encoding';
import { readImportFile } from './decode';
import type { FileBytes, FileInfo, TextFile } from './types';

export interface PickedFile extends FileBytes {
	/** A workbook's sheet to read, or ALL_SHEETS; left out, the reader chooses. */
	sheet?: string;
}

export async function readPickedFile(file: PickedFile): Promise<{ text: TextFile; info: FileInfo }[]> {
	if (sniffFile(file.bytes) !== 'xlsx') return [readImportFile(file)];
	const { readWorkbookFile } = await import('../xlsx/import-file');
	return readWorkbookFile(file);
}
