// Telling a task file from a figure file reads only the file's head, cut on a line end, so a
// large file is neither read whole on the page's thread nor misread where the cut falls.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { encodeText } from '$lib/core/exchange/encoding';
import { isTaskFileText, TASK_HEADER_ZH } from '$lib/core/exchange/tasks';
import { readHead } from './task-import.svelte';

const header = Object.values(TASK_HEADER_ZH).join(',');
// Rows of Chinese text, so that a cut at a fixed byte count falls inside a character.
const rows = Array.from(
	{ length: 3000 },
	(_, i) =>
		`620702,${(i % 35) + 1},2026,推进中,县教育局,张三,年度举措${i},落实情况：新建公办园三所，改扩建两所${i},文件${i},`
);
const text = [header, ...rows].join('\r\n') + '\r\n';

describe('the head of an import file', () => {
	for (const encoding of ['utf-8-bom', 'gb18030', 'utf-8'] as const) {
		it(`${encoding}: a task file over 64 KB is told by its head, read without a broken character`, async () => {
			const bytes = await encodeText(text, encoding);
			expect(bytes.length).toBeGreaterThan(64 * 1024);
			const head = await readHead(new File([bytes as BlobPart], 'tasks.csv'));
			expect(head.text.refused).toBeUndefined();
			expect(head.text.text).not.toContain('\uFFFD');
			expect(isTaskFileText(head.text.text)).toBe(true);
			// Only the head: whole lines, far fewer than the file holds.
			expect(head.text.text.length).toBeLessThan(text.length / 3);
			expect(head.text.text.endsWith('\n')).toBe(true);
		});
	}

	it('a figure file is not taken for a task file', async () => {
		const figures =
			'地区代码,地区,指标代码,指标,单位,类型,年份,数值,备注\r\n' +
			'620702,,EDU01,,%,实际,2024,99.5,\r\n'.repeat(3000);
		const head = await readHead(new File([figures], 'figures.csv'));
		expect(isTaskFileText(head.text.text)).toBe(false);
	});
});
