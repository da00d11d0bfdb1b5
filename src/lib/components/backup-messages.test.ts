import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '$lib/i18n/locale.svelte';
import { problemText } from './backup-messages';

afterEach(() => locale.setLang('zh'));

describe('restore problems in words', () => {
	const figure = {
		code: 'bad-row' as const,
		table: 'series',
		row: 37,
		field: 'cells.2024',
		reason: 'formula-syntax',
		place: { regionCode: '620723', indicatorCode: 'EDU01', year: '2024' }
	};

	it('a wrong figure is named by region, indicator and year, and says what to do', async () => {
		const zh = problemText(figure);
		expect(zh).toBe(
			'备份文件中临泽县 EDU01 2024 年的数据有误（公式写法有误（例如括号不成对），在表格中输入时同样不会被接受；第 37 条数据记录）。工作簿没有任何改动。请换一个备份文件再恢复。'
		);
		await locale.setLang('en');
		expect(problemText(figure)).toContain('Linze County EDU01 for 2024 is wrong');
	});

	it('a wrong series record without a year names its region and indicator', () => {
		const { year: _y, ...place } = figure.place;
		const text = problemText({ ...figure, field: 'kind', reason: 'bad-kind', place });
		expect(text).toContain('临泽县 EDU01 的数据记录有误（该地区不能有这一类型');
		expect(text).not.toMatch(/cells|series|\{/);
	});

	it('another table is named in the planner’s words; an unknown one by its name', () => {
		expect(
			problemText({ code: 'bad-row', table: 'tasks', row: 2, field: 'note', reason: 'schema' })
		).toContain('“工作任务落实情况”第 2 条记录');
		expect(problemText({ code: 'bad-row', table: 'extra', row: 1, field: 'x', reason: 'schema' })).toContain(
			'“extra”第 1 条记录'
		);
	});
});
