// Keystroke fidelity: is every figure typed into the grid stored exactly as typed?
//
// Serves the BUILT app (build/, `npx vite build` first) and drives a county's sheet in headless
// Chromium as a data clerk would: figures typed down columns (Enter), across rows (Tab, then
// Enter back to the first column), right after a click on each cell, through an input method
// (a composition, then its commit) and as plain text insertions (no key, no composition: some
// input methods, on-screen keyboards, voice input). Each at 0, 20 and 40 ms between keys,
// unthrottled and with the CPU throttled 6× (DevTools' throttling, an old office PC).
// Every setting starts from a fresh browser profile; what was stored is read back from the
// grid once saved, and again from IndexedDB after a reload. Reports each figure that differs.
//
//   npx vite build && node scripts/bench/keystroke-fidelity.mjs [--port 4211] [--per 40]
//   (--only down,ime  --rates 1,6  --delays 0,20,40 narrow the run)
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../chromium-path.js';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2)
	args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const PORT = Number(args.get('port') ?? 4211);
// --dir another build (an earlier commit's, to compare)
const DIR = args.get('dir') ?? 'build';
const PER = Number(args.get('per') ?? 40);
const MODES = (args.get('only') ?? 'down,across,click,ime,plain').split(',');
const RATES = (args.get('rates') ?? '1,6').split(',').map(Number);
const DELAYS = (args.get('delays') ?? '0,20,40').split(',').map(Number);
const base = `http://127.0.0.1:${PORT}`;
const COUNTY = '620702';
// EDU03 is yes/no in a county; the other eight take figures. Years 2020–2027 are on screen.
const ROWS = ['EDU01', 'EDU02', 'EDU04', 'EDU05', 'EDU06', 'EDU07', 'EDU08', 'EDU09'];
const COLS = [3, 4, 5, 6, 7, 8, 9, 10];
const YEAR_OF_COL = (col) => 2017 + col;
const SHEET_ROWS = ['EDU01', 'EDU02', 'EDU03', 'EDU04', 'EDU05', 'EDU06', 'EDU07', 'EDU08', 'EDU09'];
const sheetRow = (code) => SHEET_ROWS.indexOf(code);
/** Whether the key just pressed (Enter down, Tab right, Enter after a Tab run) reaches `cell`. */
function reachedByKeys(prev, cell, mode) {
	if (!prev) return false;
	if (mode === 'across')
		return (
			(cell.row === prev.row && cell.col === prev.col + 1) ||
			(cell.col === COLS[0] && prev.col === COLS.at(-1) && sheetRow(cell.row) === sheetRow(prev.row) + 1)
		);
	return cell.col === prev.col && sheetRow(cell.row) === sheetRow(prev.row) + 1;
}

/** Deterministic figures with leading digits that matter (a lost first key shows). */
function figures(seed, n) {
	let x = seed * 7919 + 17;
	const out = [];
	for (let i = 0; i < n; i++) {
		x = (x * 1103515245 + 12345) % 2147483648;
		const whole = 10 + (x % 89);
		const tenth = (x >> 8) % 10;
		const hundredth = (x >> 12) % 10;
		out.push(
			i % 5 === 4
				? String(whole)
				: i % 3 === 2
					? `${whole}.${tenth}${hundredth || 1}`
					: `${whole}.${tenth || 5}`
		);
	}
	return out;
}

/** The cells a setting fills, in the order it types them. */
function cellsFor(mode, n) {
	const cells = [];
	if (mode === 'across') {
		for (let r = 0; cells.length < n; r = (r + 1) % ROWS.length)
			for (const col of COLS) if (cells.length < n) cells.push({ row: ROWS[r], col });
	} else if (mode === 'click') {
		// Scattered, so that no two clicks in a row hit the same spot (that is a double click).
		for (let i = 0; cells.length < n; i++) {
			cells.push({ row: ROWS[(i * 3) % ROWS.length], col: COLS[(i * 5 + Math.floor(i / 8)) % COLS.length] });
		}
	} else {
		for (const col of COLS) for (const row of ROWS) if (cells.length < n) cells.push({ row, col });
	}
	// A cell typed twice keeps its last figure.
	return cells;
}

async function startServer() {
	const child = spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT), '--dir', DIR], {
		stdio: 'ignore'
	});
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(base)).ok) return child;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error(`the server on ${base} did not start`);
}

/**
 * Click a cell, found where it is drawn now (a message above the grid moves it). The name box
 * is not used: a save landing while an address is typed there resets it (a separate defect).
 */
async function clickCell(page, cell) {
	const at = await page.evaluate(
		({ code, col }) => {
			for (const tr of document.querySelectorAll('.ht_master tbody tr')) {
				const tds = [...tr.querySelectorAll('td')];
				if (tds[0]?.textContent?.trim() !== code) continue;
				const r = tds[col].getBoundingClientRect();
				return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
			}
			return null;
		},
		{ code: cell.row, col: cell.col }
	);
	if (!at) throw new Error(`no cell ${cell.row}:${cell.col}`);
	await page.mouse.click(at.x, at.y);
}

/** What the grid shows in each typed cell (its painted text). */
async function gridTexts(page) {
	return page.evaluate(
		({ rows, cols }) => {
			const out = {};
			for (const tr of document.querySelectorAll('.ht_master tbody tr')) {
				const tds = [...tr.querySelectorAll('td')];
				const code = tds[0]?.textContent?.trim();
				if (rows.includes(code)) for (const col of cols) out[`${code}:${col}`] = tds[col].textContent.trim();
			}
			return out;
		},
		{ rows: ROWS, cols: COLS }
	);
}

