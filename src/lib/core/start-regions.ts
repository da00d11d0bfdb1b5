// The regions the start page lists, read straight from the seed file: core/plan.ts checks
// the same file with its schemas (zod) when it loads, which the start page need not wait
// for. start-regions.test.ts holds the two equal. Read as text (`?raw`): imported as JSON,
// the bundler put the file in the chunk it shares with plan.ts, zod and the core (18 KB
// gzipped), which the start page then loaded whole.
import regionsText from '../../../seeds/regions.json?raw';

export interface StartRegion {
	code: string;
	nameZh: string;
	nameEn: string;
}

const regions = (JSON.parse(regionsText) as { regions: (StartRegion & { level: string })[] }).regions;
const pick = ({ code, nameZh, nameEn }: StartRegion): StartRegion => ({ code, nameZh, nameEn });

export const startRegions: { counties: readonly StartRegion[]; city: StartRegion } = {
	counties: regions.filter((r) => r.level === 'county').map(pick),
	city: pick(regions.find((r) => r.level === 'city')!)
};
