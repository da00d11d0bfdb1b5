// The city's Monday morning: county files exported in their own browsers (with who sent
// them), dropped together into the city's, one combined preview and one apply, then the
// sources and completeness table.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ExchangePage, csvFile, type FileToPick, COUNTIES } from './pages/exchange-page';

const HEADER = '地区代码,地区,指标代码,指标,单位,类型,2023,2024';

/** A county's nine plan figures for 2023 and (unless left out) 2024, as a hand-made file. */
function nineFigures(code: string, name: string, with2024: boolean): string {
	const rows = ['EDU01', 'EDU02', 'EDU03', 'EDU04', 'EDU05', 'EDU06', 'EDU07', 'EDU08', 'EDU09'].map(
		(ind) => {
			const v = ind === 'EDU03' ? '是' : ind === 'EDU09' ? '10.2' : '95.5';
			return `${code},${name},${ind},,,实际,${v},${with2024 ? v : ''}`;
		}
	);
	return [HEADER, ...rows].join('\r\n') + '\r\n';
}

/** Today in the browsers' time zone (playwright.config: Asia/Shanghai), as YYYY-MM-DD. */
function today(offsetDays = 0): string {
	const d = new Date(Date.now() + offsetDays * 86_400_000);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
	return context.newPage();
}

/** A county planner's browser: their figures in, their name on the export, the file out. */
async function countyExport(
	browser: Browser,
	baseURL: string | undefined,
	county: { code: string; name: string; with2024: boolean; unit: string; person: string }
): Promise<FileToPick> {
	const page = await freshPage(browser, baseURL);
	const exchange = new ExchangePage(page);
	await exchange.open();
	await exchange.pick([
		csvFile(`${county.name}.csv`, nineFigures(county.code, county.name, county.with2024))
	]);
	await exchange.apply();
	await exchange.setSender(county.unit, county.person);
	const file = await exchange.exportCounties([county.name]);
	await page.context().close();
	return csvFile(file.name, file.bytes);
}