/** The county's stored figures, read from IndexedDB itself. */
async function storedFigures(page) {
	return page.evaluate(
		(county) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('zhangye-edu2035');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('series').objectStore('series').getAll();
					req.onsuccess = () => {
						const out = {};
						for (const s of req.result) {
							if (s.regionCode !== county || s.kind !== 'actual') continue;
							for (const [year, cell] of Object.entries(s.cells))
								out[`${s.indicatorCode}:${Number(year) - 2017}`] =
									cell.t === 'n' ? String(cell.v) : JSON.stringify(cell);
						}
						db.close();
						resolve(out);
					};
					req.onerror = () => reject(req.error);
				};
			}),
		COUNTY
	);
}

async function waitSaved(page) {
	const status = page.getByRole('status').filter({ hasText: /已保存|Saved/ });
	await status.waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => !document.body.textContent.includes('正在保存'), null, {
		timeout: 30_000
	});
}

async function typeSetting(page, cdp, mode, delay, cells, values) {
	const pause = () => (delay ? page.waitForTimeout(delay) : Promise.resolve());
	const kb = page.keyboard;
	if (mode === 'click') {
		for (let i = 0; i < cells.length; i++) {
			await clickCell(page, cells[i]);
			await pause();
			await kb.type(values[i], { delay });
			await pause();
			await kb.press('Enter');
		}
		return;
	}
	if (mode === 'across') {
		for (let i = 0; i < cells.length; i++) {
			if (!reachedByKeys(cells[i - 1], cells[i], mode)) await clickCell(page, cells[i]);
			await kb.type(values[i], { delay });
			await pause();
			const endOfRow = i === cells.length - 1 || cells[i + 1].col === COLS[0];
			await kb.press(endOfRow ? 'Enter' : 'Tab');
			await pause();
		}
		return;
	}
	// Down a column: select its first cell, then figure, Enter, figure, Enter…
	for (let i = 0; i < cells.length; i++) {
		if (!reachedByKeys(cells[i - 1], cells[i], mode)) await clickCell(page, cells[i]);
		if (mode === 'down') await kb.type(values[i], { delay });
		else if (mode === 'ime') {
			// An input method composes (the candidate text shows in the cell), then commits.
			const text = values[i];
			for (let k = 1; k <= text.length; k++) {
				await cdp.send('Input.imeSetComposition', {
					text: text.slice(0, k),
					selectionStart: k,
					selectionEnd: k
				});
				await pause();
			}
			await cdp.send('Input.insertText', { text });
		} else await cdp.send('Input.insertText', { text: values[i] });
		await pause();
		await kb.press('Enter');
		await pause();
	}
}

async function runSetting(browser, mode, rate, delay, seed) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
	const page = await context.newPage();
	await page.goto(`${base}/county/${COUNTY}`);
	await page.getByRole('treegrid').waitFor();
	await page.locator('.ht_master td', { hasText: 'EDU09' }).first().waitFor();
	const cdp = await context.newCDPSession(page);
	const cells = cellsFor(mode, PER);
	const values = figures(seed, cells.length);
	const expected = new Map();
	cells.forEach((c, i) => expected.set(`${c.row}:${c.col}`, values[i]));
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	await typeSetting(page, cdp, mode, delay, cells, values);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await waitSaved(page);
	const shown = await gridTexts(page);
	await page.reload();
	await page.locator('.ht_master td', { hasText: 'EDU09' }).first().waitFor();
	const stored = await storedFigures(page);
	const shownAfterReload = await gridTexts(page);
	const wrong = [];
	for (const [key, typed] of expected) {
		const [code, col] = key.split(':');
		const where = `${code} ${YEAR_OF_COL(Number(col))}`;
		if (shown[key] !== typed) wrong.push(`${where}: typed ${typed}, grid ${shown[key] || '(empty)'}`);
		else if (stored[key] !== typed) wrong.push(`${where}: typed ${typed}, stored ${stored[key] ?? '(none)'}`);
		else if (shownAfterReload[key] !== typed)
			wrong.push(`${where}: typed ${typed}, after reload ${shownAfterReload[key] || '(empty)'}`);
	}
	await context.close();
	return { typed: cells.length, distinct: expected.size, wrong };
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const results = [];
try {
	let seed = 1;
	for (const mode of MODES)
		for (const rate of RATES)
			for (const delay of DELAYS) {
				const r = await runSetting(browser, mode, rate, delay, seed++);
				results.push({ mode, rate, delay, ...r });
				console.log(
					`${mode.padEnd(6)} cpu ${rate}x  ${String(delay).padStart(2)} ms: ${r.wrong.length} wrong of ${r.distinct} figures (${r.typed} typed)` +
						r.wrong.map((w) => `\n    ${w}`).join('')
				);
			}
} finally {
	await browser.close();
	server.kill();
}
const typed = results.reduce((n, r) => n + r.typed, 0);
const wrong = results.reduce((n, r) => n + r.wrong.length, 0);
console.log(`\n${typed} figures typed in ${results.length} settings; ${wrong} stored other than typed.`);
process.exitCode = wrong ? 1 : 0;
