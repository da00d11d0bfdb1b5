// Format v1.1: who sent a file, and when, on one row above the header.
//
//   报送信息,导出时间,2026-11-29 10:32,报送单位,甘州区教育局,填报人,张三,格式版本,1.1
//
// A row of key/value pairs, so it reads in Excel as a line of labelled cells and a planner
// can fill it in by hand. The first cell marks the row; unknown keys are skipped (a later
// version may add some), and a file without the row still imports (format v1).
// docs/csv-format.md describes it for people.
import { z } from 'zod/mini';
import { FORMAT_VERSION, guardText, headerKey, unguardText } from './contract';

export type MetadataKey = 'exportedAt' | 'senderUnit' | 'senderName' | 'formatVersion';

/** The row's first cell, and each key's Chinese label: what the export writes. */
export const METADATA_MARK_ZH = '报送信息';
export const METADATA_LABEL_ZH: Readonly<Record<MetadataKey, string>> = {
	exportedAt: '导出时间',
	senderUnit: '报送单位',
	senderName: '填报人',
	formatVersion: '格式版本'
};

/** Every spelling the import accepts, as compared by headerKey (case, spaces, _ and - ignored). */
const MARKS = new Set([METADATA_MARK_ZH, 'export_info', 'exportinfo', 'metadata', '文件信息'].map(headerKey));
const KEY_ALIASES: ReadonlyMap<string, MetadataKey> = new Map(
	(
		[
			['exportedAt', ['导出时间', '导出日期', 'exported_at', 'export_time', 'exported']],
			['senderUnit', ['报送单位', '单位', 'sender_unit', 'organisation', 'organization']],
			['senderName', ['填报人', '报送人', 'sender', 'sender_name', 'contact', 'filled_by']],
			['formatVersion', ['格式版本', 'format_version', 'format']]
		] as const
	).flatMap(([key, names]) => names.map((n) => [headerKey(n), key] as const))
);

/** Longest sender texts kept: a bureau's full name, a person's name with a phone number. */
export const SENDER_UNIT_MAX = 60;
export const SENDER_NAME_MAX = 40;

/**
 * Sender text as kept: line breaks, tabs and other control characters become one space
 * (a pasted address keeps its words, a file its shape), trimmed, cut to the limit in
 * whole characters. Typed text and text read from a file both pass through here.
 */
export function cleanSenderText(text: string, max: number): string {
	const flat = text
		.normalize('NFC')
		.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
		.replace(/ {2,}/g, ' ')
		.trim();
	return [...flat].slice(0, max).join('').trim();
}

const senderText = (max: number) =>
	z.string().check(
		z.refine((s) => [...s].length <= max, { message: `at most ${max} characters` }),
		z.refine((s) => !/[\p{Cc}\u2028\u2029]/u.test(s), { message: 'no control characters' }),
		z.refine((s) => s === s.trim(), { message: 'no leading or trailing spaces' })
	);

/** The sender fields typed in the export panel (remembered in this browser). */
export const senderSchema = z.object({
	unit: senderText(SENDER_UNIT_MAX),
	name: senderText(SENDER_NAME_MAX)
});
export type Sender = z.infer<typeof senderSchema>;
export const EMPTY_SENDER: Sender = { unit: '', name: '' };

/** A local wall-clock time as the file writes it: `2026-11-29 10:32`, or a date alone. */
export const localStampSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$/));
export const localDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export interface FileMetadata {
	/** `2026-11-29 10:32` (or `2026-11-29`), local time of the exporting browser. */
	exportedAt: string | null;
	senderUnit: string | null;
	senderName: string | null;
	formatVersion: string | null;
	/** The row number it was read from (as Excel shows it). */
	row: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-29 10:32` in the local time of whoever runs this. */
export function localStamp(date: Date): string {
	return (
		`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
		`${pad(date.getHours())}:${pad(date.getMinutes())}`
	);
}

