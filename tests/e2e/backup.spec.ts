// Keeping the data safe: a cleared browser restored from the backup folder, a backup file
// restored with a preview and undone, and an import undone after a reload.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { SheetPage } from './pages/sheet-page';
import { SafetyPage, dumpDb, workbookTables } from './pages/safety-page';
import { csvFile, ImportPage } from './pages/import-page';
import { canonicalJson, sha256Hex } from '../../src/lib/core/backup/canonical';

// Each test walks through several pages and grids; on a shared, loaded machine that takes
// longer than the default 30 s. The assertions check results, never durations.
test.describe.configure({ timeout: 120_000 });

const ROWS = [
	['地区代码', '地区', '指标代码', '指标', '单位', '类型', '2023', '2024', '备注'],
	['620723', '临泽县', 'EDU01', '学前教育毛入园率', '%', '实际', '98.6', '99.1', '县统计局'],
	['620723', '临泽县', 'EDU02', '九年义务教育巩固率', '%', '实际', '99.2', '99.4', ''],
	['620700', '张掖市', 'EDU05', '高等教育毛入学率', '%', '目标', '', '>60', '']
];
const CSV = csvFile('临泽县-20261101.csv', ROWS.map((r) => r.join(',')).join('\r\n'));

function importCsv(page: Page): Promise<void> {
	return new ImportPage(page).applyFiles([CSV]);
}

