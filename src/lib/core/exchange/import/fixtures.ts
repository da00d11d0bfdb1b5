// Shared by the stage tests: headers and a one-file plan helper (not a test itself).
import type { Series } from '../../model';
import { EMPTY_SNAPSHOT, type WorkbookSnapshot } from '../snapshot';
import { planImport } from './plan';
import type { ImportPlan } from './types';

export const GRID_HEADER =
	'地区代码,地区,指标代码,指标,单位,类型,2020,2021,2022,2023,2024,2025,2026,2027,2028,2029,2030,2031,2032,2033,2034,2035,备注';
export const LONG_HEADER = '地区代码,地区,指标代码,指标,单位,类型,年份,数值,备注';

export function plan(text: string, snapshot: WorkbookSnapshot = EMPTY_SNAPSHOT): ImportPlan {
	return planImport([{ text }], snapshot);
}
export function cellsOf(p: ImportPlan, region: string, indicator: string, kind = 'actual') {
	return p.changes.find((c) => c.regionCode === region && c.indicatorCode === indicator && c.kind === kind)
		?.after.cells;
}
export function series(regionCode: string, indicatorCode: string, cells: Series['cells'], note = ''): Series {
	return { regionCode, indicatorCode, kind: 'actual', cells, note, updatedAt: 5 };
}