test('county files exported with their senders import together: one preview per file and county, one apply, and the sources table', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const ganzhou = await countyExport(browser, baseURL, {
		code: '620702',
		name: '甘州区',
		with2024: true,
		unit: '甘州区教育局',
		person: '张三'
	});
	const linze = await countyExport(browser, baseURL, {
		code: '620723',
		name: '临泽县',
		with2024: false,
		unit: '临泽县教育局, "规划科"',
		person: '=李四'
	});
	// The export's first line says who and when; the header follows, exactly as in v1.
	const lines = ganzhou.buffer
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.split('\r\n');
	expect(lines[0]).toMatch(
		/^报送信息,导出时间,\d{4}-\d{2}-\d{2} \d{2}:\d{2},报送单位,甘州区教育局,填报人,张三,格式版本,1\.2$/
	);
	expect(lines[0]).toContain(`导出时间,${today()}`);
	expect(lines[1]).toMatch(/^地区代码,地区,指标代码,指标,单位,类型,2020,/);
	expect(linze.buffer.toString('utf8')).toContain('报送单位,"临泽县教育局, ""规划科""",填报人,\'=李四,');

	// An older file, hand-made (no metadata row): its date comes from its name.
	const oldDate = today(-28).replaceAll('-', '');
	const minle = csvFile(`620722-民乐县-${oldDate}.csv`, nineFigures('620722', '民乐县', true));

	const city = new ExchangePage(page);
	await city.open();
	await city.pick([ganzhou, linze, minle]);
	await expect(city.byFile).toBeVisible();
	const g = city.byFileRows(ganzhou.name);
	await expect(g).toContainText('甘州区教育局 · 张三');
	await expect(g).toContainText(`导出于 ${today()}`);
	await expect(g.getByRole('row')).toHaveCount(1);
	await expect(g.getByRole('row')).toContainText(/甘州区\s*18\s*0\s*0\s*0/);
	const l = city.byFileRows(linze.name);
	await expect(l).toContainText('临泽县教育局, "规划科" · =李四');
	await expect(l.getByRole('row')).toContainText(/临泽县\s*9\s*0\s*0\s*0/);
	await expect(city.byFileRows(minle.name)).toContainText(`${today(-28)}（取自文件名）`);
	// The metadata row is no title row: no "header on row 2" note for our own files.
	await expect(page.getByText(/表头在第 2 行/)).toHaveCount(0);
	// One apply for all three files.
	await expect(page.getByRole('button', { name: /应用导入/ })).toHaveCount(1);
	await page.getByRole('button', { name: '应用导入（新增 45 项，修改 0 项）' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toBeVisible();

	// Sources: both senders and dates, the stale county, the one never heard from.
	await expect(city.sourceRow('甘州区')).toContainText(ganzhou.name);
	await expect(city.sourceRow('甘州区')).toContainText('甘州区教育局 · 张三');
	await expect(city.sourceRow('甘州区')).toContainText('✓ 最新');
	await expect(city.sourceRow('临泽县')).toContainText('临泽县教育局, "规划科" · =李四');
	await expect(city.sourceRow('临泽县')).toContainText(`导出于 ${today()}`);
	await expect(city.sourceRow('民乐县')).toContainText('⚠ 较旧 · 晚 28 天');
	await expect(city.sourceRow('山丹县')).toContainText('⚠ 未导入过文件');
	// Completeness: 临泽县 sent no 2024 figures.
	await expect(await city.rateCell('临泽县', 2024)).toHaveText(/⚠\s*不完整\s*0\/9/);
	await expect(await city.rateCell('临泽县', 2023)).toHaveText('9/9');
	await expect(await city.rateCell('甘州区', 2024)).toHaveText('9/9');
	await expect(city.completeness.getByRole('columnheader', { name: '2025' })).toHaveCount(0);

	// Undoing the import takes its files out of the sources again.
	await page.getByRole('button', { name: '撤销本次导入' }).click();
	await expect(city.sourceRow('甘州区')).toContainText('⚠ 未导入过文件');
});

test('six county files dropped at once give one combined preview and one apply', async ({ page }) => {
	const counties = COUNTIES;
	const city = new ExchangePage(page);
	await city.open();
	const files = counties.map(([code, name]) => ({
		name: `${code}-${name}-${today().replaceAll('-', '')}.csv`,
		text: nineFigures(code, name, true)
	}));
	const data = await page.evaluateHandle((list) => {
		const dt = new DataTransfer();
		for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
		return dt;
	}, files);
	await page.locator('main').dispatchEvent('dragover', { dataTransfer: data });
	await page.locator('main').dispatchEvent('drop', { dataTransfer: data });
	await expect(city.byFile.getByRole('rowgroup')).toHaveCount(7); // the head and six files
	for (const f of files) await expect(city.byFileRows(f.name)).toContainText('18');
	await page.getByRole('button', { name: '应用导入（新增 108 项，修改 0 项）' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toBeVisible();
	for (const [, name] of counties) await expect(city.sourceRow(name)).toContainText('✓ 最新');
	// 2023 and 2024 complete for all six; 2020–2022 empty: 108 of 270 over the five years.
	const total = city.completeness.getByRole('row', { name: /六县区合计/ });
	await expect(total).toContainText('108/270');
	await expect(total.getByRole('cell').nth(4)).toHaveText('54/54');
});

test('the sources table of another tab follows an import and its undo', async ({ page }) => {
	const watching = new ExchangePage(page);
	await watching.open();
	await expect(watching.sourceRow('高台县')).toContainText('⚠ 未导入过文件');
	const other = new ExchangePage(await page.context().newPage());
	await other.open();
	await other.pick([csvFile('620724-高台县-20261120.csv', nineFigures('620724', '高台县', true))]);
	await other.apply();
	await expect(watching.sourceRow('高台县')).toContainText('620724-高台县-20261120.csv');
	await expect(watching.sourceRow('高台县')).toContainText('2026-11-20（取自文件名）');
	await expect(await watching.rateCell('高台县', 2024)).toHaveText('9/9');
	await other.page.getByRole('button', { name: '撤销本次导入' }).click();
	await expect(watching.sourceRow('高台县')).toContainText('⚠ 未导入过文件');
});

test('a county that sends the same figures again can be recorded as up to date', async ({ page }) => {
	const city = new ExchangePage(page);
	await city.open();
	const figures = nineFigures('620725', '山丹县', true);
	await city.pick([csvFile(`620725-山丹县-${today(-10).replaceAll('-', '')}.csv`, figures)]);
	await city.apply();
	await city.pick([csvFile(`620725-山丹县-${today().replaceAll('-', '')}.csv`, figures)]);
	await expect(page.getByText('文件中的数据与工作簿相同，没有需要导入的内容。')).toBeVisible();
	await page.getByRole('button', { name: '仍记录这些文件的来源（日期、报送单位）' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: '已记录 1 个文件的来源；数据没有变化。' })
	).toBeVisible();
	await expect(city.sourceRow('山丹县')).toContainText(`${today()}（取自文件名）`);
	await expect(city.sourceRow('山丹县').getByText('1 个')).toBeVisible();
});
