import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ownIndicatorSchema } from '../../model';
import { checkedOwnIndicator, type OwnIndicatorInput } from './own-indicator';

// Each field valid mostly, now and then one of the values just past a rule (or of the wrong
// type), so valid records and each kind of invalid one are both drawn.
const field = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
	fc.oneof({ arbitrary: valid, weight: 25 }, { arbitrary: invalid, weight: 1 });
const text = (min: number, max: number) =>
	field(
		fc.oneof(
			fc.string({ minLength: min, maxLength: 4 }),
			fc.nat(2).map((n) => 'x'.repeat(Math.max(min, max - n))),
			fc.constant('自设指标')
		),
		fc.constantFrom('x'.repeat(max + 1), min > 0 ? '' : 'x'.repeat(max + 2), undefined, 5)
	);
const int = (min: number, max: number) =>
	field(
		fc.integer({ min, max }),
		fc.constantFrom(min - 1, max + 1, 0.5, Number.MAX_SAFE_INTEGER + 2, Infinity, NaN, undefined, '1')
	);
const inputArb = fc.record(
	{
		code: field(
			fc.constantFrom('C0001', 'c-1_a', 'C'.repeat(16), 'EDU01'),
			fc.constantFrom('1C', '', 'C'.repeat(17), 'C 1', undefined)
		),
		nameZh: text(1, 200),
		nameEn: text(0, 200),
		unit: text(0, 20),
		direction: field(fc.constantFrom('higher', 'lower'), fc.constantFrom('up', undefined)),
		precision: int(0, 6),
		countyMeasure: field(fc.constantFrom('value', 'certified', undefined), fc.constantFrom('other', 1)),
		regionCode: field(fc.constant('620702'), fc.constantFrom('62070', '6207021', 'abcdef', undefined)),
		order: int(0, 100_000),
		updatedAt: field(fc.oneof(fc.nat(), fc.constant(undefined)), fc.constantFrom(-1, 0.5, NaN, '1')),
		extra: fc.constantFrom('kept out', undefined)
	},
	{ requiredKeys: [] }
);

describe('checkedOwnIndicator', () => {
	it('accepts exactly what the stored schema accepts, and gives what it gives', () => {
		let valid = 0;
		fc.assert(
			fc.property(inputArb, (input) => {
				const expected = ownIndicatorSchema.safeParse(input);
				if (expected.success) valid++;
				const given = input as unknown as OwnIndicatorInput;
				if (expected.success) {
					const got = checkedOwnIndicator(given);
					expect(got).toEqual(expected.data);
					// Same keys in the same order: a stored record's JSON (and its hash) alike.
					expect(JSON.stringify(got)).toBe(JSON.stringify(expected.data));
				} else {
					expect(() => checkedOwnIndicator(given)).toThrow();
				}
			}),
			{ numRuns: 5000 }
		);
		// Both sides drawn often enough to mean something.
		expect(valid).toBeGreaterThan(500);
	});
});
