import { describe, expect, it } from 'vitest';
import { planImport } from '$lib/core/exchange/import';
import { EMPTY_SNAPSHOT } from '$lib/core/exchange/snapshot';
import { PlanAssembly, splitPlan } from './plan-parts';

function bigPlan(indicators: number) {
	const lines = ['地区代码,指标代码,指标,单位,类型,年份,数值'];
	for (let n = 1; n <= indicators; n++)
		for (let y = 2020; y <= 2035; y++)
			lines.push(`620702,C${n},指标${n},%,实际,${y},${n % 7 === 0 ? '很高' : n}`);
	return planImport([{ text: lines.join('\n') }], EMPTY_SNAPSHOT);
}

describe('an import plan in parts', () => {
	it('comes back together exactly as it was, in order', () => {
		const plan = bigPlan(120);
		expect(plan.rejected.length).toBeGreaterThan(100);
		const { head, parts } = splitPlan(plan, 500);
		expect(parts.length).toBeGreaterThan(3);
		expect(head).not.toHaveProperty('changes');
		expect(head.regions).toEqual(plan.regions);
		const assembly = new PlanAssembly(structuredClone(head));
		for (const part of parts) assembly.add(structuredClone(part));
		expect(assembly.plan()).toEqual(plan);
	});

	it('keeps each part near its size, so no message takes long to unpack', () => {
		const plan = bigPlan(120);
		const { parts } = splitPlan(plan, 500);
		for (const part of parts) {
			const cells = part.changes.reduce(
				(n, c) => n + 1 + c.added.length + Object.keys(c.after.cells).length,
				part.rejected.length + part.warnings.length
			);
			// One change may carry the part over its size, by at most one indicator's cells.
			expect(cells).toBeLessThanOrEqual(500 + 1 + 16 * 2);
		}
	});

	it('sends a plan with nothing in its lists as a head and one empty part', () => {
		const plan = planImport([{ text: '' }], EMPTY_SNAPSHOT);
		const { parts } = splitPlan(plan);
		expect(parts).toEqual([{ changes: [], rejected: [], warnings: [] }]);
		const assembly = new PlanAssembly(splitPlan(plan).head);
		assembly.add(parts[0]!);
		expect(assembly.plan()).toEqual(plan);
	});
});
