// One door: the same text gets the same verdict whichever way it comes in — typed or pasted
// in a county's sheet, the city's figures or the targets sheet (validate is what the grid
// calls for both), read from a CSV file (with the page's formula check after the worker),
// or restored from a backup. Real workbook (fake-indexeddb) and the real formula engine.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import type { GridPort } from '$lib/grid/contract';
import { closeAndDelete } from './test-workbooks';
import { RegionSheet } from './region-sheet.svelte';
import { TargetsSheet } from './targets-sheet.svelte';
import { getEngine, reloadEngine } from './engine-session';
import { Locale } from '$lib/i18n/locale.svelte';
import { cellRefusalText } from '$lib/i18n/cell-refusal-text';
import { CITY_CODE, type Cell } from '$lib/core/model';
import {
	cellContent,
	COL_NAME,
	COL_NOTE,
	COL_UNIT,
	columnOfYear,
	targetColumn,
	textContent
} from '$lib/engine/sheet-layout';
import { NAME_MAX, NOTE_MAX, UNIT_MAX } from '$lib/core/limits';
import { checkFigure, type CellVerdict, type FigureContext } from '$lib/core/cell-check';
import { formulasOf, planImport } from '$lib/core/exchange/import';
import { EMPTY_SNAPSHOT } from '$lib/core/exchange/snapshot';
import { validateContent } from '$lib/core/backup/envelope';
import { unparsableFormulas } from '$lib/engine/formula-check';

const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

const TEXTS = [
	'99.5',
	'99.5%',
	'1,234.5',
	'>99',
	'很高',
	'95 (优质均衡)',
	`95 (${'长'.repeat(41)})`,
	'=D1+1',
	'=SUM(D1',
	'=SEQUENCE(1000,1000)',
	`=${'('.repeat(70)}1${')'.repeat(70)}`
];

type Verdict = { cell: Cell | null } | { code: string };
const verdictOf = (v: CellVerdict): Verdict => (v.ok ? { cell: v.cell } : { code: v.code });

/** The import's verdict, as the page gets it: worker plan, engine check, plan again. */
function importVerdict(region: string, year: number, kind: string, text: string): Verdict {
	const csv = `地区代码,指标代码,类型,${year}\n${region},EDU01,${kind},"${text.replace(/"/g, '""')}"\n`;
	let plan = planImport([{ text: csv }], EMPTY_SNAPSHOT);
	const bad = unparsableFormulas(formulasOf(plan));
	if (bad.length) plan = planImport([{ text: csv }], EMPTY_SNAPSHOT, { badFormulas: new Set(bad) });
	const refused = plan.rejected[0];
	if (refused) return { code: refused.code.replace(/^value-/, '') };
	return { cell: plan.changes[0]?.after.cells[String(year)] ?? null };
}

/** The restore's verdict for a formula as a backup stores it (figures are stored parsed). */
function restoreVerdict(region: string, year: number, kind: 'actual' | 'target', cell: Cell): string | null {
	const series = {
		regionCode: region,
		indicatorCode: 'EDU01',
		kind,
		cells: { [year]: cell },
		note: '',
		updatedAt: 1
	};
	const out = validateContent({ tables: { series: [series] } });
	return out.ok ? null : out.problem.code === 'bad-row' ? (out.problem.reason ?? null) : out.problem.code;
}

async function setUp() {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	const engine = getEngine(workbook, 'zh');
	reloadEngine(workbook, 'zh');
	const locale = new Locale();
	return {
		workbook,
		locale,
		engine,
		county: new RegionSheet(workbook, '620702', locale, engine),
		city: new RegionSheet(workbook, CITY_CODE, locale, engine),
		targets: new TargetsSheet(workbook, locale, engine)
	};
}

