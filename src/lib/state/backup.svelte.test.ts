// Imported first, so Dexie finds fake-indexeddb's global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Workbook } from './workbook.svelte';
import { BackupCenter, REMIND_AFTER_MS } from './backup.svelte';
import { RestoreSession } from './restore.svelte';
import { buildBackup, serializeBackup } from '$lib/core/backup/envelope';
import { readContent } from '$lib/storage/backup/content';
import { DEFAULT_DB_NAME } from '$lib/storage/db';

const opened: Workbook[] = [];

async function setUp() {
	const wb = new Workbook();
	opened.push(wb);
	await wb.open();
	const center = new BackupCenter(wb);
	await center.init();
	return { wb, center, restore: new RestoreSession(wb, center) };
}

afterEach(async () => {
	for (const wb of opened.splice(0)) if (wb.phase === 'ready') wb.db.close();
	await new Promise<void>((resolve, reject) => {
		const req = indexedDB.deleteDatabase(DEFAULT_DB_NAME);
		req.onsuccess = () => resolve();
		req.onerror = () => reject(req.error);
	});
	vi.useRealTimers();
});

const figure = {
	regionCode: '620702',
	indicatorCode: 'EDU01',
	kind: 'actual' as const,
	cells: { '2023': { t: 'n' as const, v: 99.3 } }
};

describe('BackupCenter', () => {
	it('an only-seeded workbook has no data; one figure makes it hold data', async () => {
		const { wb, center } = await setUp();
		expect(center.hasData).toBe(false);
		await wb.writeSeries([figure]);
		expect(center.hasData).toBe(true);
	});

	it('reminds after 7 days without a backup, not before', async () => {
		const { wb, center } = await setUp();
		await wb.writeSeries([figure]);
		center.noteEdit();
		expect(center.needsReminder).toBe(false);
		vi.useFakeTimers({ now: Date.now() + REMIND_AFTER_MS + 60_000, toFake: ['Date'] });
		expect(center.needsReminder).toBe(true);
	});
});

describe('RestoreSession', () => {
	it('previews a backup file, applies it, and undoes it back to the workbook before', async () => {
		const { wb, center, restore } = await setUp();
		await wb.writeSeries([figure]);
		const file = new File([serializeBackup(await buildBackup(await readContent(wb.db), '0.1.0'))], 'b.json');
		await wb.writeSeries([{ ...figure, cells: { '2023': { t: 'n', v: 88 } } }]);
		const edited = await readContent(wb.db);

		await restore.previewFile(file);
		expect(restore.preview?.diff.regions).toContainEqual({
			regionCode: '620702',
			added: 0,
			changed: 1,
			removed: 0,
			unchanged: 0
		});
		expect(await restore.applyPreview()).toBe(true);
		expect(wb.getSeries('620702', 'EDU01', 'actual')?.cells['2023']).toEqual({ t: 'n', v: 99.3 });
		const snapshot = center.snapshots.at(-1)!;
		expect(snapshot.reason).toBe('restore');

		expect(await restore.undo(snapshot.id)).toBe(true);
		expect(await readContent(wb.db)).toEqual(edited);
		expect(wb.getSeries('620702', 'EDU01', 'actual')?.cells['2023']).toEqual({ t: 'n', v: 88 });
	});

	it('refuses a file that is not a backup and leaves the workbook as it was', async () => {
		const { wb, restore } = await setUp();
		const before = await readContent(wb.db);
		await restore.previewFile(new File(['地区代码,地区\n'], 'x.csv'));
		expect(restore.problem).toEqual({ code: 'not-json' });
		expect(restore.preview).toBeNull();
		expect(await readContent(wb.db)).toEqual(before);
	});

	it('refuses a backup holding a formula the grid refuses, naming its record and year', async () => {
		const { wb, restore } = await setUp();
		await wb.writeSeries([figure]);
		const content = await readContent(wb.db);
		const withFormula = (f: string) => ({
			tables: {
				...content.tables,
				series: content.tables.series!.map((row) =>
					(row as typeof figure).regionCode === '620702' && (row as typeof figure).indicatorCode === 'EDU01'
						? { ...(row as typeof figure), cells: { ...(row as typeof figure).cells, '2024': { t: 'f', f } } }
						: row
				)
			}
		});
		const row = content.tables.series!.findIndex(
			(r) => (r as typeof figure).regionCode === '620702' && (r as typeof figure).indicatorCode === 'EDU01'
		);
		const before = await readContent(wb.db);

		const broken = serializeBackup(await buildBackup(withFormula('=SUM(D1'), '0.1.0'));
		await restore.previewFile(new File([broken], 'broken.json'));
		expect(restore.problem).toEqual({
			code: 'bad-row',
			table: 'series',
			row: row + 1,
			field: 'cells.2024',
			reason: 'formula-syntax',
			place: { regionCode: '620702', indicatorCode: 'EDU01', year: '2024' }
		});
		expect(restore.preview).toBeNull();
		expect(await readContent(wb.db)).toEqual(before);

		// The same backup with a formula that parses is previewed and restored.
		const sound = serializeBackup(await buildBackup(withFormula('=E1*2'), '0.1.0'));
		await restore.previewFile(new File([sound], 'sound.json'));
		expect(restore.problem).toBeNull();
		expect(await restore.applyPreview()).toBe(true);
		expect(wb.getSeries('620702', 'EDU01', 'actual')?.cells['2024']).toEqual({ t: 'f', f: '=E1*2' });
	});
});
