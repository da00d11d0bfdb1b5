// Imported first, so Dexie finds fake-indexeddb's global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { CITY_CODE, seriesKey } from '$lib/core/model';
import { DEFAULT_DB_NAME } from '$lib/storage/db';
import type { SeriesDraft } from '$lib/storage/series-table';

const GANZHOU = '620702';
const MINLE = '620722';

const opened: Workbook[] = [];

async function openWorkbook(): Promise<Workbook> {
	const wb = new Workbook();
	opened.push(wb);
	await wb.open();
	return wb;
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.deleteDatabase(name);
		req.onsuccess = () => resolve();
		req.onerror = () => reject(req.error);
		req.onblocked = () => reject(new Error(`deleting ${name} is blocked`));
	});
}

// One global fake IndexedDB: close every workbook of the test and delete its database.
afterEach(async () => {
	for (const wb of opened.splice(0)) {
		if (wb.phase === 'ready') wb.db.close();
	}
	await deleteDatabase(DEFAULT_DB_NAME);
});

function countyDraft(cells: SeriesDraft['cells'], indicatorCode = 'EDU01'): SeriesDraft {
	return { regionCode: GANZHOU, indicatorCode, kind: 'actual', cells };
}

describe('Workbook.open', () => {
	it('opens, seeds the plan and starts every county empty', async () => {
		const wb = await openWorkbook();
		expect(wb.phase).toBe('ready');
		expect(wb.failure).toBeNull();
		expect(wb.getSeries(CITY_CODE, 'EDU02', 'target')?.cells['2025']).toEqual({ t: 'n', v: 99, cmp: '>' });
		expect(wb.getSeries(CITY_CODE, 'EDU01', 'target')?.cells['2025']).toEqual({ t: 'n', v: 99.53 });
		expect(wb.getSeries('620000', 'EDU09', 'actual')?.cells['2020']).toEqual({ t: 'n', v: 9.8 });
		expect(wb.getSeries(GANZHOU, 'EDU01', 'actual')).toBeUndefined();
		expect(wb.summary(GANZHOU)).toEqual({ filled: 0, lastEdited: null });
	});

	it('opening twice is one opening', async () => {
		const wb = new Workbook();
		opened.push(wb);
		const a = wb.open();
		const b = wb.open();
		expect(a).toBe(b);
		await a;
		expect(wb.phase).toBe('ready');
	});

	it('db is refused before the workbook is open', () => {
		expect(() => new Workbook().db).toThrow(/not open/);
	});
});

