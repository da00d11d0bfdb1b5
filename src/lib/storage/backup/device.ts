// This browser's backup settings, folder and last backup (the `device` table, v3).
import type { WorkbookDb } from '../db';
import { parseRow } from '../validate';
import {
	DEFAULT_BACKUP_SETTINGS,
	deviceSchemas,
	type BackupSettings,
	type DeviceKey,
	type DeviceValue
} from './records';

export async function getDevice<K extends DeviceKey>(
	db: WorkbookDb,
	key: K
): Promise<DeviceValue<K> | undefined> {
	const row = await db.device.get(key);
	if (row === undefined) return undefined;
	return parseRow(deviceSchemas[key], 'device', key, row.value) as DeviceValue<K>;
}

export async function setDevice<K extends DeviceKey>(
	db: WorkbookDb,
	key: K,
	value: DeviceValue<K>
): Promise<void> {
	// The folder handle must be stored as the browser gave it (structured clone), not a copy.
	const stored = key === 'folder' ? value : deviceSchemas[key].parse(value);
	await db.device.put({ key, value: stored });
}

export async function deleteDevice(db: WorkbookDb, key: DeviceKey): Promise<void> {
	await db.device.delete(key);
}

export async function getBackupSettings(db: WorkbookDb): Promise<BackupSettings> {
	return (await getDevice(db, 'settings').catch(() => undefined)) ?? DEFAULT_BACKUP_SETTINGS;
}
