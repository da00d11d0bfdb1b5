// The start page's county cards (cells filled, last edited) read straight from IndexedDB,
// without Dexie or the schemas: the cards then show with about a third of the script the
// workbook needs (docs/benchmarks.md). Read-only, and never the one to create or upgrade
// the database: Dexie (db.ts, open.ts) alone does that.
//
// It answers only for a database it knows exactly: the schema version below, the stores and
// key paths as db.ts declares them, and every record it counts shaped as the schemas
// (core/model.ts) require. Anything else (no database yet, another version, a record the
// workbook would read around as damaged) answers null, and the page uses the workbook's own
// summary instead, so a card never shows a figure the workbook would not.
import type { OwnIndicator, Series } from '../core/model';

/**
 * core/limits.ts's numbers, copied (summary-reader.test.ts holds them equal): imported, they
 * brought the chunk the bundler shares them in (zod and the core, 17 KB gzipped) along.
 */
export const LIMITS = {
	NOTE_MAX: 2000,
	NAME_MAX: 200,
	UNIT_MAX: 20,
	QUALIFIER_MAX: 40,
	FIGURE_NOTE_MAX: 500,
	MAX_FORMULA_LENGTH: 2000
} as const;
const { NOTE_MAX, NAME_MAX, UNIT_MAX, QUALIFIER_MAX, FIGURE_NOTE_MAX, MAX_FORMULA_LENGTH } = LIMITS;

/** The database's name (db.ts DEFAULT_DB_NAME; not imported, which would bring Dexie along). */
const DB_NAME = 'zhangye-edu2035';
/**
 * Where each schema version this reader knows keeps the counties' own indicators (db.ts;
 * IndexedDB's version is Dexie's × 10): v10 one record per indicator, v11 one record per
 * county holding them all (storage/indicator-sets.ts). A test holds db.ts's SCHEMA_VERSION
 * among them: a new version must be looked at here before the reader is trusted with it.
 */
const OWN_STORES: Record<number, { store: string; keyPath: string | string[]; sets: boolean }> = {
	10: { store: 'indicators', keyPath: ['regionCode', 'code'], sets: false },
	11: { store: 'ownIndicatorSets', keyPath: 'regionCode', sets: true }
};
export const KNOWN_SCHEMA_VERSIONS: readonly number[] = Object.keys(OWN_STORES).map(Number);
const SERIES_KEY_PATH = ['regionCode', 'indicatorCode', 'kind'];

export interface RegionSummary {
	filled: number;
	lastEdited: number | null;
}

export interface SummaryReaderOptions {
	indexedDB?: IDBFactory;
	name?: string;
}

const REGION = /^\d{6}$/;
const CODE = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
const YEAR = /^\d{4}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isText = (v: unknown, max: number, min = 0): boolean =>
	typeof v === 'string' && v.length >= min && v.length <= max;
// zod's z.int() is a safe integer.
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

/** core/model.ts cellSchema, as checks. */
function isCell(c: unknown): boolean {
	if (!isRecord(c)) return false;
	if (c.t === 'n')
		return (
			typeof c.v === 'number' &&
			Number.isFinite(c.v) &&
			(c.cmp === undefined || c.cmp === '>' || c.cmp === '>=') &&
			(c.q === undefined || isText(c.q, QUALIFIER_MAX))
		);
	if (c.t === 'f') return typeof c.f === 'string' && c.f.startsWith('=') && c.f.length <= MAX_FORMULA_LENGTH;
	if (c.t === 'b') return typeof c.v === 'boolean';
	return false;
}

function isYearMap(v: unknown, each: (x: unknown) => boolean): v is Record<string, unknown> {
	if (!isRecord(v)) return false;
	for (const [year, x] of Object.entries(v)) if (!YEAR.test(year) || !each(x)) return false;
	return true;
}

/** core/model.ts seriesSchema, as checks: a record it refuses is refused here too. */
export function isSeriesRecord(r: unknown): r is Series {
	return (
		isRecord(r) &&
		typeof r.regionCode === 'string' &&
		REGION.test(r.regionCode) &&
		typeof r.indicatorCode === 'string' &&
		CODE.test(r.indicatorCode) &&
		(r.kind === 'actual' || r.kind === 'target') &&
		isYearMap(r.cells, isCell) &&
		(r.note === undefined || isText(r.note, NOTE_MAX)) &&
		(r.notes === undefined || isYearMap(r.notes, (n) => isText(n, FIGURE_NOTE_MAX, 1))) &&
		isCount(r.updatedAt)
	);
}

/** core/model.ts ownIndicatorSchema, as checks. */
export function isOwnIndicatorRecord(r: unknown): r is OwnIndicator {
	return (
		isRecord(r) &&
		typeof r.code === 'string' &&
		CODE.test(r.code) &&
		isText(r.nameZh, NAME_MAX, 1) &&
		isText(r.nameEn, NAME_MAX) &&
		isText(r.unit, UNIT_MAX) &&
		(r.direction === 'higher' || r.direction === 'lower') &&
		Number.isSafeInteger(r.precision) &&
		(r.precision as number) >= 0 &&
		(r.precision as number) <= 6 &&
		(r.countyMeasure === undefined || r.countyMeasure === 'value' || r.countyMeasure === 'certified') &&
		typeof r.regionCode === 'string' &&
		REGION.test(r.regionCode) &&
		isCount(r.order) &&
		(r.updatedAt === undefined || isCount(r.updatedAt))
	);
}

