// Giving the page its turn inside one IndexedDB transaction, where nothing but the
// transaction's own requests may be awaited (a timer lets it commit half-written).
//
// A large write (an import) puts its records a slice at a time. Awaiting each slice before
// cloning the next leaves the page idle while the database writes, and the database idle
// while the page clones: measured in Chromium, 12,500 records put 200 at a time took 1.4 s
// that way and 0.8 s with two slices in flight. So `put` waits only when `depth` slices are
// in flight, for the oldest; every wait is a turn for the page (the answer comes as a task
// of its own). Work that writes nothing (hashing what was written) asks `due()` and, when its
// budget is spent, takes a turn with `breathe()`.
import type { WorkbookDb } from './db';

export class TxTurns {
	readonly #db: WorkbookDb;
	readonly #depth: number;
	readonly #budgetMs: number;
	#pending: Promise<unknown>[] = [];
	#since = performance.now();

	constructor(db: WorkbookDb, { depth = 2, budgetMs = 30 } = {}) {
		this.#db = db;
		this.#depth = depth;
		this.#budgetMs = budgetMs;
	}

	/** Whether the work since the last turn has used its budget. */
	due(): boolean {
		return performance.now() - this.#since > this.#budgetMs;
	}

	/**
	 * A request made in this transaction (a bulkPut): waited for later, or now when `depth`
	 * are in flight. A failed one fails the transaction's function: in `settle()` at the latest.
	 */
	async put(request: Promise<unknown>): Promise<void> {
		// Marked handled here; its failure is still thrown where it is awaited.
		request.catch(() => undefined);
		this.#pending.push(request);
		if (this.#pending.length >= this.#depth) await this.#waitOldest();
	}

	/** A turn for the page: the oldest request in flight answers, or a read of nothing does. */
	async breathe(): Promise<void> {
		if (this.#pending.length > 0) await this.#waitOldest();
		else {
			await this.#db.series.get(['', '', 'actual']);
			this.#since = performance.now();
		}
	}

	/** Every request in flight answered (any failure thrown). */
	async settle(): Promise<void> {
		while (this.#pending.length > 0) await this.#waitOldest();
	}

	async #waitOldest(): Promise<void> {
		await this.#pending.shift();
		this.#since = performance.now();
	}
}
