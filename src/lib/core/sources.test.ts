import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cell, Series } from './model';
import { counties, planIndicators } from './plan';
import type { ImportRecord } from './exchange/import-record';
import { daysBetween, latestReportedYear, STALE_AFTER_DAYS, summariseSources } from './sources';

const GANZHOU = '620702';
const MINLE = '620722';
const LINZE = '620723';

/** A county's nine plan figures for the given years (EDU03 as yes/no), as an import writes them. */
function nine(regionCode: string, years: number[], updatedAt = 100, except: string[] = []): Series[] {
	return planIndicators
		.filter((i) => !except.includes(i.code))
		.map((i) => ({
			regionCode,
			indicatorCode: i.code,
			kind: 'actual' as const,
			cells: Object.fromEntries(
				years.map((y): [string, Cell] => [
					String(y),
					i.code === 'EDU03' ? { t: 'b', v: y > 2022 } : { t: 'n', v: 95 }
				])
			),
			note: '',
			updatedAt
		}));
}

function record(
	over: Partial<ImportRecord> & Pick<ImportRecord, 'fileName'>,
	regionCodes: string[]
): ImportRecord {
	return {
		id: 1,
		size: 100,
		encoding: 'utf-8',
		importedAt: 100,
		exportedAt: null,
		fileDate: null,
		dateFrom: 'unknown',
		senderUnit: null,
		senderName: null,
		regions: regionCodes.map((regionCode) => ({
			regionCode,
			added: 9,
			changed: 0,
			unchanged: 0,
			rejected: 0
		})),
		...over
	};
}