/**
 * Every region's summary as Workbook.summary computes it (state/workbook.svelte.ts), or null
 * when any record is not one the schemas accept (the workbook would read around it).
 */
export function summarize(
	seriesRows: readonly unknown[],
	indicatorRows: readonly unknown[]
): Map<string, RegionSummary> | null {
	const out = new Map<string, RegionSummary>();
	const of = (code: string): RegionSummary => {
		let s = out.get(code);
		if (!s) out.set(code, (s = { filled: 0, lastEdited: null }));
		return s;
	};
	for (const r of seriesRows) {
		if (!isSeriesRecord(r)) return null;
		if (r.kind !== 'actual') continue;
		const s = of(r.regionCode);
		const n = Object.keys(r.cells).length;
		s.filled += n;
		if (n > 0 || r.note) s.lastEdited = Math.max(s.lastEdited ?? 0, r.updatedAt);
	}
	for (const r of indicatorRows) {
		if (!isOwnIndicatorRecord(r)) return null;
		const s = of(r.regionCode);
		s.lastEdited = Math.max(s.lastEdited ?? 0, r.updatedAt ?? 0);
	}
	// Workbook.summary reads 0 as never edited.
	for (const s of out.values()) s.lastEdited = s.lastEdited || null;
	return out;
}

/** The summary of a region the reader found nothing for, as the workbook gives it. */
export const EMPTY_SUMMARY: RegionSummary = { filled: 0, lastEdited: null };

function sameKeyPath(store: IDBObjectStore, expected: string | readonly string[]): boolean {
	const path = store.keyPath;
	if (typeof expected === 'string') return path === expected;
	return Array.isArray(path) && path.length === expected.length && path.every((p, i) => p === expected[i]);
}

/**
 * v11's per-county records as v10's rows, or null when the workbook would list any part as
 * damaged (a record without its list, an indicator of another county) or keep one of two
 * rows of the same code (its map holds one per region and code).
 */
export function rowsOfSets(sets: readonly unknown[]): unknown[] | null {
	const rows: unknown[] = [];
	for (const set of sets) {
		if (!isRecord(set) || typeof set.regionCode !== 'string' || !Array.isArray(set.indicators)) return null;
		const codes = new Set<unknown>();
		for (const row of set.indicators) {
			if (!isRecord(row) || row.regionCode !== set.regionCode || codes.has(row.code)) return null;
			codes.add(row.code);
			rows.push(row);
		}
	}
	return rows;
}

/**
 * Reads every region's summary, or null when the page must ask the workbook (no database,
 * an unknown version or shape, IndexedDB unavailable or failing). Never throws.
 */
export async function readSummaries(
	options: SummaryReaderOptions = {}
): Promise<Map<string, RegionSummary> | null> {
	const factory = options.indexedDB ?? globalThis.indexedDB;
	const name = options.name ?? DB_NAME;
	try {
		// Opening a database that does not exist would create it: ask first.
		if (!factory || typeof factory.databases !== 'function') return null;
		const found = (await factory.databases()).find((d) => d.name === name);
		if (!found || !KNOWN_SCHEMA_VERSIONS.includes((found.version ?? 0) / 10)) return null;
		const db = await openExisting(factory, name);
		if (!db) return null;
		try {
			return await readAll(db);
		} finally {
			db.close();
		}
	} catch {
		return null;
	}
}

/** Opens at whatever version is on disk; never creates (a vanished database aborts). */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
	return new Promise((resolve) => {
		let created = false;
		const req = factory.open(name);
		req.onupgradeneeded = () => {
			// Deleted since databases() answered: abort, so this creates nothing.
			created = true;
			req.transaction?.abort();
		};
		req.onsuccess = () => {
			const db = req.result;
			if (!KNOWN_SCHEMA_VERSIONS.includes(db.version / 10)) {
				db.close();
				resolve(null);
				return;
			}
			resolve(db);
		};
		req.onerror = (ev) => {
			if (created) ev.preventDefault();
			resolve(null);
		};
		req.onblocked = () => resolve(null);
	});
}

function readAll(db: IDBDatabase): Promise<Map<string, RegionSummary> | null> {
	return new Promise((resolve) => {
		const own = OWN_STORES[db.version / 10];
		const names = ['series', own?.store ?? 'indicators', 'meta'];
		if (!own || !names.every((n) => db.objectStoreNames.contains(n))) {
			resolve(null);
			return;
		}
		const tx = db.transaction(names, 'readonly');
		// Another tab upgrades or deletes the database: step aside at once, never block it.
		db.onversionchange = () => {
			try {
				tx.abort();
			} catch {
				// already finished
			}
			db.close();
			resolve(null);
		};
		const series = tx.objectStore('series');
		const indicators = tx.objectStore(own.store);
		if (!sameKeyPath(series, SERIES_KEY_PATH) || !sameKeyPath(indicators, own.keyPath)) {
			tx.abort();
			resolve(null);
			return;
		}
		const seriesReq = series.getAll();
		const indicatorsReq = indicators.getAll();
		// Not yet seeded (a first open cut short): the workbook's open adds the plan's rows.
		const seededReq = tx.objectStore('meta').count('seededAt');
		tx.oncomplete = () => {
			const rows = own.sets ? rowsOfSets(indicatorsReq.result) : indicatorsReq.result;
			resolve(seededReq.result === 1 && rows ? summarize(seriesReq.result, rows) : null);
		};
		tx.onerror = () => resolve(null);
		tx.onabort = () => resolve(null);
	});
}
