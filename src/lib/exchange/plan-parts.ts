// An import plan handed from the worker to the page in parts. One message with a 100,000-cell
// plan takes the page's thread about 300 ms to unpack (structured clone), freezing it; in
// parts of a few thousand cells each message unpacks in a few ms, the counts per region
// (the first part) show at once, and the lists follow while the page keeps answering.
import type { ImportPlan, RowIssue, SeriesChange } from '$lib/core/exchange/import';

/** Roughly how many cells (and issues) one part carries. */
export const CELLS_PER_PART = 4000;

/** The plan without its long lists: files, counts per region, own indicators. */
export type PlanHead = Omit<ImportPlan, 'changes' | 'rejected' | 'warnings'>;

export interface PlanPart {
	changes: SeriesChange[];
	rejected: RowIssue[];
	warnings: RowIssue[];
}

/** What a change weighs when it is cloned: its cells before, after and listed. */
function weight(c: SeriesChange): number {
	return (
		1 +
		c.added.length +
		c.changed.length +
		c.figureNotesChanged.length +
		Object.keys(c.after.cells).length +
		Object.keys(c.before?.cells ?? {}).length
	);
}

/** The plan as a head and the parts of its lists, in order. */
export function splitPlan(
	plan: ImportPlan,
	cellsPerPart = CELLS_PER_PART
): { head: PlanHead; parts: PlanPart[] } {
	const { changes, rejected, warnings, ...head } = plan;
	const parts: PlanPart[] = [];
	let part: PlanPart = { changes: [], rejected: [], warnings: [] };
	let size = 0;
	const add = (n: number) => {
		size += n;
		if (size >= cellsPerPart) {
			parts.push(part);
			part = { changes: [], rejected: [], warnings: [] };
			size = 0;
		}
	};
	for (const c of changes) {
		part.changes.push(c);
		add(weight(c));
	}
	for (const r of rejected) {
		part.rejected.push(r);
		add(1);
	}
	for (const w of warnings) {
		part.warnings.push(w);
		add(1);
	}
	if (size > 0 || parts.length === 0) parts.push(part);
	return { head, parts };
}

/** Puts a plan back together on the page, part by part as they arrive. */
export class PlanAssembly {
	readonly #head: PlanHead;
	readonly #changes: SeriesChange[] = [];
	readonly #rejected: RowIssue[] = [];
	readonly #warnings: RowIssue[] = [];

	constructor(head: PlanHead) {
		this.#head = head;
	}

	add(part: PlanPart): void {
		// A loop, not push(...list): spreading thousands of arguments can overflow the stack.
		for (const c of part.changes) this.#changes.push(c);
		for (const r of part.rejected) this.#rejected.push(r);
		for (const w of part.warnings) this.#warnings.push(w);
	}

	/** The plan so far: only the counts are final until the last part has been added. */
	plan(): ImportPlan {
		return { ...this.#head, changes: this.#changes, rejected: this.#rejected, warnings: this.#warnings };
	}
}
