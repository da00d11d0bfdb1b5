// The workbook as the exchange code sees it: plain data, handed to the export, to the
// import's validation (in a worker) and to the property tests alike.
import {
	seriesKey,
	type Cell,
	type OwnIndicator,
	type Indicator,
	type Region,
	type Series,
	type SeriesKind
} from '../model';
import { commitmentCodes, commitmentOf, planIndicators, regionByCode } from '../plan';
import { seriesHoldsAnything } from '../commitments';

export interface WorkbookSnapshot {
	series: readonly Series[];
	ownIndicators: readonly OwnIndicator[];
	/** Counties that took up the commitment rows (FIN01…), so their files carry them, empty or not. */
	commitmentRegions?: readonly string[];
}

export const EMPTY_SNAPSHOT: WorkbookSnapshot = { series: [], ownIndicators: [] };

/**
 * The indicators a region's rows are about: the plan's nine, a county's commitment rows when
 * it took them up or they hold a figure (as its sheet shows them), then its own in order.
 */
export function regionIndicators(snapshot: WorkbookSnapshot, regionCode: string): Indicator[] {
	const region = regionByCode(regionCode);
	if (!region) return [];
	if (region.level !== 'county') return [...planIndicators];
	const own = snapshot.ownIndicators
		.filter((c) => c.regionCode === regionCode)
		.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
	const takenUp =
		snapshot.commitmentRegions?.includes(regionCode) ||
		snapshot.series.some(
			(s) =>
				s.regionCode === regionCode && commitmentCodes.includes(s.indicatorCode) && seriesHoldsAnything(s)
		);
	const commitments = takenUp ? commitmentCodes.map((code) => commitmentOf(code)!) : [];
	return [...planIndicators, ...commitments, ...own];
}

/** Counties record figures; the city and the province hold baselines and targets. */
export function regionKinds(region: Region): SeriesKind[] {
	return region.level === 'county' ? ['actual'] : ['actual', 'target'];
}

export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
	if (a === undefined || b === undefined) return a === b;
	if (a.t !== b.t) return false;
	switch (a.t) {
		case 'n':
			return b.t === 'n' && Object.is(a.v, b.v) && a.cmp === b.cmp && (a.q ?? '') === (b.q ?? '');
		case 'f':
			return b.t === 'f' && a.f === b.f;
		case 'b':
			return b.t === 'b' && a.v === b.v;
	}
}

export function seriesIndex(snapshot: WorkbookSnapshot): Map<string, Series> {
	return new Map(snapshot.series.map((s) => [seriesKey(s), s]));
}
