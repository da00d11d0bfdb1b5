// Stage 6: the merged series against the workbook → changes, per-region counts, warnings
// that need the stored figures, and the own indicators to define.
import { seriesKey, type Cell, type Series } from '../../model';
import { checkedOwnIndicator } from '../../own-indicator-check';
import { planIndicator } from '../../plan';
import { decimalsOf, roundTo } from '../../compare';
import { plainDecimal } from '../../decimal';
import { sameCell, seriesIndex, type WorkbookSnapshot } from '../snapshot';
import { norm } from './rows';
import type {
	CellChange,
	Context,
	FileRegionSummary,
	IndicatorChange,
	RegionSummary,
	SeriesChange
} from './types';

/** 0.9951 in a percent row whose other figures are like 99.4: probably 99.51 meant. */
export function warnFractions(ctx: Context, all: Map<string, Series>): void {
	for (const s of ctx.series.values()) {
		const unit =
			planIndicator(s.indicatorCode)?.unit ??
			ctx.incomingIndicators.get(`${s.regionCode}|${s.indicatorCode}`)?.unit ??
			'';
		if (norm(unit) !== '%') continue;
		// Only a figure in (0, 1] can be a fraction meant as a percent: most series hold none.
		let fractions = false;
		for (const c of s.cells.values()) if (c.cell.t === 'n' && c.cell.v > 0 && c.cell.v <= 1) fractions = true;
		if (!fractions) continue;
		const stored = all.get(seriesKey(s))?.cells ?? {};
		const figures = new Map<string, number>();
		for (const [year, c] of Object.entries(stored)) if (c.t === 'n') figures.set(year, c.v);
		for (const [year, c] of s.cells) if (c.cell.t === 'n') figures.set(year, c.cell.v);
		for (const [year, c] of s.cells) {
			if (c.cell.t !== 'n' || c.cell.v <= 0 || c.cell.v > 1) continue;
			const neighbours = [...figures].filter(([y, v]) => y !== year && v > 10);
			if (neighbours.length === 0) continue;
			const meant = roundTo(c.cell.v * 100, Math.max(0, decimalsOf(c.cell.v) - 2));
			ctx.warnings.push({
				file: c.file,
				row: c.row,
				column: year,
				code: 'fraction-percent',
				params: {
					text: plainDecimal(c.cell.v),
					meant: plainDecimal(meant),
					neighbour: plainDecimal(neighbours[0]![1])
				}
			});
		}
	}
}

/**
 * Years in order. The keys are always four-digit years (String(year), 2020–2035), for which
 * code-unit order is the order localeCompare gave, at a fraction of its cost.
 */
const byYear = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

