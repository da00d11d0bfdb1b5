import { beforeEach, describe, expect, it } from 'vitest';
import {
	defaultCompareChoice,
	parseCompareChoice,
	rememberCompareChoice,
	rememberedCompareChoice
} from './compare-choice';

class MemoryStorage {
	#items = new Map<string, string>();
	getItem(key: string): string | null {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.#items.set(key, value);
	}
}

describe('the 对照 choice', () => {
	beforeEach(() => {
		(globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
	});

	it('is remembered per kind of sheet', () => {
		expect(rememberedCompareChoice('county')).toBeNull();
		rememberCompareChoice('county', '2035');
		rememberCompareChoice('city', 'both');
		expect(rememberedCompareChoice('county')).toBe('2035');
		expect(rememberedCompareChoice('city')).toBe('both');
	});

	it('ignores a stored value it does not know', () => {
		expect(parseCompareChoice('2030')).toBeNull();
		expect(parseCompareChoice('')).toBeNull();
		expect(parseCompareChoice('both')).toBe('both');
	});

	it('shows both years by default only where their columns fit', () => {
		const widths = [100, 100, 100, 100];
		expect(defaultCompareChoice(widths, new Set(), 400)).toBe('both');
		expect(defaultCompareChoice(widths, new Set(), 399)).toBe('2025');
		// Folded-away columns take no room.
		expect(defaultCompareChoice(widths, new Set([0]), 300)).toBe('both');
	});
});
