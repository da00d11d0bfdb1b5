// The backup file: the whole workbook in a versioned envelope with a sha256 of its content.
// Building and reading it are pure (Node tests them); storage supplies and takes the rows.
import { z } from 'zod/mini';
import { FIRST_YEAR, LAST_YEAR, indicatorKey, type Cell, type Indicator } from '../model';
import { planIndicator, regionByCode, regionMeasure } from '../plan';
import { checkFigure } from '../cell-check';
import { regionKinds } from '../exchange/snapshot';
import { canonicalJson, sha256Hex } from './canonical';
import { BACKUP_TABLE_SCHEMAS, LOCAL_TABLES, unknownRowSchema } from './tables';

export const BACKUP_KIND = 'zhangye-edu2035-workbook-backup';
/** Raise when the content's shape changes; a reader refuses files newer than it knows. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_SUFFIX = '.json';

/** Rows per table, exactly as the database holds them. */
export interface BackupContent {
	tables: Record<string, unknown[]>;
}

export interface BackupEnvelope {
	kind: typeof BACKUP_KIND;
	formatVersion: number;
	appVersion: string;
	createdAt: string;
	counts: Record<string, number>;
	sha256: string;
	content: BackupContent;
}

export type BackupProblem =
	| { code: 'not-json' }
	| { code: 'not-backup' }
	| { code: 'newer-format'; version: number }
	| { code: 'bad-envelope'; field: string }
	| { code: 'hash-mismatch' }
	| {
			code: 'bad-row';
			table: string;
			row: number;
			field: string;
			/** 'schema' (the row's shape), 'unknown-region', 'unknown-indicator', 'bad-kind',
			 *  'year-outside-workbook', or what the import's cell checks say. */
			reason: string;
			/** For a series record: whose figures they are, and the year when a cell is wrong, so
			 *  the message names them as the sheet does. */
			place?: { regionCode: string; indicatorCode: string; year?: string };
	  };

export type BackupReading = { ok: true; envelope: BackupEnvelope } | { ok: false; problem: BackupProblem };

export function countsOf(content: BackupContent): Record<string, number> {
	return Object.fromEntries(Object.entries(content.tables).map(([name, rows]) => [name, rows.length]));
}

export async function buildBackup(
	content: BackupContent,
	appVersion: string,
	now: Date = new Date()
): Promise<BackupEnvelope> {
	const tables = Object.fromEntries(
		Object.entries(content.tables).filter(([name]) => !LOCAL_TABLES.includes(name))
	);
	const clean = { tables };
	return {
		kind: BACKUP_KIND,
		formatVersion: BACKUP_FORMAT_VERSION,
		appVersion,
		createdAt: now.toISOString(),
		counts: countsOf(clean),
		sha256: await sha256Hex(canonicalJson(clean)),
		content: clean
	};
}

/** Indented a little: a planner or IT may open it in a text editor. */
export function serializeBackup(envelope: BackupEnvelope): string {
	return JSON.stringify(envelope, null, 1);
}

const envelopeSchema = z.object({
	kind: z.literal(BACKUP_KIND),
	formatVersion: z.int().check(z.positive()),
	appVersion: z.string().check(z.maxLength(50)),
	createdAt: z.iso.datetime(),
	counts: z.record(z.string(), z.int().check(z.nonnegative())),
	sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
	content: z.object({ tables: z.record(z.string(), z.array(z.unknown())) })
});

/** Reads a backup file's text; every refusal says why, by name. */
export async function parseBackup(text: string): Promise<BackupReading> {
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, problem: { code: 'not-json' } };
	}
	if (!raw || typeof raw !== 'object' || (raw as { kind?: unknown }).kind !== BACKUP_KIND) {
		return { ok: false, problem: { code: 'not-backup' } };
	}
	const version = (raw as { formatVersion?: unknown }).formatVersion;
	if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
		return { ok: false, problem: { code: 'newer-format', version } };
	}
	const parsed = envelopeSchema.safeParse(raw);
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path.join('.') ?? '';
		return { ok: false, problem: { code: 'bad-envelope', field } };
	}
	const envelope = parsed.data as BackupEnvelope;
	if ((await sha256Hex(canonicalJson(envelope.content))) !== envelope.sha256) {
		return { ok: false, problem: { code: 'hash-mismatch' } };
	}
	const checked = validateContent(envelope.content);
	if (!checked.ok) return checked;
	return { ok: true, envelope: { ...envelope, content: checked.content } };
}

/**
 * Every row through its table's schema (the same ones storage writes with and the CSV
 * import produces), then what a schema alone cannot see: a series of a region, indicator,
 * kind or year the workbook does not have. Returns the rows as the schemas output them.
 */
