// CSV exchange as planners use it: export from one browser, import into another, through
// the file picker, the preview and apply or cancel.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createMultibyteEncoder } from '@exodus/bytes/multi-byte.js';
import { SheetPage } from './pages/sheet-page';
import { csvFile, ImportPage } from './pages/import-page';

/** Every record of the workbook's database, as stored. */
async function dumpDb(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('zhangye-edu2035');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const out: Record<string, unknown[]> = {};
		for (const name of Array.from(db.objectStoreNames)) {
			out[name] = await new Promise<unknown[]>((resolve, reject) => {
				const req = db.transaction(name).objectStore(name).getAll();
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
		}
		db.close();
		return out;
	});
}

/** The workbook's content, without the times it was written. */
function content(dump: Record<string, unknown[]>) {
	const strip = (rows: unknown[] = []) =>
		rows
			.map((r) => {
				const { updatedAt: _u, ...rest } = r as Record<string, unknown>;
				return rest;
			})
			.filter((r) => !('cells' in r) || Object.keys(r.cells as object).length > 0 || r.note !== '')
			.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
	// A county's own indicators are one record (schema v11): compared indicator by indicator.
	const sets = (dump.ownIndicatorSets ?? []) as { indicators: unknown[] }[];
	return { series: strip(dump.series), indicators: strip(sets.flatMap((s) => s.indicators)) };
}

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'zh-CN',
		viewport: { width: 1440, height: 900 }
	});
	return context.newPage();
}

test('an exported workbook imports into an empty browser identically, formulas computing', async ({
	page,
	browser,
	baseURL
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'D', '99.0');
	await sheet.type('EDU01', 'G', '99.3');
	await sheet.type('EDU01', 'H', '=G1+0.23');
	await sheet.type('EDU03', 'H', '是');
	await sheet.type('EDU01', 'T', '=来自年报, "初稿"');
	await page.getByRole('button', { name: '添加本县指标' }).click();
	const dialog = page.getByRole('dialog', { name: '添加本县自设指标' });
	await dialog.getByLabel('指标名称').fill('教师培训, 人次 😀𠀀');
	await dialog.getByLabel('单位').fill('人');
	await dialog.getByRole('button', { name: '保存' }).click();
	await sheet.type('教师培训, 人次 😀𠀀', 'H', '1250');
	await sheet.expectSaved();
	await sheet.openTargets();
	await sheet.type('EDU04', 'F', '>97.5 (基本普及)');
	await sheet.expectSaved();

	await page.getByRole('link', { name: '导入导出' }).click();
	await page.getByRole('checkbox', { name: '全选县区' }).check();
	await page.getByRole('checkbox', { name: '市、省基线与目标' }).check();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出文件' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^620700-张掖市-全部-\d{8}\.csv$/);
	const bytes = readFileSync(await download.path());
	// UTF-8 with a byte-order mark and CRLF line ends, as Excel on Chinese Windows wants.
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8');
	expect(text).toContain("\r\n620702,甘州区,EDU01,学前教育毛入园率,%,实际,99,,,99.3,'=G1+0.23,");
	expect(text).not.toMatch(/[^\r]\n/);

	const other = await freshPage(browser, baseURL);
	const imports = new ImportPage(other);
	await imports.importFiles([csvFile(download.suggestedFilename(), bytes)]);
	await expect(other.getByRole('cell', { name: '可以导入' })).toBeVisible();
	await imports.waitForPreview();
	await expect(imports.refusedHeading).toHaveCount(0);
	await imports.apply();
	await expect(imports.appliedStatus).toContainText('甘州区');

	expect(content(await dumpDb(other))).toEqual(content(await dumpDb(page)));

	const copy = new SheetPage(other);
	await copy.openCounty('620702');
	await copy.expectCell('EDU01', 'H', '99.53');
	await copy.expectCell('教师培训, 人次 😀𠀀', 'H', '1250');
	await (await copy.cell('EDU01', 'H')).click();
	await expect(copy.formulaBar).toHaveValue('=G1+0.23');

	// The same file again changes nothing.
	await imports.importFiles([csvFile(download.suggestedFilename(), bytes)]);
	await expect(other.getByText('文件中的数据与工作簿相同，没有需要导入的内容。')).toBeVisible();
	await other.context().close();
});

