import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seriesSchema, type Series } from '../core/model';
import { parseSeries } from './series-check';

const row = (cells: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	({
		regionCode: '620702',
		indicatorCode: 'C0001',
		kind: 'actual',
		cells,
		note: '',
		updatedAt: 5,
		...extra
	}) as unknown as Series;

describe('parseSeries', () => {
	it('returns what the schema returns, or throws where it throws', () => {
		const cell = fc.oneof(
			fc.record({ t: fc.constant('n'), v: fc.oneof(fc.double(), fc.constant(Infinity)) }),
			fc.record(
				{ t: fc.constant('n'), v: fc.double({ noNaN: true }), cmp: fc.constantFrom('>', '>=', '<') },
				{ requiredKeys: ['t', 'v'] }
			),
			fc.record({ t: fc.constant('n'), v: fc.integer(), q: fc.string({ maxLength: 45 }) }),
			fc.record({ t: fc.constant('f'), f: fc.string({ maxLength: 20 }) }),
			fc.record({ t: fc.constant('b'), v: fc.oneof(fc.boolean(), fc.integer()) }),
			fc.record({ t: fc.constant('x') }),
			fc.record({ t: fc.constant('n'), v: fc.integer(), extra: fc.string() })
		);
		const year = fc.oneof(
			fc.integer({ min: 2000, max: 2100 }).map(String),
			fc.constantFrom('20x1', '202', 'note')
		);
		fc.assert(
			fc.property(fc.dictionary(year, cell, { maxKeys: 5 }), fc.string({ maxLength: 5 }), (cells, code) => {
				const input = row(cells, code === 'C' ? { indicatorCode: '1bad' } : {});
				const expected = seriesSchema.safeParse(input);
				if (expected.success) expect(parseSeries(input)).toEqual(expected.data);
				else expect(() => parseSeries(input)).toThrow();
			}),
			{ numRuns: 500 }
		);
	});

	it('a note over 2,000 characters, a bad stamp or a bad region code is refused as by the schema', () => {
		expect(() => parseSeries(row({}, { note: 'x'.repeat(2001) }))).toThrow();
		expect(() => parseSeries(row({}, { updatedAt: -1 }))).toThrow();
		expect(() => parseSeries(row({}, { regionCode: '62070' }))).toThrow();
		expect(parseSeries(row({ '2024': { t: 'n', v: 99.5, cmp: '>' } }))).toEqual(
			row({ '2024': { t: 'n', v: 99.5, cmp: '>' } })
		);
	});
});
