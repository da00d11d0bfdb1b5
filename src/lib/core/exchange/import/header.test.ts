import { describe, expect, it } from 'vitest';
import { cellsOf, plan } from './fixtures';

describe('reading the header', () => {
	it('takes English headers in any order, any subset of years, and warns of unknown columns', () => {
		const p = plan('kind,indicator_code,region_code,2024,source\nactual,EDU01,620702,99.4,统计局\n');
		expect(p.rejected).toEqual([]);
		expect(cellsOf(p, '620702', 'EDU01')).toEqual({ '2024': { t: 'n', v: 99.4 } });
		expect(p.files[0]!.problems).toEqual([
			{ code: 'ignored-columns', params: { columns: 'source' }, fatal: false }
		]);
	});

	it('tolerates tabs, semicolons, blank lines, Excel’s trailing empty columns and a title row', () => {
		const tab = plan(
			'张掖市报表\t\t\n\n地区代码\t指标代码\t类型\t2024\t\t\n620702\tEDU01\t实际\t99.4\t\t\n\n'
		);
		expect(tab.rejected).toEqual([]);
		expect(cellsOf(tab, '620702', 'EDU01')).toEqual({ '2024': { t: 'n', v: 99.4 } });
		expect(tab.files[0]!.problems.map((x) => x.code)).toEqual(['rows-before-header']);
		const semi = plan('地区代码;指标代码;类型;2024\r\n620702;EDU01;实际;99,4\r\n');
		// 99,4 with a decimal comma is refused, not guessed.
		expect(semi.rejected.map((r) => r.code)).toEqual(['value-not-a-number']);
	});

	it('refuses a file whose header it cannot read, saying which columns are missing', () => {
		expect(plan('a,b,c\n1,2,3\n').files[0]!.problems).toEqual([
			{ code: 'no-header', params: {}, fatal: true }
		]);
		expect(plan('地区代码,指标代码,2024\n620702,EDU01,1\n').files[0]!.problems).toEqual([
			{ code: 'missing-columns', params: { columns: '类型' }, fatal: true }
		]);
		expect(plan('地区代码,指标代码,类型,年份\n').files[0]!.problems[0]).toMatchObject({
			code: 'missing-columns',
			params: { columns: '数值' }
		});
	});
});
