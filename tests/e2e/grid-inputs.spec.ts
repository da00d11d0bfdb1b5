import { expect, test, type Page } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';
import { csvFile, ExchangePage } from './pages/exchange-page';

/**
 * Hold the workbook's database busy from the page itself, so that a save waits until
 * `release()` is called: what happens "while a save lands" then happens in a fixed order.
 */
async function holdDatabase(page: Page): Promise<() => Promise<void>> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('zhangye-edu2035');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('series', 'readwrite');
					const store = tx.objectStore('series');
					const w = window as unknown as { releaseDb?: boolean };
					w.releaseDb = false;
					// A transaction lives while it has requests: keep asking until released.
					const spin = () => {
						if (w.releaseDb) return;
						store.count().onsuccess = spin;
					};
					spin();
					tx.oncomplete = () => db.close();
					resolve();
				};
			})
	);
	return async () => {
		await page.evaluate(() => {
			(window as unknown as { releaseDb?: boolean }).releaseDb = true;
		});
	};
}

test('the name box keeps what is being typed in it while a save lands', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	const release = await holdDatabase(page);
	await sheet.type('EDU01', 'D', '99');
	// The save is waiting; the planner goes on to the name box and starts an address.
	await sheet.nameBox.click();
	await sheet.nameBox.fill('');
	await sheet.nameBox.pressSequentially('H');
	await release();
	await sheet.expectSaved();
	await expect(sheet.nameBox).toHaveValue('H');
	await sheet.nameBox.pressSequentially('2');
	await sheet.nameBox.press('Enter');
	await expect(sheet.nameBox).toHaveValue('H2');
});

test('an own indicator keeps its unit after a reload, on the sheet and the comparison sheet', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await page.getByRole('button', { name: '添加本县指标' }).click();
	const dialog = page.getByRole('dialog', { name: '添加本县自设指标' });
	await dialog.getByLabel('指标名称').fill('农村寄宿生比例');
	await dialog.getByLabel('单位').fill('%');
	await dialog.getByRole('button', { name: '保存' }).click();
	await expect(sheet.row('农村寄宿生比例')).toBeVisible();
	await sheet.type('农村寄宿生比例', 'D', '31.5');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('农村寄宿生比例', 'A', 'C01');
	await sheet.expectCell('农村寄宿生比例', 'C', '%');
	await page.getByRole('link', { name: '对照表' }).click();
	const row = page.getByRole('row').filter({ hasText: '农村寄宿生比例' }).first();
	await expect(row.getByRole('cell').nth(1)).toHaveText('%');
});

test('forms planners type: 99。5, a dash for no figure, thousands separators with a notice', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.typeWithIme('EDU01', 'E', '99。5');
	await sheet.expectCell('EDU01', 'E', '99.5');
	await sheet.type('EDU01', 'F', '99.2');
	await sheet.expectCell('EDU01', 'F', '99.2');
	// A dash alone clears the cell, as Delete would.
	await sheet.typeWithIme('EDU01', 'F', '—');
	await sheet.expectCell('EDU01', 'F', '');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await sheet.typeWithIme('EDU09', 'D', '／');
	await sheet.expectCell('EDU09', 'D', '');

	await sheet.type('EDU01', 'G', '1,234.5');
	await sheet.expectCell('EDU01', 'G', '1234.5');
	await expect(
		page.getByRole('status').filter({ hasText: '“1,234.5”读作 1234.5，已去掉千位分隔符' })
	).toBeVisible();
	// Any other text is still refused with the plain message.
	await sheet.type('EDU01', 'H', '1,5');
	await expect(page.getByRole('alert')).toContainText('无法识别“1,5”');
	await sheet.expectCell('EDU01', 'H', '');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU01', 'E', '99.5');
	await sheet.expectCell('EDU01', 'F', '');
	await sheet.expectCell('EDU01', 'G', '1234.5');
});

