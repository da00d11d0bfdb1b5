// A county's sheet with no formula is drawn before the formula engine (HyperFormula) arrives,
// and the engine is bound to it later (components/late-engine-grid.ts). Here the engine's
// chunks are held back until the test lets them through, with the CPU throttled 6×, so
// that the binding happens exactly while a planner types:
// (a) no key typed while the engine is bound is lost or altered;
// (b) a formula typed before the engine is there is checked as ever (a broken one refused),
//     never stored unchecked, and it and every later change apply in order, undo included;
// (c) every cell shows before the engine what it shows after, also after an edit.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { HabitsPage } from './pages/habits-page';

// The hold below is a page.route, which requests answered by the service worker bypass: the
// worker claims the page on a first visit and then serves the engine's chunk from its cache.
test.use({ serviceWorkers: 'block' });

/** Holds the engine's chunk (HyperFormula's, the one with its FunctionPlugin) until `release` is called. */
async function holdEngine(page: Page): Promise<{ release: () => void }> {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes('FunctionPlugin')) await released;
		await route.fulfill({ response, body });
	});
	return { release };
}

/** A sheet opened with the engine's chunk held back: what `open` opens is drawn without it. */
async function openHeld(
	page: Page,
	open: (sheet: SheetPage) => Promise<void>
): Promise<{ engine: { release: () => void }; sheet: SheetPage }> {
	const engine = await holdEngine(page);
	const sheet = new SheetPage(page);
	await open(sheet);
	return { engine, sheet };
}

async function throttle(page: Page, rate: number): Promise<CDPSession> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	return cdp;
}

const engineState = (page: Page) => page.locator('.sheet-grid').getAttribute('data-engine');

/** Every cell's text of the rows EDU01–EDU09, as the grid shows them. */
async function shownCells(sheet: SheetPage): Promise<string[][]> {
	const out: string[][] = [];
	for (let i = 1; i <= 9; i++) {
		const cells = sheet.row(`EDU0${i}`).getByRole('gridcell');
		out.push(await cells.allTextContents());
	}
	return out;
}

/** Short, uneven pauses between keys, as a quick typist's (0–40 ms). */
const pause = (i: number) => [0, 27, 8, 40, 15, 33, 0, 21][i % 8]!;

test('keys typed while the engine is bound are all kept, in a note and in a figure', async ({ page }) => {
	test.setTimeout(120_000);
	const { engine, sheet } = await openHeld(page, (sheet) => sheet.openCounty());
	expect(await engineState(page)).toBe('pending');
	const cdp = await throttle(page, 6);

	// A note typed key by key; the engine is let through after the fifth key, and typing goes
	// on until it is bound and a little beyond, the cell's editor open all along.
	await sheet.select('EDU02', 'T');
	const text = '由统计年鉴整理，二〇二三年起按新口径统计并经教育局核对，';
	let note = '';
	let boundAt = -1;
	for (let i = 0; boundAt < 0 || i < boundAt + 4; i++) {
		const ch = text[i % text.length]!;
		await page.keyboard.insertText(ch);
		note += ch;
		if (i === 4) engine.release();
		await page.waitForTimeout(pause(i));
		if (boundAt < 0 && (await engineState(page)) === 'bound') boundAt = i;
		expect(i, 'the engine is bound within 400 keys').toBeLessThan(400);
	}
	expect(boundAt).toBeGreaterThanOrEqual(4);
	await page.keyboard.press('Enter');
	await expect(await sheet.cell('EDU02', 'T')).toHaveText(note);

	// A figure whose editor is open as the engine is there (bound just above: typed on).
	await sheet.select('EDU01', 'F');
	for (const [i, key] of [...'97.35'].entries()) {
		await page.keyboard.type(key);
		await page.waitForTimeout(pause(i));
	}
	await page.keyboard.press('Enter');
	await expect(await sheet.cell('EDU01', 'F')).toHaveText('97.35');
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

	await page.reload();
	await expect(await sheet.cell('EDU02', 'T')).toHaveText(note);
	await expect(await sheet.cell('EDU01', 'F')).toHaveText('97.35');
});

test('a figure typed as the engine is bound, its editor open, keeps every key', async ({ page }) => {
	test.setTimeout(120_000);
	const { engine, sheet } = await openHeld(page, (sheet) => sheet.openCounty());
	const cdp = await throttle(page, 6);
	await sheet.select('EDU04', 'E');
	await page.keyboard.type('9');
	await page.keyboard.type('8');
	engine.release();
	// The editor stays open with "98" while the engine arrives and is bound.
	await expect.poll(() => engineState(page), { timeout: 60_000 }).toBe('bound');
	await page.keyboard.type('.');
	await page.keyboard.type('6');
	await page.keyboard.press('Enter');
	await expect(await sheet.cell('EDU04', 'E')).toHaveText('98.6');
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await page.reload();
	await expect(await sheet.cell('EDU04', 'E')).toHaveText('98.6');
});

