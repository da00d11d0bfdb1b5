// A region sheet's rows as the planner changes them: own indicators added, renamed, deleted
// (and brought back by undo), the plan's commitment rows taken up or put away. A row inserted or
// removed moves the rows below it, and with them every formula that refers to them, in every
// region's sheet: those are stored again as the engine rewrote them.
import { OWN_INDICATORS_MAX } from '$lib/core/limits';
import { checkText } from '$lib/core/cell-check';
import { cellRefusalText } from '$lib/i18n/cell-refusal-text';
import { sheetRegions } from '$lib/core/plan';
import type { Direction, OwnIndicator, Series } from '$lib/core/model';
import {
	COL_NAME,
	COL_UNIT,
	COMPARISON_COLUMNS,
	columnOfYear,
	regionRowContent,
	textContent,
	type RawContent
} from '$lib/engine/sheet-layout';
import type { GridEdit, GridPort } from '$lib/grid/contract';
import type { DeletedIndicator } from '$lib/storage/indicators-table';
import type { Locale } from '$lib/i18n/locale.svelte';
import type { CellChange, UndoEntry } from '$lib/core/undo-entry';
import { regionRows, regionSheetName } from './engine-inputs';
import type { UndoHistory } from './undo-history.svelte';
import type { RowIndicator, Workbook } from './workbook.svelte';
import type { SheetEngine, SheetMessageState } from './region-sheet.svelte';

/** What the row changes use of the sheet they belong to (RegionSheet). */
export interface RowChangeHost {
	readonly workbook: Workbook;
	readonly regionCode: string;
	readonly locale: Locale;
	readonly engine: SheetEngine;
	readonly history: UndoHistory<UndoEntry>;
	readonly port: GridPort | undefined;
	rows: RowIndicator[];
	message: SheetMessageState | null;
	/** Runs after the sheet's writes queued so far (one write at a time). */
	enqueue(task: () => Promise<void>): Promise<void>;
	/** Says a change failed (nothing written), in the catalog's words. */
	failed(e: unknown): void;
	rowOf(indicatorCode: string): number;
}

export class SheetRowChanges {
	readonly #host: RowChangeHost;

	constructor(host: RowChangeHost) {
		this.#host = host;
	}

