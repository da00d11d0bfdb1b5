// Backups in a folder the planner chose (File System Access API: Chrome and Edge). Each
// write puts a rolling file (one per session) and the day's file; the oldest beyond the
// setting are removed. Only files this app named are ever touched.

/** The parts of the API used here; TypeScript's DOM library does not declare them all. */
interface PermissionHandle {
	queryPermission(options: { mode: 'readwrite' }): Promise<PermissionState>;
	requestPermission(options: { mode: 'readwrite' }): Promise<PermissionState>;
}
type FolderHandle = FileSystemDirectoryHandle & Partial<PermissionHandle>;
type Picker = (options?: { id?: string; mode?: 'readwrite' }) => Promise<FileSystemDirectoryHandle>;

export const BACKUP_PREFIX = '张掖教育2035-备份-';
export const DAILY_PREFIX = '张掖教育2035-每日备份-';
const ROLLING = /^张掖教育2035-备份-\d{8}-\d{4}(?:-\d+)?\.json$/;
const DAILY = /^张掖教育2035-每日备份-\d{8}\.json$/;

export function supportsFolder(): boolean {
	return typeof (globalThis as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** Local time, as the planner reads the folder: 张掖教育2035-备份-20261201-1130.json. */
export function backupFileName(at: number, daily = false): string {
	const now = new Date(at);
	const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
	return daily
		? `${DAILY_PREFIX}${day}.json`
		: `${BACKUP_PREFIX}${day}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}

export function isBackupFileName(name: string): boolean {
	return ROLLING.test(name) || DAILY.test(name);
}

export async function pickFolder(): Promise<FileSystemDirectoryHandle | null> {
	const picker = (globalThis as { showDirectoryPicker?: Picker }).showDirectoryPicker;
	if (!picker) return null;
	try {
		return await picker({ id: 'zy-edu2035-backup', mode: 'readwrite' });
	} catch (e) {
		// The planner closed the picker: not an error.
		if (e instanceof DOMException && e.name === 'AbortError') return null;
		throw e;
	}
}

/** 'granted', 'prompt' or 'denied'; asking needs a click (user activation). */
export async function folderPermission(
	handle: FileSystemDirectoryHandle,
	ask: boolean
): Promise<PermissionState> {
	const h = handle as FolderHandle;
	if (!h.queryPermission) return 'granted';
	const now = await h.queryPermission({ mode: 'readwrite' });
	if (now === 'granted' || !ask || !h.requestPermission) return now;
	return h.requestPermission({ mode: 'readwrite' });
}

async function names(handle: FileSystemDirectoryHandle): Promise<string[]> {
	const out: string[] = [];
	for await (const key of (handle as unknown as { keys(): AsyncIterable<string> }).keys()) out.push(key);
	return out;
}

async function writeFile(handle: FileSystemDirectoryHandle, name: string, text: string): Promise<void> {
	const file = await handle.getFileHandle(name, { create: true });
	const writable = await file.createWritable();
	try {
		await writable.write(text);
		await writable.close();
	} catch (e) {
		await writable.abort().catch(() => undefined);
		throw e;
	}
}

/**
 * Writes the rolling and the daily file, then keeps the newest `keep` of each. Reads the
 * rolling file back and compares, so a write that did not land is never reported as made.
 */
export async function writeToFolder(
	handle: FileSystemDirectoryHandle,
	text: string,
	now: number,
	keep: number
): Promise<string> {
	let name = backupFileName(now);
	const existing = await names(handle);
	// Two sessions in one minute: a second file, not an overwrite of the first.
	for (let i = 2; existing.includes(name); i++) name = backupFileName(now).replace(/\.json$/, `-${i}.json`);
	await writeFile(handle, name, text);
	await writeFile(handle, backupFileName(now, true), text);
	const back = await (await (await handle.getFileHandle(name)).getFile()).text();
	if (back !== text) throw new Error('backup read back differs');
	const all = await names(handle);
	for (const pattern of [ROLLING, DAILY]) {
		const mine = all.filter((n) => pattern.test(n)).sort();
		for (const old of mine.slice(0, Math.max(0, mine.length - keep))) await handle.removeEntry(old);
	}
	return name;
}

/** The backup files in the folder, newest first (by name: the names carry the time). */
export async function backupsInFolder(handle: FileSystemDirectoryHandle): Promise<File[]> {
	const files: File[] = [];
	for (const name of await names(handle)) {
		if (!isBackupFileName(name)) continue;
		files.push(await (await handle.getFileHandle(name)).getFile());
	}
	return files.sort((a, b) => b.lastModified - a.lastModified || b.name.localeCompare(a.name));
}
