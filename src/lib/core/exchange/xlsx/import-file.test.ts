// A workbook goes through the same door as a CSV: the stages after reading see a sheet as
// they see a CSV's rows, and what a workbook can hold that a CSV cannot (dates, TRUE/FALSE,
// a formula's error, merged cells, a percentage format) is read or refused by name.
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { planImport, type ImportPlan } from '../import';
import { EMPTY_SNAPSHOT } from '../snapshot';
import { GRID_HEADER } from '../import/fixtures';
import { metadataRow } from '../metadata';
import { ABOUT_SHEET, ALL_SHEETS } from './book';
import { readWorkbookFile } from './import-file';
import { percentText } from './sheet-table';
import { TASK_COLUMNS, TASK_HEADER_ZH } from '../tasks/contract';

type Cell = Parameters<typeof writeXlsxFile>[0] extends (infer S)[] ? S : never;
type SheetSpec = { sheet: string; data: unknown[][] };

/** A cell as write-excel-file takes it: numbers as numbers, the rest as given. */
function cell(v: unknown): unknown {
	if (v === null || v === undefined) return null;
	if (typeof v === 'object') return v;
	if (typeof v === 'number') return { type: Number, value: v };
	if (typeof v === 'boolean') return { type: Boolean, value: v };
	return { type: String, value: String(v) };
}

async function workbook(sheets: SheetSpec[]): Promise<Uint8Array> {
	const blob = await writeXlsxFile(
		sheets.map((s) => ({ sheet: s.sheet, data: s.data.map((r) => r.map(cell)) })) as unknown as Cell[]
	).toBlob();
	return new Uint8Array(await blob.arrayBuffer());
}

const HEADER = GRID_HEADER.split(',');
const YEAR_COL = HEADER.indexOf('2023');

/** A grid row of 甘州区 with the 2023 figure given as `v2023`. */
function row(indicator: string, v2023: unknown, region: unknown = 620702): unknown[] {
	const r: unknown[] = [region, '甘州区', indicator, '', '%', '实际', ...HEADER.slice(6).map(() => null)];
	r[YEAR_COL] = v2023;
	return r;
}

async function planOf(
	sheets: SheetSpec[],
	sheet?: string
): Promise<{ plan: ImportPlan; reads: Awaited<ReturnType<typeof readWorkbookFile>> }> {
	const reads = await readWorkbookFile({ name: '甘州区.xlsx', bytes: await workbook(sheets), sheet });
	return {
		plan: planImport(
			reads.map((r) => r.text),
			EMPTY_SNAPSHOT
		),
		reads
	};
}

const issues = (p: ImportPlan) => p.rejected.map((i) => `${i.row}:${i.column}:${i.code}`);
const cellOf = (p: ImportPlan, indicator: string, region = '620702') =>
	p.changes.find((c) => c.regionCode === region && c.indicatorCode === indicator)?.after.cells['2023'];