export function localDate(date: Date): string {
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function validDate(y: number, m: number, d: number): boolean {
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * An export time as written, or as Excel rewrites it when the file is saved again
 * (`2026/11/29 10:32`, `2026年11月29日`, one-digit months and hours) → `2026-11-29 10:32`.
 * Null when it is not a date.
 */
export function readStamp(text: string): string | null {
	const t = text.normalize('NFKC').trim();
	const m =
		/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(t);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (!validDate(y, mo, d)) return null;
	const date = `${y}-${pad(mo)}-${pad(d)}`;
	if (m[4] === undefined) return date;
	const [h, min] = [Number(m[4]), Number(m[5])];
	if (h > 23 || min > 59) return null;
	return `${date} ${pad(h)}:${pad(min)}`;
}

/** The metadata row to write above the header; the sender's cells only when given. */
export function metadataRow(meta: { exportedAt: Date; sender: Sender }): string[] {
	const sender = senderSchema.parse(meta.sender);
	const row = [METADATA_MARK_ZH, METADATA_LABEL_ZH.exportedAt, localStamp(meta.exportedAt)];
	if (sender.unit) row.push(METADATA_LABEL_ZH.senderUnit, guardText(sender.unit));
	if (sender.name) row.push(METADATA_LABEL_ZH.senderName, guardText(sender.name));
	row.push(METADATA_LABEL_ZH.formatVersion, FORMAT_VERSION);
	return row;
}

/** Whether a row of a file is a metadata row (by its first non-empty cell). */
export function isMetadataRow(cells: readonly string[]): boolean {
	const first = cells.find((c) => c.trim() !== '');
	return first !== undefined && MARKS.has(headerKey(first));
}

/** The metadata a row holds; a value that cannot be read is left out, never guessed. */
export function readMetadataRow(cells: readonly string[], row: number): FileMetadata {
	const out: FileMetadata = {
		exportedAt: null,
		senderUnit: null,
		senderName: null,
		formatVersion: null,
		row
	};
	const start = cells.findIndex((c) => c.trim() !== '') + 1;
	for (let i = start; i < cells.length; i += 2) {
		const key = KEY_ALIASES.get(headerKey(cells[i] ?? ''));
		const raw = unguardText((cells[i + 1] ?? '').trim());
		if (!key || raw === '' || out[key] !== null) continue;
		if (key === 'exportedAt') out.exportedAt = readStamp(raw);
		else if (key === 'senderUnit') out.senderUnit = cleanSenderText(raw, SENDER_UNIT_MAX) || null;
		else if (key === 'senderName') out.senderName = cleanSenderText(raw, SENDER_NAME_MAX) || null;
		else out.formatVersion = cleanSenderText(raw, 10) || null;
	}
	return out;
}

/** Where a file's date was taken from, so the page can say how sure it is. */
export type DateSource = 'metadata' | 'file-name' | 'last-modified' | 'unknown';
export const dateSourceSchema = z.enum(['metadata', 'file-name', 'last-modified', 'unknown']);

export interface FileSource {
	/** The file's own export time, when its metadata row gives one. */
	exportedAt: string | null;
	/** The day the file was made (YYYY-MM-DD), by the best source there is. */
	date: string | null;
	dateFrom: DateSource;
	senderUnit: string | null;
	senderName: string | null;
}

/**
 * `620702-甘州区-20261101.csv`, also as browsers rename a second download of it
 * (`… (1).csv`) → `2026-11-01`.
 */
export function dateFromFileName(name: string): string | null {
	const m = /[-_](\d{4})(\d{2})(\d{2})(?:\s*\(\d+\))?\.(?:csv|txt|tsv|xlsx)$/i.exec(
		name.normalize('NFKC').trim()
	);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return validDate(y, mo, d) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A file's date: its metadata's export time, else its name, else the file's modified time. */
export function fileSource(
	metadata: FileMetadata | null,
	file: { name?: string; lastModified?: number }
): FileSource {
	const sender = { senderUnit: metadata?.senderUnit ?? null, senderName: metadata?.senderName ?? null };
	const exportedAt = metadata?.exportedAt ?? null;
	if (exportedAt) return { exportedAt, date: exportedAt.slice(0, 10), dateFrom: 'metadata', ...sender };
	const fromName = file.name ? dateFromFileName(file.name) : null;
	if (fromName) return { exportedAt: null, date: fromName, dateFrom: 'file-name', ...sender };
	if (file.lastModified !== undefined && Number.isFinite(file.lastModified) && file.lastModified > 0) {
		return {
			exportedAt: null,
			date: localDate(new Date(file.lastModified)),
			dateFrom: 'last-modified',
			...sender
		};
	}
	return { exportedAt: null, date: null, dateFrom: 'unknown', ...sender };
}