describe('summariseSources', () => {
	const imports: ImportRecord[] = [
		record(
			{
				id: 1,
				fileName: '620702-甘州区-20261122.csv',
				exportedAt: '2026-11-22 09:00',
				fileDate: '2026-11-22',
				dateFrom: 'metadata',
				senderUnit: '甘州区教育局',
				senderName: '张三'
			},
			[GANZHOU]
		),
		record(
			{
				id: 2,
				fileName: '620702-甘州区-20261129.csv',
				exportedAt: '2026-11-29 10:32',
				fileDate: '2026-11-29',
				dateFrom: 'metadata',
				senderUnit: '甘州区教育局'
			},
			[GANZHOU]
		),
		record({ id: 3, fileName: '620723-临泽县-20261128.csv', fileDate: '2026-11-28', dateFrom: 'file-name' }, [
			LINZE
		]),
		record({ id: 4, fileName: '620722-民乐县-20261101.csv', fileDate: '2026-11-01', dateFrom: 'file-name' }, [
			MINLE
		])
	];
	const series = [
		...nine(GANZHOU, [2023, 2024]),
		...nine(LINZE, [2023]),
		...nine(MINLE, [2024], 100, ['EDU05'])
	];
	const s = summariseSources({ imports, series });
	const county = (code: string) => s.counties.find((c) => c.regionCode === code)!;

	it('lists the six counties in plan order, 甘州区 first, each with its files newest first', () => {
		expect(s.counties.map((c) => c.regionCode)).toEqual(counties.map((c) => c.code));
		expect(s.counties[0]!.regionCode).toBe(GANZHOU);
		expect(county(GANZHOU).files.map((f) => f.fileName)).toEqual([
			'620702-甘州区-20261129.csv',
			'620702-甘州区-20261122.csv'
		]);
		expect(county(GANZHOU).latest).toMatchObject({
			exportedAt: '2026-11-29 10:32',
			senderUnit: '甘州区教育局',
			dateFrom: 'metadata'
		});
	});

	it('measures each county’s lag behind the newest file; 7 days or more, or no file, is stale', () => {
		expect(s.newestDate).toBe('2026-11-29');
		expect(county(GANZHOU)).toMatchObject({ lagDays: 0, isStale: false, staleReason: null });
		expect(county(LINZE)).toMatchObject({ lagDays: 1, isStale: false });
		expect(county(MINLE)).toMatchObject({ lagDays: 28, isStale: true, staleReason: 'older' });
		expect(county('620721')).toMatchObject({
			latest: null,
			lagDays: null,
			isStale: true,
			staleReason: 'no-file'
		});
	});

	it('shows a county with no 2024 figures as incomplete for 2024', () => {
		expect(s.reportingYear).toBe(2024);
		expect(s.years).toEqual([2020, 2021, 2022, 2023, 2024]);
		const linze = county(LINZE).completeness;
		expect(linze.find((y) => y.year === 2023)).toEqual({
			year: 2023,
			filled: 9,
			expected: 9,
			isComplete: true
		});
		expect(linze.find((y) => y.year === 2024)).toEqual({
			year: 2024,
			filled: 0,
			expected: 9,
			isComplete: false
		});
		expect(county(MINLE).completeness.at(-1)).toMatchObject({ filled: 8, isComplete: false });
		expect(county(GANZHOU).completeness.at(-1)).toMatchObject({ filled: 9, isComplete: true });
	});

	it('adds up per county and per year', () => {
		expect(county(GANZHOU)).toMatchObject({ filled: 18, expected: 45, years: [2023, 2024] });
		expect(s.totals.at(-1)).toEqual({ year: 2024, filled: 17, expected: 54, isComplete: false });
		expect(s.filled).toBe(18 + 9 + 8);
		expect(s.expected).toBe(6 * 9 * 5);
	});

	it('counts a formula and EDU03’s no as filled, and ignores own indicators and targets', () => {
		const only: Series[] = [
			{
				regionCode: GANZHOU,
				indicatorCode: 'EDU01',
				kind: 'actual',
				cells: { '2024': { t: 'f', f: '=G1+1' } },
				note: '',
				updatedAt: 1
			},
			{
				regionCode: GANZHOU,
				indicatorCode: 'EDU03',
				kind: 'actual',
				cells: { '2024': { t: 'b', v: false } },
				note: '',
				updatedAt: 1
			},
			{
				regionCode: GANZHOU,
				indicatorCode: 'C01',
				kind: 'actual',
				cells: { '2024': { t: 'n', v: 3 } },
				note: '',
				updatedAt: 1
			},
			{
				regionCode: '620700',
				indicatorCode: 'EDU01',
				kind: 'target',
				cells: { '2035': { t: 'n', v: 99 } },
				note: '',
				updatedAt: 1
			}
		];
		const g = summariseSources({ imports: [], series: only }).counties[0]!;
		expect(g.completeness.at(-1)).toMatchObject({ year: 2024, filled: 2 });
		expect(g.years).toEqual([2024]);
	});

	it('says when a county’s figures were typed here rather than imported', () => {
		const typed = summariseSources({ imports, series: [...series, ...nine('620724', [2024], 555)] });
		expect(typed.counties.find((c) => c.regionCode === '620724')).toMatchObject({
			hasLocalFigures: true,
			isStale: true,
			staleReason: 'no-file'
		});
		expect(county(GANZHOU).hasLocalFigures).toBe(false);
	});

	it('takes the reporting year it is given (kept within 2020–2035), and 2020 when nothing is there', () => {
		expect(summariseSources({ imports, series, reportingYear: 2025 }).years.at(-1)).toBe(2025);
		expect(summariseSources({ imports, series, reportingYear: 1999 }).years).toEqual([2020]);
		expect(summariseSources({ imports: [], series: [] }).reportingYear).toBe(2020);
		expect(latestReportedYear(series)).toBe(2024);
	});

	it('dates a file with no date of its own by the day it was imported', () => {
		const at = new Date(2026, 10, 20, 15, 0).getTime();
		const one = summariseSources({
			imports: [record({ fileName: 'x.csv', importedAt: at }, [GANZHOU])],
			series: []
		});
		expect(one.counties[0]!.latest).toMatchObject({ date: '2026-11-20', dateFrom: 'imported' });
	});
});

describe('the stale rule, on random histories', () => {
	it('a county is stale exactly when it has no file or lags the newest by 7 days or more', () => {
		const day = fc.integer({ min: 0, max: 60 }).map((n) => {
			const d = new Date(Date.UTC(2026, 9, 1 + n));
			return d.toISOString().slice(0, 10);
		});
		const entry = fc.record({ county: fc.constantFrom(...counties.map((c) => c.code)), date: day });
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
				const imports = entries.map((e, i) =>
					record({ id: i + 1, fileName: `${i}.csv`, fileDate: e.date, dateFrom: 'file-name' }, [e.county])
				);
				const s = summariseSources({ imports, series: [] });
				const newest = entries
					.map((e) => e.date)
					.sort()
					.at(-1);
				for (const c of s.counties) {
					const mine = entries
						.filter((e) => e.county === c.regionCode)
						.map((e) => e.date)
						.sort();
					if (mine.length === 0) {
						expect(c.staleReason).toBe('no-file');
						continue;
					}
					const lag = daysBetween(mine.at(-1)!, newest!);
					expect(c.lagDays).toBe(lag);
					expect(c.isStale).toBe(lag >= STALE_AFTER_DAYS);
					expect(c.files).toHaveLength(mine.length);
				}
			})
		);
	});
});
