// Developer aid: draws the app's install icons (static/icon-192.png, icon-512.png and a
// maskable 512 with the safe-zone margin) from static/icon.svg in headless Chromium, so the
// PNGs are made from the one SVG and committed: `node scripts/dev/make-icons.mjs`.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const svg = readFileSync(new URL('../../static/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
	for (const { size, file, maskable } of [
		{ size: 192, file: 'icon-192.png', maskable: false },
		{ size: 512, file: 'icon-512.png', maskable: false },
		// A maskable icon may be cut to a circle: the drawing keeps to the middle 80%.
		{ size: 512, file: 'icon-maskable-512.png', maskable: true }
	]) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		const inner = maskable ? size * 0.8 : size;
		const pad = (size - inner) / 2;
		await page.setContent(
			`<body style="margin:0;background:${maskable ? '#1f4e79' : 'transparent'}">` +
				`<div style="position:absolute;left:${pad}px;top:${pad}px;width:${inner}px;height:${inner}px">` +
				svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
				'</div></body>'
		);
		await page.screenshot({
			path: new URL(`../../static/${file}`, import.meta.url).pathname,
			omitBackground: !maskable
		});
		await page.close();
	}
} finally {
	await browser.close();
}
