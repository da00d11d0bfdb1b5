// Stage 7: files → one checked import plan. Nothing here writes; applying the plan is
// storage's job.
import { seriesKey, type Series } from '../../model';
import { fileSource } from '../metadata';
import { seriesIndex, type WorkbookSnapshot } from '../snapshot';
import { diff, indicatorChanges, warnFractions } from './diff';
import { refuseContradicted } from './conflicts';
import { readFile } from './merge';
import type { Context, FileReading, ImportPlan, Progress, RowIssue, TextFile } from './types';

/**
 * Read files against the workbook and say what importing them would do. Rows refused
 * are listed and left out; everything else is in `changes`, ready to apply as one.
 */
export function planImport(
	files: readonly TextFile[],
	snapshot: WorkbookSnapshot,
	onProgress?: Progress
): ImportPlan {
	const ctx: Context = {
		ownIndicators: new Map(snapshot.customIndicators.map((c) => [`${c.regionCode}|${c.code}`, c])),
		incomingIndicators: new Map(),
		series: new Map(),
		rejected: [],
		warnings: [],
		rejectedRows: new Map(),
		rejectedFileRows: new Map(),
		givers: new Map()
	};
	const total = files.reduce((n, f) => n + f.text.length, 0);
	let done = 0;
	const readings = files.map((f, i): FileReading => {
		if (f.refused)
			return {
				layout: null,
				delimiter: '',
				rows: 0,
				problems: [{ code: f.refused, params: {}, fatal: true }],
				metadata: null,
				source: fileSource(null, f)
			};
		// Progress by characters read, reported every so many rows.
		const perRow = f.text.length / Math.max(1, countLines(f.text));
		let rows = 0;
		const reading = readFile(i, f, ctx, () => {
			if (++rows % 2000 === 0) onProgress?.(Math.min(total, done + rows * perRow), total);
		});
		done += f.text.length;
		onProgress?.(done, total);
		return reading;
	});
	refuseContradicted(ctx);
	const stored = seriesIndex(snapshot);
	warnFractions(ctx, stored);
	const { changes, regions, fileRegions } = diff(ctx, snapshot);
	const indicators = indicatorChanges(ctx, snapshot);
	const byPosition = (a: RowIssue, b: RowIssue) => a.file - b.file || a.row - b.row;
	return {
		files: readings,
		changes,
		indicators,
		regions,
		fileRegions,
		rejected: ctx.rejected.sort(byPosition),
		warnings: ctx.warnings.sort(byPosition),
		hasChanges: changes.length > 0 || indicators.length > 0
	};
}

function countLines(text: string): number {
	let n = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/** The workbook after the plan is applied: what storage writes, as plain data. */
export function applyPlan(snapshot: WorkbookSnapshot, plan: ImportPlan, now: number): WorkbookSnapshot {
	const series = seriesIndex(snapshot);
	for (const c of plan.changes) {
		const s: Series = {
			regionCode: c.regionCode,
			indicatorCode: c.indicatorCode,
			kind: c.kind,
			cells: c.after.cells,
			note: c.after.note,
			...(c.after.notes ? { notes: c.after.notes } : {}),
			updatedAt: now
		};
		series.set(seriesKey(s), s);
	}
	const own = new Map(snapshot.customIndicators.map((c) => [`${c.regionCode}|${c.code}`, c]));
	for (const i of plan.indicators)
		own.set(`${i.after.regionCode}|${i.after.code}`, { ...i.after, updatedAt: now });
	return { series: [...series.values()], customIndicators: [...own.values()] };
}
