// The targets page: the city's and province's baselines and targets, edited as a grid.
// Each edit is stored at once; every region's comparison formulas read this sheet. The city's
// baselines are also the 2020 column of the city's own sheet, and are kept alike there.
import {
	checkComparator,
	checkFigure,
	checkText,
	targetText,
	type FigureContext
} from '$lib/core/cell-check';
import { cellRefusalText } from '$lib/i18n/cell-refusal-text';
import { planIndicators } from '$lib/core/plan';
import { plainDecimal } from '$lib/core/decimal';
import { BASELINE_YEAR, CITY_CODE, type Cell, type Series } from '$lib/core/model';
import {
	cellContent,
	COMPARATOR_TEXT,
	TARGET_COLUMNS,
	targetColumn,
	targetsRowContent,
	textContent,
	textFromContent,
	type RawContent,
	type TargetColumn
} from '$lib/engine/sheet-layout';
import type { GridEdit, GridPort, Validation } from '$lib/grid/contract';
import type { Locale } from '$lib/i18n/locale.svelte';
import { indicatorName, showCityBaseline, targetRows } from './engine-session';
import type { SheetEngine } from './region-sheet.svelte';
import { UndoHistory } from './undo-history.svelte';
import type { Workbook } from './workbook.svelte';

interface Change {
	row: number;
	col: number;
	before: RawContent;
	after: RawContent;
}

export class TargetsSheet {
	message = $state<{ kind: 'error' | 'info'; text: string } | null>(null);
	readonly history = new UndoHistory<Change[]>();
	port: GridPort | undefined;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(
		readonly workbook: Workbook,
		readonly locale: Locale,
		readonly engine: Pick<SheetEngine, 'setCells'>
	) {}

	content(): RawContent[][] {
		return targetRows(this.workbook, this.locale.lang).map(targetsRowContent);
	}

	column(col: number): TargetColumn | undefined {
		return TARGET_COLUMNS.find((c) => c.col === col);
	}