export function validateContent(
	content: BackupContent
): { ok: true; content: BackupContent } | { ok: false; problem: BackupProblem } {
	const tables: Record<string, unknown[]> = {};
	for (const [name, rows] of Object.entries(content.tables)) {
		if (LOCAL_TABLES.includes(name)) continue;
		const schema = BACKUP_TABLE_SCHEMAS[name] ?? unknownRowSchema;
		const out: unknown[] = [];
		for (const [i, row] of rows.entries()) {
			const result = schema.safeParse(row);
			if (!result.success) {
				const issue = result.error.issues[0];
				return {
					ok: false,
					problem: {
						code: 'bad-row',
						table: name,
						row: i + 1,
						field: issue?.path.join('.') ?? '',
						reason: 'schema'
					}
				};
			}
			out.push(result.data);
		}
		tables[name] = out;
	}
	const problem = checkSeries(tables);
	return problem ? { ok: false, problem } : { ok: true, content: { tables } };
}

interface SeriesRow {
	regionCode: string;
	indicatorCode: string;
	kind: 'actual' | 'target';
	cells: Record<string, Cell>;
}

/**
 * The checks the CSV import makes of a value that a schema cannot: a formula the grid's
 * parser would refuse, a formula in the city's or province's 2020 baseline, or a figure
 * where the indicator records yes/no (and the reverse). Returns the reason, or null.
 */
function cellProblem(cell: Cell, indicator: Indicator, row: SeriesRow, year: number): string | null {
	const measure = regionMeasure(indicator, row.regionCode);
	if (cell.t === 'f') {
		// The same check as typing the formula (core/cell-check.ts), the baseline rule included.
		const level = regionByCode(row.regionCode)?.level ?? 'county';
		const verdict = checkFigure({ level, unit: indicator.unit, kind: row.kind, measure, year }, cell.f);
		return verdict.ok ? (verdict.cell?.t === 'f' ? null : 'formula') : verdict.code;
	}
	if (cell.t === 'b') return measure === 'certified' ? null : 'not-a-number';
	return measure === 'certified' ? 'not-yes-no' : null;
}

function checkSeries(tables: Record<string, unknown[]>): BackupProblem | null {
	const own = new Map(
		((tables.indicators ?? []) as (Indicator & { regionCode: string })[]).map((c) => [
			indicatorKey(c.regionCode, c.code),
			c
		])
	);
	for (const [i, row] of ((tables.series ?? []) as SeriesRow[]).entries()) {
		const bad = (field: string, reason: string): BackupProblem => ({
			code: 'bad-row',
			table: 'series',
			row: i + 1,
			field,
			reason,
			place: seriesPlace(row, field)
		});
		const region = regionByCode(row.regionCode);
		if (!region) return bad('regionCode', 'unknown-region');
		const indicator =
			planIndicator(row.indicatorCode) ?? own.get(indicatorKey(row.regionCode, row.indicatorCode));
		if (!indicator) return bad('indicatorCode', 'unknown-indicator');
		if (!regionKinds(region).includes(row.kind)) return bad('kind', 'bad-kind');
		for (const [year, cell] of Object.entries(row.cells)) {
			if (Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR)
				return bad(`cells.${year}`, 'year-outside-workbook');
			const problem = cellProblem(cell, indicator, row, Number(year));
			if (problem) return bad(`cells.${year}`, problem);
		}
	}
	return null;
}

/**
 * The one check of a backup's cells that needs the formula parser, which the core does not
 * hold: the caller passes it (the grid's own, engine/formula-check.ts), so a formula that typing
 * refuses (`=SUM(D1`) is refused in a backup too. Names the first such cell, as the other
 * checks do.
 */
export function formulaSyntaxProblem(
	content: BackupContent,
	unparsable: (formulas: string[]) => string[]
): BackupProblem | null {
	const found: { row: number; year: string; formula: string }[] = [];
	for (const [i, row] of ((content.tables.series ?? []) as SeriesRow[]).entries()) {
		for (const [year, cell] of Object.entries(row.cells)) {
			if (cell.t === 'f') found.push({ row: i + 1, year, formula: cell.f });
		}
	}
	if (found.length === 0) return null;
	const bad = new Set(unparsable([...new Set(found.map((f) => f.formula))]));
	const first = found.find((f) => bad.has(f.formula));
	if (!first) return null;
	const field = `cells.${first.year}`;
	const row = (content.tables.series as SeriesRow[])[first.row - 1]!;
	return {
		code: 'bad-row',
		table: 'series',
		row: first.row,
		field,
		reason: 'formula-syntax',
		place: seriesPlace(row, field)
	};
}

/** Whose figures a series record holds, and the year a field names (`cells.2024`). */
function seriesPlace(
	row: SeriesRow,
	field: string
): { regionCode: string; indicatorCode: string; year?: string } {
	const year = field.startsWith('cells.') ? field.slice('cells.'.length) : undefined;
	return { regionCode: row.regionCode, indicatorCode: row.indicatorCode, ...(year ? { year } : {}) };
}
