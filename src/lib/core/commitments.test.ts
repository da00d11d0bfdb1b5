import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCommitment, isCommitmentCode, planCommitments, type CommitmentRule } from './commitments';
import { commitmentAllowed, planIndicator, planIndicatorLoosely, planIndicatorCodes } from './plan';
import { readFileSync } from 'node:fs';

const NO_FALL: CommitmentRule = { kind: 'no-fall' };
const PAY: CommitmentRule = { kind: 'at-least', reference: 'PAY02' };
const ROOMS: CommitmentRule = { kind: 'reach', target: 100 };
const q = (
	rule: CommitmentRule,
	figures: (number | null | 'error')[],
	targetYear = 2035,
	reference?: (number | null | 'error')[]
) => checkCommitment({ rule, figures, reference, firstYear: 2020, targetYear, precision: 2 });

describe('the commitments as part of the plan', () => {
	it('five rows with codes outside EDU, known to the plan by code, never one of the nine', () => {
		expect(planCommitments.map((c) => c.code)).toEqual(['FIN01', 'FIN02', 'PAY01', 'PAY02', 'PSY01']);
		for (const c of planCommitments) {
			expect(c.code.startsWith('EDU')).toBe(false);
			expect(planIndicator(c.code)?.nameZh).toBe(c.nameZh);
			expect(planIndicatorCodes.has(c.code)).toBe(false);
		}
		expect(planIndicatorLoosely('fin01')?.code).toBe('FIN01');
		expect(isCommitmentCode('C01')).toBe(false);
	});

	it('only a county’s own actual figures may hold them', () => {
		expect(commitmentAllowed('FIN01', '620702', 'actual')).toBe(true);
		expect(commitmentAllowed('FIN01', '620700', 'actual')).toBe(false);
		expect(commitmentAllowed('FIN01', '620702', 'target')).toBe(false);
		expect(commitmentAllowed('EDU01', '620702', 'actual')).toBe(false);
	});

	// The source reached us in traditional characters (../shared/seed); these are its words.
	const TRADITIONAL: Record<string, string> = {
		FIN01: '確保一般公共預算教育支出逐年只增不減',
		FIN02: '確保按在校學生人數平均的一般公共預算教育支出逐年只增不減',
		PAY01: '確保中小學教師平均工資收入不低于當地公務員平均工資收入水平',
		PAY02: '確保中小學教師平均工資收入不低于當地公務員平均工資收入水平',
		PSY01: '中小學校普遍建立心理咨詢室'
	};
	const SIMPLIFIED: Record<string, string> = {
		確: '确',
		預: '预',
		減: '减',
		學: '学',
		數: '数',
		師: '师',
		資: '资',
		當: '当',
		務: '务',
		員: '员',
		詢: '询'
	};
	const simplify = (t: string) => [...t].map((ch) => SIMPLIFIED[ch] ?? ch).join('');

	it('quotes the plan’s words, simplified', () => {
		for (const c of planCommitments) expect(c.quoteZh).toBe(simplify(TRADITIONAL[c.code]!));
	});

	it('the traditional words are the source document’s own (its copy in seeds/source)', () => {
		const source = readFileSync(new URL('../../../seeds/source/plan-document.txt', import.meta.url), 'utf8');
		for (const text of Object.values(TRADITIONAL)) expect(source).toContain(text);
	});
});

describe('not lower than the year before (三(二))', () => {
	it('a fall is behind, by how much, and the year before is what it is held against', () => {
		const c = q(NO_FALL, [100, 120, 115.5]);
		expect(c).toMatchObject({
			status: 'behind',
			year: 2022,
			value: 115.5,
			against: 120,
			againstYear: 2021,
			gap: -4.5
		});
		expect(c.lapses).toEqual([2022]);
	});
	it('the same or more is met; a fall in an earlier year is still listed', () => {
		expect(q(NO_FALL, [100, 90, 90])).toMatchObject({ status: 'met', gap: 0, lapses: [2021] });
	});
	it('no figure the year before is no data, not a pass', () => {
		expect(q(NO_FALL, [100, null, 130]).status).toBe('no-data');
		expect(q(NO_FALL, [100]).status).toBe('no-data');
		expect(q(NO_FALL, []).status).toBe('no-data');
	});
	it('the 2025 column judges 2025 (or the latest before it), not a later fall', () => {
		const figures = [1, 2, 3, 4, 5, 6, 5];
		expect(q(NO_FALL, figures, 2025).status).toBe('met');
		expect(q(NO_FALL, figures, 2035).status).toBe('behind');
	});
	it('a failing formula the rule needs is an error, in the year it fails', () => {
		expect(q(NO_FALL, [1, 'error', 3])).toMatchObject({ status: 'error', errorYear: 2021 });
		expect(q(NO_FALL, [1, 2, 'error'])).toMatchObject({ status: 'error', errorYear: 2022 });
	});
	it('decimal exact: 0.1 + 0.2 from a formula is not a fall from 0.3', () => {
		expect(q(NO_FALL, [0.3, 0.1 + 0.2]).status).toBe('met');
	});
	it('property: met exactly when the latest figure is at least the one before it', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 2, maxLength: 16 }), (xs) => {
				const c = q(NO_FALL, xs);
				expect(c.status).toBe(xs.at(-1)! >= xs.at(-2)! ? 'met' : 'behind');
				expect(c.lapses).toEqual(xs.flatMap((x, i) => (i > 0 && x < xs[i - 1]! ? [2020 + i] : [])));
			})
		);
	});
});

describe('teachers’ pay at least civil servants’ (task 23)', () => {
	it('held against the same year’s civil servants’ pay', () => {
		expect(q(PAY, [90000, 95000], 2035, [92000, 96000])).toMatchObject({
			status: 'behind',
			year: 2021,
			against: 96000,
			againstYear: 2021,
			gap: -1000,
			lapses: [2020, 2021]
		});
		expect(q(PAY, [90000, 96000], 2035, [92000, 96000]).status).toBe('met');
	});
	it('no civil servants’ figure of that year is no data (not the year before’s)', () => {
		expect(q(PAY, [90000, 97000], 2035, [92000, null]).status).toBe('no-data');
	});
});

describe('counselling rooms in every school (task 18)', () => {
	it('met at 100, behind below it, no matter the year', () => {
		expect(q(ROOMS, [80, 100]).status).toBe('met');
		expect(q(ROOMS, [80, 99.9])).toMatchObject({ status: 'behind', gap: -0.1, lapses: [] });
	});
});