describe('a sheet read as a CSV is', () => {
	it('figures as the numbers stored, codes typed as numbers as their digits', async () => {
		const { plan } = await planOf([
			{ sheet: '甘州区', data: [HEADER, row('EDU01', 95.8), row('EDU02', 0.1 + 0.2)] }
		]);
		expect(issues(plan)).toEqual([]);
		expect(cellOf(plan, 'EDU01')).toEqual({ t: 'n', v: 95.8 });
		// Excel keeps the sum as 0.30000000000000004: that is the number, not the 0.3 shown.
		expect(cellOf(plan, 'EDU02')).toEqual({ t: 'n', v: 0.30000000000000004 });
	});

	it('the number stored, not the text its format shows; a date in a note as its day', async () => {
		const shown = { type: Number, value: 95.8, format: '0' };
		const r = row('EDU01', shown);
		r[HEADER.indexOf('备注')] = { type: Date, value: new Date(Date.UTC(2023, 4, 1)), format: 'yyyy/m/d' };
		const { plan } = await planOf([{ sheet: 'S', data: [HEADER, r] }]);
		expect(cellOf(plan, 'EDU01')).toEqual({ t: 'n', v: 95.8 });
		expect(plan.changes[0]!.after.note).toBe('2023-05-01');
	});

	it('a title merged across the columns above the header, as a CSV title row', async () => {
		const title = [
			{ type: String, value: '甘州区 2023 年报表', columnSpan: 6 },
			null,
			null,
			null,
			null,
			null
		];
		const { plan } = await planOf([{ sheet: 'Sheet1', data: [title, HEADER, row('EDU01', 96.4)] }]);
		expect(plan.files[0]!.problems.map((p) => p.code)).toEqual(['rows-before-header']);
		expect(cellOf(plan, 'EDU01')).toEqual({ t: 'n', v: 96.4 });
		// Rows are named as Excel numbers them.
	});

	it('a region code merged down its rows, given to each row', async () => {
		const code = { type: Number, value: 620702, rowSpan: 2 };
		const { plan } = await planOf([
			{ sheet: 'S', data: [HEADER, row('EDU01', 96.4, code), row('EDU02', 97, null)] }
		]);
		expect(issues(plan)).toEqual([]);
		expect(cellOf(plan, 'EDU02')).toEqual({ t: 'n', v: 97 });
	});

	it('a figure merged down two rows: the first row has it, the second is refused by name', async () => {
		const figure = { type: Number, value: 96.4, rowSpan: 2 };
		const { plan } = await planOf([{ sheet: 'S', data: [HEADER, row('EDU01', figure), row('EDU02', null)] }]);
		expect(cellOf(plan, 'EDU01')).toEqual({ t: 'n', v: 96.4 });
		expect(issues(plan)).toEqual(['3:2023:xlsx-merged']);
	});

	it('a percentage format read as the percent Excel shows', async () => {
		const shown = { type: Number, value: 0.958, format: '0.0%' };
		const { plan } = await planOf([{ sheet: 'S', data: [HEADER, row('EDU01', shown)] }]);
		expect(cellOf(plan, 'EDU01')).toEqual({ t: 'n', v: 95.8 });
		expect(percentText(0.958)).toBe('95.8%');
		expect(percentText(1)).toBe('100%');
		expect(percentText(0.0005)).toBe('0.05%');
		expect(percentText(-0.12)).toBe('-12%');
	});

	it('dates, TRUE/FALSE and a formula never calculated refused where a figure is expected', async () => {
		const date = { type: Date, value: new Date(Date.UTC(2023, 4, 1)), format: 'yyyy-mm-dd' };
		const formula = { type: 'Formula', value: '=G3*2' };
		const { plan } = await planOf([
			{
				sheet: 'S',
				data: [HEADER, row('EDU01', date), row('EDU02', true), row('EDU03', formula), row('EDU04', 88)]
			}
		]);
		expect(issues(plan)).toEqual(['2:2023:xlsx-date', '3:2023:xlsx-boolean', '4:2023:xlsx-formula-novalue']);
		expect(plan.rejected[0]!.params).toEqual({ text: '2023-05-01' });
		expect(cellOf(plan, 'EDU04')).toEqual({ t: 'n', v: 88 });
	});
});

describe('formulas of another workbook', () => {
	it('read as their results with a warning, a shared formula filled down in Excel too', async () => {
		const bytes = await workbook([{ sheet: 'S', data: [HEADER, row('EDU01', 1), row('EDU02', 2)] }]);
		// As Excel writes a formula filled down: the first cell holds the text, the rest point to it.
		const files = unzipSync(bytes);
		const name = 'xl/worksheets/sheet1.xml';
		const at = (r: number) => `${String.fromCharCode(65 + YEAR_COL)}${r}`;
		files[name] = strToU8(
			strFromU8(files[name]!)
				.replace(
					new RegExp(`<c r="${at(2)}"([^>]*)><v>1</v></c>`),
					`<c r="${at(2)}"$1><f t="shared" ref="${at(2)}:${at(3)}" si="0">G2*2</f><v>95.8</v></c>`
				)
				.replace(
					new RegExp(`<c r="${at(3)}"([^>]*)><v>2</v></c>`),
					`<c r="${at(3)}"$1><f t="shared" si="0"/><v>96.4</v></c>`
				)
		);
		const reads = await readWorkbookFile({ name: 'x.xlsx', bytes: zipSync(files) });
		const plan = planImport(
			reads.map((r) => r.text),
			EMPTY_SNAPSHOT
		);
		expect(cellOf(plan, 'EDU01')).toEqual({ t: 'n', v: 95.8 });
		expect(cellOf(plan, 'EDU02')).toEqual({ t: 'n', v: 96.4 });
		expect(plan.warnings.map((w) => `${w.row}:${w.column}:${w.code}`)).toEqual([
			'2:2023:xlsx-formula-value',
			'3:2023:xlsx-formula-value'
		]);
	});
});