const ROWS = [
	['地区代码', '地区', '指标代码', '指标', '单位', '类型', '2023', '2024', '备注'],
	['620723', '临泽县', 'EDU01', '学前教育毛入园率', '%', '实际', '98.6', '99.1', '县统计局'],
	['620723', '临泽县', 'EDU02', '九年义务教育巩固率', '%', '实际', '99.2', '99.4', ''],
	['620700', '张掖市', 'EDU05', '高等教育毛入学率', '%', '目标', '', '>60', '']
];

test('the same file as GB18030, UTF-8 with and without BOM, and UTF-16 "Unicode text" imports alike', async ({
	page
}) => {
	const csv = ROWS.map((r) => r.join(',')).join('\r\n') + '\r\n';
	const tsv = ROWS.map((r) => r.join('\t')).join('\r\n') + '\r\n';
	const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
	const variants = [
		csvFile('gb18030.csv', createMultibyteEncoder('gb18030')(csv)),
		csvFile('utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])),
		csvFile('utf8.csv', csv),
		csvFile('unicode.txt', utf16)
	];
	const imports = new ImportPage(page);
	await imports.importFiles([variants[0]!]);
	await expect(page.getByRole('combobox', { name: 'gb18030.csv 的编码' })).toHaveValue('gb18030');
	await expect(imports.applyButton).toHaveText('应用导入（新增 5 项，修改 0 项）');
	await imports.apply();
	const after = content(await dumpDb(page));
	expect(JSON.stringify(after)).toContain('县统计局');

	for (const variant of variants.slice(1)) {
		await imports.importFiles([variant]);
		await expect(page.getByText('文件中的数据与工作簿相同，没有需要导入的内容。')).toBeVisible();
		await expect(imports.refusedHeading).toHaveCount(0);
	}
	expect(content(await dumpDb(page))).toEqual(after);
});

test('a wrongly detected encoding can be changed, and the preview follows', async ({ page }) => {
	const csv = ROWS.map((r) => r.join(',')).join('\r\n');
	const imports = new ImportPage(page);
	await imports.importFiles([csvFile('gbk.csv', createMultibyteEncoder('gb18030')(csv))]);
	const select = page.getByRole('combobox', { name: 'gbk.csv 的编码' });
	await select.selectOption('utf-8');
	await expect(page.getByText(/个字符无法按此编码读取/)).toBeVisible();
	await imports.waitForPreview();
	await expect(imports.applyButton).toHaveCount(0);
	await select.selectOption('gb18030');
	await expect(imports.applyButton).toHaveText('应用导入（新增 5 项，修改 0 项）');
});

test('broken rows are refused by row number; cancelling leaves the database exactly as it was', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'G', '99.3');
	await sheet.expectSaved();
	const before = await dumpDb(page);

	const csv = [
		'地区代码,地区,指标代码,指标,单位,类型,2023,2024',
		'620702,甘州区,EDU01,学前教育毛入园率,%,实际,99.4,99.6',
		'620702,甘州区,EDU02,九年义务教育巩固率,%,实际,很高,99',
		'629999,某县,EDU01,学前教育毛入园率,%,实际,98,',
		'620723,临泽县,EDU01,学前教育毛入园率,%,实际,>99,',
		'620723,临泽县,EDU04,高中阶段毛入学率,%,实际,97.2,'
	].join('\r\n');
	const imports = new ImportPage(page);
	await imports.importFiles([csvFile('broken.csv', csv)]);
	await expect(imports.refusedHeading).toHaveText('不导入的行（3 行）');
	const refused = await imports.refusedRows();
	expect(refused.map(([row, column]) => [row, column])).toEqual([
		['3', '2023'],
		['4', '地区代码'],
		['5', '2023']
	]);
	expect(refused[0]![2]).toContain('“很高”不是数字');
	expect(refused[1]![2]).toContain('地区代码“629999”');
	expect(refused[2]![2]).toContain('比较符只能用在目标行');
	expect(await imports.count('甘州区', '拒绝的行')).toBe(1);
	expect(await imports.count('临泽县', '新增')).toBe(1);
	// The rest is importable, shown old → new.
	await expect(page.getByRole('row', { name: /甘州区 EDU01 学前教育毛入园率 2023 99.3 99.4/ })).toBeVisible();
	await expect(imports.applyButton).toHaveText('应用导入（新增 2 项，修改 1 项）');

	await page.getByRole('button', { name: '取消导入' }).click();
	await expect(page.getByText('已取消，工作簿没有任何改动。')).toBeVisible();
	expect(await dumpDb(page)).toEqual(before);
});

