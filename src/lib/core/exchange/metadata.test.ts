import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	cleanSenderText,
	dateFromFileName,
	fileSource,
	metadataRow,
	readMetadataRow,
	readStamp,
	senderSchema,
	SENDER_UNIT_MAX
} from './metadata';
import { buildExportTable, toCsvText } from './export';
import { planImport } from './import';
import { EMPTY_SNAPSHOT } from './snapshot';

const exportedAt = new Date(2026, 10, 29, 10, 32, 45);
const HEADER = '地区代码,地区,指标代码,指标,单位,类型,2024';

function plan(text: string, file: { name?: string; lastModified?: number } = {}) {
	return planImport([{ text, ...file }], EMPTY_SNAPSHOT);
}

describe('the metadata row (format v1.1)', () => {
	it('is written above the header with the local export time, the sender and the version', () => {
		expect(metadataRow({ exportedAt, sender: { unit: '甘州区教育局', name: '张三' } })).toEqual([
			'报送信息',
			'导出时间',
			'2026-11-29 10:32',
			'报送单位',
			'甘州区教育局',
			'填报人',
			'张三',
			'格式版本',
			'1.2'
		]);
		expect(metadataRow({ exportedAt, sender: { unit: '', name: '' } })).toEqual([
			'报送信息',
			'导出时间',
			'2026-11-29 10:32',
			'格式版本',
			'1.2'
		]);
	});

	it('guards sender text that Excel would run, and the import takes the guard off', () => {
		const row = metadataRow({ exportedAt, sender: { unit: '=HYPERLINK("x")', name: '@李四' } });
		expect(row[4]).toBe('\'=HYPERLINK("x")');
		expect(row[6]).toBe("'@李四");
		const meta = readMetadataRow(row, 1);
		expect(meta.senderUnit).toBe('=HYPERLINK("x")');
		expect(meta.senderName).toBe('@李四');
	});

	it('is read, not warned about as a title row, and leaves the header and rows as before', () => {
		const text = `报送信息,导出时间,2026-11-29 10:32,报送单位,"甘州区教育局, 规划科",填报人,张三\r\n${HEADER}\r\n620702,甘州区,EDU01,学前教育毛入园率,%,实际,99.4\r\n`;
		const p = plan(text, { name: '620702-甘州区-20261128.csv', lastModified: 0 });
		expect(p.files[0]!.problems).toEqual([]);
		expect(p.rejected).toEqual([]);
		expect(p.regions).toEqual([{ regionCode: '620702', added: 1, changed: 0, unchanged: 0, rejected: 0 }]);
		expect(p.files[0]!.metadata).toMatchObject({
			exportedAt: '2026-11-29 10:32',
			senderUnit: '甘州区教育局, 规划科',
			senderName: '张三',
			row: 1
		});
		expect(p.files[0]!.source).toEqual({
			exportedAt: '2026-11-29 10:32',
			date: '2026-11-29',
			dateFrom: 'metadata',
			senderUnit: '甘州区教育局, 规划科',
			senderName: '张三'
		});
	});

	it('accepts English labels, any order, unknown keys, and a title row (which still warns)', () => {
		const text = `Export info,Sender,Li Si,exported_at,2026/11/3 9:05,phone,123,Sender unit,Linze\n张掖市报表\n${HEADER}\n620723,,EDU01,,,实际,99\n`;
		const p = plan(text);
		expect(p.files[0]!.metadata).toMatchObject({
			exportedAt: '2026-11-03 09:05',
			senderName: 'Li Si',
			senderUnit: 'Linze'
		});
		expect(p.files[0]!.problems.map((x) => x.code)).toEqual(['rows-before-header']);
	});

	it('survives Excel saving the file again: padded with empty cells, the time reformatted, tabs', () => {
		const padded = `报送信息,导出时间,2026/11/29 10:32,报送单位,甘州区教育局,填报人,张三,格式版本,1.1,,,,\r\n${HEADER},,\r\n620702,,EDU01,,,实际,99.4,,\r\n`;
		const p = plan(padded);
		expect(p.files[0]!.problems).toEqual([]);
		expect(p.files[0]!.source).toMatchObject({ exportedAt: '2026-11-29 10:32', senderName: '张三' });
		const tabs = padded.replaceAll(',', '\t');
		expect(plan(tabs).files[0]!.source).toMatchObject({
			exportedAt: '2026-11-29 10:32',
			senderUnit: '甘州区教育局'
		});
		expect(plan(tabs).files[0]!.delimiter).toBe('\t');
	});

	it('reads the export time as Excel rewrites it on saving, and ignores one that is not a date', () => {
		expect(readStamp('2026-11-29 10:32')).toBe('2026-11-29 10:32');
		expect(readStamp('2026/11/29 10:32')).toBe('2026-11-29 10:32');
		expect(readStamp('2026/1/5 8:07:33')).toBe('2026-01-05 08:07');
		expect(readStamp('2026年11月29日')).toBe('2026-11-29');
		expect(readStamp('２０２６-１１-２９')).toBe('2026-11-29');
		expect(readStamp('2026-02-30')).toBeNull();
		expect(readStamp('2026-11-29 25:00')).toBeNull();
		expect(readStamp('上周一')).toBeNull();
	});

	it('flattens control characters in sender text and cuts it to its limit', () => {
		expect(cleanSenderText('  甘州区\r\n教育局\t规划科 ', 60)).toBe('甘州区 教育局 规划科');
		expect([...cleanSenderText('𠀀'.repeat(100), SENDER_UNIT_MAX)]).toHaveLength(SENDER_UNIT_MAX);
		expect(senderSchema.safeParse({ unit: 'a\nb', name: '' }).success).toBe(false);
		expect(senderSchema.safeParse({ unit: 'x'.repeat(61), name: '' }).success).toBe(false);
		expect(senderSchema.safeParse({ unit: '甘州区教育局', name: '张三' }).success).toBe(true);
	});
});

