import { expect, test } from '@playwright/test';
import { ComparisonPage, normalise, readPdf, seedCounty, type SeedIndicator } from './pages/comparison-page';
import { readFileSync } from 'node:fs';

const planIndicators: { code: string; nameZh: string }[] = JSON.parse(
	readFileSync(new URL('../../seeds/indicators.json', import.meta.url), 'utf8')
).indicators;

// The comparison sheet printed by Chromium itself (Playwright's page.pdf is the browser's
// print to PDF), then read back with pdfjs: what lands on paper, page by page.

/** 甘州区 with figures that give every status: the plan's worked example among them. */
const FIGURES = {
	// 99.0 → 99.3 (2023): behind the path to the city's 99.53; the province's 96 is met.
	EDU01: { 2020: 99, 2023: 99.3 },
	EDU02: { 2020: 98.7, 2021: 98.9, 2022: 99, 2023: 99.05, 2024: 99.1 },
	EDU03: { 2020: false, 2023: true, 2024: true },
	// 96.8 in 2024, short of 97 but above the path 94.2 → 97.
	EDU04: { 2020: 94.2, 2022: 95.6, 2024: 96.8 },
	EDU05: { 2020: 44, 2024: 47.6 },
	EDU06: { 2020: 55, 2024: 61 },
	EDU07: { 2020: 72, 2024: 77 },
	// EDU08 has no figures: 数据不足.
	// A formula counts as its value: 9.9 + 0.1 = 10 in 2024.
	EDU09: { 2020: 9.6, 2023: 9.9, 2024: '=G9+0.1' }
};

test('the comparison sheet prints as A4 landscape with every indicator, the title, page numbers and statuses', async ({
	page
}) => {
	const sheet = new ComparisonPage(page);
	await seedCounty(page, '620702', FIGURES);
	await sheet.open('620702');
	await expect(sheet.title).toHaveText('甘州区教育现代化2035主要指标对照表');

	const pages = await readPdf(await sheet.pdf());
	// A4 landscape: 297 × 210 mm = 842 × 595 pt.
	for (const p of pages) {
		expect(Math.round(p.width)).toBe(842);
		expect(Math.round(p.height)).toBe(595);
	}
	const first = pages[0]!.text;
	expect(first).toContain(normalise('甘州区教育现代化2035主要指标对照表'));
	expect(first).toContain(normalise(`第 1 页 共 ${pages.length} 页`));
	for (const indicator of planIndicators) expect(first).toContain(normalise(indicator.nameZh));
	for (const status of ['↘ 滞后', '✓ 已达标', '↗ 按进度', '— 数据不足', '✓ 已认定']) {
		expect(first).toContain(normalise(status));
	}
	// The worked example: 0.23 short of 99.53, 0.115 a year required.
	expect(first).toContain(normalise('99.53 −0.23 ↘ 滞后 +0.115'));
	// The formula's value, its year, and 0.1 a year achieved since 9.6 (EDU09, in years).
	expect(first).toContain(normalise('年 9.6 10 2024 +0.1'));
	expect(first).toContain(normalise('会议调整'));
	expect(first).toContain(normalise('市委发〔2021〕35号'));
	expect(first).toContain(normalise('↗ 按进度：尚未达标，但不低于规划路径在该年的值。'));
	expect(first).toMatch(new RegExp(`${normalise('数据最近编辑：')}\\d{4}年\\d{1,2}月\\d{1,2}日`));
	expect(first).toMatch(new RegExp(`${normalise('打印日期：')}\\d{4}年\\d{1,2}月\\d{1,2}日`));

	// Charts come after the table, several to a page, each with its target lines named.
	const chartPages = pages.filter((p) => p.text.includes(normalise('1. 学前教育毛入园率（%）')));
	expect(chartPages).toHaveLength(1);
	const chartPage = chartPages[0]!;
	expect(pages.indexOf(chartPage)).toBeGreaterThan(0);
	expect(chartPage.text).toContain(normalise('2. 九年义务教育巩固率（%）'));
	expect(chartPage.text).toContain(normalise('市目标及规划路径'));
	expect(chartPage.text).toContain(normalise('省目标及规划路径'));
	pages.forEach((p, i) => expect(p.text).toContain(normalise(`第 ${i + 1} 页 共 ${pages.length} 页`)));
});

test('a sheet too long for one page repeats its header and never cuts a row', async ({ page }) => {
	// Names long enough to wrap over several lines, so a row cut at a page boundary would
	// leave part of its name on each page.
	const own: SeedIndicator[] = Array.from({ length: 14 }, (_, i) => {
		const n = String(i + 1).padStart(2, '0');
		return {
			code: `C${n}`,
			nameZh: `自设指标${n}号乡镇中心幼儿园专任教师持证上岗人数及占比（含代课教师与保育员）`,
			unit: '人',
			figures: { 2020: 800 + i, 2022: 820 + i, 2024: 850 + i }
		};
	});
	const sheet = new ComparisonPage(page);
	await seedCounty(page, '620702', FIGURES, own);
	await sheet.open('620702');
	await expect(sheet.indicator(own[13]!.nameZh)).toBeVisible();

	const pages = await readPdf(await sheet.pdf());
	const tablePages = pages.filter((p) => p.text.includes(normalise('会议调整')));
	// The table runs over two pages, and the header row is printed on each.
	expect(tablePages.length).toBeGreaterThanOrEqual(2);
	for (const p of tablePages) {
		expect(p.text).toContain(normalise('序号 指标 单位 2020年 基期 最新数据'));
		expect(p.text).toContain(normalise('需年均 进度'));
	}
	// Every row is whole on exactly one page: its full name, its code and its figures together.
	// (Charts, on later pages, caption the name too, but not followed by the code.)
	for (const o of own) {
		const row = normalise(`${o.nameZh}${o.code} 人 ${o.figures[2020]}`);
		expect(
			pages.filter((p) => p.text.includes(row)),
			`${o.code} is whole on one page`
		).toHaveLength(1);
	}
	for (const indicator of planIndicators) {
		expect(pages.filter((p) => p.text.includes(normalise(indicator.nameZh + indicator.code)))).toHaveLength(
			1
		);
	}
});

test('the English sheet prints in English, page numbers included', async ({ page }) => {
	const sheet = new ComparisonPage(page);
	await seedCounty(page, '620702', FIGURES);
	await page.getByRole('button', { name: '切换到英文界面' }).click();
	await sheet.open('620702');
	await expect(sheet.title).toHaveText(
		'Ganzhou District: Education Modernization 2035, headline indicators against targets'
	);
	const pages = await readPdf(await sheet.pdf());
	const first = pages[0]!.text;
	expect(first).toContain(normalise(`Page 1 of ${pages.length}`));
	expect(first).toContain(normalise('Gross preschool enrolment rate'));
	for (const status of ['↘ Behind', '✓ Met', '↗ On track', '— Not enough data']) {
		expect(first).toContain(normalise(status));
	}
	expect(first).toContain(normalise('Meeting notes'));
});
