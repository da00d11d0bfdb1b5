// Developer aid: screenshots of the built app's screens (node scripts/dev/shoot.mjs [outdir]).
// Needs a server on 127.0.0.1:4173 (node scripts/serve.js).
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const out = process.argv[2] ?? '/tmp/shots';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/');
await page.waitForTimeout(800);
await page.screenshot({ path: `${out}/home.png`, fullPage: true });
await page.goto(base + '/county/620702');
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}/county.png`, fullPage: true });
await page.goto(base + '/targets');
await page.waitForTimeout(1200);
await page.screenshot({ path: `${out}/targets.png`, fullPage: true });
await browser.close();
