// The workbook's import part: a previewed import applied in one transaction (its figures,
// own indicators, history, the record of each file, and the snapshot that undoes it after a
// reload), then taken into the in-memory copy; and the same import taken back. The Workbook
// (workbook.svelte.ts) keeps its public methods and hands this part what it needs.
import { seriesKey, type OwnIndicator, type Series } from '$lib/core/model';
import type { WorkbookDb } from '$lib/storage/db';
import type { ReplacedFigure } from '$lib/storage/cell-writes';
import { applyImportWrites, undoImportWrites, type ImportUndo } from '$lib/storage/exchange';
import { measureSince } from '$lib/storage/measure';
import { getBackupSettings } from '$lib/storage/backup/device';
import type { FileInfo, ImportPlan } from '$lib/core/exchange/import';
// The stage itself, not the pipeline's index: the index reaches the CSV reader (papaparse)
// and the encoding guesser (chardet), which would then ride on every page with this state.
import { importWrites } from '$lib/core/exchange/import/writes';
import { importRecordsOf, type ImportRecord } from '$lib/core/exchange/import-record';

/** What the import part needs of the workbook: its database, its write guard, its copy. */
export interface ImportHost {
	db(): WorkbookDb;
	/** The name the history records. */
	editorName(): string;
	readonly series: Map<string, Series>;
	readonly ownIndicators: Map<string, OwnIndicator>;
	/** Runs a write as every write of the workbook is run (counted, its failure kept, tabs told). */
	guard<T>(write: () => Promise<T>, replacedOf?: (out: T) => readonly ReplacedFigure[]): Promise<T>;
	/** The files applied, added to the import history shown. */
	addImports(records: readonly ImportRecord[]): void;
	/** Everything read again from the database. */
	readAll(): Promise<void>;
}

export class WorkbookImport {
	readonly #host: ImportHost;

	constructor(host: ImportHost) {
		this.#host = host;
	}

	/**
	 * Writes a previewed import as one transaction, with a history record per file read
	 * (`files` as the preview listed them); what it returns takes it back.
	 */
	async apply(plan: ImportPlan, files: readonly FileInfo[] = []): Promise<ImportUndo> {
		const host = this.#host;
		const t = performance.now();
		const { keepSnapshots } = await getBackupSettings(host.db());
		const snapshot = {
			reason: 'import' as const,
			label: files.map((f) => f.name).join('、'),
			keep: keepSnapshots
		};
		// The plan is plain data (the worker's, never a $state proxy): handed to the storage as
		// it is, whose rows are the very objects IndexedDB copies once.
		const result = await host.guard(
			() =>
				applyImportWrites(
					host.db(),
					{ ...importWrites(plan), imports: importRecordsOf(plan, files) },
					Date.now(),
					{ who: host.editorName(), snapshot }
				),
			(out) => out.replaced
		);
		measureSince('storage', t);
		const t2 = performance.now();
		for (const c of result.indicators) host.ownIndicators.set(`${c.regionCode}|${c.code}`, c);
		for (const s of result.series) host.series.set(seriesKey(s), s);
		host.addImports(result.imports);
		measureSince('state', t2);
		return result.undo;
	}

	/** Takes an import back (refused when any figure it wrote was changed since). */
	async undo(undo: ImportUndo): Promise<void> {
		const host = this.#host;
		await host.guard(() => undoImportWrites(host.db(), undo, host.editorName()));
		await host.readAll();
	}
}