	async addIndicator(draft: { nameZh: string; unit: string; direction: Direction }): Promise<void> {
		// The same limits as an import's (core/limits.ts), refused before anything is written.
		const own = this.#host.rows.filter((r) => r.own).length;
		if (own >= OWN_INDICATORS_MAX) {
			this.#host.message = {
				kind: 'error',
				text: this.#host.locale.t('error.own-indicator-limit', { max: OWN_INDICATORS_MAX })
			};
			return;
		}
		const name = checkText('name', draft.nameZh);
		const unit = checkText('unit', draft.unit);
		const refused = !name.ok ? name : !unit.ok ? unit : null;
		if (refused) {
			const where = this.#host.locale.t(refused.code === 'unit-too-long' ? 'grid.unit' : 'grid.indicator');
			this.#host.message = { kind: 'error', text: cellRefusalText(this.#host.locale, refused, where) };
			return;
		}
		await this.#host.enqueue(async () => {
			let indicator: OwnIndicator;
			try {
				indicator = await this.#host.workbook.addOwnIndicator(this.#host.regionCode, draft);
			} catch (e) {
				this.#host.failed(e);
				return;
			}
			this.#host.rows = this.#host.workbook.rowIndicators(this.#host.regionCode);
			const row = this.#host.rowOf(indicator.code);
			this.#host.engine.buildAllSheets();
			this.#host.port?.insertRow(row, this.#rowContent(row));
			this.#host.history.push({ kind: 'add-row', indicator });
		});
	}

	async renameIndicator(code: string, nameZh: string, unit: string): Promise<void> {
		const row = this.#host.rowOf(code);
		if (row < 0) return;
		const edits: GridEdit[] = [
			{ row, col: COL_NAME, after: textContent(nameZh) },
			{ row, col: COL_UNIT, after: textContent(unit) }
		];
		this.#host.port?.setCells(edits.map((e) => ({ row: e.row, col: e.col, content: e.after })));
		// setCells replays without history; record this rename as one undoable step.
		const changes: CellChange[] = [];
		const r = this.#host.rows[row];
		if (!r?.own) return;
		if (r.own.nameZh !== nameZh)
			changes.push({
				indicatorCode: code,
				col: COL_NAME,
				before: textContent(r.own.nameZh),
				after: textContent(nameZh)
			});
		if (r.own.unit !== unit)
			changes.push({
				indicatorCode: code,
				col: COL_UNIT,
				before: textContent(r.own.unit),
				after: textContent(unit)
			});
		if (changes.length) this.#host.history.push({ kind: 'cells', changes });
	}

	async deleteIndicator(code: string): Promise<void> {
		const row = this.#host.rowOf(code);
		await this.#host.enqueue(async () => {
			let deleted: DeletedIndicator | undefined;
			try {
				deleted = await this.removeRow(code);
			} catch (e) {
				this.#host.failed(e);
				return;
			}
			if (deleted) {
				this.#host.history.push({ kind: 'delete-row', deleted, row });
				this.#host.message = {
					kind: 'info',
					text: this.#host.locale.t('indicator.deleted', { name: deleted.indicator.nameZh })
				};
			}
		});
	}

	async removeRow(code: string): Promise<DeletedIndicator | undefined> {
		const row = this.#host.rowOf(code);
		const deleted = await this.#host.workbook.deleteOwnIndicator(this.#host.regionCode, code);
		if (!deleted) return undefined;
		this.#host.rows = this.#host.workbook.rowIndicators(this.#host.regionCode);
		this.#host.engine.buildAllSheets();
		if (row >= 0) this.#host.port?.removeRow(row);
		await this.#storeShiftedFormulas();
		return deleted;
	}

	async restoreRow(deleted: DeletedIndicator, row: number): Promise<void> {
		await this.#host.workbook.restoreOwnIndicator(deleted);
		this.#host.rows = this.#host.workbook.rowIndicators(this.#host.regionCode);
		this.#host.engine.buildAllSheets();
		const at = this.#host.rowOf(deleted.indicator.code);
		this.#host.port?.insertRow(at >= 0 ? at : row, this.#rowContent(at >= 0 ? at : row));
		await this.#storeShiftedFormulas();
	}

	/** Whether the county took up the plan's commitment rows (FIN01…), or they hold figures. */
	get hasCommitments(): boolean {
		return this.#host.workbook.hasCommitments(this.#host.regionCode);
	}

	/**
	 * Turns the commitment rows on (inserted after the nine, so formulas that refer to the
	 * rows below move with them, as on an inserted row in Excel) or off. Off is refused while
	 * the rows hold a figure: a figure is never hidden; the planner clears it first.
	 */
	async setCommitmentsTakenUp(on: boolean): Promise<void> {
		await this.#host.enqueue(async () => {
			const figures = this.#host.workbook.commitmentFigureCount(this.#host.regionCode);
			if (!on && figures > 0) {
				const first = this.#host.rows.find(
					(r) => r.commitment && this.#firstYearOf(r.indicator.code) !== null
				);
				this.#host.message = {
					kind: 'error',
					text: this.#host.locale.t('commitments.cannotHide', {
						count: figures,
						code: first?.indicator.code ?? '',
						year: first ? (this.#firstYearOf(first.indicator.code) ?? '') : ''
					})
				};
				return;
			}
			const before = this.#host.rows;
			try {
				await this.#host.workbook.setCommitmentsTakenUp(this.#host.regionCode, on);
			} catch (e) {
				this.#host.failed(e);
				return;
			}
			this.#host.rows = this.#host.workbook.rowIndicators(this.#host.regionCode);
			this.#host.engine.buildAllSheets();
			const codes = (rows: readonly RowIndicator[]) => rows.map((r) => r.indicator.code);
			const had = codes(before);
			const has = codes(this.#host.rows);
			const added = this.#host.rows.flatMap((r, i) => (had.includes(r.indicator.code) ? [] : [i]));
			for (const i of added) this.#host.port?.insertRow(i, this.#rowContent(i));
			// A row inserted below an earlier one moved the earlier one's references (PAY01 → PAY02):
			// write the comparison formulas again, now that every row is in place.
			this.#host.port?.setCells(
				added.flatMap((i) => {
					const content = this.#rowContent(i);
					return COMPARISON_COLUMNS.map((c) => ({ row: i, col: c.col, content: content[c.col] ?? null }));
				})
			);
			const removed = before.flatMap((r, i) => (has.includes(r.indicator.code) ? [] : [i])).reverse();
			for (const i of removed) this.#host.port?.removeRow(i);
			await this.#storeShiftedFormulas();
			this.#host.message = {
				kind: 'info',
				text: this.#host.locale.t(on ? 'commitments.shown' : 'commitments.hidden')
			};
		});
	}

	#firstYearOf(code: string): string | null {
		const years = Object.keys(
			this.#host.workbook.getSeries(this.#host.regionCode, code, 'actual')?.cells ?? {}
		);
		return years.length ? years.sort()[0]! : null;
	}

	#rowContent(row: number): RawContent[] {
		const input = regionRows(this.#host.workbook, this.#host.regionCode, this.#host.locale.lang)[row];
		if (!input) throw new Error(`no row ${row}`);
		return regionRowContent(input, row);
	}

	/**
	 * Removing or inserting a row moves the rows below it; the engine rewrites every formula
	 * that refers to them, in this county's sheet and in any other region's sheet that points
	 * here. Store the rewritten sources so a reload computes the same values.
	 */
	async #storeShiftedFormulas(): Promise<void> {
		const drafts: Series[] = [];
		for (const region of sheetRegions) {
			const source = this.#host.engine.sheetSource(regionSheetName(region.code));
			this.#host.workbook.rowIndicators(region.code).forEach((r, i) => {
				const stored = this.#host.workbook.getSeries(region.code, r.indicator.code, 'actual');
				if (!stored) return;
				let changed = false;
				const cells = { ...stored.cells };
				for (const [year, cell] of Object.entries(stored.cells)) {
					if (cell.t !== 'f') continue;
					const now = source[i]?.[columnOfYear(Number(year))];
					if (typeof now === 'string' && now !== cell.f && now.startsWith('=')) {
						cells[year] = { t: 'f', f: now };
						changed = true;
					}
				}
				if (changed) drafts.push({ ...stored, cells });
			});
		}
		if (drafts.length) await this.#host.workbook.writeSeries(drafts, 'formula-shift');
	}
}