export function diff(
	ctx: Context,
	snapshot: WorkbookSnapshot
): { changes: SeriesChange[]; regions: RegionSummary[]; fileRegions: FileRegionSummary[] } {
	const stored = seriesIndex(snapshot);
	const changes: SeriesChange[] = [];
	const regions = new Map<string, RegionSummary>();
	const summary = (code: string) => {
		let s = regions.get(code);
		if (!s) regions.set(code, (s = { regionCode: code, added: 0, changed: 0, unchanged: 0, rejected: 0 }));
		return s;
	};
	const perFile = new Map<string, FileRegionSummary>();
	let last: FileRegionSummary | null = null;
	const fileSummary = (file: number, code: string) => {
		// Asked per cell, and a series' cells mostly come from one file: no key string then.
		if (last && last.file === file && last.regionCode === code) return last;
		const key = `${file}|${code}`;
		let s = perFile.get(key);
		if (!s) {
			s = { file, regionCode: code, added: 0, changed: 0, unchanged: 0, rejected: 0 };
			perFile.set(key, s);
		}
		return (last = s);
	};
	for (const s of ctx.series.values()) {
		const before = stored.get(seriesKey(s));
		const cells: Record<string, Cell> = { ...(before?.cells ?? {}) };
		const change: SeriesChange = {
			regionCode: s.regionCode,
			indicatorCode: s.indicatorCode,
			kind: s.kind,
			before,
			after: { cells, note: before?.note ?? '', ...(before?.notes ? { notes: { ...before.notes } } : {}) },
			added: [],
			changed: [],
			unchanged: 0,
			noteChanged: false,
			figureNotesChanged: []
		};
		for (const [year, incoming] of [...s.figureNotes].sort(byYear)) {
			const old = before?.notes?.[year];
			if (old === incoming.text) continue;
			change.figureNotesChanged.push({
				year,
				before: old,
				after: incoming.text,
				file: incoming.file,
				row: incoming.row
			});
			change.after.notes = { ...(change.after.notes ?? {}), [year]: incoming.text };
		}
		for (const [year, incoming] of [...s.cells].sort(byYear)) {
			const old = before?.cells[year];
			const entry: CellChange = {
				year,
				before: old,
				after: incoming.cell,
				file: incoming.file,
				row: incoming.row
			};
			const fileSum = fileSummary(incoming.file, s.regionCode);
			if (!old) {
				change.added.push(entry);
				fileSum.added++;
			} else if (!sameCell(old, incoming.cell)) {
				change.changed.push(entry);
				fileSum.changed++;
			} else {
				change.unchanged++;
				fileSum.unchanged++;
			}
			cells[year] = incoming.cell;
		}
		if (s.note && s.note.text !== change.after.note) {
			change.after.note = s.note.text;
			change.noteChanged = true;
		}
		const sum = summary(s.regionCode);
		sum.added += change.added.length;
		sum.changed += change.changed.length;
		sum.unchanged += change.unchanged;
		if (
			change.added.length ||
			change.changed.length ||
			change.noteChanged ||
			change.figureNotesChanged.length
		)
			changes.push(change);
	}
	for (const [code, n] of ctx.rejectedRows) summary(code).rejected += n;
	for (const [key, n] of ctx.rejectedFileRows) {
		const cut = key.indexOf('|');
		fileSummary(Number(key.slice(0, cut)), key.slice(cut + 1)).rejected += n;
	}
	// Plan order by code; rows whose region could not be read go last.
	const rank = (code: string) => (code === '' ? 'z' : code);
	const byRegion = (a: RegionSummary, b: RegionSummary) =>
		rank(a.regionCode) < rank(b.regionCode) ? -1 : rank(a.regionCode) > rank(b.regionCode) ? 1 : 0;
	const sorted = [...regions.values()].sort(byRegion);
	const fileRegions = [...perFile.values()].sort((a, b) => a.file - b.file || byRegion(a, b));
	return { changes, regions: sorted, fileRegions };
}

export function indicatorChanges(ctx: Context, snapshot: WorkbookSnapshot): IndicatorChange[] {
	const out: IndicatorChange[] = [];
	const nextOrder = new Map<string, number>();
	for (const c of snapshot.ownIndicators) {
		nextOrder.set(c.regionCode, Math.max(nextOrder.get(c.regionCode) ?? 0, c.order + 1));
	}
	// Files' own indicators in the order the files list them, so rows keep their places
	// (and formulas that point at them keep pointing at the same rows).
	const incoming = [...ctx.incomingIndicators.values()].sort((a, b) => a.file - b.file || a.row - b.row);
	for (const i of incoming) {
		const key = `${i.regionCode}|${i.code}`;
		const before = ctx.ownIndicators.get(key);
		if (before && before.nameZh === i.nameZh && before.unit === i.unit && before.direction === i.direction) {
			continue;
		}
		let order = before?.order;
		if (order === undefined) {
			order = nextOrder.get(i.regionCode) ?? 0;
			nextOrder.set(i.regionCode, order + 1);
		}
		const after = checkedOwnIndicator({
			...(before ?? { direction: 'higher', precision: 2, nameEn: '', countyMeasure: 'value' }),
			regionCode: i.regionCode,
			code: i.code,
			nameZh: i.nameZh,
			unit: i.unit,
			direction: i.direction,
			order,
			updatedAt: before?.updatedAt ?? 0
		});
		out.push({ before, after });
	}
	return out;
}
