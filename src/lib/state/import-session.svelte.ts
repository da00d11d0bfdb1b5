// One import, from picking files to applying (or cancelling) them: reading and checking
// run in a worker; nothing is written until the planner has seen the preview and applies.
import type { Encoding } from '$lib/core/exchange/encoding';
import type { FileInfo, ImportPlan, IndicatorChange, SeriesChange } from '$lib/core/exchange/import';
import type { ImportUndo } from '$lib/storage/exchange';
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import { measureSince } from '$lib/storage/measure';
import type { PlanRequest, WorkerReply } from '$lib/exchange/protocol';
import ImportWorker from '$lib/exchange/import.worker?worker';
import type { Lang } from '$lib/i18n/locale.svelte';
import { reloadEngineIfBuilt } from './engine-slot';
import type { Workbook } from './workbook.svelte';

export type ImportPhase = 'idle' | 'reading' | 'preview' | 'applying' | 'applied' | 'failed';

export interface AppliedSummary {
	added: number;
	changed: number;
	regions: string[];
	indicators: number;
	/** Files recorded in the import history (those that could be read). */
	files: number;
}

export class ImportSession {
	phase = $state<ImportPhase>('idle');
	progress = $state({ done: 0, total: 1 });
	plan = $state.raw<ImportPlan | null>(null);
	files = $state.raw<FileInfo[]>([]);
	/** Why reading or applying failed: a storage code, or the worker's message. */
	failure = $state.raw<StorageError | string | null>(null);
	applied = $state.raw<AppliedSummary | null>(null);
	undone = $state(false);

	#picked: File[] = [];
	#encodings: (Encoding | undefined)[] = [];
	#worker: Worker | null = null;
	#undo: ImportUndo | null = null;

	constructor(
		private readonly workbook: Workbook,
		private readonly lang: () => Lang
	) {}

	get canUndo(): boolean {
		return this.phase === 'applied' && this.#undo !== null && !this.undone;
	}

	/** Read and check files; replaces whatever was being previewed. */
	start(files: readonly File[]): void {
		this.#picked = [...files];
		this.#encodings = files.map(() => undefined);
		this.applied = null;
		this.undone = false;
		this.#undo = null;
		this.#run();
	}

	/** The planner says a file is in another encoding: read it again that way. */
	setEncoding(index: number, encoding: Encoding): void {
		if (index < 0 || index >= this.#picked.length) return;
		this.#encodings[index] = encoding;
		this.#run();
	}

	#run(): void {
		this.#stopWorker();
		this.phase = 'reading';
		this.plan = null;
		this.failure = null;
		this.progress = { done: 0, total: 1 };
		const started = performance.now();
		const worker = new ImportWorker();
		this.#worker = worker;
		const changes: SeriesChange[] = [];
		const indicators: IndicatorChange[] = [];
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			if (this.#worker !== worker) return;
			const reply = event.data;
			if (reply.type === 'progress') {
				this.progress = { done: reply.done, total: reply.total };
				return;
			}
			if (reply.type === 'part') {
				for (const c of reply.changes) changes.push(c);
				for (const c of reply.indicators) indicators.push(c);
				return;
			}
			this.#stopWorker();
			if (reply.type === 'done') {
				measureSince('worker', started);
				this.plan = { ...reply.plan, changes, indicators };
				this.files = reply.files;
				this.phase = 'preview';
			} else {
				this.failure = reply.message;
				this.phase = 'failed';
			}
		};
		worker.onerror = (event) => {
			if (this.#worker !== worker) return;
			this.#stopWorker();
			this.failure = event.message || 'worker error';
			this.phase = 'failed';
		};
		const request: PlanRequest = {
			type: 'plan',
			files: this.#picked.map((file, i) => ({
				file,
				name: file.name,
				lastModified: file.lastModified,
				encoding: this.#encodings[i]
			})),
			snapshot: this.workbook.snapshot()
		};
		worker.postMessage(request);
	}

	#stopWorker(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}

	/** Stop reading, or drop the preview: nothing has been written either way. */
	cancel(): void {
		this.#stopWorker();
		this.plan = null;
		this.files = [];
		this.#picked = [];
		this.phase = 'idle';
	}

	/**
	 * Writes the previewed import. With nothing to change, it still records the files in the
	 * import history: a county that sends the same figures again is up to date.
	 */
	async apply(): Promise<void> {
		const plan = this.plan;
		if (!plan || this.phase !== 'preview') return;
		if (!plan.hasChanges && !plan.files.some((f) => f.layout !== null)) return;
		this.phase = 'applying';
		try {
			const t = performance.now();
			this.#undo = await this.workbook.applyImport(plan, this.files);
			measureSince('apply', t);
			const t2 = performance.now();
			reloadEngineIfBuilt(this.workbook, this.lang());
			measureSince('engine', t2);
			this.applied = {
				added: plan.changes.reduce((n, c) => n + c.added.length, 0),
				// A note on a figure (批注) set or changed counts as a change too.
				changed: plan.changes.reduce((n, c) => n + c.changed.length + c.figureNotesChanged.length, 0),
				// Each region once, in order: indexOf over 6,000 changes held the page 250 ms.
				regions: plan.changes
					.map((c) => c.regionCode)
					.filter((c, i, all) => i === 0 || (all[i - 1] !== c && !all.slice(0, i).includes(c))),
				indicators: plan.indicators.length,
				files: plan.files.filter((f) => f.layout !== null).length
			};
			this.plan = null;
			this.phase = 'applied';
		} catch (e) {
			// Nothing was written (one transaction); the preview stays for another try.
			this.failure = e instanceof StorageError ? e : classifyStorageError(e);
			this.phase = 'preview';
		}
	}

	async undo(): Promise<void> {
		if (!this.#undo || this.undone) return;
		try {
			await this.workbook.undoImport(this.#undo);
			reloadEngineIfBuilt(this.workbook, this.lang());
			this.undone = true;
			this.failure = null;
		} catch (e) {
			this.failure = e instanceof StorageError ? e : classifyStorageError(e);
		}
	}

	dispose(): void {
		this.#stopWorker();
	}
}

import { workbook } from './workbook.svelte';
import { locale } from '$lib/i18n/locale.svelte';

/** One import at a time, kept while the planner moves between pages. */
export const importSession = new ImportSession(workbook, () => locale.lang);

/** Files dropped on any page, waiting for the exchange page to pick them up. */
export const droppedFiles = $state<{ files: File[] }>({ files: [] });