describe('Workbook.writeSeries', () => {
	it("a county's figures count in its summary, and only in its own", async () => {
		const wb = await openWorkbook();
		const before = Date.now();
		await wb.writeSeries([countyDraft({ '2020': { t: 'n', v: 95.2 }, '2021': { t: 'f', f: '=D1+1' } })]);
		const s = wb.summary(GANZHOU);
		expect(s.filled).toBe(2);
		expect(s.lastEdited).not.toBeNull();
		expect(s.lastEdited!).toBeGreaterThanOrEqual(before);
		expect(s.lastEdited!).toBeLessThanOrEqual(Date.now());
		expect(wb.summary(MINLE)).toEqual({ filled: 0, lastEdited: null });
		expect(wb.getSeries(GANZHOU, 'EDU01', 'actual')?.cells).toEqual({
			'2020': { t: 'n', v: 95.2 },
			'2021': { t: 'f', f: '=D1+1' }
		});
		expect(wb.saveFailure).toBeNull();
		expect(wb.lastSavedAt).not.toBeNull();
		expect(wb.pendingWrites).toBe(0);
	});

	it('targets a county holds do not count as its figures', async () => {
		const wb = await openWorkbook();
		await wb.writeSeries([
			{ regionCode: GANZHOU, indicatorCode: 'EDU01', kind: 'target', cells: { '2025': { t: 'n', v: 99 } } }
		]);
		expect(wb.summary(GANZHOU)).toEqual({ filled: 0, lastEdited: null });
	});

	it('what one workbook wrote, a workbook opened later reads', async () => {
		const first = await openWorkbook();
		await first.writeSeries([
			countyDraft({ '2020': { t: 'n', v: 95.2 }, '2024': { t: 'n', v: 97 } }),
			{ ...countyDraft({ '2024': { t: 'b', v: true } }, 'EDU03'), note: '2024年通过认定' }
		]);
		const written = first.getSeries(GANZHOU, 'EDU03', 'actual');

		const second = await openWorkbook();
		expect(second.phase).toBe('ready');
		expect(second.getSeries(GANZHOU, 'EDU03', 'actual')).toEqual(written);
		expect(second.getSeries(GANZHOU, 'EDU01', 'actual')?.cells['2024']).toEqual({ t: 'n', v: 97 });
		expect(second.summary(GANZHOU)).toEqual(first.summary(GANZHOU));
		expect(second.summary(GANZHOU).filled).toBe(3);
	});

	it('reopening does not seed over a target the user changed', async () => {
		const first = await openWorkbook();
		const seeded = first.getSeries(CITY_CODE, 'EDU01', 'target')!;
		await first.writeSeries([
			{ ...seeded, cells: { ...seeded.cells, '2025': { t: 'n', v: 99.7, cmp: '>=' } } }
		]);
		first.db.close();

		const second = await openWorkbook();
		expect(second.getSeries(CITY_CODE, 'EDU01', 'target')?.cells['2025']).toEqual({
			t: 'n',
			v: 99.7,
			cmp: '>='
		});
		expect(second.getSeries(CITY_CODE, 'EDU01', 'target')?.cells['2035']).toEqual(seeded.cells['2035']);
	});

	it('an invalid draft is refused, reported, and changes nothing in memory or on disk', async () => {
		const wb = await openWorkbook();
		await wb.writeSeries([countyDraft({ '2020': { t: 'n', v: 95.2 } })]);
		const savedAt = wb.lastSavedAt;
		const before = wb.getSeries(GANZHOU, 'EDU01', 'actual');
		const seriesCount = wb.series.size;
		const summary = wb.summary(GANZHOU);

		// A valid change to another row first: all or nothing means it must not land either.
		await expect(
			wb.writeSeries([
				countyDraft({ '2020': { t: 'n', v: 96 } }, 'EDU02'),
				countyDraft({ '2020': { t: 'n', v: 95.2 }, '2024': { t: 'n', v: NaN } })
			])
		).rejects.toThrow();
		expect(wb.saveFailure).not.toBeNull();
		expect(wb.lastSavedAt).toBe(savedAt);
		expect(wb.pendingWrites).toBe(0);
		expect(wb.getSeries(GANZHOU, 'EDU01', 'actual')).toEqual(before);
		expect(wb.getSeries(GANZHOU, 'EDU02', 'actual')).toBeUndefined();
		expect(wb.series.size).toBe(seriesCount);
		expect(wb.summary(GANZHOU)).toEqual(summary);

		const fresh = await openWorkbook();
		expect(fresh.getSeries(GANZHOU, 'EDU01', 'actual')).toEqual(before);
		expect(fresh.getSeries(GANZHOU, 'EDU02', 'actual')).toBeUndefined();
		expect(fresh.series.size).toBe(seriesCount);

		// The next good write clears the failure.
		await wb.writeSeries([countyDraft({ '2021': { t: 'n', v: 96 } }, 'EDU02')]);
		expect(wb.saveFailure).toBeNull();
	});
});