test('EDU03 in a county takes 100/0, 1/0, Y/N, √/×, and copies out as 是/否', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU03', 'D', '0');
	// Symbols and full-width letters come through an input method.
	await sheet.typeWithIme('EDU03', 'E', '×');
	await sheet.type('EDU03', 'F', '100');
	await sheet.typeWithIme('EDU03', 'G', 'Ｙ');
	await sheet.expectCell('EDU03', 'D', '否');
	await sheet.expectCell('EDU03', 'E', '否');
	await sheet.expectCell('EDU03', 'F', '是');
	await sheet.expectCell('EDU03', 'G', '是');
	await sheet.typeWithIme('EDU03', 'H', '√');
	await sheet.expectCell('EDU03', 'H', '是');
	await sheet.expectSaved();

	await sheet.select('EDU03', 'D');
	for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
	await page.keyboard.press('Control+c');
	await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('否\t否\t是\t是');
});

test('a CSV row with a code like a plan code is refused with the plan code it likely means', async ({
	page
}) => {
	const exchange = new ExchangePage(page);
	await exchange.open();
	const csv = [
		'地区代码,地区,指标代码,指标,单位,类型,2023,2024',
		'620702,甘州区,EDU1O,学前教育毛入园率,%,实际,99.4,99.6',
		'620702,甘州区,edu02,九年义务教育巩固率,%,实际,98.5,99'
	].join('\r\n');
	await exchange.pick([csvFile('slip.csv', csv)]);
	await expect(page.getByRole('heading', { name: '不导入的行（1 行）' })).toBeVisible();
	const refused = page
		.getByRole('table')
		.filter({ has: page.getByRole('columnheader', { name: '原因' }) })
		.first();
	await expect(refused.getByRole('row').nth(1)).toContainText('2');
	await expect(refused.getByRole('row').nth(1)).toContainText(
		'代码 EDU1O 不是规划指标代码，是否应为 EDU01？'
	);
	// The lower-case plan code is read as EDU02: its two figures are new, nothing else is.
	await expect(page.getByRole('row', { name: '甘州区 2 0 0 1' })).toBeVisible();
	await exchange.apply();
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.expectCell('EDU02', 'G', '98.5');
	await expect(sheet.row('EDU1O')).toHaveCount(0);
});

test('statuses keep their colours on the grid, with a key; a target year is chosen beside the years', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'D', '99');
	await sheet.type('EDU01', 'H', '99.6');
	await sheet.type('EDU09', 'D', '9.6');
	await sheet.type('EDU09', 'H', '9.7');
	await sheet.expectCell('EDU01', 'Y', '✓ 已达标');
	await sheet.expectCell('EDU09', 'Y', '↘ 滞后');
	const colour = async (row: string) =>
		(await sheet.cell(row, 'Y')).evaluate((td) => getComputedStyle(td).color);
	const met = await colour('EDU01');
	const behind = await colour('EDU09');
	expect(met).not.toBe(behind);
	const key = page.getByRole('list', { name: '状态：' });
	for (const word of ['✓ 已达标', '↗ 按进度', '↘ 滞后', '— 缺数据']) {
		await expect(key.getByRole('listitem').filter({ hasText: word })).toBeVisible();
	}
	expect(
		await key
			.getByRole('listitem')
			.filter({ hasText: '滞后' })
			.evaluate((li) => getComputedStyle(li).color)
	).toBe(behind);

	// At 1366 px the years and the 2025 comparison are on screen together, without scrolling.
	for (const letter of ['D', 'H', 'Y', 'Z']) await expect(await sheet.cell('EDU01', letter)).toBeInViewport();
	await expect(page.getByRole('columnheader', { name: 'AE', exact: true })).toHaveCount(0);
	await page.getByRole('radio', { name: '2035年目标' }).check();
	await expect(await sheet.cell('EDU01', 'AE')).toBeInViewport();
	await expect(await sheet.cell('EDU01', 'D')).toBeInViewport();
	await expect(page.getByRole('columnheader', { name: 'Y', exact: true })).toHaveCount(0);
});

test('the column headers stay in view when the rows go further down than the window', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 420 });
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	const header = page.getByRole('columnheader', { name: 'H', exact: true }).first();
	await sheet.select('EDU09', 'H');
	await expect(await sheet.cell('EDU09', 'H')).toBeInViewport();
	await expect(header).toBeInViewport();
	await page.mouse.move(600, 450);
	await page.mouse.wheel(0, 600);
	await expect(header).toBeInViewport();
});
