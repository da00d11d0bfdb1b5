import { describe, expect, it } from 'vitest';
import { toCsvText } from '../export';
import { encodeText } from '../encoding';
import { readImportFile } from '../import';
import { emptyTaskRecord } from '../../tasks/task-record';
import { buildTaskExportTable, planTaskImport, isTaskFileText, type StoredTask } from './index';

const HEADER = '地区代码,任务编号,年份,状态,牵头单位,责任人,年度举措,落实情况,佐证材料,备注';

function stored(over: Partial<StoredTask> = {}): StoredTask {
	return {
		...emptyTaskRecord({ regionCode: '620702', year: 2026, task: 1 }),
		status: 'in-progress',
		leadUnit: '区教育局',
		responsible: '张三',
		progress: '已召开专题会议',
		evidence: ['甘教发〔2026〕3号'],
		updatedAt: 100,
		...over
	};
}

function plan(text: string, records: StoredTask[] = [], name = 'a.csv') {
	return planTaskImport([{ text, name }], records);
}

describe('planTaskImport', () => {
	it('sorts rows into new, changed, unchanged and refused, by row and column', () => {
		const text = [
			HEADER,
			'620702,1,2026,推进中,区教育局,张三,,已召开专题会议,甘教发〔2026〕3号,', // unchanged
			'620702,2,2026,已完成,区教育局,李四,,完成,,', // new
			'620702,3,2026,已完成,,,,,,', // changed (stored in progress)
			'620702,4,2026,进展顺利,,,,,,', // refused: status
			'620700,5,2026,推进中,,,,,,', // refused: the city
			'620702,36,2026,推进中,,,,,,', // refused: no task 36
			'620702,6,2019,推进中,,,,,,' // refused: year
		].join('\r\n');
		const p = plan(text, [stored(), stored({ task: 3, updatedAt: 7 })]);
		expect(p.unchanged.map((u) => [u.task, u.row])).toEqual([[1, 2]]);
		expect(p.changes.map((c) => [c.task, c.kind, c.row])).toEqual([
			[2, 'new', 3],
			[3, 'changed', 4]
		]);
		expect(p.changes[1]!.fields).toEqual([{ field: 'status', before: '推进中', after: '已完成' }]);
		expect(p.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
			[5, '状态', 'bad-status'],
			[6, '地区代码', 'not-county'],
			[7, '任务编号', 'bad-task-no'],
			[8, '年份', 'year-outside-workbook']
		]);
		expect(p.regions).toEqual([
			{ regionCode: '620700', added: 0, changed: 0, unchanged: 0, rejected: 1 },
			{ regionCode: '620702', added: 1, changed: 1, unchanged: 1, rejected: 3 }
		]);
		expect(p.hasChanges).toBe(true);
	});

	it('leaves a field alone where the file has a blank cell', () => {
		const p = plan([HEADER, '620702,1,2026,,,,新举措,,,'].join('\n'), [stored()]);
		expect(p.changes[0]!.after).toMatchObject({
			status: 'in-progress',
			leadUnit: '区教育局',
			measures: '新举措'
		});
		expect(p.changes[0]!.fields.map((f) => f.field)).toEqual(['measures']);
	});

	it('refuses the later of two rows that give one task different values, naming the first', () => {
		const p = plan([HEADER, '620702,2,2026,推进中,,,,,,', '620702,2,2026,已完成,,,,,,'].join('\n'));
		expect(p.rejected).toEqual([
			{ file: 0, row: 3, column: '状态', code: 'conflict', params: { otherFile: 0, otherRow: 2 } }
		]);
		expect(p.changes[0]!.after.status).toBe('in-progress');
	});

	it('takes the apostrophe guard off text Excel would run, and puts it on again on export', () => {
		const danger = stored({ progress: '=HYPERLINK("http://x","点")', leadUnit: '+局', note: "'=已加撇号" });
		const csv = toCsvText(buildTaskExportTable([danger], { regionCodes: ['620702'], years: [2026] }));
		expect(csv).toContain(`'=HYPERLINK`);
		expect(csv).toContain(`,'+局,`);
		expect(csv).toContain(`''=已加撇号`);
		const back = plan(csv, []);
		const first = back.changes.find((c) => c.task === 1)!;
		expect(first.after).toMatchObject({ progress: danger.progress, leadUnit: '+局', note: "'=已加撇号" });
	});

	it('reads its own export back unchanged, the metadata row and every task of the year', () => {
		const records = [stored(), stored({ task: 35, evidence: ['文件一', '文件二'], measures: '一、\n二、' })];
		const table = buildTaskExportTable(records, {
			regionCodes: ['620702'],
			years: [2026],
			metadata: { exportedAt: new Date(2026, 11, 1, 9, 30), sender: { unit: '甘州区教育局', name: '王五' } }
		});
		expect(table).toHaveLength(2 + 35);
		const p = plan(toCsvText(table), records);
		expect(p.hasChanges).toBe(false);
		expect(p.unchanged).toHaveLength(35);
		expect(p.files[0]!.source).toMatchObject({ exportedAt: '2026-12-01 09:30', senderUnit: '甘州区教育局' });
	});

	it('reads the encodings and delimiters a figure file may have', async () => {
		const text = [HEADER, '620725,7,2026,已完成,山丹县教育局,赵六,,,,'].join('\r\n') + '\r\n';
		const utf16 = new Uint8Array([
			0xff,
			0xfe,
			...new Uint8Array(new Uint16Array([...text.replace(/,/g, '\t')].map((c) => c.charCodeAt(0))).buffer)
		]);
		for (const bytes of [await encodeText(text, 'gb18030'), await encodeText(text, 'utf-8-bom'), utf16]) {
			const read = readImportFile({ name: 'x.csv', bytes });
			expect(isTaskFileText(read.text.text)).toBe(true);
			const p = planTaskImport([read.text], []);
			expect(p.changes[0]).toMatchObject({
				regionCode: '620725',
				task: 7,
				after: { leadUnit: '山丹县教育局' }
			});
		}
	});

	it('refuses a file without the task columns, and tells figure files apart', () => {
		expect(isTaskFileText('地区代码,地区,指标代码,指标,单位,类型,2020\n')).toBe(false);
		expect(isTaskFileText('报送信息,导出时间,2026-12-01 09:30\n' + HEADER + '\n')).toBe(true);
		const p = plan('地区代码,任务编号,状态\n620702,1,推进中\n');
		expect(p.files[0]!.problems).toEqual([
			{ code: 'missing-columns', params: { columns: '年份' }, fatal: true }
		]);
		expect(p.files[0]!.read).toBe(false);
	});

	it('reads evidence one item per line, and refuses over-long text by column', () => {
		const long = '长'.repeat(8001);
		const p = plan(
			[HEADER, `620702,9,2026,推进中,,,,,"文件一；附件\n文件三",`, `620702,10,2026,,,,,${long},,`].join('\n')
		);
		expect(p.changes[0]!.after.evidence).toEqual(['文件一；附件', '文件三']);
		expect(p.rejected).toMatchObject([
			{ row: 3, column: '落实情况', code: 'too-long', params: { max: 8000 } }
		]);
	});
});
