// Messages between the page and the import worker.
import type { Encoding } from '$lib/core/exchange/encoding';
import type { FileInfo, ImportPlan } from '$lib/core/exchange/import';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';

export interface PlanRequest {
	type: 'plan';
	files: { file: Blob; name: string; lastModified?: number; encoding?: Encoding }[];
	snapshot: WorkbookSnapshot;
}

/**
 * The page checked the plan's formulas with the engine (the worker has none): plan the same
 * files again, refusing the rows that hold these.
 */
export interface ReplanRequest {
	type: 'replan';
	badFormulas: string[];
}

export type WorkerRequest = PlanRequest | ReplanRequest;

export type WorkerReply =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; plan: ImportPlan; files: FileInfo[] }
	| { type: 'failed'; message: string };
