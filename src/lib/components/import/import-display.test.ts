import { describe, expect, it } from 'vitest';
import { planImport, type FileProblem, type ImportPlan, type RowIssue } from '$lib/core/exchange/import';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';
import type { Series } from '$lib/core/model';
import { Locale, type Lang } from '$lib/i18n/locale.svelte';
import { zh } from '$lib/i18n/zh';
import { en } from '$lib/i18n/en';
import {
	applyLabel,
	cellText,
	changeCount,
	changeRows,
	encodingLabel,
	indicatorLine,
	indicatorNamer,
	issueText,
	PAGE_SIZE,
	pageStatus,
	previewTotals,
	problemText,
	problemTone,
	regionName,
	rejectedTone,
	sentBy,
	whereText
} from './import-display';

function words(lang: Lang): Locale {
	const l = new Locale();
	l.lang = lang;
	return l;
}
const ZH = words('zh');
const EN = words('en');

function series(indicatorCode: string, cells: Series['cells']): Series {
	return { regionCode: '620702', indicatorCode, kind: 'actual', cells, note: '', updatedAt: 5 };
}
const STORED: WorkbookSnapshot = {
	series: [series('EDU01', { '2023': { t: 'n', v: 99.3 } })],
	ownIndicators: []
};

function planOf(lines: string[], snapshot = STORED): ImportPlan {
	return planImport([{ text: lines.join('\n') }], snapshot);
}

const MIXED = planOf([
	'地区代码,地区,指标代码,指标,单位,类型,2023,2024',
	'620702,甘州区,EDU01,学前教育毛入园率,%,实际,99.4,99.6',
	'620702,甘州区,EDU02,九年义务教育巩固率,%,实际,很高,99',
	'629999,某县,EDU01,学前教育毛入园率,%,实际,98,',
	'620702,甘州区,C01,农村寄宿生比例,%,实际,31.5,'
]);

function issue(code: string, params: RowIssue['params'] = {}, file = 0): RowIssue {
	return { file, row: 7, column: '2024', code: code as RowIssue['code'], params };
}

describe('refusals and warnings are worded from the catalog by their code', () => {
	it('words the refusals of a real plan, naming what is wrong', () => {
		expect(MIXED.rejected.map((r) => issueText(ZH, ['a.csv'], r))).toEqual([
			'“很高”不是数字。可写 99.5、99.5%，或以 = 开头的公式。',
			'地区代码“629999”不是张掖市的县区，也不是张掖市或甘肃省。'
		]);
		expect(issueText(EN, ['a.csv'], MIXED.rejected[0]!)).toContain('很高');
		expect(issueText(EN, ['a.csv'], MIXED.rejected[0]!)).not.toBe(
			issueText(ZH, ['a.csv'], MIXED.rejected[0]!)
		);
	});

	it('words every issue and problem code the catalogs hold by its own message, in both languages', () => {
		const codes = (prefix: string) =>
			Object.keys(zh)
				.filter((k) => k.startsWith(prefix))
				.map((k) => k.slice(prefix.length));
		const issueCodes = codes('import.issue.');
		const problemCodes = codes('import.problem.');
		expect(issueCodes.length).toBeGreaterThan(20);
		expect(problemCodes).toContain('too-large');
		// Every param a message may name; `where` and `limit` are the display's own.
		const params = { text: 'x', code: 'C9', year: 2024, otherRow: 3, other: '1', row: 2 };
		for (const w of [ZH, EN]) {
			const catalog = (w.lang === 'zh' ? zh : en) as Record<string, string>;
			for (const code of issueCodes) {
				const text = issueText(w, ['a.csv'], issue(code, params));
				expect(catalog[`import.issue.${code}`], `${w.lang} import.issue.${code}`).toBeDefined();
				expect(text).not.toBe(w.t('importUi.issueUnknown', { code }));
				expect(text).not.toMatch(/\{(where|text|code|year)\}/);
			}
			for (const code of problemCodes) {
				const p: FileProblem = { code: code as FileProblem['code'], params, fatal: true };
				expect(catalog[`import.problem.${code}`], `${w.lang} import.problem.${code}`).toBeDefined();
				expect(problemText(w, ['a.csv'], p)).not.toMatch(/\{(limit|row)\}/);
			}
		}
	});

	it('words a code it has never seen through a plain message naming it, never a raw key', () => {
		const unknown = issue('note-looks-like-rows');
		expect(issueText(ZH, ['a.csv'], unknown)).toBe(
			'本行有无法导入的内容（note-looks-like-rows）。请核对后重新导入。'
		);
		expect(issueText(EN, ['a.csv'], unknown)).toMatch(/^This row holds/);
		const problem: FileProblem = { code: 'encoding-guess' as FileProblem['code'], params: {}, fatal: true };
		expect(problemText(ZH, ['a.csv'], problem)).toContain('encoding-guess');
		expect(problemText(ZH, ['a.csv'], problem)).not.toContain('import.problem');
	});

	it('points at the other row of a conflict in this file or in another one', () => {
		const same = issue('conflict', { year: 2024, text: '99', other: '98', otherRow: 3, otherFile: 0 });
		expect(issueText(ZH, ['a.csv', 'b.csv'], same)).toBe(
			'2024 年的 99 与第 3 行的 98 不一致，这两行都没有导入；请确定哪个正确后重新导入。'
		);
		const other = issue('conflict', { year: 2024, text: '99', other: '98', otherRow: 3, otherFile: 1 });
		expect(issueText(ZH, ['a.csv', 'b.csv'], other)).toContain('与b.csv 第 3 行的 98');
	});

	it('names an encoding in a message by its label', () => {
		expect(encodingLabel(ZH, 'gb18030')).toBe('GB18030 / GBK');
		expect(encodingLabel(ZH, 'windows-1252')).toBe(encodingLabel(ZH, 'windows-1252'));
		expect(encodingLabel(ZH, 'some-new-one')).toBe('some-new-one');
	});

	it('puts the size limit into the too-large problem', () => {
		const p: FileProblem = { code: 'too-large', params: {}, fatal: true };
		expect(problemText(ZH, ['a.csv'], p)).toBe('文件超过 32 MB，无法导入。请按县区或年份拆成几个文件。');
		expect(problemTone(p)).toBe('error');
		expect(problemTone({ ...p, fatal: false })).toBe('warn');
	});
});

