// Stage 5b: one cell given differently by two rows (of one file or of two). Neither can be
// trusted over the other, so every row that gives that cell is refused, the first one too:
// it was already laid into the series when the contradicting row came, and is taken out
// again here, with whatever else it gave. The message for each says which row it
// contradicts; rows that gave the same figure are kept for their other cells only when
// they are not themselves part of a contradiction.
import { seriesKey, type Cell } from '../../model';
import { plainDecimal } from '../../decimal';
import type { Context, IncomingSeries } from './types';

export interface CellGiver {
	cell: Cell;
	file: number;
	row: number;
}

/** The rows that gave one cell after the first (which the series itself holds). */
export interface CellGivers {
	series: IncomingSeries;
	year: string;
	/** Rows that gave the same cell. */
	alike: CellGiver[];
	/** Rows that gave another: refused when they came. */
	other: CellGiver[];
}

export function cellText(cell: Cell): string {
	switch (cell.t) {
		case 'n':
			return (cell.cmp === '>' ? '>' : '') + plainDecimal(cell.v) + (cell.q ? ` (${cell.q})` : '');
		case 'f':
			return cell.f;
		case 'b':
			return cell.v ? '是' : '否';
	}
}

/** Note a row that gave a cell the series already has from an earlier row. */
export function noteGiver(
	ctx: Context,
	series: IncomingSeries,
	year: string,
	giver: CellGiver,
	how: 'alike' | 'other'
): void {
	const key = `${seriesKey(series)}|${year}`;
	let givers = ctx.givers.get(key);
	if (!givers) ctx.givers.set(key, (givers = { series, year, alike: [], other: [] }));
	givers[how].push(giver);
}

const rowKey = (g: { file: number; row: number }) => `${g.file}|${g.row}`;

/** Refuse the first and the agreeing givers of every contradicted cell, and take out what they gave. */
export function refuseContradicted(ctx: Context): void {
	const refused = new Map<string, { file: number; regionCode: string }>();
	const touched = new Set<IncomingSeries>();
	for (const g of ctx.givers.values()) {
		const first = g.series.cells.get(g.year);
		const against = g.other[0];
		if (!first || !against) continue;
		for (const giver of [first, ...g.alike]) {
			ctx.rejected.push({
				file: giver.file,
				row: giver.row,
				column: g.year,
				code: 'conflict',
				params: {
					year: g.year,
					text: cellText(giver.cell),
					other: cellText(against.cell),
					otherRow: against.row,
					otherFile: against.file
				}
			});
			refused.set(rowKey(giver), { file: giver.file, regionCode: g.series.regionCode });
		}
		touched.add(g.series);
	}
	if (refused.size === 0) return;
	for (const series of touched) {
		for (const [year, entry] of series.cells) {
			if (!refused.has(rowKey(entry))) continue;
			// Another row gave the same figure and is not refused: it stands.
			const next = ctx.givers.get(`${seriesKey(series)}|${year}`)?.alike.find((g) => !refused.has(rowKey(g)));
			if (next) series.cells.set(year, next);
			else series.cells.delete(year);
		}
		if (series.note && refused.has(rowKey(series.note))) series.note = null;
		for (const [year, note] of series.figureNotes) {
			if (refused.has(rowKey(note))) series.figureNotes.delete(year);
		}
	}
	for (const { file, regionCode } of refused.values()) {
		ctx.rejectedRows.set(regionCode, (ctx.rejectedRows.get(regionCode) ?? 0) + 1);
		const fileKey = `${file}|${regionCode}`;
		ctx.rejectedFileRows.set(fileKey, (ctx.rejectedFileRows.get(fileKey) ?? 0) + 1);
	}
}