test('figures typed down the columns as the engine is bound are all shown and stored as typed', async ({
	page
}) => {
	test.setTimeout(150_000);
	const { engine, sheet } = await openHeld(page, (sheet) => sheet.openCounty());
	const cdp = await throttle(page, 6);
	const rows = ['EDU04', 'EDU05', 'EDU06', 'EDU07', 'EDU08', 'EDU09'];
	const typed: { row: string; col: string; text: string }[] = [];
	let boundAt = -1;
	// Down a column (Enter moves down), then the next column; the engine is let through
	// after the second figure, and typing goes on until it is bound and three figures beyond
	// (on a loaded machine at 6× CPU the binding can take the length of thirty figures).
	for (const col of ['G', 'H', 'I', 'J', 'K', 'D', 'E', 'F']) {
		await sheet.select(rows[0]!, col);
		for (const row of rows) {
			const n = typed.length;
			const text = `${60 + ((n * 7) % 39)}.${(n * 3) % 10}${1 + (n % 9)}`;
			for (const [i, key] of [...text].entries()) {
				await page.keyboard.type(key);
				await page.waitForTimeout(pause(n + i));
			}
			await page.keyboard.press('Enter');
			typed.push({ row, col, text });
			if (n === 1) engine.release();
			if (boundAt < 0 && (await engineState(page)) === 'bound') boundAt = n;
		}
		if (boundAt >= 0 && typed.length > boundAt + 3) break;
	}
	expect(boundAt, 'the engine was bound while figures were typed').toBeGreaterThan(1);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	for (const t of typed) await expect(await sheet.cell(t.row, t.col), `${t.row} ${t.col}`).toHaveText(t.text);
	await page.reload();
	for (const t of typed) await expect(await sheet.cell(t.row, t.col), `${t.row} ${t.col}`).toHaveText(t.text);
});

test('a formula typed before the engine is checked once it is there, and later changes follow in order', async ({
	page
}) => {
	test.setTimeout(120_000);
	const { engine, sheet } = await openHeld(page, (sheet) => sheet.openCounty());
	const d1 = (await (await sheet.cell('EDU01', 'D')).textContent())?.trim() ?? '';
	const f2before = (await (await sheet.cell('EDU02', 'F')).textContent())?.trim() ?? '';
	expect(await engineState(page)).toBe('pending');

	// A formula, then a figure, a broken formula and an undo, all before the engine.
	await sheet.type('EDU01', 'E', '=D1+1');
	await expect(await sheet.cell('EDU01', 'E')).toHaveText('=D1+1');
	await sheet.type('EDU01', 'F', '91.5');
	await sheet.type('EDU02', 'E', '=SUM(');
	await sheet.type('EDU02', 'F', '88');
	await page.keyboard.press('Control+z');
	// A fill would copy the held formula without shifting it: refused, said so.
	await sheet.select('EDU01', 'E');
	await page.keyboard.press('Control+d');
	await expect(page.getByText('公式引擎正在加载')).toBeVisible();
	expect(await engineState(page)).toBe('pending');

	engine.release();
	await expect.poll(() => engineState(page), { timeout: 60_000 }).toBe('bound');
	// The formula is computed, the broken one refused as typing refuses it, the 88 undone.
	const expected = String(Math.round((Number(d1) + 1) * 100) / 100);
	await expect(await sheet.cell('EDU01', 'E')).toHaveText(expected);
	await expect(await sheet.cell('EDU01', 'F')).toHaveText('91.5');
	await expect(page.getByText(/公式/).first()).toBeVisible();
	await expect(await sheet.cell('EDU02', 'E')).not.toHaveText('=SUM(');
	await expect(await sheet.cell('EDU02', 'F')).toHaveText(f2before);

	await page.reload();
	await expect(await sheet.cell('EDU01', 'E')).toHaveText(expected);
	await sheet.select('EDU01', 'E');
	await expect(sheet.formulaBar).toHaveValue('=D1+1');
	await expect(await sheet.cell('EDU01', 'F')).toHaveText('91.5');
	await expect(await sheet.cell('EDU02', 'F')).toHaveText(f2before);
});

test('every cell shows before the engine what it shows once the engine is bound, after edits too', async ({
	page
}) => {
	test.setTimeout(120_000);
	const { engine, sheet } = await openHeld(page, (sheet) => sheet.openCounty());
	const before = await shownCells(sheet);
	expect(before.flat().join('')).toMatch(/已达标|按进度|滞后|缺数据/);
	// An edit before the engine: the comparison follows it at once.
	await sheet.type('EDU05', 'H', '1');
	await sheet.type('EDU06', 'D', '95');
	const edited = await shownCells(sheet);
	expect(await engineState(page)).toBe('pending');
	engine.release();
	await expect.poll(() => engineState(page), { timeout: 60_000 }).toBe('bound');
	expect(await shownCells(sheet)).toEqual(edited);
	await page.unroute('**/_app/immutable/**/*.js');
	await page.reload();
	await expect.poll(() => engineState(page)).toBe('bound');
	expect(await shownCells(sheet)).toEqual(edited);
	expect(edited).not.toEqual(before);
});

