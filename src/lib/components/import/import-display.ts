// How the import preview words what it found: a refusal, a warning, a file problem, a count,
// a cell old → new, and which class marks each. Pure: every text is a function of the plan
// and the catalog, so Node tests can check it and the components only place it.
//
// Codes are worded through the catalog by name (`import.issue.<code>`, `import.problem.<code>`),
// never listed here: a new refusal or warning code needs only its messages in zh.ts and en.ts.
import type { Cell, OwnIndicator } from '$lib/core/model';
import { planIndicator, regionByCode } from '$lib/core/plan';
import { formatCell } from '$lib/core/value-input';
import { MAX_FILE_BYTES } from '$lib/core/exchange/contract';
import type {
	FileProblem,
	FileReading,
	ImportPlan,
	IndicatorChange,
	RowIssue,
	SeriesChange
} from '$lib/core/exchange/import';
import type { Lang } from '$lib/i18n/locale.svelte';
import type { MessageKey } from '$lib/i18n/zh';

/** What the display needs of the interface language (the app's `locale` is one). */
export interface Words {
	readonly lang: Lang;
	t(key: MessageKey, params?: Record<string, string | number>): string;
	tDynamic(key: string, fallback: string, params?: Record<string, string | number>): string;
}

/** How many rows a list of the preview shows at first, and how many more each 显示更多 adds. */
export const PAGE_SIZE = 200;

export type Tone = 'error' | 'warn' | 'ok';

/** The mark beside a line, so refusals and warnings differ without colour (printouts, colour blindness). */
export const TONE_SYMBOL: Record<Tone, string> = { error: '✗', warn: '⚠', ok: '✓' };

export function regionName(words: Words, code: string): string {
	const r = regionByCode(code);
	if (!r) return words.t('import.unknownRegion');
	return words.lang === 'zh' ? r.nameZh : r.nameEn;
}

/**
 * Names of indicators as the preview shows them: the plan's, else the name the file gives a
 * new own indicator, else the stored one, else the code itself.
 */
export function indicatorNamer(
	words: Words,
	plan: ImportPlan | null,
	stored: (regionCode: string, code: string) => OwnIndicator | undefined
): (regionCode: string, code: string) => string {
	const incoming = new Map<string, string>();
	for (const i of plan?.indicators ?? [])
		incoming.set(`${i.after.regionCode}\u0000${i.after.code}`, i.after.nameZh);
	return (regionCode, code) => {
		const p = planIndicator(code);
		if (p) return words.lang === 'en' && p.nameEn ? p.nameEn : p.nameZh;
		return incoming.get(`${regionCode}\u0000${code}`) ?? stored(regionCode, code)?.nameZh ?? code;
	};
}

/** A cell's figure as the grid shows it; no cell is 「（空）」. */
export function cellText(words: Words, cell: Cell | undefined): string {
	return cell ? formatCell(cell, words.lang) : words.t('import.empty');
}

/** Where a row is: 「第 3 行」, or with several files 「a.csv 第 3 行」. */
export function whereText(words: Words, fileNames: readonly string[], file: number, row: number): string {
	return fileNames.length > 1
		? words.t('import.where', { file: fileNames[file] ?? '', row })
		: words.t('import.rowOf', { row });
}

/**
 * Params as the messages use them. Any issue that points at another row (`otherRow`, with
 * `otherFile` when it may be another file) also gets `where`, worded like the row column;
 * an encoding named in a param gets the encoding's label.
 */
function wordParams(
	words: Words,
	fileNames: readonly string[],
	file: number,
	params: Record<string, string | number>
): Record<string, string | number> {
	const out = { ...params };
	if (params.otherRow !== undefined) {
		const other = params.otherFile === undefined ? file : Number(params.otherFile);
		out.where =
			other === file
				? words.t('import.rowOf', { row: params.otherRow })
				: whereText(words, fileNames, other, Number(params.otherRow));
	}
	for (const [name, value] of Object.entries(params)) {
		if (/encoding$/i.test(name) && typeof value === 'string')
			out[name] = words.tDynamic(`import.encoding.${value}`, value);
	}
	return out;
}

/** Why a row was refused, or what to check in it: the catalog's words for its code. */
export function issueText(words: Words, fileNames: readonly string[], issue: RowIssue): string {
	const params = wordParams(words, fileNames, issue.file, issue.params);
	return words.tDynamic(
		`import.issue.${issue.code}`,
		words.t('importUi.issueUnknown', { code: issue.code }),
		params
	);
}

/** What is wrong with a file as a whole (its header, its size, its kind). */
export function problemText(words: Words, fileNames: readonly string[], problem: FileProblem): string {
	const params = {
		limit: Math.round(MAX_FILE_BYTES / 1024 / 1024),
		...wordParams(words, fileNames, -1, problem.params)
	};
	return words.tDynamic(
		`import.problem.${problem.code}`,
		words.t('importUi.problemUnknown', { code: problem.code }),
		params
	);
}

export function problemTone(problem: FileProblem): Tone {
	return problem.fatal ? 'error' : 'warn';
}