	#where(row: number, col: number): string {
		const c = this.column(col);
		const indicator = planIndicators[row];
		const level = c?.level === '620700' ? this.locale.t('targets.city') : this.locale.t('targets.province');
		return this.locale.t('error.where', {
			row: row + 1,
			indicator: indicator ? indicatorName(indicator, this.locale.lang) : '',
			column: `${level} ${c?.year ?? ''}`
		});
	}

	/** Where a figure of this sheet goes, for the one cell check (core/cell-check.ts). */
	#figureContext(level: string, year: number, indicator: { unit: string }): FigureContext {
		return {
			level: level === CITY_CODE ? 'city' : 'province',
			unit: indicator.unit,
			kind: year === BASELINE_YEAR ? 'actual' : 'target',
			measure: 'value',
			year
		};
	}

	validate(row: number, col: number, raw: unknown): Validation {
		const c = this.column(col);
		const indicator = planIndicators[row];
		if (!c || !indicator) return { ok: false, message: '' };
		const where = () => this.#where(row, col);
		if (c.field === 'comparator') {
			const verdict = checkComparator(raw);
			if (!verdict.ok) return { ok: false, message: cellRefusalText(this.locale, verdict, where()) };
			return { ok: true, content: COMPARATOR_TEXT[verdict.comparator] };
		}
		if (c.field === 'qualifier') {
			const verdict = checkText('qualifier', raw);
			if (!verdict.ok) return { ok: false, message: cellRefusalText(this.locale, verdict, where()) };
			return { ok: true, content: textContent(verdict.text) };
		}
		const outcome = checkFigure(this.#figureContext(c.level, c.year, indicator), raw);
		if (!outcome.ok) return { ok: false, message: cellRefusalText(this.locale, outcome, where()) };
		// The sheet holds a target's figure, comparator and standard in three columns; a
		// yes/no or a formula has no place in any of them (the context refuses formulas).
		if (outcome.cell?.t === 'b' || outcome.cell?.t === 'f') {
			const refusal = {
				ok: false as const,
				code: 'formula-not-allowed' as const,
				params: { input: String(raw) }
			};
			return { ok: false, message: cellRefusalText(this.locale, refusal, where()) };
		}
		const cell = outcome.cell;
		if (outcome.notice === 'thousands-separator' && cell) {
			this.message = {
				kind: 'info',
				text: this.locale.t('grid.thousandsDropped', {
					where: this.#where(row, col),
					input: String(raw).trim().slice(0, 60),
					value: plainDecimal(cell.v)
				})
			};
		}
		// `>99` typed in a value cell sets the comparator beside it as well.
		if (cell && c.year !== 2020 && cell.cmp) {
			const cmpCol = targetColumn(c.level, c.year, 'comparator');
			queueMicrotask(() =>
				this.port?.setCells([{ row, col: cmpCol, content: COMPARATOR_TEXT[cell.cmp ?? '>='] }])
			);
		}
		return { ok: true, content: cell ? cell.v : null };
	}

	#stored(row: number, col: number): RawContent {
		const source = targetsRowContent(targetRows(this.workbook, this.locale.lang)[row]!);
		return source[col] ?? null;
	}

	onEdits(edits: GridEdit[], reason: 'user' | 'replay'): void {
		const changes: Change[] = [];
		for (const e of edits) {
			const c = this.column(e.col);
			if (!c) continue;
			if (c.level === CITY_CODE && c.year === BASELINE_YEAR && c.field === 'value') {
				showCityBaseline(this.engine, e.row, e.after);
			}
			const before = this.#stored(e.row, e.col);
			if (before === e.after) continue;
			changes.push({ row: e.row, col: e.col, before, after: e.after });
		}
		if (!changes.length) return;
		if (reason === 'user') {
			// A comparator set alongside its value (typed `>99`) belongs to the same step.
			const last = this.history.last();
			const pairs =
				last &&
				changes.every((c) => this.column(c.col)?.field === 'comparator') &&
				last.some((l) => l.row === changes[0]!.row);
			if (pairs && last) last.push(...changes);
			else this.history.push(changes);
		}
		const run = () => this.#persist();
		this.#queue = this.#queue.then(run, run);
	}

	/** Rebuilds the affected series from the grid's current content and stores them together. */
	async #persist(): Promise<void> {
		const source = this.port?.source();
		if (!source) return;
		const drafts: Series[] = [];
		planIndicators.forEach((indicator, row) => {
			for (const level of ['620700', '620000'] as const) {
				for (const kind of ['actual', 'target'] as const) {
					const years = kind === 'actual' ? [2020] : [2025, 2035];
					const stored = this.workbook.getSeries(level, indicator.code, kind);
					const cells: Record<string, Cell> = { ...(stored?.cells ?? {}) };
					for (const year of years) {
						const v = source[row]?.[targetColumn(level, year, 'value')];
						if (typeof v !== 'number') {
							delete cells[String(year)];
							continue;
						}
						// The three columns as one text the plan would write (`>99 (优质均衡)`), through
						// the same check as typing it: one route from the grid to a stored cell.
						// The 2020 baseline has no comparator column.
						const cmpText = kind === 'target' ? source[row]?.[targetColumn(level, year, 'comparator')] : null;
						const cmp =
							kind === 'target' ? checkComparator(typeof cmpText === 'string' ? cmpText : '') : null;
						const q = textFromContent(source[row]?.[targetColumn(level, year, 'qualifier')]);
						const text = targetText(v, cmp?.ok ? cmp.comparator : '>=', q);
						const verdict = checkFigure(this.#figureContext(level, year, indicator), text);
						if (!verdict.ok || !verdict.cell) continue;
						const cell = verdict.cell;
						cells[String(year)] = cell;
					}
					if (JSON.stringify(cells) !== JSON.stringify(stored?.cells ?? {})) {
						drafts.push({
							regionCode: level,
							indicatorCode: indicator.code,
							kind,
							cells,
							note: stored?.note ?? '',
							updatedAt: 0
						});
					}
				}
			}
		});
		if (drafts.length === 0) return;
		try {
			await this.workbook.writeSeries(drafts);
		} catch {
			this.port?.load(this.content());
			planIndicators.forEach((indicator, row) => {
				const stored = this.workbook.getSeries(CITY_CODE, indicator.code, 'actual');
				showCityBaseline(this.engine, row, cellContent(stored?.cells[String(BASELINE_YEAR)]));
			});
		}
	}

	undo(): void {
		const entry = this.history.takeUndo();
		if (!entry) return void (this.message = { kind: 'info', text: this.locale.t('undo.nothing') });
		this.port?.setCells(entry.map((c) => ({ row: c.row, col: c.col, content: c.before })));
	}

	redo(): void {
		const entry = this.history.takeRedo();
		if (!entry) return void (this.message = { kind: 'info', text: this.locale.t('redo.nothing') });
		this.port?.setCells(entry.map((c) => ({ row: c.row, col: c.col, content: c.after })));
	}

	settled(): Promise<unknown> {
		return this.#queue;
	}

	/** Another tab changed the stored workbook: show what is stored now, without history. */
	reloadFromStorage(): void {
		this.history.clear();
		this.port?.load(this.content());
		this.message = { kind: 'info', text: this.locale.t('sync.reloaded') };
	}

	relabel(): void {
		this.port?.load(this.content());
	}
}
