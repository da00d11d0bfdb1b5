// The city's own sheet against a real workbook (fake-indexeddb) and the real formula engine:
// its 2020 column and the targets sheet's city baseline are one stored figure, shown alike.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete, replayingPort } from './test-workbooks';
import { RegionSheet } from './region-sheet.svelte';
import { TargetsSheet } from './targets-sheet.svelte';
import { getEngine, regionSheetName, reloadEngine } from './engine-session';
import { Locale } from '$lib/i18n/locale.svelte';
import { CITY_CODE } from '$lib/core/model';
import { columnOfYear, COMPARISON_COLUMNS, targetColumn, TARGETS_SHEET } from '$lib/engine/sheet-layout';
import { planIndicators } from '$lib/core/plan';

const GANZHOU = '620702';
const CITY_SHEET = '张掖市';
const D2020 = columnOfYear(2020);
const CITY_BASELINE = targetColumn(CITY_CODE, 2020, 'value');

const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

async function setUp() {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	// The engine is the session's one instance: rebuild it from this test's workbook.
	const engine = getEngine(workbook, 'zh');
	reloadEngine(workbook, 'zh');
	const locale = new Locale();
	const city = new RegionSheet(workbook, CITY_CODE, locale, engine);
	// Without a grid on screen, a replayed step (undo) comes straight back as an edit.
	city.port = replayingPort(city);
	return { workbook, engine, locale, city };
}

describe("the city's sheet", () => {
	it('is one more sheet of the engine, named 张掖市, starting from the seeded baselines', async () => {
		const { engine } = await setUp();
		expect(regionSheetName(CITY_CODE)).toBe(CITY_SHEET);
		expect(engine.value(CITY_SHEET, 0, D2020)).toBe(99.51);
		expect(engine.value(TARGETS_SHEET, 0, CITY_BASELINE)).toBe(99.51);
	});

	it('an edit of its 2020 figure is the targets sheet’s city baseline too, for formulas that read it', async () => {
		const { engine, city, workbook } = await setUp();
		// A planner's formula in a county sheet reading the city baseline on the targets sheet.
		engine.setCells([
			{ sheet: regionSheetName(GANZHOU), row: 0, col: columnOfYear(2024), content: "='目标'!D1" }
		]);
		city.onEdits([{ row: 0, col: D2020, after: 99.7 }], 'user');
		expect(engine.value(TARGETS_SHEET, 0, CITY_BASELINE)).toBe(99.7);
		expect(engine.value(regionSheetName(GANZHOU), 0, columnOfYear(2024))).toBe(99.7);
		await city.settled();
		expect(workbook.getSeries(CITY_CODE, 'EDU01', 'actual')?.cells['2020']).toEqual({ t: 'n', v: 99.7 });

		city.undo();
		// The undo replays the step through the grid, which queues its write behind the undo.
		await city.settled();
		await city.settled();
		expect(engine.value(TARGETS_SHEET, 0, CITY_BASELINE)).toBe(99.51);
		expect(workbook.getSeries(CITY_CODE, 'EDU01', 'actual')?.cells['2020']).toEqual({ t: 'n', v: 99.51 });
	});

	it('an edit of the city baseline on the targets sheet shows in the city’s 2020 column', async () => {
		const { engine, workbook, locale } = await setUp();
		const targets = new TargetsSheet(workbook, locale, engine);
		targets.onEdits([{ row: 1, col: CITY_BASELINE, after: 99.2 }], 'user');
		expect(engine.value(CITY_SHEET, 1, D2020)).toBe(99.2);
		// Other target columns are not the city's figures.
		targets.onEdits([{ row: 1, col: targetColumn(CITY_CODE, 2025, 'value'), after: 99.4 }], 'user');
		expect(engine.value(CITY_SHEET, 1, columnOfYear(2025))).toBeNull();
	});

	it('EDU03 is a percentage for the city, checked for plausibility; yes/no in a county', async () => {
		const { workbook, engine, locale, city } = await setUp();
		expect(city.validate(2, columnOfYear(2024), '50')).toEqual({ ok: true, content: 50 });
		expect(city.validate(2, columnOfYear(2024), '50%')).toEqual({ ok: true, content: 50 });
		expect(city.validate(2, columnOfYear(2024), '是').ok).toBe(false);
		expect(city.implausibleRange(2, 250)).toBe('0–200%');
		const county = new RegionSheet(workbook, GANZHOU, locale, engine);
		expect(county.validate(2, columnOfYear(2024), '是')).toEqual({ ok: true, content: true });
		expect(county.validate(2, columnOfYear(2024), '50').ok).toBe(false);
	});

	it('refuses a formula in 2020 (the targets sheet takes figures), and takes one in later years', async () => {
		const { city } = await setUp();
		const refused = city.validate(0, D2020, '=D2');
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.message).toContain('基线');
		expect(city.validate(0, columnOfYear(2021), '=D1+0.1')).toEqual({ ok: true, content: '=D1+0.1' });
	});

	it('a retyped 2020 figure keeps the qualifier it is counted by (EDU03: 基本均衡)', async () => {
		const { workbook, city } = await setUp();
		expect(workbook.getSeries(CITY_CODE, 'EDU03', 'actual')?.cells['2020']).toEqual({
			t: 'n',
			v: 100,
			q: '基本均衡'
		});
		city.onEdits([{ row: 2, col: D2020, after: 83.3 }], 'user');
		await city.settled();
		expect(workbook.getSeries(CITY_CODE, 'EDU03', 'actual')?.cells['2020']).toEqual({
			t: 'n',
			v: 83.3,
			q: '基本均衡'
		});
	});

	it('has the plan’s nine rows, and judges EDU03 against the city’s 50% target as a figure', async () => {
		const { engine, city } = await setUp();
		expect(city.rows.map((r) => r.indicator.code)).toEqual(planIndicators.map((i) => i.code));
		const at = (role: 'gap' | 'status') =>
			COMPARISON_COLUMNS.find((c) => c.year === 2025 && c.level === CITY_CODE && c.role === role)!.col;
		// What the grid puts into the engine as the planner types 33.3 (2 of 6 counties) in 2024.
		engine.setCells([{ sheet: CITY_SHEET, row: 2, col: columnOfYear(2024), content: 33.3 }]);
		expect(engine.value(CITY_SHEET, 2, at('gap'))).toBe(-16.7);
		// The city's 2020 figure (100) counts 基本均衡, the target 优质均衡: no path runs from it.
		expect(engine.value(CITY_SHEET, 2, at('status'))).toBe('数据不足');
		engine.setCells([{ sheet: CITY_SHEET, row: 2, col: columnOfYear(2024), content: 50 }]);
		expect(engine.value(CITY_SHEET, 2, at('status'))).toBe('已达标');
	});
});
