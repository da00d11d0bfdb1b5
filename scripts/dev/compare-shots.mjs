// Developer aid: compares two folders of screenshots (scripts/dev/shoot-sheets.mjs) pixel for
// pixel in Chromium's canvas, printing per picture how many pixels differ and where.
//
//   node scripts/dev/compare-shots.mjs /tmp/shots-a /tmp/shots-b
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from '../chromium-path.js';

const [a, b] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
const page = await browser.newPage();
for (const name of readdirSync(a).filter((n) => n.endsWith('.png'))) {
	const urls = [a, b].map(
		(dir) => `data:image/png;base64,${readFileSync(`${dir}/${name}`).toString('base64')}`
	);
	const result = await page.evaluate(async (urls) => {
		const pixels = [];
		for (const url of urls) {
			const img = new Image();
			img.src = url;
			await img.decode();
			const canvas = new OffscreenCanvas(img.width, img.height);
			const ctx = canvas.getContext('2d');
			ctx.drawImage(img, 0, 0);
			pixels.push({ w: img.width, h: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data });
		}
		const [p, q] = pixels;
		if (p.w !== q.w || p.h !== q.h) return { size: `${p.w}×${p.h} vs ${q.w}×${q.h}` };
		let n = 0;
		let box = null;
		for (let y = 0; y < p.h; y++)
			for (let x = 0; x < p.w; x++) {
				const i = (y * p.w + x) * 4;
				if (p.data[i] === q.data[i] && p.data[i + 1] === q.data[i + 1] && p.data[i + 2] === q.data[i + 2])
					continue;
				n++;
				box = box
					? {
							x0: Math.min(box.x0, x),
							y0: Math.min(box.y0, y),
							x1: Math.max(box.x1, x),
							y1: Math.max(box.y1, y)
						}
					: { x0: x, y0: y, x1: x, y1: y };
			}
		return { differing: n, box };
	}, urls);
	console.log(name, JSON.stringify(result));
}
await browser.close();
