// The city view's settings: whose target, which target year, which year's figures, and
// which way round the table runs. Kept in the address (?level=620000&target=2035&year=2024
// &by=county), so reload, back and a bookmark reopen the same view.
import { z } from 'zod/mini';
import { TARGET_LEVELS } from '$lib/core/comparison';
import type { CityViewChoice } from '$lib/core/city-view';
import { CITY_CODE, FIRST_YEAR, LAST_YEAR, TARGET_YEARS } from '$lib/core/model';

export type Orientation = 'indicators' | 'counties';

export interface CityViewSettings extends CityViewChoice {
	/** 'indicators': a row per indicator (counties across); 'counties': a row per county. */
	orientation: Orientation;
}

export const DEFAULT_SETTINGS: CityViewSettings = {
	level: CITY_CODE,
	targetYear: 2025,
	year: null,
	orientation: 'indicators'
};

// An address is typed or pasted by people: anything unreadable falls back to the default.
const settingsSchema = z.object({
	level: z.catch(z.enum(TARGET_LEVELS), DEFAULT_SETTINGS.level),
	targetYear: z.catch(
		z.pipe(z.coerce.number(), z.union(TARGET_YEARS.map((y) => z.literal(y)))),
		DEFAULT_SETTINGS.targetYear
	),
	year: z.catch(z.nullable(z.coerce.number().check(z.int(), z.gte(FIRST_YEAR), z.lte(LAST_YEAR))), null),
	orientation: z.catch(z.enum(['indicators', 'counties']), DEFAULT_SETTINGS.orientation)
});

/** The settings an address asks for; unknown or malformed parameters give the defaults. */
export function settingsFromParams(params: URLSearchParams): CityViewSettings {
	const year = params.get('year');
	return settingsSchema.parse({
		level: params.get('level') ?? undefined,
		targetYear: params.get('target') ?? undefined,
		year: year === null || year === 'latest' ? null : year,
		orientation: params.get('by') === 'county' ? 'counties' : 'indicators'
	}) as CityViewSettings;
}

/** The address parameters of settings; defaults are left out so plain /city stays plain. */
export function settingsToParams(s: CityViewSettings): URLSearchParams {
	const p = new URLSearchParams();
	if (s.level !== DEFAULT_SETTINGS.level) p.set('level', s.level);
	if (s.targetYear !== DEFAULT_SETTINGS.targetYear) p.set('target', String(s.targetYear));
	if (s.year !== null) p.set('year', String(s.year));
	if (s.orientation === 'counties') p.set('by', 'county');
	return p;
}
