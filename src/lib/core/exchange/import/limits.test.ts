import { describe, expect, it } from 'vitest';
import {
	FILE_CELL_MAX,
	FILE_FIGURES_MAX,
	FILE_ROWS_MAX,
	NAME_MAX,
	NOTE_MAX,
	OWN_INDICATORS_MAX,
	UNIT_MAX
} from '../../limits';
import { EMPTY_SNAPSHOT } from '../snapshot';
import { LONG_HEADER, plan } from './fixtures';
import { planImport } from './plan';
import { unifyLineEnds } from './table';

const codes = (p: ReturnType<typeof plan>) => p.rejected.map((r) => [r.row, r.column, r.code]);

describe('limits, each a named refusal before anything is written', () => {
	it('refuses a row note over the limit by row and column (not a ZodError at apply)', () => {
		const p = plan(
			`${LONG_HEADER}\n620702,,EDU01,,,实际,2024,99,${'注'.repeat(NOTE_MAX + 1)}\n620702,,EDU02,,,实际,2024,98,${'注'.repeat(NOTE_MAX)}\n`
		);
		expect(codes(p)).toEqual([[2, '备注', 'note-too-long']]);
		expect(p.rejected[0]!.params).toMatchObject({ max: NOTE_MAX, length: NOTE_MAX + 1 });
		expect(p.changes.map((c) => c.indicatorCode)).toEqual(['EDU02']);
	});

	it("refuses an own indicator's name or unit over the limit, naming the column", () => {
		const p = plan(
			`${LONG_HEADER}\n620702,,C01,${'名'.repeat(NAME_MAX + 1)},人,实际,2024,1,\n` +
				`620702,,C02,好名字,${'单'.repeat(UNIT_MAX + 1)},实际,2024,1,\n620702,,C03,${'名'.repeat(NAME_MAX)},${'单'.repeat(UNIT_MAX)},实际,2024,1,\n`
		);
		expect(codes(p)).toEqual([
			[2, '指标', 'own-indicator-name-too-long'],
			[3, '单位', 'own-indicator-unit-too-long']
		]);
		expect(p.indicators.map((i) => i.after.code)).toEqual(['C03']);
	});

	it('refuses own indicators past the per-county limit, counting those stored', () => {
		const stored = Array.from({ length: OWN_INDICATORS_MAX - 1 }, (_, i) => ({
			regionCode: '620702',
			code: `S${i}`,
			nameZh: `已有${i}`,
			nameEn: '',
			unit: '',
			direction: 'higher' as const,
			precision: 2,
			countyMeasure: 'value' as const,
			order: i,
			updatedAt: 1
		}));
		const p = planImport(
			[
				{
					text: `${LONG_HEADER}\n620702,,C01,新一,人,实际,2024,1,\n620702,,C02,新二,人,实际,2024,1,\n620702,,S0,已有0,,实际,2024,1,\n620723,,C02,临泽的,人,实际,2024,1,\n`
				}
			],
			{ series: [], ownIndicators: stored }
		);
		expect(codes(p)).toEqual([[3, '指标代码', 'own-indicator-limit']]);
		expect(p.indicators.map((i) => `${i.after.regionCode}|${i.after.code}`)).toEqual([
			'620702|C01',
			'620723|C02'
		]);
	});

	it('refuses a cell larger than a spreadsheet cell can be, by row and column', () => {
		const p = plan(
			`${LONG_HEADER}\n620702,,EDU01,,,实际,2024,99,"${'x'.repeat(FILE_CELL_MAX + 1)}"\n620702,,EDU02,,,实际,2024,98,\n`
		);
		expect(codes(p)).toEqual([[2, '备注', 'cell-too-large']]);
		expect(p.changes.map((c) => c.indicatorCode)).toEqual(['EDU02']);
	});

	it('reads a quoted cell of millions of characters with mixed line ends without overflowing the stack', () => {
		const huge = 'a\r\nb\n'.repeat(1_700_000);
		const text = `h\r\n"${huge}"\n1\r2\n`;
		const unified = unifyLineEnds(text);
		expect(unified.length).toBe(text.length - 1);
		const p = plan(
			`${LONG_HEADER}\r\n620702,,EDU01,,,实际,2024,99,"${huge}"\n620702,,EDU02,,,实际,2024,98,\r\n`
		);
		expect(codes(p)).toEqual([[2, '备注', 'cell-too-large']]);
	});
});

describe('limits of a whole file', () => {
	it('refuses a file of more rows than the limit before parsing it, with the limit named', () => {
		const text = `地区代码,指标代码,类型,年份,数值\n${'620702,EDU01,实际,2024,1\n'.repeat(FILE_ROWS_MAX)}`;
		const p = planImport([{ text }], EMPTY_SNAPSHOT);
		expect(p.files[0]!.problems).toEqual([
			{ code: 'too-many-rows', params: { max: FILE_ROWS_MAX, count: FILE_ROWS_MAX + 2 }, fatal: true }
		]);
		expect(p.changes).toEqual([]);
	});

	it('refuses a file of more figures than the limit, and reads one at the limit', () => {
		const years = 'X'.repeat(16).split('');
		const header = `地区代码,指标代码,类型,${years.map((_, i) => 2020 + i).join(',')}`;
		const row = (n: number) => `620702,C${n},实际,${years.map(() => '1').join(',')}`;
		const rowsAt = FILE_FIGURES_MAX / 16;
		const body = Array.from({ length: rowsAt + 1 }, (_, n) => row(n));
		const over = planImport([{ text: [header, ...body].join('\n') }], EMPTY_SNAPSHOT);
		expect(over.files[0]!.problems).toEqual([
			{
				code: 'too-many-figures',
				params: { max: FILE_FIGURES_MAX, count: FILE_FIGURES_MAX + 16 },
				fatal: true
			}
		]);
		expect(over.changes).toEqual([]);
		const at = planImport([{ text: [header, ...body.slice(0, rowsAt)].join('\n') }], EMPTY_SNAPSHOT);
		expect(at.files[0]!.problems.map((x) => x.code)).not.toContain('too-many-figures');
	});
});