/** A count of refused rows is marked only when there are some. */
export function rejectedTone(n: number): Tone {
	return n > 0 ? 'error' : 'ok';
}

/** An encoding's name in the choice; one added later without a label shows its own name. */
export function encodingLabel(words: Words, encoding: string): string {
	return words.tDynamic(`import.encoding.${encoding}`, encoding);
}

export function encodingHow(words: Words, by: string | null): string {
	return by === 'detected' || by === 'bom' ? words.t(`import.encoding.${by}`) : '';
}

/** Who sent a file and when, as the file says (or where its date was taken from). */
export function sentBy(words: Words, reading: FileReading): string {
	if (!reading.layout) return '—';
	const s = reading.source;
	const sender = [s.senderUnit, s.senderName].filter((p): p is string => !!p).join(' · ');
	const date =
		s.dateFrom === 'metadata' && s.exportedAt
			? words.t('sources.dateFrom.metadata', { time: s.exportedAt })
			: words.t(`sources.dateFrom.${s.dateFrom}`, { date: s.date ?? '' });
	return sender ? words.t('import.sentByDate', { sender, date }) : date;
}

export interface PreviewTotals {
	added: number;
	changed: number;
	/** Notes on single figures (批注) set or changed: applied as changes too. */
	figureNotes: number;
	/** Distinct rows refused (a row can be refused for several cells). */
	refusedRows: number;
	warnings: number;
}

export function previewTotals(plan: ImportPlan): PreviewTotals {
	let added = 0;
	let changed = 0;
	let figureNotes = 0;
	for (const c of plan.changes) {
		added += c.added.length;
		changed += c.changed.length;
		figureNotes += c.figureNotesChanged.length;
	}
	const refused = new Set<string>();
	for (const r of plan.rejected) refused.add(`${r.file}:${r.row}`);
	return { added, changed, figureNotes, refusedRows: refused.size, warnings: plan.warnings.length };
}

export function applyLabel(words: Words, totals: PreviewTotals): string {
	return words.t('import.apply', { added: totals.added, changed: totals.changed + totals.figureNotes });
}

/** One row of a table of changes: a cell's figure, or a note on a figure, old → new. */
export interface ChangeRow {
	key: string;
	regionCode: string;
	indicatorCode: string;
	year: string;
	before: string;
	after: string;
	file: number;
	row: number;
}

type ChangeList = 'added' | 'changed' | 'figureNotes';

function lengthOf(c: SeriesChange, which: ChangeList): number {
	return which === 'figureNotes' ? c.figureNotesChanged.length : c[which].length;
}

export function changeCount(plan: ImportPlan, which: ChangeList): number {
	let n = 0;
	for (const c of plan.changes) n += lengthOf(c, which);
	return n;
}

/**
 * The first `limit` rows of one list of changes, in the plan's order. Only what is shown is
 * built: a 100,000-cell import lists a page, and counts the rest.
 */
export function changeRows(words: Words, plan: ImportPlan, which: ChangeList, limit: number): ChangeRow[] {
	const out: ChangeRow[] = [];
	for (const c of plan.changes) {
		const n = lengthOf(c, which);
		for (let i = 0; i < n; i++) {
			if (out.length >= limit) return out;
			const base = `${c.regionCode}\u0000${c.indicatorCode}\u0000${c.kind}\u0000`;
			if (which === 'figureNotes') {
				const note = c.figureNotesChanged[i]!;
				out.push({
					key: base + note.year,
					regionCode: c.regionCode,
					indicatorCode: c.indicatorCode,
					year: note.year,
					before: note.before ?? words.t('import.empty'),
					after: note.after,
					file: note.file,
					row: note.row
				});
			} else {
				const cell = c[which][i]!;
				out.push({
					key: base + cell.year,
					regionCode: c.regionCode,
					indicatorCode: c.indicatorCode,
					year: cell.year,
					before: cellText(words, cell.before),
					after: cellText(words, cell.after),
					file: cell.file,
					row: cell.row
				});
			}
		}
	}
	return out;
}

/** 「新建：甘州区 C01 农村寄宿生比例 (%)」, with the old name when a file renames one. */
export function indicatorLine(words: Words, change: IndicatorChange): string {
	const { before, after } = change;
	return words.t('import.indicatorLine', {
		what: before ? words.t('import.indicatorChanged') : words.t('import.indicatorNew'),
		region: regionName(words, after.regionCode),
		code: after.code,
		name:
			(before && before.nameZh !== after.nameZh ? `${before.nameZh} → ` : '') +
			after.nameZh +
			(after.unit ? ` (${after.unit})` : '')
	});
}

/** Below a list shown in part: how much is shown, and what 显示更多 adds. */
export function pageStatus(
	words: Words,
	shown: number,
	total: number
): { text: string; more: string } | null {
	if (total <= shown) return null;
	return {
		text: words.t('importUi.shown', { shown, total }),
		more: words.t('importUi.showMore', { n: Math.min(PAGE_SIZE, total - shown) })
	};
}
