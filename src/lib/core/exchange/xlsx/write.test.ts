import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/universal';
import { writeBook } from './write';
import type { Book } from './book';

const book: Book = {
	sheets: [
		{ name: '说明', rows: [[{ t: 'text', v: '张掖教育现代化2035' }]], widths: [30] },
		{
			name: "甘州区's",
			headerRows: 1,
			boldRows: [0],
			widths: [8, 34, 7, 7, 7],
			rows: [
				[
					{ t: 'text', v: '地区代码' },
					{ t: 'text', v: '指标' },
					{ t: 'text', v: '2020' },
					{ t: 'text', v: '2021' },
					{ t: 'text', v: '2022' }
				],
				[
					{ t: 'text', v: '620702' },
					{ t: 'text', v: '学前教育毛入园率 <&>' },
					{ t: 'number', v: 99.5, format: '0.00' },
					{ t: 'formula', f: '=C2+0.1', v: 99.6, format: '0.00' },
					{ t: 'formula', f: '=C2/0', v: '#DIV/0!' }
				],
				[
					{ t: 'text', v: 'EDU01' },
					{ t: 'formula', f: '=IF(C2>99,"高","低")', v: '高' },
					{ t: 'error', v: '#N/A' },
					null,
					{ t: 'boolean', v: true }
				]
			]
		}
	]
};

async function parts(): Promise<Record<string, string>> {
	const files = unzipSync(await writeBook(book));
	return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

describe('writing a Book as .xlsx', () => {
	it('sets up every sheet for A4 landscape, one page wide, the header frozen and printed on each page', async () => {
		const p = await parts();
		const sheet = p['xl/worksheets/sheet2.xml']!;
		expect(sheet).toMatch(
			/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/
		);
		expect(sheet).toMatch(
			/^<\?xml[^>]*\?><worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><sheetViews>/
		);
		expect(sheet).toContain(
			'<pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"/>'
		);
		expect(sheet).toContain('<col min="2" max="2" width="34" customWidth="1"/>');
		// A table is ruled: an empty cell in it is written for its lines; 说明 is not ruled.
		expect(sheet).toMatch(/<c r="D3" s="\d+"\/>/);
		expect(p['xl/styles.xml']).toContain('<left style="thin"><color rgb="FF808080"/></left>');
		expect(p['xl/worksheets/sheet1.xml']).not.toMatch(/<c r="[A-Z]+\d+" s="\d+"\/>/);
		const workbook = p['xl/workbook.xml']!;
		expect(workbook).toContain(
			`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'甘州区''s'!$1:$1</definedName></definedNames>`
		);
		expect(workbook).toContain('<calcPr fullCalcOnLoad="1"/>');
	});

	it('writes formulas with their cached values, and errors as errors', async () => {
		const sheet = (await parts())['xl/worksheets/sheet2.xml']!;
		expect(sheet).toMatch(/<c r="D2" s="\d+"><f>C2\+0.1<\/f><v>99.6<\/v><\/c>/);
		expect(sheet).toMatch(/<c r="E2"[^>]* t="e"><f>C2\/0<\/f><v>#DIV\/0!<\/v><\/c>/);
		expect(sheet).toMatch(/<c r="B3"[^>]* t="str"><f>IF\(C2&gt;99,"高","低"\)<\/f><v>高<\/v><\/c>/);
		expect(sheet).toMatch(/<c r="C3"[^>]* t="e"><v>#N\/A<\/v><\/c>/);
	});

	it('reads back as it was written: codes as text, figures as numbers', async () => {
		const bytes = await writeBook(book);
		const sheets = (await readExcelFile(bytes.buffer as ArrayBuffer)) as {
			sheet: string;
			data: unknown[][];
		}[];
		expect(sheets.map((s) => s.sheet)).toEqual(['说明', "甘州区's"]);
		const data = sheets[1]!.data;
		expect(data[0]).toEqual(['地区代码', '指标', '2020', '2021', '2022']);
		expect(data[1]!.slice(0, 4)).toEqual(['620702', '学前教育毛入园率 <&>', 99.5, 99.6]);
		expect(data[2]![0]).toBe('EDU01');
		expect(data[2]![4]).toBe(true);
	});
});

describe('text that XML cannot hold as it is', () => {
	it('reads back exactly: control characters, CR LF, and text that looks like an escape', async () => {
		const texts = [
			'a\u0001b',
			'x\r\ny',
			'tab\there',
			'_x0041_ and _X004a_',
			'A_x005F_',
			'\u000b',
			'ok',
			// What write-excel-file would drop: U+FFFD, a C1 control, noncharacters, a lone surrogate.
			'99.53 (\ufffd)',
			'c1\u0085\u0090',
			'\ufdd0\uffff\u{1fffe}',
			'lone \ud800 and \udc00'
		];
		const bytes = await writeBook({ sheets: [{ name: 's', rows: texts.map((v) => [{ t: 'text', v }]) }] });
		const xml = strFromU8(unzipSync(bytes)['xl/sharedStrings.xml']!);
		expect(xml).toContain('x_x000D_\ny');
		expect(xml).toContain('_x005F_x0041_');
		// eslint-disable-next-line no-control-regex -- no raw control character may reach the XML
		expect(xml).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
		const [sheet] = (await readExcelFile(bytes.buffer as ArrayBuffer, { trim: false } as never)) as {
			data: unknown[][];
		}[];
		expect(sheet!.data.map((r) => r[0])).toEqual(texts);
	});
});
