// The tasks as seeded against the document they were read from: numbered 1–35 in order
// under the ten headings, five measures, and every title and text found in the document
// once converted to simplified Chinese (scripts/dev/plan-tasks/reading.mjs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../scripts/dev/plan-tasks/reading.mjs';
import { planIndicatorCodes } from '../plan';
import {
	PLAN_TASK_COUNT,
	planMeasures,
	planTask,
	planTaskHeadings,
	planTasks,
	tasksUnder
} from './plan-tasks';

const document = readDocument(
	readFileSync(new URL('../../../../seeds/source/plan-document.txt', import.meta.url), 'utf8')
);
const section2 = document.slice(document.indexOf('二、发展任务'), document.indexOf('三、组织实施'));
const section3 = document.slice(document.indexOf('三、组织实施'));

describe('the plan tasks seed', () => {
	it('has 35 tasks numbered 1–35 in order, under ten headings in order', () => {
		expect(PLAN_TASK_COUNT).toBe(35);
		expect(planTasks.map((t) => t.number)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
		expect(planTaskHeadings.map((h) => h.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(planTaskHeadings.map((h) => h.label).join('')).toBe(
			'（一）（二）（三）（四）（五）（六）（七）（八）（九）（十）'
		);
		// Headings never go back, and every heading has tasks.
		for (let i = 1; i < planTasks.length; i++) {
			expect(planTasks[i]!.heading).toBeGreaterThanOrEqual(planTasks[i - 1]!.heading);
		}
		expect(planTaskHeadings.map((h) => tasksUnder(h.number).length)).toEqual([2, 4, 4, 3, 6, 4, 3, 2, 3, 4]);
		expect(planTask(18)?.titleZh).toBe('构建教育系统心理服务体系');
		expect(planTask(36)).toBeUndefined();
	});

	it('has section 三’s five measures', () => {
		expect(planMeasures.map((m) => m.label)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
		expect(planMeasures[1]?.textZh).toContain('确保一般公共预算教育支出逐年只增不减');
	});

	it('finds every heading, task and measure, title and text, in the converted document', () => {
		for (const h of planTaskHeadings) expect(section2).toContain(`${h.label}${h.titleZh}\n`);
		for (const t of planTasks) {
			expect(section2, `task ${t.number}`).toContain(`${t.number}.${t.titleZh}。${t.textZh}`);
			// The heading it sits under is the last one before it in the document.
			const at = section2.indexOf(`\n${t.number}.${t.titleZh}`);
			const heading = planTaskHeadings[t.heading - 1]!;
			const headingAt = section2.indexOf(`${heading.label}${heading.titleZh}`);
			const next = planTaskHeadings[t.heading];
			expect(headingAt).toBeLessThan(at);
			if (next) expect(section2.indexOf(`${next.label}${next.titleZh}`)).toBeGreaterThan(at);
		}
		for (const m of planMeasures) expect(section3).toContain(`${m.label}${m.titleZh}。${m.textZh}`);
	});

	it('reads simplified Chinese with the damage repaired and the converter’s slips fixed', () => {
		const all = JSON.stringify({ planTaskHeadings, planTasks, planMeasures });
		expect(all).not.toMatch(/[?!昂]/);
		expect(planTask(15)?.textZh).toContain('全面实行民办学校“黑、白名单”制度');
		expect(planTask(17)?.textZh).toContain('做到“应助尽助、应保尽保”。');
		expect(planTask(30)?.textZh).toContain('推动党内政治生活正常化、规范化');
		// 着力, not 著力; 于 and 干 where simplified writes them; no traditional forms left.
		expect(planTask(16)?.titleZh).toBe('着力推进特殊教育');
		expect(all).not.toContain('著');
		expect(planTask(23)?.textZh).toContain('不低于当地公务员平均工资收入水平');
		expect(planTask(1)?.textZh).toContain('推动党员干部和教师');
		expect(all).not.toMatch(/[於著後裡乾為與發學國會這個門說時長開關]/);
		const chinese = [...planTaskHeadings, ...planTasks, ...planMeasures].flatMap((t) => [
			t.titleZh,
			'textZh' in t ? t.textZh : ''
		]);
		for (const text of chinese) expect(text.match(/[,()]/), text.slice(0, 12)).toBeNull();
	});

	it('gives every task and heading an English title, and ties tasks only to plan indicators, by their own words', () => {
		for (const t of [...planTaskHeadings, ...planTasks, ...planMeasures])
			expect(t.titleEn).toMatch(/[A-Za-z]/);
		for (const t of planTasks) {
			for (const link of t.indicators) {
				expect(planIndicatorCodes.has(link.indicator), `task ${t.number} ${link.indicator}`).toBe(true);
				expect(t.textZh, `task ${t.number} ${link.indicator}`).toContain(link.basis);
			}
		}
		const tied = (n: number) => planTask(n)!.indicators.map((l) => l.indicator);
		expect(tied(4)).toEqual(['EDU01']);
		expect(tied(5)).toEqual(['EDU02', 'EDU03']);
		expect(tied(6)).toEqual(['EDU04']);
		expect(tied(21)).toEqual(['EDU06', 'EDU07']);
		expect(tied(19)).toEqual(['EDU09']);
	});
});