describe('every way a figure comes in gives the same verdict for the same text', () => {
	const places: { name: string; region: string; year: number; ctx: FigureContext }[] = [
		{
			name: 'a county figure',
			region: '620702',
			year: 2024,
			ctx: { level: 'county', unit: '%', measure: 'value', kind: 'actual', year: 2024 }
		},
		{
			name: 'the city baseline (2020)',
			region: CITY_CODE,
			year: 2020,
			ctx: { level: 'city', unit: '%', measure: 'value', kind: 'actual', year: 2020 }
		}
	];

	it.each(places)('$name: grid, paste, import and restore agree', async ({ region, year, ctx }) => {
		const { locale, engine, county, city, targets } = await setUp();
		const sheet = region === CITY_CODE ? city : county;
		const withParser = { ...ctx, formulaSyntax: (f: string) => engine.validateFormula(f) };
		for (const text of TEXTS) {
			const expected = checkFigure(withParser, text);
			// The grid (typing and pasting both pass through validate).
			const grid = sheet.validate(0, columnOfYear(year), text);
			if (expected.ok) expect(grid, text).toEqual({ ok: true, content: cellContent(expected.cell) });
			else {
				expect(grid.ok, text).toBe(false);
				const body = cellRefusalText(locale, expected, '§').split('§')[1]!;
				expect(!grid.ok && grid.message.endsWith(body), `${text}: ${!grid.ok && grid.message}`).toBe(true);
			}
			// The targets sheet's city baseline is the same stored cell as the city's 2020 figure.
			if (region === CITY_CODE) {
				const t = targets.validate(0, targetColumn(CITY_CODE, 2020, 'value'), text);
				const formula = expected.ok && expected.cell?.t === 'f';
				expect(t.ok, text).toBe(expected.ok && !formula);
			}
			// A CSV file, the worker's plan checked on the page.
			expect(importVerdict(region, year, '实际', text), text).toEqual(verdictOf(expected));
			// A backup holding the formula as it would store it.
			if (text.startsWith('=')) {
				const restored = restoreVerdict(region, year, 'actual', { t: 'f', f: text });
				expect(restored, text).toBe(
					expected.ok ? null : expected.code === 'bad-formula' ? null : expected.code
				);
			}
		}
	});

	it('a formula the parser refuses is a named refused row of the import, and not in the changes', () => {
		const csv = '地区代码,指标代码,类型,2022,2023\n620702,EDU01,实际,=SUM(D1,99\n620702,EDU02,实际,=D1+1,\n';
		const first = planImport([{ text: csv }], EMPTY_SNAPSHOT);
		expect(unparsableFormulas(formulasOf(first))).toEqual(['=SUM(D1']);
		const plan = planImport([{ text: csv }], EMPTY_SNAPSHOT, { badFormulas: new Set(['=SUM(D1']) });
		expect(plan.rejected.map((r) => [r.row, r.column, r.code])).toEqual([[2, '2022', 'value-bad-formula']]);
		expect(plan.changes.map((c) => c.indicatorCode)).toEqual(['EDU02']);
	});
});

describe('names, units and notes typed in the grid keep the same limits as a file', () => {
	it('refuses a name, unit or note over its limit by name, and an own indicator past the county limit', async () => {
		const { county } = await setUp();
		await county.addIndicator({ nameZh: '教师培训', unit: '人', direction: 'higher' });
		const row = county.rows.findIndex((r) => r.own);
		expect(county.validate(row, COL_NAME, '名'.repeat(NAME_MAX + 1))).toMatchObject({ ok: false });
		expect(county.validate(row, COL_UNIT, '单'.repeat(UNIT_MAX + 1))).toMatchObject({ ok: false });
		expect(county.validate(row, COL_NOTE, '注'.repeat(NOTE_MAX + 1))).toMatchObject({ ok: false });
		expect(county.validate(row, COL_NOTE, ' 注 ')).toEqual({ ok: true, content: textContent(' 注 ') });
		const before = county.rows.length;
		await county.addIndicator({ nameZh: '另一个', unit: '单'.repeat(UNIT_MAX + 1), direction: 'higher' });
		expect(county.rows.length).toBe(before);
		expect(county.message?.text).toContain(String(UNIT_MAX));
	});
});

describe('the targets sheet stores what its three columns show, through the same check', () => {
	it('a baseline, and a target with its comparator and standard', async () => {
		const { targets, workbook } = await setUp();
		const data = targets.content();
		targets.port = { source: () => data, setCells: () => {}, load: () => {} } as unknown as GridPort;
		const baseline = targetColumn(CITY_CODE, 2020, 'value');
		expect(targets.validate(6, baseline, '76.5')).toEqual({ ok: true, content: 76.5 });
		data[6]![baseline] = 76.5;
		targets.onEdits([{ row: 6, col: baseline, after: 76.5 }], 'user');
		await targets.settled();
		expect(workbook.getSeries(CITY_CODE, 'EDU07', 'actual')?.cells['2020']).toEqual({ t: 'n', v: 76.5 });

		const target = targetColumn(CITY_CODE, 2025, 'value');
		data[6]![target] = 81.5;
		data[6]![targetColumn(CITY_CODE, 2025, 'comparator')] = '>';
		data[6]![targetColumn(CITY_CODE, 2025, 'qualifier')] = '优质均衡';
		targets.onEdits([{ row: 6, col: target, after: 81.5 }], 'user');
		await targets.settled();
		expect(workbook.getSeries(CITY_CODE, 'EDU07', 'target')?.cells['2025']).toEqual({
			t: 'n',
			v: 81.5,
			cmp: '>',
			q: '优质均衡'
		});
	});
});
