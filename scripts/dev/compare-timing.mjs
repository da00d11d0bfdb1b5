// Developer aid: how long a county's comparison sheet takes to be ready in Chromium, from
// navigation to every trend chart drawn (node scripts/dev/compare-timing.mjs [runs]).
// Needs `node scripts/serve.js` (BASE_URL, default http://127.0.0.1:4173). The county is
// given five years of figures for the nine indicators and four indicators of its own.
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const runs = Number(process.argv[2] ?? 7);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.log('pageerror:', e.message));

// A page that shows figures opens (creates, upgrades and seeds) the database before its
// heading shows; the start page reads its cards without it and opens it only later.
await page.goto(base + '/safety');
await page.getByRole('heading', { name: '数据安全', level: 1 }).waitFor();
await page.evaluate(async () => {
	const db = await new Promise((resolve, reject) => {
		const req = indexedDB.open('zhangye-edu2035');
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const tx = db.transaction(['series', 'ownIndicatorSets'], 'readwrite');
	const now = Date.now();
	const years = [2020, 2021, 2022, 2023, 2024];
	const codes = [
		'EDU01',
		'EDU02',
		'EDU04',
		'EDU05',
		'EDU06',
		'EDU07',
		'EDU08',
		'EDU09',
		'C01',
		'C02',
		'C03',
		'C04'
	];
	// Schema v11 keeps a county's own indicators as one record, sorted by code.
	const indicators = [];
	codes.forEach((code, i) => {
		const cells = Object.fromEntries(years.map((y, k) => [String(y), { t: 'n', v: 50 + i + k * 0.7 }]));
		tx.objectStore('series').put({
			regionCode: '620702',
			indicatorCode: code,
			kind: 'actual',
			cells,
			note: '',
			updatedAt: now
		});
		if (code.startsWith('C')) {
			indicators.push({
				regionCode: '620702',
				code,
				nameZh: `自设指标${code}`,
				nameEn: '',
				unit: '人',
				direction: 'higher',
				precision: 0,
				countyMeasure: 'value',
				order: i,
				updatedAt: now
			});
		}
	});
	tx.objectStore('ownIndicatorSets').put({ regionCode: '620702', indicators });
	tx.objectStore('series').put({
		regionCode: '620702',
		indicatorCode: 'EDU03',
		kind: 'actual',
		cells: { 2020: { t: 'b', v: false }, 2024: { t: 'b', v: true } },
		note: '',
		updatedAt: now
	});
	await new Promise((resolve) => (tx.oncomplete = resolve));
	db.close();
});

const table = [];
const charts = [];
for (let i = 0; i < runs; i++) {
	await page.goto(base + '/county/620702/compare');
	await page.locator('section.charts[aria-busy="false"] svg').first().waitFor();
	const t = await page.evaluate(() => {
		const drawn = performance.getEntriesByName('comparison-charts-drawn')[0];
		return { charts: drawn ? drawn.startTime : NaN };
	});
	const rows = await page.getByRole('table').getByRole('rowgroup').count();
	charts.push(t.charts);
	table.push(rows);
}
const sorted = [...charts].sort((a, b) => a - b);
console.log(`runs: ${runs}; indicator rows: ${table[0] - 1}`);
console.log(
	`navigation → all charts drawn (ms): median ${sorted[Math.floor(runs / 2)].toFixed(0)}, min ${sorted[0].toFixed(0)}, max ${sorted[runs - 1].toFixed(0)}`
);
await browser.close();
