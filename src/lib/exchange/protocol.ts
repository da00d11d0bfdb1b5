// Messages between the page and the import worker.
import type { Encoding } from '$lib/core/exchange/encoding';
import type { FileInfo, ImportPlan, IndicatorChange, SeriesChange } from '$lib/core/exchange/import';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';

export interface PlanRequest {
	type: 'plan';
	files: { file: Blob; name: string; lastModified?: number; encoding?: Encoding }[];
	snapshot: WorkbookSnapshot;
}

export type WorkerReply =
	| { type: 'progress'; done: number; total: number }
	/**
	 * Part of the plan's changes, ahead of 'done' (whose plan then has them empty): one
	 * message of 100,000 cells took the page 200 ms to receive, a part of them a few ms.
	 */
	| { type: 'part'; changes: SeriesChange[]; indicators: IndicatorChange[] }
	| { type: 'done'; plan: ImportPlan; files: FileInfo[] }
	| { type: 'failed'; message: string };
