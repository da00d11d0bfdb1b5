import { describe, expect, it } from 'vitest';
import { seedSeries } from '../plan';
import { canonicalJson, fingerprint } from './canonical';
import { diffContent } from './diff';
import {
	BACKUP_FORMAT_VERSION,
	buildBackup,
	parseBackup,
	serializeBackup,
	type BackupContent
} from './envelope';
import { hasPlannerData } from './seeded';

function sample(): BackupContent {
	return {
		tables: {
			series: [
				{
					regionCode: '620702',
					indicatorCode: 'EDU01',
					kind: 'actual',
					cells: { '2020': { t: 'n', v: 99 }, '2021': { t: 'f', f: '=D1+0.1' } },
					note: '快报数',
					updatedAt: 5
				},
				{
					regionCode: '620702',
					indicatorCode: 'C01',
					kind: 'actual',
					cells: { '2022': { t: 'n', v: 12.5 } },
					note: '',
					updatedAt: 6
				}
			],
			indicators: [
				{
					code: 'C01',
					regionCode: '620702',
					order: 0,
					nameZh: '课后服务覆盖率',
					nameEn: '',
					unit: '%',
					direction: 'higher',
					precision: 1,
					countyMeasure: 'value',
					updatedAt: 4
				}
			],
			meta: [{ key: 'sender', value: { unit: '甘州区教育局', name: '王芳' } }],
			imports: [],
			// A table this version does not know by name: carried as it is.
			targetsLog: [{ id: 1, what: 'EDU01 2020', from: null, to: 99 }],
			snapshots: [{ id: 1 }]
		}
	};
}

