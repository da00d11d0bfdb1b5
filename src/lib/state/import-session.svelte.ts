// One import, from picking files to applying (or cancelling) them: reading and checking
// run in a worker; nothing is written until the planner has seen the preview and applies.
import type { Encoding } from '$lib/core/exchange/encoding';
import type { FileInfo, ImportPlan } from '$lib/core/exchange/import';
import type { ImportUndo } from '$lib/storage/exchange';
import { classifyStorageError, StorageError } from '$lib/storage/errors';
import { measureSince } from '$lib/storage/measure';
import type { PlanRequest, ReplanRequest, WorkerReply } from '$lib/exchange/protocol';
import ImportWorker from '$lib/exchange/import.worker?worker';
import { PlanAssembly } from '$lib/exchange/plan-parts';
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
	/**
	 * The preview's counts are in, its lists (changes, refused rows) still arriving from the
	 * worker: the preview shows the counts, and applying waits for the rest.
	 */
	listing = $state(false);
	files = $state.raw<FileInfo[]>([]);
	/** Why reading or applying failed: a storage code, or the worker's message. */
	failure = $state.raw<StorageError | string | null>(null);
	applied = $state.raw<AppliedSummary | null>(null);
	undone = $state(false);

	#picked: File[] = [];
	#encodings: (Encoding | undefined)[] = [];
	/** Per picked workbook, the sheet to read (or ALL_SHEETS); undefined: the reader's choice. */
	#sheets: (string | undefined)[] = [];
	#worker: Worker | null = null;
	/** A worker started ahead of the next file (prepare), its script loaded while idle. */
	#spare: Worker | null = null;
	#undo: ImportUndo | null = null;

	constructor(
		private readonly workbook: Workbook,
		private readonly lang: () => Lang
	) {}

	get canUndo(): boolean {
		return this.phase === 'applied' && this.#undo !== null && !this.undone;
	}

	/**
	 * Starts the worker for the next file while the page is idle: loading and compiling its
	 * script (about 200 KB) is then not part of the time from file chosen to preview.
	 */
	prepare(): void {
		if (this.#spare || this.#worker || typeof Worker === 'undefined') return;
		this.#spare = new ImportWorker();
	}

	/** Read and check files; replaces whatever was being previewed. */
	start(files: readonly File[]): void {
		this.#picked = [...files];
		this.#encodings = files.map(() => undefined);
		this.#sheets = files.map(() => undefined);
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

	/** The planner picks which sheet of a workbook to read: read it again so. */
	setSheet(index: number, sheet: string): void {
		if (index < 0 || index >= this.#picked.length) return;
		this.#sheets[index] = sheet;
		this.#run();
	}

	#run(): void {
		this.#stopWorker();
		this.phase = 'reading';
		this.plan = null;
		this.failure = null;
		this.progress = { done: 0, total: 1 };
		const started = performance.now();
		this.listing = false;
		// Each reading has a worker of its own (stopping one is terminating it).
		const worker = this.#spare ?? new ImportWorker();
		this.#spare = null;
		this.#worker = worker;
		let assembly: PlanAssembly | null = null;
		let partsLeft = 0;
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			if (this.#worker !== worker) return;
			const reply = event.data;
			if (reply.type === 'progress') {
				this.progress = { done: reply.done, total: reply.total };
				return;
			}
			if (reply.type === 'head') {
				assembly = new PlanAssembly(reply.head);
				partsLeft = reply.parts;
				// The counts first; the lists stay empty until every part is in.
				this.plan = { ...reply.head, changes: [], rejected: [], warnings: [] };
				this.files = reply.files;
				this.listing = true;
				this.phase = 'preview';
				return;
			}
			if (reply.type === 'part') {
				assembly?.add(reply.part);
				if (--partsLeft > 0) return;
				this.#stopWorker();
				measureSince('worker', started);
				this.plan = assembly?.plan() ?? null;
				this.listing = false;
				return;
			}
			if (reply.type === 'formulas') {
				void this.#checkFormulas(worker, reply.formulas);
				return;
			}
			this.#stopWorker();
			this.failure = reply.message;
			this.listing = false;
			this.phase = 'failed';
		};
		worker.onerror = (event) => {
			if (this.#worker !== worker) return;
			this.#stopWorker();
			this.failure = event.message || 'worker error';
			this.listing = false;
			this.phase = 'failed';
		};
		const request: PlanRequest = {
			type: 'plan',
			files: this.#picked.map((file, i) => ({
				file,
				name: file.name,
				lastModified: file.lastModified,
				encoding: this.#encodings[i],
				sheet: this.#sheets[i]
			})),
			snapshot: this.workbook.snapshot()
		};
		worker.postMessage(request);
	}

	/**
	 * The worker has no formula engine: the plan's formulas are checked here, with the engine
	 * loaded on first use, and the answer goes back. If the parser refused any, the worker
	 * plans the same files again, refusing the rows that hold them (named by row and column).
	 */
	async #checkFormulas(worker: Worker, formulas: string[]): Promise<void> {
		try {
			const bad = (await import('$lib/engine/formula-check')).unparsableFormulas(formulas);
			if (this.#worker !== worker) return;
			const request: ReplanRequest = { type: 'replan', badFormulas: bad };
			worker.postMessage(request);
		} catch (e) {
			if (this.#worker !== worker) return;
			this.#stopWorker();
			this.failure = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
			this.listing = false;
			this.phase = 'failed';
		}
	}

	#stopWorker(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}

	/** Stop reading, or drop the preview: nothing has been written either way. */
	cancel(): void {
		this.#stopWorker();
		this.listing = false;
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
		if (!plan || this.phase !== 'preview' || this.listing) return;
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

	/** Stops the worker prepare() started, if no file has taken it. */
	releaseSpare(): void {
		this.#spare?.terminate();
		this.#spare = null;
	}

	dispose(): void {
		this.#stopWorker();
		this.releaseSpare();
	}
}

import { workbook } from './workbook.svelte';
import { locale } from '$lib/i18n/locale.svelte';

/** One import at a time, kept while the planner moves between pages. */
export const importSession = new ImportSession(workbook, () => locale.lang);

/** Files dropped on any page, waiting for the exchange page to pick them up. */
export const droppedFiles = $state<{ files: File[] }>({ files: [] });