describe('which sheets are read', () => {
	const sheets = (): SheetSpec[] => [
		{ sheet: '封面', data: [['甘州区教育现代化指标']] },
		{ sheet: '甘州区', data: [HEADER, row('EDU01', 95.8)] },
		{ sheet: '临泽县', data: [HEADER, row('EDU01', 91, 620723)] }
	];

	it('the first sheet with the header, the choices listed for the preview', async () => {
		const { plan, reads } = await planOf(sheets());
		expect(reads.map((r) => r.info.sheet)).toEqual([
			{ name: '甘州区', choices: ['甘州区', '临泽县'], chosen: '甘州区' }
		]);
		expect(reads[0]!.info.name).toBe('甘州区.xlsx · 甘州区');
		expect(plan.changes.map((c) => c.regionCode)).toEqual(['620702']);
	});

	it('the sheet the planner picks, or all of them', async () => {
		expect((await planOf(sheets(), '临泽县')).plan.changes.map((c) => c.regionCode)).toEqual(['620723']);
		const all = await planOf(sheets(), ALL_SHEETS);
		expect(all.plan.changes.map((c) => c.regionCode).sort()).toEqual(['620702', '620723']);
		expect(all.plan.files).toHaveLength(2);
	});

	it('all sheets of our own export, with who sent it from its 说明 sheet', async () => {
		const meta = metadataRow({
			exportedAt: new Date(2026, 10, 30, 9, 5),
			sender: { unit: '甘州区教育局', name: '张三' }
		});
		const { plan } = await planOf([{ sheet: ABOUT_SHEET, data: [['说明'], meta] }, ...sheets().slice(1)]);
		expect(plan.files).toHaveLength(2);
		expect(plan.files[1]!.source).toMatchObject({
			senderUnit: '甘州区教育局',
			senderName: '张三',
			dateFrom: 'metadata'
		});
	});

	it('none with the header: refused, naming the sheets', async () => {
		const { plan } = await planOf([
			{ sheet: '封面', data: [['x']] },
			{ sheet: '数据', data: [['a', 'b']] }
		]);
		expect(plan.files[0]!.problems).toEqual([
			{ code: 'xlsx-no-header', params: { sheets: '封面、数据' }, fatal: true }
		]);
	});
});

describe('a task file saved as a workbook', () => {
	it('is refused with the way to import it (task files are CSV only)', async () => {
		const header = TASK_COLUMNS.map((c) => TASK_HEADER_ZH[c]);
		const { plan } = await planOf([{ sheet: '任务', data: [header, [620702, '1', 2026]] }]);
		expect(plan.files[0]!.problems).toEqual([{ code: 'xlsx-task-file', params: {}, fatal: true }]);
	});
});

describe('a file that is no workbook', () => {
	const read = (bytes: Uint8Array) => readWorkbookFile({ name: 'x.xlsx', bytes });

	it('a cut-off or foreign zip is refused as damaged', async () => {
		const good = await workbook([{ sheet: 'S', data: [HEADER] }]);
		expect((await read(good.subarray(0, good.length - 200)))[0]!.text.refused).toBe('xlsx-damaged');
		expect((await read(zipSync({ 'a.txt': new Uint8Array([1, 2, 3]) })))[0]!.text.refused).toBe(
			'xlsx-damaged'
		);
	});

	it('a zip that says it unpacks past the limit is refused before it is unpacked', async () => {
		// A small entry whose size in the zip's directory claims 4 GB, as a zip bomb's does.
		const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(1000) });
		const view = new DataView(bomb.buffer);
		for (let i = 0; i < bomb.length - 4; i++) {
			if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xf0000000, true);
		}
		expect((await read(bomb))[0]!.text.refused).toBe('xlsx-too-large');
	});
});
