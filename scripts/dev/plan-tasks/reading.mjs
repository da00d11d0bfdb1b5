// How the plan's document (seeds/source/plan-document.txt, as it reached us: traditional
// characters with some damage) is read as simplified Chinese. Used by make-seed.mjs to
// write seeds/tasks.json and by the seed's test to check every title and text against the
// document, so the two can never read it differently. A development tool only: the app
// ships the seed, not the converter.
import * as OpenCC from 'opencc-js';

/**
 * Damaged places, repaired in the traditional text before conversion, as
 * ../shared/seed/README.md reads them (a `?` is a lost character, `!昂?` mojibake).
 * @type {ReadonlyArray<readonly [string, string]>}
 */
export const REPAIRS = [
	['中共張掖市委??張掖市人民政府', '中共張掖市委　張掖市人民政府'],
	['民辦學?!昂?、白名單”', '民辦學校“黑、白名單”'],
	['應保盡?!?。', '應保盡保”。'],
	// The same damage as the two above (a lost 常 then 化 and mojibake), read from context.
	['正?;?、規范化', '正常化、規范化']
];

/**
 * Where OpenCC's traditional → simplified choice is wrong for this text, read by eye:
 * 著 as a verb prefix (著力) is 着 in simplified; 著 stays 著 only in 著名/著作.
 * @type {ReadonlyArray<readonly [string, string]>}
 */
export const CORRECTIONS = [['著力', '着力']];

/**
 * Half-width punctuation between Chinese characters as the printed document has it.
 * @type {ReadonlyArray<readonly [string, string]>}
 */
const PUNCTUATION = [
	[',', '，'],
	[':', '：'],
	['(', '（'],
	[')', '）']
];

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * The document as simplified Chinese, repaired and corrected.
 * @param {string} traditional the document's text as received
 * @returns {string}
 */
export function readDocument(traditional) {
	let text = traditional.replace(/\r\n?/g, '\n');
	for (const [from, to] of REPAIRS) {
		if (!text.includes(from)) throw new Error(`repair not needed any more: ${from}`);
		text = text.replaceAll(from, to);
	}
	text = toSimplified(text);
	for (const [from, to] of CORRECTIONS) text = text.replaceAll(from, to);
	for (const [from, to] of PUNCTUATION) text = text.replaceAll(from, to);
	return text;
}

/**
 * Section 二's headings and tasks and section 三's measures, in the document's order.
 * @param {string} simplified the output of readDocument
 */
export function parsePlanWork(simplified) {
	const lines = simplified.split('\n').map((l) => l.trim());
	const start = lines.indexOf('二、发展任务');
	const middle = lines.indexOf('三、组织实施');
	if (start < 0 || middle < start) throw new Error('sections 二 and 三 not found');
	/** @type {{ number: number; label: string; titleZh: string }[]} */
	const headings = [];
	/** @type {{ number: number; heading: number; titleZh: string; textZh: string }[]} */
	const tasks = [];
	/** @type {{ number: number; label: string; titleZh: string; textZh: string }[]} */
	const measures = [];
	const heading = /^（([一二三四五六七八九十]+)）(.+)$/;
	for (const line of lines.slice(start + 1, middle)) {
		const h = heading.exec(line);
		if (h) {
			headings.push({ number: headings.length + 1, label: `（${h[1]}）`, titleZh: h[2] ?? '' });
			continue;
		}
		const t = /^(\d+)\.([^。]+)。(.+)$/.exec(line);
		if (!t || headings.length === 0) throw new Error(`unread line in section 二: ${line.slice(0, 20)}`);
		tasks.push({ number: Number(t[1]), heading: headings.length, titleZh: t[2] ?? '', textZh: t[3] ?? '' });
	}
	for (const line of lines.slice(middle + 1)) {
		if (line === '') continue;
		const m = /^（([一二三四五六七八九十]+)）([^。]+)。(.+)$/.exec(line);
		if (!m) throw new Error(`unread line in section 三: ${line.slice(0, 20)}`);
		measures.push({
			number: measures.length + 1,
			label: `（${m[1]}）`,
			titleZh: m[2] ?? '',
			textZh: m[3] ?? ''
		});
	}
	return { headings, tasks, measures };
}
