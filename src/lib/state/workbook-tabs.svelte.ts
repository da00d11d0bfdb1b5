// The workbook and the other tabs of the app, which share its database: each tab tells the
// others when it has written, and they re-read it, so neither shows (and later writes back)
// figures the other replaced; a figure this tab typed that another tab replaced is listed, to
// put back in one click. Apart from the Workbook (workbook.svelte.ts) because it is the one
// part that speaks to other tabs; the Workbook keeps its public methods and hands it the rest.
import { figureKey } from '$lib/core/model';
import { sameCell, type ChangeHow, type FigureChange } from '$lib/core/figure-history';
import type { CellWrite, ReplacedFigure } from '$lib/storage/cell-writes';

/** A figure this tab stored that another tab's later write replaced. */
export interface ReplacedNotice extends ReplacedFigure {
	id: number;
}

/** What the tabs part needs of the workbook. */
export interface TabsHost {
	/** Everything read again from the database. */
	readAll(): Promise<void>;
	writeCells(writes: readonly CellWrite[], how: ChangeHow): Promise<ReplacedFigure[]>;
	/** What is stored changed under the open sheets: they show it again. */
	changed(): void;
	/** Reading what another tab wrote failed: the page shows it as a failed save. */
	failed(e: unknown): void;
}

interface ChannelMessage {
	type: 'changed';
	at: number;
	replaced?: ReplacedFigure[];
}

/** Changes announced to other tabs per write; a larger one (an import) has its own preview. */
const ANNOUNCED_LIMIT = 500;

/**
 * What other tabs hear of a write: each figure it changed, as "replaced": the figure before
 * (perhaps one that tab typed), what the writer believed was there, and what is there now.
 */
export function announced(out: {
	changes: readonly FigureChange[];
	replaced: readonly ReplacedFigure[];
}): ReplacedFigure[] {
	if (out.changes.length > ANNOUNCED_LIMIT) return [];
	return out.changes.map((c) => {
		const conflict = out.replaced.find((r) => figureKey(r) === figureKey(c));
		return {
			regionCode: c.regionCode,
			indicatorCode: c.indicatorCode,
			kind: c.kind,
			year: c.year,
			expected: conflict ? conflict.expected : c.before,
			replaced: c.before,
			after: c.after
		};
	});
}

export class WorkbookTabs {
	/** Figures this tab typed that another tab has since replaced, until dismissed. */
	notices = $state.raw<ReplacedNotice[]>([]);
	#noticeId = 0;
	#channel: BroadcastChannel | null = null;
	/** What this tab last wrote to each figure, to know when another tab replaced it. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; nothing renders it
	#ownWrites = new Map<string, FigureChange['after']>();
	readonly #host: TabsHost;

	constructor(host: TabsHost) {
		this.#host = host;
	}

	/** Starts hearing the other tabs (once the database is open). */
	listen(): void {
		if (typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel('zy-edu2035.workbook');
		this.#channel.onmessage = (ev: MessageEvent<ChannelMessage>) => {
			void this.#host.readAll().then(
				() => {
					this.#noticeReplaced(ev.data?.replaced ?? []);
					this.#host.changed();
				},
				(e: unknown) => this.#host.failed(e)
			);
		};
	}

	/** Tells the other tabs this one has written (and which figures of theirs it replaced). */
	tell(at: number, replaced: readonly ReplacedFigure[]): void {
		const message: ChannelMessage = { type: 'changed', at };
		if (replaced.length) message.replaced = $state.snapshot([...replaced]) as ReplacedFigure[];
		this.#channel?.postMessage(message);
	}

	/** Remembers what this tab wrote to each figure. */
	wrote(changes: readonly FigureChange[]): void {
		for (const c of changes) this.#ownWrites.set(figureKey(c), c.after);
	}

	/**
	 * Another tab changed figures: those this tab had typed and it replaced (the later write
	 * wins, whether that tab had seen this one's figure or not) are listed, to put back in
	 * one click.
	 */
	#noticeReplaced(replaced: readonly ReplacedFigure[]): void {
		const mine = replaced.filter((r) => {
			const key = figureKey(r);
			const own = this.#ownWrites.get(key);
			return this.#ownWrites.has(key) && sameCell(own, r.replaced) && !sameCell(own, r.after);
		});
		if (mine.length === 0) return;
		for (const r of mine) this.#ownWrites.delete(figureKey(r));
		this.notices = [...this.notices, ...mine.map((r) => ({ ...r, id: ++this.#noticeId }))];
	}

	dismiss(id: number): void {
		this.notices = this.notices.filter((n) => n.id !== id);
	}

	/** Puts back the figure this tab had typed, replacing the other tab's (again, the later wins). */
	async putBack(id: number): Promise<void> {
		const notice = this.notices.find((n) => n.id === id);
		if (!notice) return;
		const { regionCode, indicatorCode, kind, year } = notice;
		await this.#host.writeCells(
			[{ regionCode, indicatorCode, kind, year, after: notice.replaced, expected: notice.after }],
			'put-back'
		);
		this.dismiss(id);
		// Open sheets show what is stored now, as after another tab's write.
		this.#host.changed();
	}
}
