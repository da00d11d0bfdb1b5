// Messages between the page and the import worker.
import type { Encoding } from '$lib/core/exchange/encoding';
import type { FileInfo } from '$lib/core/exchange/import';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';
import type { PlanHead, PlanPart } from './plan-parts';

export interface PlanRequest {
	type: 'plan';
	/** `sheet`: a workbook's sheet to read, or ALL_SHEETS (xlsx/import-file.ts). */
	files: { file: Blob; name: string; lastModified?: number; encoding?: Encoding; sheet?: string }[];
	snapshot: WorkbookSnapshot;
}

/**
 * The page checked the plan's formulas with the engine (the worker has none). With none bad
 * the worker sends the plan it has; otherwise it plans the same files again, refusing the
 * rows that hold these.
 */
export interface ReplanRequest {
	type: 'replan';
	badFormulas: string[];
}

export type WorkerRequest = PlanRequest | ReplanRequest;

export type WorkerReply =
	| { type: 'progress'; done: number; total: number }
	/** The plan holds formulas: the page checks them and answers with a ReplanRequest. */
	| { type: 'formulas'; formulas: string[] }
	// The plan comes in parts (plan-parts.ts): its head with the counts, then its lists.
	| { type: 'head'; head: PlanHead; files: FileInfo[]; parts: number }
	| { type: 'part'; part: PlanPart; index: number }
	| { type: 'failed'; message: string };
