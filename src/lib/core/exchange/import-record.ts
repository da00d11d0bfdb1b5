// One applied file, as the import history keeps it: which file, when it was made and
// imported, who sent it, and what it did to each region. Storage writes these in the same
// transaction as the figures; the sources summary (core/sources.ts) reads them.
import { z } from 'zod/mini';
import { regionCodeSchema } from '../model';
import type { FileInfo, ImportPlan } from './import';
import {
	dateSourceSchema,
	localDateSchema,
	localStampSchema,
	SENDER_NAME_MAX,
	SENDER_UNIT_MAX
} from './metadata';

const count = z.int().check(z.nonnegative());

export const importRegionCountsSchema = z.object({
	/** '' for rows whose region could not be read. */
	regionCode: z.union([regionCodeSchema, z.literal('')]),
	added: count,
	changed: count,
	unchanged: count,
	rejected: count
});
export type ImportRegionCounts = z.infer<typeof importRegionCountsSchema>;

export const FILE_NAME_MAX = 255;

const senderField = (max: number) => z.nullable(z.string().check(z.minLength(1), z.maxLength(max * 2)));

export const importRecordSchema = z.object({
	/** Given by the database (auto-increment); absent until written. */
	id: z.optional(z.int().check(z.positive())),
	fileName: z.string().check(z.minLength(1), z.maxLength(FILE_NAME_MAX)),
	size: count,
	// Widened as the import learnt to read more encodings; older records hold the first four.
	encoding: z.nullable(
		z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5', 'shift_jis', 'windows-1252'])
	),
	/** When it was applied here (ms); the same for every file of one import. */
	importedAt: count,
	/** The file's own export time (local time of the sending browser), if it said. */
	exportedAt: z.nullable(localStampSchema),
	/** The day the file was made, by the best source (see dateFrom). */
	fileDate: z.nullable(localDateSchema),
	dateFrom: dateSourceSchema,
	senderUnit: senderField(SENDER_UNIT_MAX),
	senderName: senderField(SENDER_NAME_MAX),
	/** Per region the file touched, in code order. */
	regions: z.array(importRegionCountsSchema).check(z.maxLength(100))
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

/** A record before it is written: storage gives the id and stamps importedAt. */
export type ImportRecordDraft = Omit<ImportRecord, 'id' | 'importedAt'>;

/** The history records of an import about to be applied: one per file that was read. */
export function importRecordsOf(
	plan: Pick<ImportPlan, 'files' | 'fileRegions'>,
	files: readonly Pick<FileInfo, 'name' | 'size' | 'encoding'>[]
): ImportRecordDraft[] {
	return plan.files.flatMap((reading, i): ImportRecordDraft[] => {
		if (reading.layout === null) return [];
		const info = files[i];
		return [
			{
				fileName: [...(info?.name || `#${i + 1}`)].slice(0, FILE_NAME_MAX).join(''),
				size: info?.size ?? 0,
				encoding: info?.encoding ?? null,
				exportedAt: reading.source.exportedAt,
				fileDate: reading.source.date,
				dateFrom: reading.source.dateFrom,
				senderUnit: reading.source.senderUnit,
				senderName: reading.source.senderName,
				regions: plan.fileRegions
					.filter((r) => r.file === i)
					.map(({ regionCode, added, changed, unchanged, rejected }) => ({
						regionCode,
						added,
						changed,
						unchanged,
						rejected
					}))
			}
		];
	});
}
