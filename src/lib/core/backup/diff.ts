// What a restore would change, region by region, in the import preview's terms: figures
// (and notes) new, changed, removed or unchanged, plus the other tables' row counts.
import { sameCell } from '../exchange/snapshot';
import { seriesKey, type Cell, type OwnIndicator, type Series } from '../model';
import { planRegions } from '../plan';
import type { BackupContent } from './envelope';
import { canonicalJson } from './canonical';

export interface RegionDiff {
	regionCode: string;
	added: number;
	changed: number;
	removed: number;
	unchanged: number;
}

export interface TableDiff {
	table: string;
	current: number;
	incoming: number;
	/** Rows (by their JSON) present in both. */
	same: number;
}

export interface RestoreDiff {
	regions: RegionDiff[];
	tables: TableDiff[];
	/** True when applying would change nothing at all. */
	identical: boolean;
}

type Slot = Cell | { note: string };

function slots(s: Series | undefined): Map<string, Slot> {
	const out = new Map<string, Slot>();
	if (!s) return out;
	for (const [year, cell] of Object.entries(s.cells)) out.set(year, cell);
	if (s.note) out.set('note', { note: s.note });
	return out;
}

function same(a: Slot, b: Slot): boolean {
	if ('note' in a || 'note' in b) return 'note' in a && 'note' in b && a.note === b.note;
	return sameCell(a, b);
}

function byKey(rows: readonly Series[]): Map<string, Series> {
	return new Map(rows.map((s) => [seriesKey(s), s]));
}

export function diffContent(current: BackupContent, incoming: BackupContent): RestoreDiff {
	const before = byKey((current.tables.series ?? []) as Series[]);
	const after = byKey((incoming.tables.series ?? []) as Series[]);
	const regions = new Map<string, RegionDiff>();
	const region = (code: string) => {
		let r = regions.get(code);
		if (!r) regions.set(code, (r = { regionCode: code, added: 0, changed: 0, removed: 0, unchanged: 0 }));
		return r;
	};
	for (const key of new Set([...before.keys(), ...after.keys()])) {
		const a = slots(before.get(key));
		const b = slots(after.get(key));
		const code = (before.get(key) ?? after.get(key))!.regionCode;
		for (const slot of new Set([...a.keys(), ...b.keys()])) {
			const x = a.get(slot);
			const y = b.get(slot);
			const r = region(code);
			if (x && y) r[same(x, y) ? 'unchanged' : 'changed']++;
			else if (y) r.added++;
			else r.removed++;
		}
	}
	const order = planRegions.map((r) => r.code);
	const regionList = [...regions.values()]
		.filter((r) => r.added + r.changed + r.removed + r.unchanged > 0)
		.sort((a, b) => order.indexOf(a.regionCode) - order.indexOf(b.regionCode));

	const tables: TableDiff[] = [];
	for (const table of new Set([...Object.keys(current.tables), ...Object.keys(incoming.tables)])) {
		if (table === 'series') continue;
		const x = (current.tables[table] ?? []).map(rowText(table));
		const y = new Set((incoming.tables[table] ?? []).map(rowText(table)));
		tables.push({
			table,
			current: x.length,
			incoming: y.size,
			same: x.filter((t) => y.has(t)).length
		});
	}
	const identical =
		regionList.every((r) => r.added + r.changed + r.removed === 0) &&
		tables.every((t) => t.same === t.current && t.same === t.incoming);
	return { regions: regionList, tables, identical };
}

/** Own indicators compare without their edit stamp: a restored order or name is what counts. */
function rowText(table: string) {
	return (row: unknown) => {
		if (table === 'indicators') {
			const { updatedAt: _stamp, ...rest } = row as OwnIndicator;
			return canonicalJson(rest);
		}
		return canonicalJson(row);
	};
}