describe('counts, rows and names', () => {
	it('counts what a plan adds, changes and refuses by row', () => {
		const totals = previewTotals(MIXED);
		expect(totals).toEqual({ added: 2, changed: 1, figureNotes: 0, refusedRows: 2, warnings: 0 });
		expect(applyLabel(ZH, totals)).toBe('应用导入（新增 2 项，修改 1 项）');
		expect(rejectedTone(0)).toBe('ok');
		expect(rejectedTone(2)).toBe('error');
	});

	it('lists a changed cell old → new with its source row, and a new one from （空）', () => {
		const changed = changeRows(ZH, MIXED, 'changed', 10);
		expect(changed.map((r) => [r.regionCode, r.indicatorCode, r.year, r.before, r.after, r.row])).toEqual([
			['620702', 'EDU01', '2023', '99.3', '99.4', 2]
		]);
		const added = changeRows(ZH, MIXED, 'added', 10);
		expect(added.map((r) => [r.indicatorCode, r.year, r.before, r.after])).toEqual([
			['EDU01', '2024', '（空）', '99.6'],
			['C01', '2023', '（空）', '31.5']
		]);
		expect(new Set(added.map((r) => r.key)).size).toBe(added.length);
	});

	it('builds only the rows a page shows, and says how many more there are', () => {
		const lines = ['地区代码,指标代码,指标,单位,类型,年份,数值'];
		for (let n = 1; n <= 40; n++)
			for (let y = 2020; y <= 2035; y++) lines.push(`620702,C${n},指标${n},%,实际,${y},${n}`);
		const big = planOf(lines);
		expect(changeCount(big, 'added')).toBe(640);
		expect(changeRows(ZH, big, 'added', PAGE_SIZE)).toHaveLength(PAGE_SIZE);
		expect(pageStatus(ZH, PAGE_SIZE, 640)).toEqual({
			text: '已列出 200 项，共 640 项。',
			more: '显示更多（200 项）'
		});
		expect(pageStatus(ZH, 600, 640)?.more).toBe('显示更多（40 项）');
		expect(pageStatus(ZH, 640, 640)).toBeNull();
	});

	it('names regions and indicators in the interface language, own indicators by the file’s name', () => {
		expect(regionName(ZH, '620702')).toBe('甘州区');
		expect(regionName(EN, '620702')).toBe('Ganzhou District');
		expect(regionName(ZH, '999999')).toBe('（无法识别的地区）');
		const name = indicatorNamer(ZH, MIXED, () => undefined);
		expect(name('620702', 'EDU01')).toBe('学前教育毛入园率');
		expect(name('620702', 'C01')).toBe('农村寄宿生比例');
		expect(name('620702', 'C77')).toBe('C77');
		expect(indicatorLine(ZH, MIXED.indicators[0]!)).toBe('新建：甘州区 C01 农村寄宿生比例 (%)');
	});

	it('says where a row is, with the file only when there are several', () => {
		expect(whereText(ZH, ['a.csv'], 0, 4)).toBe('第 4 行');
		expect(whereText(ZH, ['a.csv', 'b.csv'], 1, 4)).toBe('b.csv 第 4 行');
		expect(cellText(ZH, undefined)).toBe('（空）');
		expect(cellText(EN, { t: 'b', v: true })).not.toBe('');
	});

	it('says who sent a file and when, or where the date came from', () => {
		const reading = MIXED.files[0]!;
		expect(sentBy(ZH, reading)).toBe('文件未注明日期');
		const sent = {
			...reading,
			source: {
				...reading.source,
				senderUnit: '甘州区教育局',
				senderName: '张三',
				dateFrom: 'file-name' as const,
				date: '2026-11-01'
			}
		};
		expect(sentBy(ZH, sent)).toBe('甘州区教育局 · 张三，2026-11-01（取自文件名）');
		expect(sentBy(ZH, { ...reading, layout: null })).toBe('—');
	});
});