describe("a county's own indicators", () => {
	const draft = { nameZh: '专任教师数', unit: '人', direction: 'higher' as const };

	it('are numbered C01, C02 per county and listed after the plan’s nine', async () => {
		const wb = await openWorkbook();
		const c1 = await wb.addOwnIndicator(GANZHOU, draft);
		const c2 = await wb.addOwnIndicator(GANZHOU, { ...draft, nameZh: '校舍面积', unit: '平方米' });
		expect(c1.code).toBe('C01');
		expect(c2.code).toBe('C02');
		expect(c1).toMatchObject({ regionCode: GANZHOU, nameZh: '专任教师数', unit: '人', precision: 2 });
		expect(c2.order).toBeGreaterThan(c1.order);
		// Another county starts its own numbering.
		expect((await wb.addOwnIndicator(MINLE, draft)).code).toBe('C01');

		const rows = wb.rowIndicators(GANZHOU);
		expect(rows.map((r) => r.indicator.code)).toEqual([
			'EDU01',
			'EDU02',
			'EDU03',
			'EDU04',
			'EDU05',
			'EDU06',
			'EDU07',
			'EDU08',
			'EDU09',
			'C01',
			'C02'
		]);
		expect(rows.slice(0, 9).map((r) => r.planRow)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
		expect(rows.slice(0, 9).every((r) => r.own === null)).toBe(true);
		expect(rows[9]).toMatchObject({ planRow: null, own: { code: 'C01' } });
		expect(rows[10]).toMatchObject({ planRow: null, own: { code: 'C02', nameZh: '校舍面积' } });
		expect(
			wb
				.rowIndicators(MINLE)
				.map((r) => r.indicator.code)
				.slice(9)
		).toEqual(['C01']);

		// Adding one counts as an edit of the county.
		expect(wb.summary(GANZHOU).lastEdited).not.toBeNull();
		expect(wb.summary(GANZHOU).filled).toBe(0);

		const reopened = await openWorkbook();
		expect(
			reopened
				.rowIndicators(GANZHOU)
				.map((r) => r.indicator.code)
				.slice(9)
		).toEqual(['C01', 'C02']);
	});

	it('deleting removes the indicator and its figures; restoring puts both back', async () => {
		const wb = await openWorkbook();
		await wb.addOwnIndicator(GANZHOU, draft);
		await wb.addOwnIndicator(GANZHOU, { ...draft, nameZh: '校舍面积' });
		await wb.writeSeries([
			countyDraft({ '2022': { t: 'n', v: 1200 }, '2023': { t: 'n', v: 1250 } }, 'C01'),
			countyDraft({ '2022': { t: 'n', v: 5000 } }, 'C02')
		]);
		const series = wb.getSeries(GANZHOU, 'C01', 'actual');
		expect(series).toBeDefined();
		expect(wb.summary(GANZHOU).filled).toBe(3);

		const removed = await wb.deleteOwnIndicator(GANZHOU, 'C01');
		expect(removed?.indicator.code).toBe('C01');
		expect(removed?.series).toEqual([series]);
		expect(wb.getSeries(GANZHOU, 'C01', 'actual')).toBeUndefined();
		expect(wb.ownIndicators.has(`${GANZHOU}|C01`)).toBe(false);
		expect(
			wb
				.rowIndicators(GANZHOU)
				.map((r) => r.indicator.code)
				.slice(9)
		).toEqual(['C02']);
		expect(wb.summary(GANZHOU).filled).toBe(1);
		// The other indicator's figures are untouched.
		expect(wb.getSeries(GANZHOU, 'C02', 'actual')?.cells['2022']).toEqual({ t: 'n', v: 5000 });

		const whileDeleted = await openWorkbook();
		expect(whileDeleted.getSeries(GANZHOU, 'C01', 'actual')).toBeUndefined();
		expect(
			whileDeleted
				.rowIndicators(GANZHOU)
				.map((r) => r.indicator.code)
				.slice(9)
		).toEqual(['C02']);

		await wb.restoreOwnIndicator(removed!);
		expect(wb.getSeries(GANZHOU, 'C01', 'actual')).toEqual(series);
		expect(
			wb
				.rowIndicators(GANZHOU)
				.map((r) => r.indicator.code)
				.slice(9)
		).toEqual(['C01', 'C02']);
		expect(wb.summary(GANZHOU).filled).toBe(3);

		const afterRestore = await openWorkbook();
		expect(afterRestore.getSeries(GANZHOU, 'C01', 'actual')).toEqual(series);
		expect(afterRestore.ownIndicators.get(`${GANZHOU}|C01`)).toEqual(removed!.indicator);
	});

	it('deleting an indicator that is not there changes nothing', async () => {
		const wb = await openWorkbook();
		const size = wb.series.size;
		expect(await wb.deleteOwnIndicator(GANZHOU, 'C07')).toBeUndefined();
		expect(wb.series.size).toBe(size);
		expect(wb.saveFailure).toBeNull();
	});

	it('restoring over a code reused since is refused as a conflict and keeps the newer indicator', async () => {
		const wb = await openWorkbook();
		await wb.addOwnIndicator(GANZHOU, draft);
		const removed = (await wb.deleteOwnIndicator(GANZHOU, 'C01'))!;
		const reused = await wb.addOwnIndicator(GANZHOU, { ...draft, nameZh: '新指标' });
		expect(reused.code).toBe('C01');

		await expect(wb.restoreOwnIndicator(removed)).rejects.toMatchObject({ code: 'conflict' });
		expect(wb.saveFailure?.code).toBe('conflict');
		expect(wb.ownIndicators.get(`${GANZHOU}|C01`)?.nameZh).toBe('新指标');
	});

	it('keys in memory match the stored series keys', async () => {
		const wb = await openWorkbook();
		await wb.writeSeries([countyDraft({ '2020': { t: 'n', v: 1 } }, 'EDU05')]);
		for (const [key, s] of wb.series) expect(key).toBe(seriesKey(s));
	});
});

describe('the import history and the sender', () => {
	const file = (name: string, text: string) => ({ name, text, lastModified: 0 });

	it('an applied import adds one record per file, kept on reopening, and its undo takes them away', async () => {
		const { planImport } = await import('$lib/core/exchange/import');
		const wb = await openWorkbook();
		const texts = [
			file(
				'620702-甘州区-20261129.csv',
				'报送信息,导出时间,2026-11-29 10:32,报送单位,甘州区教育局\n地区代码,指标代码,类型,2024\n620702,EDU01,实际,99.6\n'
			),
			file('620722-民乐县-20261101.csv', '地区代码,指标代码,类型,2024\n620722,EDU01,实际,98\n')
		];
		const plan = planImport(texts, wb.snapshot());
		const infos = texts.map((t) => ({
			name: t.name,
			size: t.text.length,
			encoding: 'utf-8' as const,
			by: null,
			replaced: 0
		}));
		const undo = await wb.applyImport(plan, infos);
		expect(wb.imports.map((r) => [r.fileName, r.senderUnit, r.fileDate, r.dateFrom])).toEqual([
			['620702-甘州区-20261129.csv', '甘州区教育局', '2026-11-29', 'metadata'],
			['620722-民乐县-20261101.csv', null, '2026-11-01', 'file-name']
		]);
		expect(wb.imports[0]!.regions).toEqual([
			{ regionCode: GANZHOU, added: 1, changed: 0, unchanged: 0, rejected: 0 }
		]);
		const again = await openWorkbook();
		expect(again.imports).toEqual(wb.imports);
		again.db.close();
		await wb.undoImport(undo);
		expect(wb.imports).toEqual([]);
	});

	it('remembers the sender; refuses one that is not a single line', async () => {
		const wb = await openWorkbook();
		await wb.setSender({ unit: '临泽县教育局', name: '李四' });
		await expect(wb.setSender({ unit: 'a\nb', name: '' })).rejects.toThrow();
		expect(wb.sender).toEqual({ unit: '临泽县教育局', name: '李四' });
		const again = await openWorkbook();
		expect(again.sender).toEqual({ unit: '临泽县教育局', name: '李四' });
	});
});
