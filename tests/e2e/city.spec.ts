// The city's view as the city bureau uses it on a Monday morning: six county files, each
// exported by the app in its own browser profile (one edited in Excel and saved again as
// GB18030), dropped in together, previewed once, applied once, then read side by side.
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createMultibyteEncoder } from '@exodus/bytes/multi-byte.js';
import { CityPage } from './pages/city-page';
import { csvFile, ImportPage } from './pages/import-page';
import { normalise, readPdf, seedCounty, type SeedFigure } from './pages/comparison-page';
import { SheetPage } from './pages/sheet-page';

const planIndicators: { code: string; nameZh: string }[] = JSON.parse(
	readFileSync(new URL('../../seeds/indicators.json', import.meta.url), 'utf8')
).indicators;

const COUNTIES = ['甘州区', '肃南裕固族自治县', '民乐县', '临泽县', '高台县', '山丹县'];

/**
 * What each county sends. Against the city's 2025 target for EDU01 (99.53, from 99 in 2020;
 * the planned path is 99.424 in 2024 and 99.318 in 2023):
 *   甘州区 99.6 met; 肃南 99.53 met (a bare target is met at it); 民乐 99.5 on track;
 *   临泽 99.2 behind, but its file is edited to 99.55 (met) before it is sent;
 *   高台 nothing; 山丹 99.1 in 2023 and nothing for 2024: behind.
 * EDU03 (certified 优质均衡县) for 2025: 甘州区, 临泽县 and 高台县 yes, the others no.
 */
const FIGURES: Record<string, Record<string, Record<number, SeedFigure>>> = {
	'620702': {
		EDU01: { 2020: 99, 2024: 99.6 },
		EDU03: { 2024: true, 2025: true },
		EDU04: { 2020: 94.2, 2024: 97.2 },
		// A formula counts as its value: 9.9 + 0.1 = 10 in 2024.
		EDU09: { 2020: 9.6, 2023: 9.9, 2024: '=G9+0.1' }
	},
	'620721': { EDU01: { 2020: 99, 2024: 99.53 }, EDU03: { 2025: false }, EDU04: { 2020: 95, 2024: 96 } },
	'620722': { EDU01: { 2020: 99, 2024: 99.5 }, EDU03: { 2025: false }, EDU04: { 2020: 95, 2024: 95.5 } },
	'620723': { EDU01: { 2020: 99, 2024: 99.2 }, EDU03: { 2025: true }, EDU04: { 2020: 96, 2024: 97 } },
	'620724': { EDU03: { 2025: true }, EDU04: { 2020: 96, 2024: 98 } },
	'620725': { EDU01: { 2020: 99, 2023: 99.1 }, EDU03: { 2025: false }, EDU04: { 2020: 96, 2023: 96.5 } }
};

async function profile(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'zh-CN',
		viewport: { width: 1440, height: 900 }
	});
	return context.newPage();
}

/** A county's file, made by the app's own export in that county's browser. */
async function exportCounty(page: Page, code: string, senderUnit?: string): Promise<Download> {
	await page.goto(`/exchange?region=${code}`);
	if (senderUnit) await page.getByLabel('报送单位').fill(senderUnit);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出文件' }).click();
	return downloading;
}

/** What a planner does in Excel: change one figure, then save the file as GB18030. */
function editAndSaveAsGb18030(bytes: Buffer, region: string, indicator: string, year: number, value: string) {
	const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
	const lines = text.split('\r\n');
	const header = lines.find((l) => l.startsWith('地区代码,'))!.split(',');
	const at = header.indexOf(String(year));
	const i = lines.findIndex((l) => l.startsWith(`${region},`) && l.split(',').includes(indicator));
	const cells = lines[i]!.split(',');
	cells[at] = value;
	lines[i] = cells.join(',');
	return Buffer.from(createMultibyteEncoder('gb18030')(lines.join('\r\n')));
}

