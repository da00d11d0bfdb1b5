import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromParams, settingsToParams } from './city-view-settings';

const read = (query: string) => settingsFromParams(new URLSearchParams(query));

describe('city view settings in the address', () => {
	it('plain /city is the city’s 2025 target, each county’s latest figure, a row per indicator', () => {
		expect(read('')).toEqual(DEFAULT_SETTINGS);
		expect(DEFAULT_SETTINGS).toEqual({
			level: '620700',
			targetYear: 2025,
			year: null,
			orientation: 'indicators'
		});
		expect(settingsToParams(DEFAULT_SETTINGS).toString()).toBe('');
	});

	it('reads back what it writes', () => {
		const s = { level: '620000', targetYear: 2035, year: 2024, orientation: 'counties' } as const;
		expect(settingsToParams(s).toString()).toBe('level=620000&target=2035&year=2024&by=county');
		expect(read(settingsToParams(s).toString())).toEqual(s);
	});

	it('a typed or mangled address falls back to the default of each part it cannot read', () => {
		expect(read('level=620702&target=2030&year=1999&by=sideways')).toEqual(DEFAULT_SETTINGS);
		expect(read('year=latest&target=2035')).toEqual({ ...DEFAULT_SETTINGS, targetYear: 2035 });
		expect(read('year=2024.5')).toEqual(DEFAULT_SETTINGS);
		expect(read('year=abc&level=620000')).toEqual({ ...DEFAULT_SETTINGS, level: '620000' });
	});
});
