// Messages between the page and the import worker.
import type { Encoding } from '$lib/core/exchange/encoding';
import type { FileInfo, ImportPlan } from '$lib/core/exchange/import';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';

export interface PlanRequest {
	type: 'plan';
	files: { file: Blob; name: string; lastModified?: number; encoding?: Encoding }[];
	snapshot: WorkbookSnapshot;
}

export type WorkerReply =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; plan: ImportPlan; files: FileInfo[] }
	| { type: 'failed'; message: string };