test('six county files from six browsers, one re-saved as GB18030, make the city view', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
	for (const [code, figures] of Object.entries(FIGURES)) {
		const county = await profile(browser, baseURL);
		await seedCounty(county, code, figures);
		const download = await exportCounty(county, code, code === '620702' ? '甘州区教育局' : undefined);
		let buffer = readFileSync(await download.path());
		if (code === '620723') buffer = editAndSaveAsGb18030(buffer, code, 'EDU01', 2024, '99.55');
		files.push({ name: download.suggestedFilename(), mimeType: 'text/csv', buffer });
		await county.context().close();
	}
	expect(files.map((f) => f.name)).toEqual(
		Object.keys(FIGURES).map((c, i) =>
			expect.stringMatching(new RegExp(`^${c}-${COUNTIES[i]}-\\d{8}\\.csv$`))
		)
	);

	// The city bureau: all six at once, one preview, one apply.
	const imports = new ImportPage(page);
	await imports.importFiles(files);
	await expect(page.getByRole('combobox', { name: `${files[3]!.name} 的编码` })).toHaveValue('gb18030');
	await expect(imports.applyButton).toHaveCount(1);
	await imports.apply();
	await expect(imports.appliedStatus).toHaveText(/^已导入：新增 \d+ 项/);

	const city = new CityPage(page);
	await page.getByRole('link', { name: '市级汇总' }).click();
	await expect(city.title).toHaveText('张掖市教育现代化2035主要指标县区对照表');

	// EDU01 against the city's 2025 target: the edited GB18030 figure is the one shown.
	const edu01 = '学前教育毛入园率';
	const expected01 = [
		['甘州区', '99.6', '✓', '已达标'],
		['肃南裕固族自治县', '99.53', '✓', '已达标'],
		['民乐县', '99.5', '↗', '按进度'],
		['临泽县', '99.55', '✓', '已达标'],
		['高台县', '—', '—', '数据不足'],
		['山丹县', '99.1', '↘', '滞后']
	] as const;
	for (const [county, value, symbol, word] of expected01) {
		const cell = city.figure(county, edu01);
		await expect(cell).toContainText(`${value} ${symbol}`);
		await expect(cell).toHaveAccessibleName(new RegExp(`${word}。打开工作表$`));
	}
	await expect(city.figure('山丹县', edu01)).toContainText('(2023)');
	await expect(city.met(edu01)).toContainText('3/6 达标');

	// A formula sent in a file counts as its value: 10 against >10.2, behind the path.
	await expect(city.figure('甘州区', '劳动年龄人口平均受教育年限')).toContainText('10 ↘');

	// 「n/6 达标」 counts what the row shows, for every indicator.
	for (const indicator of planIndicators.filter((i) => i.code !== 'EDU03')) {
		const row = city.row(indicator.nameZh);
		const met = await row.getByRole('link', { name: /已达标。打开工作表$/ }).count();
		await expect(city.met(indicator.nameZh)).toContainText(`${met}/6 达标`);
	}

	// EDU03: three of six certified for 2025 make 50%, meeting the city's 2025 target of 50%.
	const edu03 = '义务教育优质均衡县的比例';
	for (const [county, yes] of [
		['甘州区', true],
		['肃南裕固族自治县', false],
		['民乐县', false],
		['临泽县', true],
		['高台县', true],
		['山丹县', false]
	] as const) {
		await expect(city.figure(county, edu03)).toContainText(yes ? '是 ✓' : '否 ✗');
	}
	await expect(city.met(edu03)).toContainText('3/6 已认定');
	await expect(city.row(edu03)).toContainText('按县区计 50 ✓');
	await expect(city.row(edu03)).toContainText('50（优质均衡）');
	const year2025 = city.certification.getByRole('row', { name: /^2025/ });
	await expect(year2025).toContainText('3/6');
	await expect(year2025).toContainText('50%');

	// Where the figures came from: 甘州区's file names its sender; 山丹县 has nothing for 2024.
	const sources = page.getByRole('table', { name: '各县区的文件' });
	await expect(sources.getByRole('row', { name: /^甘州区/ })).toContainText('甘州区教育局');
	await expect(sources.getByRole('row', { name: /^甘州区/ })).toContainText(
		/导出于 \d{4}-\d\d-\d\d \d\d:\d\d/
	);
	await expect(sources.getByRole('row', { name: /^山丹县/ })).toContainText('文件未注明');
	const rate = page.getByRole('table', { name: /填报完整性/ });
	const years = await rate.getByRole('columnheader').allTextContents();
	const col2024 = years.findIndex((t) => t.trim() === '2024');
	const cellOf = (county: string) =>
		rate
			.getByRole('row', { name: new RegExp(`^${county}`) })
			.locator('th, td')
			.nth(col2024);
	await expect(cellOf('山丹县')).toHaveText(/不完整\s*0\/9/);
	await expect(cellOf('甘州区')).toHaveText(/不完整\s*4\/9/);

	// Against the province's 2035 target (>96): every county with an EDU01 figure meets it.
	await city.choose({ against: '省目标', targetYear: 2035 });
	await expect(page).toHaveURL(/\/city\?level=620000&target=2035$/);
	await expect(city.met(edu01)).toContainText('5/6 达标');
	await expect(city.row(edu01)).toContainText('>96');

	// A chosen year shows only that year's figures: 2023 has 山丹县's alone.
	await city.choose({ year: '2023年' });
	await expect(city.figure('甘州区', edu01)).toContainText('—');
	await expect(city.figure('山丹县', edu01)).toContainText('99.1 ✓');
	await expect(city.met(edu01)).toContainText('1/6 达标');

	// The settings survive a reload (they live in the address).
	await page.reload();
	await expect(page.getByLabel('数据年份')).toHaveValue('2023');
	await expect(page.getByRole('radio', { name: '省目标' })).toBeChecked();
	await expect(city.met(edu01)).toContainText('1/6 达标');

	// Flipped: a row per county, the indicators across.
	await page.getByRole('button', { name: '⇄ 行列互换' }).click();
	await expect(page.getByRole('button', { name: '⇄ 行列互换' })).toHaveAttribute('aria-pressed', 'true');
	await expect(city.row('山丹县')).toContainText('99.1 ✓');
	await expect(city.table.getByRole('columnheader', { name: /学前教育毛入园率/ })).toBeVisible();

	// A figure opens the county's sheet at that cell.
	await city.figure('山丹县', edu01).click();
	await expect(page).toHaveURL(/\/county\/620725\?cell=EDU01(:|%3A)2023$/);
	const sheet = new SheetPage(page);
	await expect(sheet.nameBox).toHaveValue(/G1$/);
	await expect(sheet.formulaBar).toHaveValue('99.1');
});