describe('backup envelope', () => {
	it('round trips: parse(serialize(build(x))) gives x back, less the local tables', async () => {
		const env = await buildBackup(sample(), '0.1.0', new Date('2026-12-01T03:30:00Z'));
		expect(env.formatVersion).toBe(BACKUP_FORMAT_VERSION);
		expect(env.counts).toEqual({ series: 2, indicators: 1, meta: 1, imports: 0, targetsLog: 1 });
		const read = await parseBackup(serializeBackup(env));
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const { snapshots: _local, ...carried } = sample().tables;
		expect(read.envelope.content.tables).toEqual(carried);
		expect(read.envelope.createdAt).toBe('2026-12-01T03:30:00.000Z');
	});

	it('refuses a file whose content was changed after it was written', async () => {
		const env = await buildBackup(sample(), '0.1.0');
		const text = serializeBackup(env).replace('"v": 99', '"v": 98');
		expect(text).not.toBe(serializeBackup(env));
		expect(await parseBackup(text)).toEqual({ ok: false, problem: { code: 'hash-mismatch' } });
	});

	it('refuses a newer format by its version, before looking at anything else', async () => {
		const env = await buildBackup(sample(), '0.1.0');
		const newer = { ...env, formatVersion: BACKUP_FORMAT_VERSION + 1, content: 'whatever' };
		expect(await parseBackup(JSON.stringify(newer))).toEqual({
			ok: false,
			problem: { code: 'newer-format', version: BACKUP_FORMAT_VERSION + 1 }
		});
	});

	it('refuses truncated, garbage and other JSON files, each by its own reason', async () => {
		const text = serializeBackup(await buildBackup(sample(), '0.1.0'));
		expect(await parseBackup(text.slice(0, text.length / 2))).toEqual({
			ok: false,
			problem: { code: 'not-json' }
		});
		expect(await parseBackup('地区代码,地区\n620702,甘州区')).toEqual({
			ok: false,
			problem: { code: 'not-json' }
		});
		expect(await parseBackup('{"name":"package"}')).toEqual({ ok: false, problem: { code: 'not-backup' } });
		const noHash = JSON.parse(text) as Record<string, unknown>;
		delete noHash.sha256;
		expect(await parseBackup(JSON.stringify(noHash))).toEqual({
			ok: false,
			problem: { code: 'bad-envelope', field: 'sha256' }
		});
	});

	it('checks every row as storage would: a bad cell or an unknown region is named by table, row and field', async () => {
		const bad = sample();
		(bad.tables.series![1] as { cells: unknown }).cells = { '2022': { t: 'n', v: '12.5' } };
		expect(await parseBackup(serializeBackup(await buildBackup(bad, '0.1.0')))).toMatchObject({
			ok: false,
			problem: { code: 'bad-row', table: 'series', row: 2, field: 'cells.2022.v' }
		});
		const region = sample();
		(region.tables.series![0] as { regionCode: string }).regionCode = '110000';
		expect(await parseBackup(serializeBackup(await buildBackup(region, '0.1.0')))).toMatchObject({
			ok: false,
			problem: { code: 'bad-row', table: 'series', row: 1, field: 'regionCode' }
		});
		// What the CSV import refuses too: a formula in the city's 2020 baseline, a figure
		// where a county records 是/否.
		const baseline = sample();
		baseline.tables.series!.push({
			regionCode: '620700',
			indicatorCode: 'EDU01',
			kind: 'actual',
			cells: { '2020': { t: 'f', f: '=1+1' } },
			note: '',
			updatedAt: 1
		});
		expect(await parseBackup(serializeBackup(await buildBackup(baseline, '0.1.0')))).toMatchObject({
			ok: false,
			problem: { code: 'bad-row', table: 'series', row: 3, field: 'cells.2020', reason: 'baseline-formula' }
		});
		const yesNo = sample();
		yesNo.tables.series!.push({
			regionCode: '620702',
			indicatorCode: 'EDU03',
			kind: 'actual',
			cells: { '2024': { t: 'n', v: 1 } },
			note: '',
			updatedAt: 1
		});
		expect(await parseBackup(serializeBackup(await buildBackup(yesNo, '0.1.0')))).toMatchObject({
			ok: false,
			problem: { code: 'bad-row', table: 'series', row: 3, field: 'cells.2024', reason: 'not-yes-no' }
		});
		const sender = sample();
		sender.tables.meta = [{ key: 'sender', value: { unit: 'x\ny', name: '' } }];
		expect(await parseBackup(serializeBackup(await buildBackup(sender, '0.1.0')))).toMatchObject({
			ok: false,
			problem: { code: 'bad-row', table: 'meta', row: 1 }
		});
	});

	it('hashes canonical text: key order does not matter, content does', () => {
		expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
		expect(fingerprint(canonicalJson({ a: 1 }))).toBe(fingerprint(canonicalJson({ a: 1 })));
		expect(fingerprint(canonicalJson({ a: 1 }))).not.toBe(fingerprint(canonicalJson({ a: 2 })));
	});
});

describe('restore preview', () => {
	it('counts figures and notes new, changed, removed and unchanged per region', () => {
		const current = sample();
		const incoming = structuredClone(current);
		const edu01 = incoming.tables.series![0] as { cells: Record<string, unknown>; note: string };
		edu01.cells['2020'] = { t: 'n', v: 99.1 };
		edu01.cells['2023'] = { t: 'n', v: 99.3 };
		delete edu01.cells['2021'];
		const diff = diffContent(current, incoming);
		// 2020 changed, 2021 removed, 2023 added; the note and C01's 2022 unchanged.
		expect(diff.regions).toEqual([{ regionCode: '620702', added: 1, changed: 1, removed: 1, unchanged: 2 }]);
		expect(diff.identical).toBe(false);
		expect(diffContent(current, structuredClone(current)).identical).toBe(true);
	});
});

describe('hasPlannerData', () => {
	it('is false for a freshly seeded workbook and true once one figure differs', () => {
		const seeds = seedSeries(0);
		expect(hasPlannerData({ series: seeds, indicators: [], imports: [] }, seeds)).toBe(false);
		const edited = structuredClone(seeds);
		edited[0]!.cells['2030'] = { t: 'n', v: 1 };
		expect(hasPlannerData({ series: edited, indicators: [], imports: [] }, seeds)).toBe(true);
	});
});
