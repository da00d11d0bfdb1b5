// The tasks page's indicator statuses: read as stored when the county's sheet holds no
// formula (no engine loaded), through the engine when it does, unknown until computed, and the
// same as the comparison sheet's either way. Real workbook (fake-indexeddb), real engine.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Workbook } from './workbook.svelte';
import { closeAndDelete } from './test-workbooks';
import { IndicatorStatuses } from './indicator-statuses.svelte';
import { ComparisonSheet } from './comparison-sheet.svelte';
import { getEngine } from './engine-session';
import { planIndicators } from '$lib/core/plan';
import { CITY_CODE, PROVINCE_CODE, TARGET_YEARS } from '$lib/core/model';

const GANZHOU = '620702';
const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

async function openWorkbook(): Promise<Workbook> {
	const workbook = new Workbook();
	opened.push(workbook);
	await workbook.open();
	return workbook;
}

function allStatuses(read: (code: string, year: number, level: string) => unknown) {
	return planIndicators.flatMap((i) =>
		TARGET_YEARS.flatMap((y) => [CITY_CODE, PROVINCE_CODE].map((l) => read(i.code, y, l)))
	);
}

function engineStatuses(workbook: Workbook) {
	const sheet = new ComparisonSheet(workbook, GANZHOU, getEngine(workbook, 'zh'), () => 'zh');
	return allStatuses((code, year, level) => {
		const row = sheet.rows.find((r) => r.indicator.code === code);
		return row?.comparisons.find((x) => x.year === year && x.level === level)?.status ?? null;
	});
}

describe('indicator statuses beside the tasks', { timeout: 30_000 }, () => {
	it('without a formula: read as stored, equal to the engine’s', async () => {
		const workbook = await openWorkbook();
		await workbook.writeCells(
			[
				{
					regionCode: GANZHOU,
					indicatorCode: 'EDU01',
					kind: 'actual',
					year: 2024,
					after: { t: 'n', v: 99.6 }
				},
				{ regionCode: GANZHOU, indicatorCode: 'EDU02', kind: 'actual', year: 2023, after: { t: 'n', v: 80 } }
			],
			'input'
		);
		const statuses = new IndicatorStatuses(workbook, GANZHOU, () => 'zh');
		const stored = allStatuses((c, y, l) => statuses.status(c, y, l));
		expect(stored).not.toContain(undefined);
		expect(stored).toEqual(engineStatuses(workbook));
	});

	it('with a formula: unknown until the engine has computed, then the engine’s', async () => {
		const workbook = await openWorkbook();
		await workbook.writeCells(
			[
				{ regionCode: GANZHOU, indicatorCode: 'EDU01', kind: 'actual', year: 2023, after: { t: 'n', v: 90 } },
				{
					regionCode: GANZHOU,
					indicatorCode: 'EDU01',
					kind: 'actual',
					year: 2024,
					after: { t: 'f', f: '=G1+10' }
				}
			],
			'input'
		);
		const statuses = new IndicatorStatuses(workbook, GANZHOU, () => 'zh');
		expect(statuses.status('EDU01', 2025, CITY_CODE)).toBeUndefined();
		await vi.waitFor(() => expect(statuses.status('EDU01', 2025, CITY_CODE)).not.toBeUndefined());
		// 90 + 10 = 100 meets the 2025 target; read as stored (no figure in 2024) it would not.
		expect(statuses.status('EDU01', 2025, CITY_CODE)).toBe('met');
		expect(allStatuses((c, y, l) => statuses.status(c, y, l))).toEqual(engineStatuses(workbook));
	});
});