test('the city’s own figure for EDU03 is checked against the share computed from the counties', async ({
	page
}) => {
	const certified = new Set(['620702', '620723', '620724']);
	for (const code of Object.keys(FIGURES)) {
		await seedCounty(page, code, { EDU03: { 2025: certified.has(code) } });
	}
	// The city reports 40% for 2025: the counties' certifications make 50%.
	await new ImportPage(page).applyFiles([
		csvFile('city.csv', '地区代码,指标代码,类型,2025\n620700,EDU03,实际,40\n')
	]);

	const city = new CityPage(page);
	await city.open();
	const row = city.row('义务教育优质均衡县的比例');
	await expect(row).toContainText('40 ↘');
	await expect(row).toContainText('按县区计 50 ✓');
	await expect(row.getByRole('note')).toHaveText('⚠ 与按县区计算的不一致，请核对（见下方认定表）');
	await expect(city.certification.getByRole('row', { name: /^2025/ })).toContainText(
		'⚠ 市报数 40% 与按县区计算的 50%（2025年）不一致，请核对。'
	);
	// The seeded 2020 city figure (100, 基本均衡) counts another qualifier: not compared.
	await city.choose({ year: '2020年' });
	await expect(row.getByRole('note')).toHaveCount(0);
	// Nor is it judged against the 优质均衡 target: no ✓ for 100% 基本均衡 against 50% 优质均衡.
	await expect(row).toContainText(/100\s*（基本均衡）\s*—/);
});

