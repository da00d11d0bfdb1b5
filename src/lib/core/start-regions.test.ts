import { describe, expect, it } from 'vitest';
import { city, counties } from './plan';
import { startRegions } from './start-regions';

describe('the start page’s regions', () => {
	it('are the plan’s counties, in its order, and its city', () => {
		const names = (r: { code: string; nameZh: string; nameEn: string }) => [r.code, r.nameZh, r.nameEn];
		expect(startRegions.counties.map(names)).toEqual(counties.map(names));
		expect(names(startRegions.city)).toEqual(names(city));
	});
});