async function clearSiteData(page: Page, baseURL: string, storageTypes: string): Promise<void> {
	// Leave the app first, so no open connection sees its database vanish.
	await page.goto('about:blank');
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL).origin, storageTypes });
	await cdp.detach();
}

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/backup-shots';
async function shoot(page: Page, name: string): Promise<void> {
	mkdirSync(SHOTS, { recursive: true });
	for (const [w, h] of [
		[1366, 768],
		[1920, 1080]
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.screenshot({ path: `${SHOTS}/${name}-${w}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1440, height: 900 });
}

/** Headless Chromium cannot click a native folder picker: see the Done-when test below. */
async function pickerReturnsOpfsFolder(page: Page): Promise<void> {
	await page.addInitScript(() => {
		(
			window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }
		).showDirectoryPicker = async () =>
			(await navigator.storage.getDirectory()).getDirectoryHandle('备份文件夹', { create: true });
	});
}

/** The backup folder's files: name → text. */
async function folderFiles(page: Page): Promise<Record<string, string>> {
	return page.evaluate(async () => {
		const dir = await (
			await navigator.storage.getDirectory()
		).getDirectoryHandle('备份文件夹', { create: true });
		// The app may be writing or pruning the folder meanwhile: a listing that an entry
		// vanished from fails (NotFoundError), a file replaced while it was read fails
		// (NotReadableError); either way the listing is simply made again.
		for (let attempt = 0; ; attempt++) {
			try {
				const out: Record<string, string> = {};
				for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
					const text = await handle.getFile().then(
						(f) => f.text(),
						() => null
					);
					if (text !== null) out[name] = text;
				}
				return out;
			} catch (e) {
				const name = (e as DOMException).name;
				if (attempt >= 5 || (name !== 'NotFoundError' && name !== 'NotReadableError')) throw e;
			}
		}
	});
}

test('the folder backup follows edits after 2 quiet minutes, and keeps the last N of each kind', async ({
	page
}) => {
	await page.clock.install();
	await pickerReturnsOpfsFolder(page);
	const safety = new SafetyPage(page);
	await safety.open();
	await page.getByRole('button', { name: '选择备份文件夹…' }).click();
	await expect(safety.status(/已写入文件夹“备份文件夹”/)).toBeVisible();
	const first = Object.keys(await folderFiles(page)).sort();
	expect(first).toHaveLength(2);
	expect(first[0]).toMatch(/^张掖教育2035-备份-\d{8}-\d{4}\.json$/);
	expect(first[1]).toMatch(/^张掖教育2035-每日备份-\d{8}\.json$/);

	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'D', '97.25');
	await sheet.expectSaved();
	// Not before the planner pauses: nothing new until two minutes pass without an edit.
	await page.clock.fastForward('01:00');
	expect(Object.keys(await folderFiles(page)).sort()).toEqual(first);
	await page.clock.fastForward('01:05');
	await expect.poll(async () => Object.keys(await folderFiles(page)).length).toBe(3);
	const files = await folderFiles(page);
	const newest = Object.keys(files)
		.filter((n) => n.startsWith('张掖教育2035-备份-'))
		.sort()
		.at(-1)!;
	expect(files[newest]).toContain('97.25');

	await safety.open();
	await page.getByRole('spinbutton', { name: '备份文件夹中每类文件的保留数' }).fill('1');
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(safety.status('已保存')).toBeVisible();
	await page.clock.fastForward('01:00');
	await page.getByRole('button', { name: '立即备份' }).click();
	await expect
		.poll(
			async () =>
				Object.keys(await folderFiles(page)).filter((n) => n.startsWith('张掖教育2035-备份-')).length
		)
		.toBe(1);
});

test('Done when: the site storage is cleared, and one click restores everything from the folder backup', async ({
	page,
	baseURL
}) => {
	// Headless Chromium cannot click a native folder picker. In this test only, the picker
	// returns a real folder of the Origin Private File System; it stands for the planner's
	// folder on disk, so the clearing below keeps file systems and clears IndexedDB and
	// localStorage, which is what a cleanup tool or a storage eviction takes.
	await page.addInitScript(() => {
		(
			window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }
		).showDirectoryPicker = async () =>
			(await navigator.storage.getDirectory()).getDirectoryHandle('备份文件夹', { create: true });
	});
	await importCsv(page);
	const sheet = new SheetPage(page);
	await sheet.openCounty('620702');
	await sheet.type('EDU01', 'D', '99');
	await sheet.type('EDU01', 'E', '=D1+0.1');
	await sheet.expectSaved();

	const safety = new SafetyPage(page);
	await safety.open();
	await page.getByRole('button', { name: '选择备份文件夹…' }).click();
	await expect(safety.status(/最近一次备份：.*已写入文件夹“备份文件夹”/)).toBeVisible();
	expect(Object.keys(await folderFiles(page))).toHaveLength(2);
	const before = workbookTables(await dumpDb(page));
	expect(before.series!.length).toBeGreaterThan(0);
	expect(before.imports).toHaveLength(1);

	// The database alone is cleared: the marker left in localStorage says what happened.
	await clearSiteData(page, baseURL!, 'indexeddb');
	await page.goto('/');
	await expect(page.getByRole('alert')).toContainText('浏览器的存储可能被清除了');
	await expect(page.getByRole('alert')).toContainText('文件夹“备份文件夹”');
	await shoot(page, 'start-cleared');

	// Both cleared, as the issue asks: nothing in the browser remembers; the folder does.
	await clearSiteData(page, baseURL!, 'indexeddb,local_storage');
	await page.goto('/');
	await expect(page.getByText('工作簿还是空的')).toBeVisible();
	expect(workbookTables(await dumpDb(page))).not.toEqual(before);
	await shoot(page, 'start-empty');
	await page.getByRole('button', { name: '从备份文件夹恢复…' }).click();
	await expect(page.getByRole('status').filter({ hasText: '恢复工作簿' })).toBeVisible();

	// Record by record, every table the backup carries.
	const after = workbookTables(await dumpDb(page));
	expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
	for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
	await sheet.openCounty('620702');
	await sheet.expectCell('EDU01', 'E', '99.1');
	await sheet.openCounty('620723');
	await sheet.expectCell('EDU01', 'H', '99.1');
});

test('download a backup, restore it from the file after a preview, then undo the restore after a reload', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620723');
	await sheet.type('EDU01', 'G', '98.6');
	await sheet.expectSaved();
	const safety = new SafetyPage(page);
	await safety.open();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '下载备份' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^张掖教育2035-备份-\d{8}-\d{4}\.json$/);
	const bytes = readFileSync(await download.path());
	await expect(safety.status(/下载为 张掖教育2035-备份-/)).toBeVisible();

	// A tampered copy is refused by name, and nothing changes.
	const tampered = bytes.toString('utf8').replace('98.6', '98.7');
	await safety.restoreFile.setInputFiles({
		name: 'tampered.json',
		mimeType: 'application/json',
		buffer: Buffer.from(tampered)
	});
	await expect(page.getByRole('alert')).toContainText('校验值（sha256）不符');
	await expect(safety.preview).toHaveCount(0);

	await sheet.openCounty('620723');
	await sheet.type('EDU01', 'G', '97');
	await sheet.type('EDU02', 'G', '96');
	await sheet.expectSaved();
	const edited = workbookTables(await dumpDb(page));

	await safety.open();
	await safety.restoreFile.setInputFiles({
		name: download.suggestedFilename(),
		mimeType: 'application/json',
		buffer: bytes
	});
	await expect(safety.preview).toBeVisible();
	const row = safety.preview.getByRole('row', { name: /临泽县/ });
	// 新增 修改 删除 未变: EDU01 2023 back to 98.6, EDU02 2023 not in the backup.
	await expect(row).toHaveText(/临泽县\s*0\s*1\s*1\s*0/);
	await shoot(page, 'restore-preview');
	await safety.preview.getByRole('button', { name: '恢复', exact: true }).click();
	await expect(safety.status(/已用“张掖教育2035-备份-.*”恢复工作簿/)).toBeVisible();
	await sheet.openCounty('620723');
	await sheet.expectCell('EDU01', 'G', '98.6');
	await sheet.expectCell('EDU02', 'G', '');

	await safety.open();
	await page.reload();
	await expect(safety.snapshots.getByRole('row', { name: /恢复备份/ })).toBeVisible();
	await shoot(page, 'safety');
	await page.getByRole('button', { name: '撤销本次恢复' }).click();
	await expect(safety.status('已撤销')).toBeVisible();
	expect(workbookTables(await dumpDb(page))).toEqual(edited);
});

test('an import is undone after a reload; once edited since, it is refused and the snapshot offered', async ({
	page
}) => {
	await page.goto('/');
	// Seeded and open: the start page lists the counties once the workbook is read.
	await expect(page.getByText('工作簿还是空的')).toBeVisible();
	const before = workbookTables(await dumpDb(page));
	await importCsv(page);
	await page.reload();
	await expect(page.getByRole('button', { name: '撤销本次导入' })).toBeVisible();
	await shoot(page, 'exchange-undo-after-reload');
	await page.getByRole('button', { name: '撤销本次导入' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已撤销导入 临泽县-20261101.csv' })).toBeVisible();
	const undone = workbookTables(await dumpDb(page));
	for (const table of ['series', 'ownIndicatorSets', 'imports'])
		expect(undone[table], table).toEqual(before[table]);

	// Imported again, then edited: undoing would lose the edit, so it is refused.
	await importCsv(page);
	const sheet = new SheetPage(page);
	await sheet.openCounty('620723');
	await sheet.type('EDU04', 'G', '95.5');
	await sheet.expectSaved();
	const edited = await dumpDb(page);
	await page.goto('/exchange');
	await page.getByRole('button', { name: '撤销本次导入' }).click();
	await expect(page.getByRole('alert')).toContainText('无法直接撤销');
	expect(workbookTables(await dumpDb(page))).toEqual(workbookTables(edited));
	await page.getByRole('button', { name: '查看导入前的快照' }).click();
	await expect(page.getByRole('region', { name: /恢复预览/ })).toBeVisible();
});

test('a backup holding a formula that typing refuses is refused by record and year, and nothing changes', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620723');
	await sheet.type('EDU01', 'G', '98.6');
	await sheet.type('EDU01', 'H', '=G1+0.2');
	await sheet.expectSaved();
	const safety = new SafetyPage(page);
	await safety.open();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: '下载备份' }).click();
	const envelope = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
	const before = workbookTables(await dumpDb(page));

	// A hand-edited backup: the formula's bracket left open, the checksum made to match, so
	// only the formula check can refuse it.
	const text = JSON.stringify(envelope.content).replace('=G1+0.2', '=SUM(G1');
	envelope.content = JSON.parse(text);
	envelope.sha256 = await sha256Hex(canonicalJson(envelope.content));
	await safety.restoreFile.setInputFiles({
		name: 'edited.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(envelope))
	});
	await expect(page.getByRole('alert')).toContainText('临泽县 EDU01 2024 年的数据有误（公式写法有误');
	await expect(page.getByRole('alert')).toContainText('工作簿没有任何改动');
	await expect(safety.preview).toHaveCount(0);
	await shoot(page, 'restore-refused-formula');
	expect(workbookTables(await dumpDb(page))).toEqual(before);
});

test('a workbook holding data never shows the storage-cleared alarm on the start page, not even while it loads', async ({
	page
}) => {
	const sheet = new SheetPage(page);
	await sheet.openCounty('620723');
	await sheet.type('EDU01', 'G', '98.6');
	await sheet.expectSaved();
	// Watches from the page's first script: the alarm must not appear even for a moment.
	await page.addInitScript(() => {
		const w = window as unknown as { __alarm: boolean };
		w.__alarm = false;
		new MutationObserver(() => {
			if (document.body?.textContent?.includes('浏览器的存储可能被清除了')) w.__alarm = true;
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	for (let i = 0; i < 3; i++) {
		await page.goto('/');
		await expect(page.getByRole('link', { name: /打开临泽县/ })).toContainText('已填 1 格');
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 500))));
		expect(await page.evaluate(() => (window as unknown as { __alarm: boolean }).__alarm)).toBe(false);
	}
});
