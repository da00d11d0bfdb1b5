// What read-excel-file does not give and an import must know, read from the same parts of
// the workbook: a formula's error (`#DIV/0!`, which the library reads as an empty cell, and
// an empty cell is no figure: the figure would be lost without a word), a formula's own
// text (our own export's formulas come back as formulas), merged ranges, and which number
// cells are shown as a percentage (Excel keeps 95.8% as 0.958). Regular expressions over
// the few elements needed: the parts are machine-written XML of a fixed shape.
import { strFromU8, unzipSync } from 'fflate';
import { columnIndex } from '../../columns';

export interface SheetScan {
	/** `row,col` (0-based) → the error Excel shows. */
	errors: Map<string, string>;
	/** `row,col` → the formula's text, without `=` ('' for a shared formula's follower). */
	formulas: Map<string, string>;
	/** `row,col` of number cells whose format shows a percentage. */
	percents: Set<string>;
	/** Merged ranges as 0-based corners. */
	merged: { top: number; left: number; bottom: number; right: number }[];
}

/** Past this much unpacked XML a workbook is refused: a few KB of zip can unpack to GBs. */
export const XLSX_UNPACKED_MAX = 256 * 1024 * 1024;

export class UnpackedTooLarge extends Error {}

const ATTR = (name: string) => new RegExp(`\\s${name}="([^"]*)"`);
const R_ATTR = ATTR('r');
const T_ATTR = ATTR('t');

export function decodeXml(text: string): string {
	return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
		if (e === 'lt') return '<';
		if (e === 'gt') return '>';
		if (e === 'amp') return '&';
		if (e === 'quot') return '"';
		if (e === 'apos') return "'";
		return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
	});
}

/** `B7` → [6, 1]. */
export function parseAddress(ref: string): [number, number] | null {
	const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
	if (!m) return null;
	return [Number(m[2]) - 1, columnIndex(m[1]!)];
}

/** Whether an Excel number format shows a percentage (a `%` outside quotes and brackets). */
export function isPercentFormat(code: string): boolean {
	return /%/.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/** Style index → whether it shows a percentage (built-in formats 9 and 10, or a custom one). */
function percentStyles(styles: string | undefined): boolean[] {
	if (!styles) return [];
	const custom = new Map<string, string>();
	for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
		const id = ATTR('numFmtId').exec(m[0])?.[1];
		const code = ATTR('formatCode').exec(m[0])?.[1];
		if (id !== undefined && code !== undefined) custom.set(id, decodeXml(code));
	}
	const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
	return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
		const id = ATTR('numFmtId').exec(m[0])?.[1] ?? '0';
		return id === '9' || id === '10' || isPercentFormat(custom.get(id) ?? '');
	});
}

/** The attributes of the cell element that holds position `at` (`<c r="B7" s="1" t="e">`). */
function cellAttrs(xml: string, at: number): { attrs: string; end: number } | null {
	const start = xml.lastIndexOf('<c ', at);
	if (start < 0) return null;
	const end = xml.indexOf('>', start);
	return end < 0 ? null : { attrs: xml.slice(start + 2, end), end };
}

function keyOf(attrs: string): string | null {
	const at = parseAddress(R_ATTR.exec(attrs)?.[1] ?? '');
	return at ? `${at[0]},${at[1]}` : null;
}

// Only the few cells that need it are looked at: matching every cell of a 100,000-row sheet
// took 0.5 s, more than a quarter of the whole reading.
function scanSheet(xml: string, percent: boolean[]): SheetScan {
	const scan: SheetScan = { errors: new Map(), formulas: new Map(), percents: new Set(), merged: [] };
	for (let i = xml.indexOf('<f'); i >= 0; i = xml.indexOf('<f', i + 2)) {
		const next = xml.charCodeAt(i + 2);
		if (next !== 62 /* > */ && next !== 32 /* space */) continue;
		const open = xml.indexOf('>', i);
		const cell = cellAttrs(xml, i);
		const key = cell && keyOf(cell.attrs);
		if (!key) continue;
		// `<f t="shared" si="0"/>`: a follower of a shared formula (filled down in Excel) has
		// no text of its own; it is still a formula, read as its result.
		const close = xml.charCodeAt(open - 1) === 47 /* / */ ? -1 : xml.indexOf('</f>', open);
		scan.formulas.set(key, close > open ? decodeXml(xml.slice(open + 1, close)) : '');
	}
	for (let i = xml.indexOf(' t="e"'); i >= 0; i = xml.indexOf(' t="e"', i + 6)) {
		const cell = cellAttrs(xml, i);
		const key = cell && keyOf(cell.attrs);
		if (!cell || !key) continue;
		const v = /^[^]*?<v>([^<]*)<\/v>/.exec(xml.slice(cell.end, xml.indexOf('</c>', cell.end)));
		scan.errors.set(key, decodeXml(v?.[1] ?? '#ERROR'));
	}
	const ids = percent.flatMap((p, i) => (p ? [i] : []));
	if (ids.length > 0) {
		const styled = new RegExp(`<c\\b([^>]*?\\ss="(?:${ids.join('|')})"[^>]*)>`, 'g');
		for (const m of xml.matchAll(styled)) {
			const t = T_ATTR.exec(m[1]!)?.[1] ?? 'n';
			const key = keyOf(m[1]!);
			if (key && t === 'n') scan.percents.add(key);
		}
	}
	for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
		const a = parseAddress(m[1]!);
		const b = parseAddress(m[2]!);
		if (a && b) scan.merged.push({ top: a[0], left: a[1], bottom: b[0], right: b[1] });
	}
	return scan;
}

/** Each sheet's scan, by sheet name. Throws UnpackedTooLarge before unpacking a bomb. */
export function scanWorkbook(bytes: Uint8Array): Map<string, SheetScan> {
	let total = 0;
	const files = unzipSync(bytes, {
		filter: (f) => {
			total += f.originalSize;
			if (total > XLSX_UNPACKED_MAX) throw new UnpackedTooLarge();
			return /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|worksheets\/[^/]+\.xml)$/.test(
				f.name
			);
		}
	});
	const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
	const workbook = text('xl/workbook.xml') ?? '';
	const rels = text('xl/_rels/workbook.xml.rels') ?? '';
	const targets = new Map<string, string>();
	for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
		const id = ATTR('Id').exec(m[0])?.[1];
		const target = ATTR('Target').exec(m[0])?.[1];
		if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
	}
	const percent = percentStyles(text('xl/styles.xml'));
	const out = new Map<string, SheetScan>();
	for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
		const name = decodeXml(ATTR('name').exec(m[0])?.[1] ?? '');
		const id = ATTR('r:id').exec(m[0])?.[1] ?? '';
		const xml = text(targets.get(id) ?? '');
		if (xml !== undefined) out.set(name, scanSheet(xml, percent));
	}
	return out;
}
