import { describe, expect, it } from 'vitest';
import { getMeta, setMeta } from './meta-table';
import { freshDb } from './test-helpers';

describe('meta table', () => {
	it('reads back what was set, and undefined for a key never set', async () => {
		const db = freshDb();
		expect(await getMeta(db, 'seededAt')).toBeUndefined();
		await setMeta(db, 'seededAt', 1234);
		expect(await getMeta(db, 'seededAt')).toBe(1234);
		await setMeta(db, 'seededAt', 5678);
		expect(await getMeta(db, 'seededAt')).toBe(5678);
	});

	it('refuses a value of the wrong shape, and reports one stored as corrupt-row', async () => {
		const db = freshDb();
		await expect(setMeta(db, 'seededAt', -1)).rejects.toThrow();
		await db.meta.put({ key: 'seededAt', value: 'yesterday' });
		await expect(getMeta(db, 'seededAt')).rejects.toMatchObject({
			code: 'corrupt-row',
			details: { table: 'meta', key: 'seededAt' }
		});
	});
});
