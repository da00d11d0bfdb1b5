// Stage 7: files → one checked import plan. Nothing here writes; applying the plan is
// storage's job.
import { fileSource } from '../metadata';
import { seriesIndex, type WorkbookSnapshot } from '../snapshot';
import { diff, indicatorChanges, warnFractions } from './diff';
import { refuseContradicted } from './conflicts';
import { countLines, readFile } from './merge';
import type { Context, FileReading, ImportPlan, PlanOptions, Progress, RowIssue, TextFile } from './types';

/**
 * Read files against the workbook and say what importing them would do. Rows refused
 * are listed and left out; everything else is in `changes`, ready to apply as one.
 */
export function planImport(
	files: readonly TextFile[],
	snapshot: WorkbookSnapshot,
	options: Progress | PlanOptions = {}
): ImportPlan {
	const { onProgress, badFormulas = new Set<string>() } =
		typeof options === 'function' ? { onProgress: options } : options;
	const ownCounts = new Map<string, number>();
	for (const c of snapshot.ownIndicators) ownCounts.set(c.regionCode, (ownCounts.get(c.regionCode) ?? 0) + 1);
	const ctx: Context = {
		ownIndicators: new Map(snapshot.ownIndicators.map((c) => [`${c.regionCode}|${c.code}`, c])),
		incomingIndicators: new Map(),
		series: new Map(),
		rejected: [],
		warnings: [],
		rejectedRows: new Map(),
		rejectedFileRows: new Map(),
		givers: new Map(),
		ownCounts,
		badFormulas
	};
	const total = files.reduce((n, f) => n + f.text.length, 0);
	let done = 0;
	const readings = files.map((f, i): FileReading => {
		if (f.refused)
			return {
				layout: null,
				delimiter: '',
				rows: 0,
				problems: [{ code: f.refused, params: f.refusedParams ?? {}, fatal: true }],
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