describe('a file’s date without a metadata row', () => {
	it('comes from a name ending in -YYYYMMDD.csv, also as a second download renames it', () => {
		expect(dateFromFileName('620702-甘州区-20261101.csv')).toBe('2026-11-01');
		expect(dateFromFileName('620702-甘州区-明细-20261101 (1).csv')).toBe('2026-11-01');
		expect(dateFromFileName('620702-甘州区-20261130.xlsx')).toBe('2026-11-30');
		expect(dateFromFileName('620702-甘州区-20261301.csv')).toBeNull();
		expect(dateFromFileName('甘州区.csv')).toBeNull();
	});

	it('else from the file’s modified time, else it is unknown; the source is said', () => {
		const text = `${HEADER}\n620702,,EDU01,,,实际,99\n`;
		expect(plan(text, { name: '620702-甘州区-20261101.csv' }).files[0]!.source).toMatchObject({
			date: '2026-11-01',
			dateFrom: 'file-name',
			senderUnit: null
		});
		const modified = new Date(2026, 9, 8, 23, 59).getTime();
		expect(plan(text, { name: '甘州区.csv', lastModified: modified }).files[0]!.source).toMatchObject({
			date: '2026-10-08',
			dateFrom: 'last-modified'
		});
		expect(fileSource(null, {})).toEqual({
			exportedAt: null,
			date: null,
			dateFrom: 'unknown',
			senderUnit: null,
			senderName: null
		});
	});
});

describe('exported files', () => {
	it('carry the metadata row first, then the header exactly as in format v1', () => {
		const table = buildExportTable(EMPTY_SNAPSHOT, {
			regionCodes: ['620702'],
			layout: 'grid',
			metadata: { exportedAt, sender: { unit: '甘州区教育局', name: '' } }
		});
		const lines = toCsvText(table).split('\r\n');
		expect(lines[0]).toBe('报送信息,导出时间,2026-11-29 10:32,报送单位,甘州区教育局,格式版本,1.2');
		expect(lines[1]).toMatch(/^地区代码,地区,指标代码,/);
	});

	it('give back any sender text exactly as cleaned, whatever it holds', () => {
		const text = fc
			.array(
				fc.oneof(
					fc.constantFrom(',', '"', '\n', '\r\n', '=', '+', '-', '@', "'", "'=", '𠀀', '张掖', ' '),
					fc.string({ unit: 'grapheme', maxLength: 3 })
				),
				{ maxLength: 12 }
			)
			.map((p) => p.join('').toWellFormed());
		fc.assert(
			fc.property(text, text, (unit, name) => {
				const sender = { unit: cleanSenderText(unit, 60), name: cleanSenderText(name, 40) };
				const csv = toCsvText(
					buildExportTable(EMPTY_SNAPSHOT, {
						regionCodes: ['620702'],
						layout: 'long',
						metadata: { exportedAt, sender }
					})
				);
				const p = planImport([{ text: csv }], EMPTY_SNAPSHOT);
				expect(p.files[0]!.problems).toEqual([{ code: 'no-rows', params: {}, fatal: false }]);
				expect(p.files[0]!.source.senderUnit ?? '').toBe(sender.unit);
				expect(p.files[0]!.source.senderName ?? '').toBe(sender.name);
			}),
			{ numRuns: 200 }
		);
	});
});
