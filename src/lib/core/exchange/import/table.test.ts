import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_SNAPSHOT } from '../snapshot';
import { cellsOf, plan } from './fixtures';
import { planImport } from './plan';
import { parseTable, unifyLineEnds } from './table';

describe('files refused before reading', () => {
	it('names Excel workbooks, binary, empty and oversized files, and reads the rest', async () => {
		const { readImportFile } = await import('./decode');
		const { MAX_FILE_BYTES } = await import('../contract');
		const xlsx = readImportFile({ name: 'a.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]) });
		expect(xlsx.text.refused).toBe('xlsx');
		expect(readImportFile({ name: 'e.csv', bytes: new Uint8Array() }).text.refused).toBe('empty');
		expect(readImportFile({ name: 'big.csv', bytes: new Uint8Array(MAX_FILE_BYTES + 1) }).text.refused).toBe(
			'too-large'
		);
		const ok = readImportFile({
			name: 'ok.csv',
			bytes: new TextEncoder().encode('地区代码,指标代码,类型,2024\n')
		});
		expect(ok.info).toMatchObject({ encoding: 'utf-8', by: 'detected' });
		const p = planImport([xlsx.text, ok.text], EMPTY_SNAPSHOT);
		expect(p.files[0]!.problems).toEqual([{ code: 'xlsx', params: {}, fatal: true }]);
		expect(p.files[1]!.layout).toBe('grid');
	});
});

describe('line ends', () => {
	it('a file mixing CRLF and LF lines reads every row (a line added in another editor)', () => {
		const text = '地区代码,指标代码,类型,2024\r\n620702,EDU01,实际,99.6\n620723,EDU01,实际,99.2\r\n';
		const p = plan(text);
		expect(p.rejected).toEqual([]);
		expect(cellsOf(p, '620702', 'EDU01')).toEqual({ '2024': { t: 'n', v: 99.6 } });
		expect(cellsOf(p, '620723', 'EDU01')).toEqual({ '2024': { t: 'n', v: 99.2 } });
	});

	it('old Mac CR line ends too; a line break inside a quoted note is kept as written', () => {
		expect(unifyLineEnds('a,b\rc,d\r\n"x\r\ny",z\n')).toBe('a,b\nc,d\n"x\r\ny",z\n');
		expect(parseTable('a,b\rc,"1\r\n2"\r\ne,f').rows).toEqual([
			['a', 'b'],
			['c', '1\r\n2'],
			['e', 'f']
		]);
	});

	it('any mix of line ends between rows reads as the same rows', () => {
		const cell = fc.stringMatching(/^[a-z0-9 ,"\r\n]{0,6}$/);
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
				fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 6, maxLength: 6 }),
				(rows, ends) => {
					const quote = (c: string) => (/[,"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
					const text = rows.map((r, i) => r.map(quote).join(',') + ends[i]).join('');
					const parsed = parseTable(text).rows.filter((r) => !(r.length === 1 && r[0] === ''));
					expect(parsed).toEqual(rows);
				}
			),
			{ numRuns: Number(process.env.FC_RUNS ?? 200) }
		);
	});
});