test('the city’s figures are drawn before the engine as they are after it', async ({ page }) => {
	test.setTimeout(120_000);
	const { engine, sheet } = await openHeld(page, (sheet) => sheet.openCityFigures());
	const before = await shownCells(sheet);
	expect(await engineState(page)).toBe('pending');
	engine.release();
	await expect.poll(() => engineState(page), { timeout: 60_000 }).toBe('bound');
	expect(await shownCells(sheet)).toEqual(before);
});

test('another tab’s change reaches a sheet drawn before the engine: figures at once, a formula once the engine is there', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const { engine, sheet } = await openHeld(page, (sheet) => sheet.openCounty());
	const other = await context.newPage();
	const otherSheet = new SheetPage(other);
	await otherSheet.openCounty();
	await otherSheet.type('EDU05', 'H', '47.5');
	await otherSheet.expectSaved();
	await expect(await sheet.cell('EDU05', 'H')).toHaveText('47.5');
	await otherSheet.type('EDU05', 'I', '=H5+1');
	await otherSheet.expectSaved();
	await expect(await otherSheet.cell('EDU05', 'I')).toHaveText('48.5');
	// The formula needs the engine: this tab does not show it, or a guess, before it is there.
	expect(await engineState(page)).toBe('pending');
	await expect(await sheet.cell('EDU05', 'I')).not.toHaveText(/=H5/);
	engine.release();
	await expect.poll(() => engineState(page), { timeout: 60_000 }).toBe('bound');
	await expect(await sheet.cell('EDU05', 'I')).toHaveText('48.5');
	expect(await shownCells(sheet)).toEqual(await shownCells(otherSheet));
});

test('a sheet with no formula is on screen before the engine is even fetched; one with a formula fetches it at once', async ({
	page
}) => {
	test.setTimeout(120_000);
	// When the grid first shows a row (page clock), and which file is the engine's.
	await page.addInitScript(() => {
		const w = window as unknown as { __rowShownAt?: number };
		new MutationObserver((_, observer) => {
			if (!document.querySelector('[role="treegrid"] td')) return;
			w.__rowShownAt = performance.now();
			observer.disconnect();
		}).observe(document, { subtree: true, childList: true });
	});
	let engineUrl = '';
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes('FunctionPlugin')) engineUrl = route.request().url();
		await route.fulfill({ response, body });
	});
	/** The engine's fetch began after the grid showed its first row. */
	const fetchedAfterShown = () =>
		page.evaluate((url) => {
			const w = window as unknown as { __rowShownAt?: number };
			const fetch = performance.getEntriesByName(url)[0];
			if (!fetch || w.__rowShownAt === undefined) throw new Error('no fetch or no row seen');
			return fetch.startTime > w.__rowShownAt;
		}, engineUrl);
	const sheet = new SheetPage(page);
	await sheet.openCounty();
	await expect.poll(() => engineState(page), { timeout: 60_000 }).toBe('bound');
	// The engine's evaluation would otherwise run before the sheet's first paint.
	expect(await fetchedAfterShown()).toBe(true);

	// A sheet holding a formula waits for the engine, so the engine is fetched first.
	await sheet.type('EDU05', 'I', '=H5+1');
	await sheet.expectSaved();
	await page.reload();
	await expect.poll(() => engineState(page), { timeout: 60_000 }).toBe('bound');
	expect(await fetchedAfterShown()).toBe(false);
});

test('the fill handle extends a trend before the engine is there and after it is bound late', async ({
	page
}) => {
	test.setTimeout(120_000);
	const engine = await holdEngine(page);
	const sheet = new HabitsPage(page);
	await sheet.openCounty();
	await sheet.type('EDU01', 'E', '95.8');
	await sheet.type('EDU01', 'F', '96.4');
	await sheet.selectAcross('EDU01', 'E', 1);
	await sheet.dragFillHandle('EDU01', 'H');
	expect(await engineState(page)).toBe('pending');
	await sheet.expectCell('EDU01', 'G', '97');
	await sheet.expectCell('EDU01', 'H', '97.6');
	engine.release();
	await expect.poll(() => engineState(page), { timeout: 60_000 }).toBe('bound');
	// The Formulas plugin, switched on now, answers a fill first; the trend still follows it.
	await sheet.type('EDU02', 'E', '90');
	await sheet.type('EDU02', 'F', '91');
	await sheet.selectAcross('EDU02', 'E', 1);
	await sheet.dragFillHandle('EDU02', 'H');
	await sheet.expectCell('EDU02', 'G', '92');
	await sheet.expectCell('EDU02', 'H', '93');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU01', 'H', '97.6');
	await sheet.expectCell('EDU02', 'H', '93');
});
