// A Book → the bytes of an .xlsx, with write-excel-file. What that library leaves out is
// added by one "feature" of its own (see its README, "Features"), each part of it because a
// planner opens, prints or recalculates the file:
// - page setup: A4 landscape, fit to one page wide (as many pages down as it takes), and the
//   header rows repeated on every printed page (the workbook's _xlnm.Print_Titles name);
// - a formula cell's cached value (<v>), so that a reader that does not calculate (a phone's
//   preview, a converter) still shows the figure, and calcPr fullCalcOnLoad, so that Excel
//   and WPS recalculate on opening rather than trust it;
// - an error value as an error (t="e"), not as the text of one.
import writeXlsxFile, { type Cell as XlsxCell, type Feature, type Sheet } from 'write-excel-file/universal';
import type { Book, BookCell, BookSheet } from './book';
import { columnLetter } from '../../columns';
import { textWidth } from './export-book-cells';

type FileContent = Blob;

/** The font of every cell: on every Chinese Windows, in WPS, and substituted elsewhere. */
export const XLSX_FONT = '宋体';

const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|CYCLE!|SPILL!)$/;

/** Cells whose markup the feature completes, by address (`J2`). */
type Patch = { kind: 'cached'; v: number | string } | { kind: 'error'; v: string };

// XML 1.0 cannot hold most control characters, and a reader turns a line end CR LF into LF.
// An .xlsx writes such a character as `_xHHHH_` (ECMA-376's ST_Xstring), and a text that
// itself holds `_xHHHH_` gets its `_` written so (`_x005F_`): Excel, WPS, LibreOffice and
// read-excel-file decode both, so a note reads back as it was written. write-excel-file
// also drops, without a word, what XML allows but discourages: U+FFFD (a qualifier `(�)`
// came back `()`), C1 controls, the noncharacters U+FDD0–FDEF and U+xFFFE/xFFFF of every
// plane, and a lone surrogate; they are escaped too, one UTF-16 unit at a time.
const NOT_XML = new RegExp(
	[
		// eslint-disable-next-line no-control-regex -- the point is to find control characters
		/[\u0000-\u0008\u000b-\u001f\u007f-\u0084\u0086-\u009f\ufdd0-\ufdef\ufffd-\uffff]/.source,
		/[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/
			.source,
		/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.source,
		/_(?=x[0-9A-Fa-f]{4}_)/.source
	].join('|'),
	'g'
);

const unit = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

export function escapeXlsxText(text: string): string {
	return text.replace(NOT_XML, (ch) =>
		ch.length === 2 ? unit(ch.charCodeAt(0)) + unit(ch.charCodeAt(1)) : unit(ch.charCodeAt(0))
	);
}

/** A cell's look: the header's bold, a table's thin grey lines. */
interface Look {
	bold: boolean;
	ruled: boolean;
	wrap: boolean;
	/** Points, for a wrapped row: spreadsheet programs do not all fit its height on opening. */
	height?: number;
}

const LINE_POINTS = 14;

/** The height a wrapped row needs: its tallest cell's lines at its column's width. */
function wrappedHeight(row: readonly BookCell[], widths: readonly number[]): number {
	let lines = 1;
	row.forEach((cell, c) => {
		if (cell?.t !== 'text') return;
		const room = Math.max(1, (widths[c] ?? 8) - 1);
		lines = Math.max(lines, Math.ceil(textWidth(cell.v) / room));
	});
	return lines * LINE_POINTS;
}

const RULE = { borderStyle: 'thin', borderColor: '#808080' } as const;

function toXlsxCell(cell: BookCell, look: Look): XlsxCell {
	const style = {
		...(look.bold ? { fontWeight: 'bold' as const } : {}),
		...(look.ruled ? RULE : {}),
		...(look.wrap ? { wrap: true, alignVertical: 'top' as const } : {}),
		...(look.height ? { height: look.height } : {})
	};
	// An empty cell of a table still has its lines; elsewhere it is not written at all.
	if (cell === null) return look.ruled ? style : null;
	switch (cell.t) {
		case 'text':
			// `@`: Excel keeps an edited code such as 620702 as text too.
			return { value: escapeXlsxText(cell.v), type: String, format: '@', ...style };
		case 'number':
			return { value: cell.v, type: Number, ...(cell.format ? { format: cell.format } : {}), ...style };
		case 'formula':
			return {
				value: cell.f.replace(/^=/, ''),
				type: 'Formula',
				...(cell.format ? { format: cell.format } : {}),
				...style
			};
		case 'boolean':
			return { value: cell.v, type: Boolean, ...style };
		case 'date':
			return { value: new Date(`${cell.v}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd', ...style };
		case 'error':
			// Written as text first; the feature turns it into an error cell.
			return { value: cell.v, type: String, ...style };
	}
}

function patches(sheet: BookSheet): Map<string, Patch> {
	const out = new Map<string, Patch>();
	sheet.rows.forEach((row, r) =>
		row.forEach((cell, c) => {
			const address = `${columnLetter(c)}${r + 1}`;
			if (cell?.t === 'error') out.set(address, { kind: 'error', v: cell.v });
			else if (cell?.t === 'formula' && cell.v !== null) out.set(address, { kind: 'cached', v: cell.v });
		})
	);
	return out;
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// A cell with content (an empty one is self-closing and never patched).
const CELL = /<c r="([A-Z]+\d+)"((?:\s[A-Za-z]+="[^"]*")*)>(.*?)<\/c>/g;

function patchCells(xml: string, cells: Map<string, Patch>): string {
	if (cells.size === 0) return xml;
	return xml.replace(CELL, (whole, address: string, attributes: string, inner: string) => {
		const patch = cells.get(address);
		if (!patch) return whole;
		const attrs = attributes.replace(/\st="[^"]*"/, '');
		if (patch.kind === 'error') return `<c r="${address}"${attrs} t="e"><v>${escapeXml(patch.v)}</v></c>`;
		const v = patch.v;
		const type = typeof v === 'number' ? '' : ERROR_VALUE.test(v) ? ' t="e"' : ' t="str"';
		return `<c r="${address}"${attrs}${type}>${inner}<v>${escapeXml(String(v))}</v></c>`;
	});
}

function quoteSheetName(name: string): string {
	return `'${name.replace(/'/g, "''")}'`;
}

function bookFeature(book: Book): Feature<FileContent> {
	const cellPatches = book.sheets.map(patches);
	return {
		files: {
			transform: {
				'xl/worksheets/sheet{id}.xml': {
					transformElementAttributes(tagName, attributes) {
						// Fit every column on one page's width; as many pages down as it takes.
						return tagName === 'pageSetup' ? { ...attributes, fitToWidth: 1, fitToHeight: 0 } : attributes;
					},
					transform(xml, _options, { sheetIndex }) {
						// <sheetPr> is the worksheet's first child: it turns the fit-to-page on.
						const fitted = xml.replace(
							/(<worksheet[^>]*>)/,
							'$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
						);
						return patchCells(fitted, cellPatches[sheetIndex] ?? new Map());
					}
				},
				'xl/workbook.xml': {
					transformElementAttributes(tagName, attributes, index) {
						if (tagName === 'calcPr') return { ...attributes, fullCalcOnLoad: 1 };
						// A sheet for the import, not for people: not shown, not printed.
						if (tagName === 'sheet' && index !== undefined && book.sheets[index]?.hidden)
							return { ...attributes, state: 'hidden' };
						return attributes;
					},
					transform(xml) {
						const titles = book.sheets
							.map((sheet, i) =>
								sheet.headerRows
									? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(
											`${quoteSheetName(sheet.name)}!$1:$${sheet.headerRows}`
										)}</definedName>`
									: ''
							)
							.join('');
						return titles ? xml.replace('<definedNames/>', `<definedNames>${titles}</definedNames>`) : xml;
					}
				}
			}
		}
	};
}

function toSheet(sheet: BookSheet): Sheet<FileContent> {
	const bold = new Set(sheet.boldRows ?? []);
	const wrap = new Set(sheet.wrapRows ?? []);
	// A sheet with a header is a table: ruled, so that its printout reads like the grid, up
	// to its widest row (the settings line of a report above the header does not count).
	const ruledFrom = sheet.headerRows ? sheet.headerRows - 1 : Infinity;
	const width = Math.max(0, ...sheet.rows.slice(Math.max(0, ruledFrom)).map((r) => r.length));
	return {
		sheet: sheet.name,
		data: sheet.rows.map((row, r) => {
			const ruled = r >= ruledFrom;
			const cells = ruled ? Array.from({ length: width }, (_, c) => row[c] ?? null) : row;
			const height = wrap.has(r) ? wrappedHeight(row, sheet.widths ?? []) : undefined;
			return cells.map((cell) => toXlsxCell(cell, { bold: bold.has(r), ruled, wrap: wrap.has(r), height }));
		}),
		columns: (sheet.widths ?? []).map((width) => ({ width })),
		orientation: 'landscape',
		...(sheet.headerRows ? { stickyRowsCount: sheet.headerRows } : {}),
		...(sheet.frozenColumns ? { stickyColumnsCount: sheet.frozenColumns } : {})
	};
}

/** The workbook's bytes. */
export async function writeBook(book: Book): Promise<Uint8Array> {
	const blob = await writeXlsxFile(book.sheets.map(toSheet), {
		fontFamily: XLSX_FONT,
		fontSize: 11,
		features: [bookFeature(book)]
	}).toBlob();
	return new Uint8Array(await blob.arrayBuffer());
}