test('the city view exports as a CSV report and the six counties as one long file', async ({ page }) => {
	await seedCounty(page, '620702', FIGURES['620702']!);
	await seedCounty(page, '620725', FIGURES['620725']!);
	const city = new CityPage(page);
	await city.open();
	await page.getByLabel('文件编码').selectOption('gb18030');

	let downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出对照表（CSV）' }).click();
	let download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^620700-张掖市-县区对照-市2025目标-最新-\d{8}\.csv$/);
	const report = new TextDecoder('gb18030').decode(readFileSync(await download.path())).split('\r\n');
	expect(report[0]).toMatch(
		/^张掖市教育现代化2035主要指标县区对照表,对照：市2025年目标,数据：各县区最新数据,导出时间：\d{4}-\d\d-\d\d \d\d:\d\d$/
	);
	const header = report[1]!.split(',');
	const edu01 = report[2]!.split(',');
	expect(edu01[header.indexOf('甘州区')]).toBe('99.6');
	expect(edu01[header.indexOf('甘州区状态')]).toBe('已达标');
	expect(edu01[header.indexOf('山丹县年份')]).toBe('2023');
	expect(edu01[header.indexOf('达标县区数')]).toBe('1');
	await expect(page.getByRole('status')).toContainText('已导出 620700-张掖市-县区对照');

	downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出六县区数据（明细 CSV）' }).click();
	download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^620700-张掖市-全部县区-明细-\d{8}\.csv$/);
	const long = new TextDecoder('gb18030').decode(readFileSync(await download.path()));
	expect(long).toContain('620702,甘州区,EDU01,学前教育毛入园率,%,实际,2024,99.6');
	expect(long).toContain('620725,山丹县,EDU01,学前教育毛入园率,%,实际,2023,99.1');
});

test('the printed city view: A4 landscape, every indicator and county, page numbers, symbols in black', async ({
	page
}) => {
	for (const [code, figures] of Object.entries(FIGURES)) await seedCounty(page, code, figures);
	const city = new CityPage(page);
	await city.open();

	await page.emulateMedia({ media: 'print' });
	// On paper a status is its symbol, in black: nothing depends on colour.
	for (const county of COUNTIES.slice(0, 3)) {
		const color = await city.figure(county, '学前教育毛入园率').evaluate((a) => getComputedStyle(a).color);
		expect(color).toBe('rgb(0, 0, 0)');
	}
	await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
	const pages = await readPdf(await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
	for (const p of pages) {
		expect(Math.round(p.width)).toBe(842);
		expect(Math.round(p.height)).toBe(595);
	}
	const first = pages[0]!.text;
	expect(first).toContain(normalise('张掖市教育现代化2035主要指标县区对照表'));
	expect(first).toContain(normalise('对照：市2025年目标'));
	expect(first).toMatch(new RegExp(`${normalise('县区数据最近更新：')}\\d{4}年\\d{1,2}月\\d{1,2}日`));
	expect(first).toMatch(new RegExp(`${normalise('打印日期：')}\\d{4}年\\d{1,2}月\\d{1,2}日`));
	for (const county of COUNTIES) expect(first).toContain(normalise(county));
	// Every indicator's row is whole on the first page: its name, its code, then its target.
	for (const indicator of planIndicators)
		expect(first).toContain(normalise(`${indicator.nameZh}${indicator.code}`));
	expect(first).toContain(normalise('99.6 ✓ (2024)'));
	expect(first).toContain(normalise('99.1 ↘ (2023)'));
	expect(first).toContain(normalise('3/6 已认定'));
	expect(first).toContain(normalise('市委发〔2021〕35号'));
	pages.forEach((p, i) => expect(p.text).toContain(normalise(`第 ${i + 1} 页 共 ${pages.length} 页`)));

	// Flipped, it prints too, the counties as rows.
	await page.emulateMedia({ media: 'screen' });
	await page.getByRole('button', { name: '⇄ 行列互换' }).click();
	await page.emulateMedia({ media: 'print' });
	const flipped = await readPdf(await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
	expect(flipped[0]!.text).toContain(normalise('山丹县 99.1 ↘ (2023)'));
});

test('the English city view prints in English, page numbers included', async ({ page }) => {
	for (const [code, figures] of Object.entries(FIGURES)) await seedCounty(page, code, figures);
	await page.getByRole('button', { name: '切换到英文界面' }).click();
	await page.goto('/city');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Zhangye Education Modernization 2035: counties against the headline targets'
	);
	const pages = await readPdf(await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
	const first = pages[0]!.text;
	expect(first).toContain(normalise(`Page 1 of ${pages.length}`));
	expect(first).toContain(normalise('Against: City 2025 target'));
	expect(first).toContain(normalise('Ganzhou District'));
	expect(first).toContain(normalise('3/6 certified'));
	expect(first).toContain(normalise('From counties 50 ✓'));
});
