import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ownIndicatorSchema, type OwnIndicator } from './model';
import { checkedOwnIndicator, type OwnIndicatorInput } from './own-indicator-check';

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

describe('checkedOwnIndicator, as the storage layer calls it', () => {
	it('returns what the schema returns, keys in its order, or throws where it throws', () => {
		const text = (max: number) => fc.string({ maxLength: max });
		const int = fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double(), fc.constant(2 ** 60));
		const indicator = fc.record(
			{
				code: fc.oneof(fc.constantFrom('C0001', 'EDU01', '1bad', '', 'C'.repeat(17)), text(4)),
				nameZh: fc.oneof(text(3), fc.constant('名'.repeat(201))),
				nameEn: fc.oneof(text(3), fc.constant('n'.repeat(201))),
				unit: fc.oneof(text(22), fc.constant('%')),
				direction: fc.constantFrom('higher', 'lower', 'up'),
				precision: int,
				countyMeasure: fc.constantFrom('value', 'certified', 'other'),
				regionCode: fc.constantFrom('620702', '62070', 'x20702'),
				order: int,
				updatedAt: int,
				extra: fc.string()
			},
			{ requiredKeys: ['code', 'nameZh', 'direction', 'regionCode'] }
		);
		fc.assert(
			fc.property(indicator, (input) => {
				const expected = ownIndicatorSchema.safeParse(input);
				if (expected.success) {
					const got = checkedOwnIndicator(input as unknown as OwnIndicator);
					expect(got).toEqual(expected.data);
					expect(Object.keys(got)).toEqual(Object.keys(expected.data));
				} else expect(() => checkedOwnIndicator(input as unknown as OwnIndicator)).toThrow();
			}),
			{ numRuns: 1000 }
		);
	});

	it('passes a sound indicator by hand, as the schema would', () => {
		const sound: OwnIndicator = {
			regionCode: '620702',
			code: 'C0001',
			nameZh: '教师培训人次',
			nameEn: '',
			unit: '人',
			direction: 'higher',
			precision: 2,
			countyMeasure: 'value',
			order: 0,
			updatedAt: 9
		};
		expect(checkedOwnIndicator(sound)).toEqual(ownIndicatorSchema.parse(sound));
		expect(Object.keys(checkedOwnIndicator(sound))).toEqual(Object.keys(ownIndicatorSchema.parse(sound)));
	});
});
