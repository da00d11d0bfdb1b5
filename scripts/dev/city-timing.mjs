// Developer aid: how long the city view takes to be ready in Chromium, from navigation to
// the six counties' table on screen, and how long a change of target takes to redraw it
// (node scripts/dev/city-timing.mjs [runs]). Needs `node scripts/serve.js` (BASE_URL,
// default http://127.0.0.1:4173). Every county gets 2020–2024 figures for all nine
// indicators and four indicators of its own; one figure per county is a formula.
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
	const counties = ['620702', '620721', '620722', '620723', '620724', '620725'];
	const plan = ['EDU01', 'EDU02', 'EDU04', 'EDU05', 'EDU06', 'EDU07', 'EDU08', 'EDU09'];
	counties.forEach((regionCode, c) => {
		const put = (indicatorCode, cells) =>
			tx
				.objectStore('series')
				.put({ regionCode, indicatorCode, kind: 'actual', cells, note: '', updatedAt: now });
		plan.forEach((code, i) => {
			const cells = Object.fromEntries(years.map((y, k) => [String(y), { t: 'n', v: 50 + i + c + k * 0.7 }]));
			if (code === 'EDU09') cells['2024'] = { t: 'f', f: '=G9+0.1' };
			put(code, cells);
		});
		put('EDU03', Object.fromEntries(years.map((y) => [String(y), { t: 'b', v: c % 2 === 0 }])));
		// Schema v11 keeps a county's own indicators as one record, sorted by code.
		const indicators = [];
		for (let k = 1; k <= 4; k++) {
			const code = `C0${k}`;
			indicators.push({
				regionCode,
				code,
				nameZh: `自设指标${code}`,
				nameEn: '',
				unit: '人',
				direction: 'higher',
				precision: 0,
				countyMeasure: 'value',
				order: k,
				updatedAt: now
			});
			put(code, Object.fromEntries(years.map((y) => [String(y), { t: 'n', v: 100 + k }])));
		}
		tx.objectStore('ownIndicatorSets').put({ regionCode, indicators });
	});
	await new Promise((resolve, reject) => {
		tx.oncomplete = resolve;
		tx.onerror = () => reject(tx.error);
	});
	db.close();
});

const ready = [];
const redraw = [];
for (let i = 0; i < runs; i++) {
	await page.goto(base + '/');
	await page.getByRole('heading', { level: 1 }).waitFor();
	const start = Date.now();
	await page.getByRole('link', { name: '市级汇总' }).first().click();
	await page.getByRole('link', { name: /^山丹县，劳动年龄人口平均受教育年限，2024年/ }).waitFor();
	ready.push(Date.now() - start);
	const before = Date.now();
	await page.getByRole('radio', { name: '省目标' }).check();
	await page.getByText(/对照：省2025年目标/).waitFor();
	redraw.push(Date.now() - before);
}
await browser.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`city view ready after navigation: median ${median(ready)} ms, runs ${ready.join(', ')} ms`);
console.log(`redrawn for another target: median ${median(redraw)} ms, runs ${redraw.join(', ')} ms`);