test('an applied import shows at once in a grid open in another tab, and can be undone', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620723');
	const importer = await page.context().newPage();
	const imports = new ImportPage(importer);
	await imports.applyFiles([csvFile('linze.csv', ROWS.map((r) => r.join(',')).join('\n'))]);
	await sheet.expectCell('EDU01', 'H', '99.1');

	await imports.undo();
	await sheet.expectCell('EDU01', 'H', '');
});

test('a damaged Excel workbook and binary files are refused with what to do instead', async ({ page }) => {
	// Handing a 32 MB file to the page takes seconds on a busy 2-core machine.
	test.setTimeout(60_000);
	await new ImportPage(page).importFiles([
		{
			name: '甘州区.xlsx',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])
		},
		{
			name: 'photo.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from([
				0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0
			])
		}
	]);
	// A workbook is read now; one cut off after its first bytes is refused by name.
	await expect(page.getByText(/这个 Excel 工作簿（.xlsx）已损坏或不完整，无法读取。/)).toBeVisible();
	await expect(page.getByText('这不是文本文件，不能作为 CSV 导入。', { exact: false })).toBeVisible();
	await expect(page.getByText('没有可以导入的文件。')).toBeVisible();

	await new ImportPage(page).choose([csvFile('全市汇总.csv', Buffer.alloc(32 * 1024 * 1024 + 1, 0x41))]);
	await expect(page.getByText('文件超过 32 MB，无法导入。请按县区或年份拆成几个文件。')).toBeVisible();
	await expect(page.getByText('没有可以导入的文件。')).toBeVisible();
});

test('a file dropped on a county page opens the import preview', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	const csv = ROWS.map((r) => r.join(',')).join('\n');
	const data = await page.evaluateHandle((text) => {
		const dt = new DataTransfer();
		dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
		return dt;
	}, csv);
	await page.locator('main').dispatchEvent('dragover', { dataTransfer: data });
	await page.locator('main').dispatchEvent('drop', { dataTransfer: data });
	await expect(page).toHaveURL(/\/exchange$/);
	await expect(page.getByRole('cell', { name: 'dropped.csv' })).toBeVisible();
	await expect(new ImportPage(page).applyButton).toHaveText('应用导入（新增 5 项，修改 0 项）');
});

