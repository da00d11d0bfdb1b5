// The automatic folder backup: one at a time, retried after one that did not complete, and
// never recorded as made unless it was written. The folder is an in-memory stand-in for the
// browser's File System Access handle (Node has none); the workbook and storage are real.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbook } from './workbook.svelte';
import { BackupCenter } from './backup.svelte';
import { closeAndDelete } from './test-workbooks';

const opened: Workbook[] = [];
afterEach(() => closeAndDelete(opened));

/** A folder whose writes fail while `failing` is set (a full disk, a page closing mid-write). */
function memoryFolder() {
	const files = new Map<string, string>();
	const state = { failing: false, writes: 0, concurrent: 0, maxConcurrent: 0 };
	const handle = {
		name: '备份',
		kind: 'directory',
		async *keys() {
			yield* [...files.keys()];
		},
		async getFileHandle(name: string, options?: { create?: boolean }) {
			if (!files.has(name) && !options?.create) throw new DOMException('no file', 'NotFoundError');
			return {
				async createWritable() {
					let text = '';
					state.concurrent++;
					state.maxConcurrent = Math.max(state.maxConcurrent, state.concurrent);
					return {
						async write(t: string) {
							await new Promise((r) => setTimeout(r, 5));
							text += t;
						},
						async close() {
							state.concurrent--;
							if (state.failing) throw new DOMException('disk full', 'QuotaExceededError');
							files.set(name, text);
							state.writes++;
						},
						async abort() {}
					};
				},
				async getFile() {
					return new File([files.get(name) ?? ''], name);
				}
			};
		},
		async removeEntry(name: string) {
			files.delete(name);
		}
	};
	return { handle: handle as unknown as FileSystemDirectoryHandle, files, state };
}

async function setUp() {
	const wb = new Workbook();
	opened.push(wb);
	await wb.open();
	const center = new BackupCenter(wb);
	await center.init();
	const folder = memoryFolder();
	center.folder = folder.handle;
	center.permission = 'granted';
	return { wb, center, folder };
}

const figure = {
	regionCode: '620702',
	indicatorCode: 'EDU01',
	kind: 'actual' as const,
	cells: { '2023': { t: 'n' as const, v: 99.3 } }
};

describe('the automatic folder backup', () => {
	it('a backup that failed is not recorded, and the next flush writes it', async () => {
		const { wb, center, folder } = await setUp();
		await wb.writeSeries([figure]);
		center.noteEdit();
		folder.state.failing = true;
		await center.flush();
		expect(center.lastBackup).toBeNull();
		expect(center.lastFailure?.code).toBe('quota');
		expect(folder.files.size).toBe(0);
		// No new edit since: the edits still wait, and the next flush (the page hidden) writes them.
		folder.state.failing = false;
		await center.flush();
		expect(center.lastBackup?.where).toBe('folder');
		expect(folder.files.get(center.lastBackup!.fileName!)).toContain('99.3');
		// Nothing waits any more: another flush writes nothing.
		const writes = folder.state.writes;
		await center.flush();
		expect(folder.state.writes).toBe(writes);
	});

	it('flushes asked for together (hidden, then closed) write one backup at a time', async () => {
		const { wb, center, folder } = await setUp();
		await wb.writeSeries([figure]);
		center.noteEdit();
		await Promise.all([center.flush(), center.flush(), center.flush()]);
		expect(folder.state.maxConcurrent).toBe(1);
		// The rolling file and the day's file, once.
		expect(folder.state.writes).toBe(2);
	});
});
