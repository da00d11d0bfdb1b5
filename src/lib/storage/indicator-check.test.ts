import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ownIndicatorSchema, type OwnIndicator } from '../core/model';
import { parseOwnIndicator } from './indicator-check';

describe('parseOwnIndicator', () => {
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
					const got = parseOwnIndicator(input as unknown as OwnIndicator);
					expect(got).toEqual(expected.data);
					expect(Object.keys(got)).toEqual(Object.keys(expected.data));
				} else expect(() => parseOwnIndicator(input as unknown as OwnIndicator)).toThrow();
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
		expect(parseOwnIndicator(sound)).toEqual(ownIndicatorSchema.parse(sound));
		expect(Object.keys(parseOwnIndicator(sound))).toEqual(Object.keys(ownIndicatorSchema.parse(sound)));
	});
});
