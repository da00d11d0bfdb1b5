// The own-indicator schema's check, by hand, for an import's thousands of indicators: zod
// (jitless) spent about as long on the 6,250 of a 100,000-figure import as IndexedDB took
// to write them. As series-check.ts does for rows: a record passed here is built exactly as
// the schema returns it (its keys in the schema's order); anything else goes through the
// schema itself, which refuses it or returns what it makes of it.
import { ownIndicatorSchema, type OwnIndicator } from '../core/model';
import { NAME_MAX, UNIT_MAX } from '../core/limits';

const CODE = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
const REGION = /^\d{6}$/;
const KEYS = new Set([
	'code',
	'nameZh',
	'nameEn',
	'unit',
	'direction',
	'precision',
	'countyMeasure',
	'regionCode',
	'order',
	'updatedAt'
]);

/** The indicator as ownIndicatorSchema.parse returns it; throws as it does on anything it refuses. */
export function parseOwnIndicator(input: OwnIndicator): OwnIndicator {
	const o = input as unknown as Record<string, unknown>;
	const passes =
		o !== null &&
		typeof o === 'object' &&
		Object.keys(o).length === KEYS.size &&
		Object.keys(o).every((k) => KEYS.has(k)) &&
		typeof o.code === 'string' &&
		CODE.test(o.code) &&
		typeof o.nameZh === 'string' &&
		o.nameZh.length >= 1 &&
		o.nameZh.length <= NAME_MAX &&
		typeof o.nameEn === 'string' &&
		o.nameEn.length <= NAME_MAX &&
		typeof o.unit === 'string' &&
		o.unit.length <= UNIT_MAX &&
		(o.direction === 'higher' || o.direction === 'lower') &&
		Number.isSafeInteger(o.precision) &&
		(o.precision as number) >= 0 &&
		(o.precision as number) <= 6 &&
		(o.countyMeasure === 'value' || o.countyMeasure === 'certified') &&
		typeof o.regionCode === 'string' &&
		REGION.test(o.regionCode) &&
		Number.isSafeInteger(o.order) &&
		(o.order as number) >= 0 &&
		Number.isSafeInteger(o.updatedAt) &&
		(o.updatedAt as number) >= 0;
	if (!passes) return ownIndicatorSchema.parse(input);
	return {
		code: input.code,
		nameZh: input.nameZh,
		nameEn: input.nameEn,
		unit: input.unit,
		direction: input.direction,
		precision: input.precision,
		countyMeasure: input.countyMeasure,
		regionCode: input.regionCode,
		order: input.order,
		updatedAt: input.updatedAt
	};
}