test('a 100,000-row file imports with a moving progress bar while the page keeps answering', async ({
	page
}) => {
	test.setTimeout(120_000);
	// 6 counties × 9 indicators × 16 years = 864 distinct cells; repeated rows agree, so the
	// file is big (as a merged export is) and every row is checked.
	const lines = ['地区代码,地区,指标代码,指标,单位,类型,年份,数值,备注'];
	const counties = ['620702', '620721', '620722', '620723', '620724', '620725'];
	for (let i = 0; lines.length <= 100_000; i++) {
		const county = counties[i % 6]!;
		const indicator = `EDU0${1 + (Math.floor(i / 6) % 9)}`;
		const year = 2020 + (Math.floor(i / 54) % 16);
		const value = indicator === 'EDU03' ? '是' : indicator === 'EDU09' ? '10.5' : '95.5';
		lines.push(`${county},,${indicator},,,实际,${year},${value},`);
	}
	await page.goto('/exchange');
	// Every value the progress bar shows, recorded in the page as it changes.
	await page.evaluate(() => {
		const seen = new Set<string>();
		(window as unknown as { progressSeen: Set<string> }).progressSeen = seen;
		new MutationObserver(() => {
			const bar = document.querySelector('progress');
			if (bar) seen.add(bar.getAttribute('value') ?? '');
		}).observe(document.body, { subtree: true, childList: true, attributes: true });
	});
	const imports = new ImportPage(page);
	await imports.choose([csvFile('big.csv', lines.join('\r\n'))]);
	const bar = page.getByRole('progressbar', { name: '读取进度' });
	await expect(bar).toBeVisible();
	const answered: boolean[] = [];
	const box = page.getByRole('checkbox', { name: '甘州区' });
	while (await bar.isVisible()) {
		// The page answers clicks while the worker reads.
		await box.click({ timeout: 2000 }).then(
			() => answered.push(true),
			() => answered.push(false)
		);
	}
	const seen = await page.evaluate(() => [
		...(window as unknown as { progressSeen: Set<string> }).progressSeen
	]);
	expect(new Set(seen).size).toBeGreaterThan(2);
	expect(answered.length).toBeGreaterThan(0);
	expect(answered.every(Boolean)).toBe(true);
	await expect(imports.applyButton).toHaveText('应用导入（新增 864 项，修改 0 项）');
	await imports.apply();
	await expect(imports.appliedStatus).toContainText('已导入：新增 864 项');
});

test('an import shows in this tab’s grids without a reload, targets included', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620723');
	await sheet.expectCell('EDU01', 'H', '');
	await sheet.expectCell('EDU01', 'U', '99.53');
	// Client-side navigation keeps the formula engine the grid page built.
	await page.getByRole('link', { name: '导入导出' }).first().click();
	const csv = [
		'地区代码,指标代码,类型,2023,2024,2025',
		'620723,EDU01,实际,98.6,99.1,',
		'620700,EDU01,目标,,,99.7'
	].join('\n');
	await new ImportPage(page).choose([csvFile('linze.csv', csv)]);
	await new ImportPage(page).apply();
	await page.getByRole('link', { name: '打开临泽县' }).click();
	await sheet.expectCell('EDU01', 'H', '99.1');
	// The city's target lives on another sheet of the same engine: it must have been reloaded.
	await sheet.expectCell('EDU01', 'U', '99.7');
});

test('an export with comparisons carries the computed targets, gaps and statuses', async ({ page }) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'H', '99.6');
	await sheet.expectSaved();
	await page.goto('/exchange?region=620702');
	await expect(page.getByRole('checkbox', { name: '甘州区' })).toBeChecked();
	await page.getByRole('checkbox', { name: /附对照列/ }).check();
	await page.getByRole('radio', { name: /GB18030/ }).check();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出文件' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^620702-甘州区-\d{8}\.csv$/);
	const text = new TextDecoder('gb18030').decode(readFileSync(await download.path()));
	// Format v1.1: the metadata row first, then the header as before.
	const [meta, header, edu01] = text.split('\r\n');
	expect(meta).toMatch(/^报送信息,导出时间,\d{4}-\d{2}-\d{2} \d{2}:\d{2},格式版本,1\.2$/);
	expect(header).toContain(',备注,2025年市目标,2035年市目标'.slice(0, 14));
	expect(header).toContain('2025年差距(市)');
	const cells = edu01!.split(',');
	const at = (name: string) => cells[header!.split(',').indexOf(name)];
	expect(at('2025年市目标')).toBe('99.53');
	expect(at('2025年差距(市)')).toBe('0.07');
	expect(at('2025年状态(市)')).toMatch(/达标/);
});
