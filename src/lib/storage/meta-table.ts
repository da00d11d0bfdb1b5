// Key-value settings of the database itself. Each key has its own schema so a value read
// back has a known type.
import { z } from 'zod/mini';
import type { WorkbookDb } from './db';
import { parseRow } from './validate';
import { damagedRecord, type DamagedRecord } from './salvage';
import { senderSchema } from '../core/exchange/metadata';

export const metaSchemas = {
	/** When the plan's baselines and targets were first written (ms since epoch). */
	seededAt: z.int().check(z.nonnegative()),
	schemaNote: z.string(),
	/** Who exports from this browser: written on every exported file's metadata row. */
	sender: senderSchema,
	/** The name the figure history records when no 填报人 is set, asked once ('' skipped). */
	editor: z.object({ name: z.string().check(z.maxLength(60)) }),
	/** Counties that took up the plan's commitment rows (FIN01…, core/commitments.ts). */
	commitments: z.object({ regions: z.array(z.string().check(z.regex(/^\d{6}$/))).check(z.maxLength(50)) }),
	/** Own indicators whose unit the v9 upgrade cleared (it was their code), until told. */
	unitsCleared: z.array(z.object({ regionCode: z.string(), code: z.string(), nameZh: z.string() }))
} as const;

export type MetaKey = keyof typeof metaSchemas;
export type MetaValue<K extends MetaKey> = z.output<(typeof metaSchemas)[K]>;

export async function getMeta<K extends MetaKey>(db: WorkbookDb, key: K): Promise<MetaValue<K> | undefined> {
	const row = await db.meta.get(key);
	if (row === undefined) return undefined;
	return parseRow(metaSchemas[key], 'meta', key, row.value) as MetaValue<K>;
}

/** As getMeta, but a value that does not read is listed and read as absent, never thrown. */
export async function getMetaSalvaged<K extends MetaKey>(
	db: WorkbookDb,
	key: K,
	damaged: DamagedRecord[]
): Promise<MetaValue<K> | undefined> {
	const row = await db.meta.get(key);
	if (row === undefined) return undefined;
	const parsed = metaSchemas[key].safeParse(row.value);
	if (parsed.success) return parsed.data as MetaValue<K>;
	damaged.push(damagedRecord('meta', key, row));
	return undefined;
}

export async function setMeta<K extends MetaKey>(db: WorkbookDb, key: K, value: MetaValue<K>): Promise<void> {
	await db.meta.put({ key, value: metaSchemas[key].parse(value) });
}

export async function deleteMeta(db: WorkbookDb, key: MetaKey): Promise<void> {
	await db.meta.delete(key);
}
