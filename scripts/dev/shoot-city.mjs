// Developer aid: the city page with six counties' figures, on screen (both orientations,
// Chinese and English) and as the printed PDF (node scripts/dev/shoot-city.mjs [outdir]).
// Needs `node scripts/serve.js`. The figures are made up, imported as one long CSV file
// through the import page, the way the city bureau would load the counties' files.
import { writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const out = process.argv[2] ?? 'docs';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
mkdirSync(out, { recursive: true });

const COUNTIES = [
	['620702', '甘州区'],
	['620721', '肃南裕固族自治县'],
	['620722', '民乐县'],
	['620723', '临泽县'],
	['620724', '高台县'],
	['620725', '山丹县']
];
// Baseline and yearly rise per indicator, nudged per county so statuses differ.
const BASE = {
	EDU01: [99, 0.12],
	EDU02: [98.8, 0.06],
	EDU04: [94.5, 0.5],
	EDU05: [44, 0.8],
	EDU06: [56, 0.9],
	EDU07: [74, 1.2],
	EDU08: [71, 0.9],
	EDU09: [9.7, 0.1]
};
const rows = [['地区代码', '地区', '指标代码', '指标', '单位', '类型', '年份', '数值', '备注']];
COUNTIES.forEach(([code, name], ci) => {
	for (const [ind, [b, rise]] of Object.entries(BASE)) {
		// 山丹县 has not reported 2024 yet.
		const last = code === '620725' ? 2023 : 2024;
		for (let y = 2020; y <= last; y++) {
			const v = b + (ci - 2) * rise * 0.6 + (y - 2020) * rise * (0.7 + ci * 0.15);
			rows.push([code, name, ind, '', '', '实际', String(y), v.toFixed(ind === 'EDU09' ? 1 : 2), '']);
		}
	}
	for (let y = 2022; y <= 2025; y++) {
		const yes = ['620702', '620723', '620724'].includes(code) && y >= 2024;
		rows.push([code, name, 'EDU03', '', '', '实际', String(y), yes ? '是' : '否', '']);
	}
});
rows.push(['620700', '张掖市', 'EDU03', '', '', '实际', '2025', '40', '']);
rows.push(['620700', '张掖市', 'EDU01', '', '', '实际', '2024', '99.55', '']);
const file = `${out}/city-sample.csv`;
writeFileSync(file, '\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/exchange');
await page.getByText('选择 CSV 或 Excel 文件…').setInputFiles(file);
await page.getByRole('button', { name: /应用导入/ }).click();
await page.getByRole('button', { name: '撤销本次导入' }).waitFor();

await page.goto(base + '/city');
await page.getByRole('table').first().waitFor();
await page.screenshot({ path: `${out}/screenshot-city.png`, fullPage: true });
await page.getByRole('button', { name: /行列互换/ }).click();
await page.screenshot({ path: `${out}/screenshot-city-flipped.png`, fullPage: true });
await page.getByRole('button', { name: /行列互换/ }).click();
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: `${out}/city.pdf`, preferCSSPageSize: true, printBackground: false });
await page.emulateMedia({ media: 'screen' });
await page.getByRole('button', { name: '切换到英文界面' }).click();
await page.screenshot({ path: `${out}/screenshot-city-en.png`, fullPage: true });
await browser.close();
