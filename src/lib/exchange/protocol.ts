// Messages between the page and the import worker.
import type { Encoding } from '$lib/core/exchange/encoding';
import type { FileInfo } from '$lib/core/exchange/import';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';
import type { PlanHead, PlanPart } from './plan-parts';

export interface PlanRequest {
	type: 'plan';
	files: { file: Blob; name: string; lastModified?: number; encoding?: Encoding }[];
	snapshot: WorkbookSnapshot;
}

export type WorkerReply =
	| { type: 'progress'; done: number; total: number }
	// The plan comes in parts (plan-parts.ts): its head with the counts, then its lists.
	| { type: 'head'; head: PlanHead; files: FileInfo[]; parts: number }
	| { type: 'part'; part: PlanPart; index: number }
	| { type: 'failed'; message: string };
