import { describe, expect, it } from 'vitest';
import { comparisonHeaders, exportName } from './export-file';

const date = new Date(2026, 2, 15);
const ALL = ['620702', '620721', '620722', '620723', '620724', '620725'];

describe('export file names', () => {
	it('name what the file holds', () => {
		expect(exportName({ regionCodes: ['620702'], layout: 'grid' }, date)).toBe('620702-甘州区-20260315.csv');
		expect(exportName({ regionCodes: ['620700', '620000'], layout: 'grid' }, date)).toBe(
			'620700-张掖市-市省目标-20260315.csv'
		);
		expect(exportName({ regionCodes: ALL, layout: 'long' }, date)).toBe(
			'620700-张掖市-全部县区-明细-20260315.csv'
		);
		expect(exportName({ regionCodes: [...ALL, '620700', '620000'], layout: 'grid' }, date)).toBe(
			'620700-张掖市-全部-20260315.csv'
		);
		expect(exportName({ regionCodes: ['620723', '620724', '620700'], layout: 'grid' }, date)).toBe(
			'620723-临泽县-等3个地区-20260315.csv'
		);
	});
});

describe('comparison column headers', () => {
	it('follow the grid’s comparison columns', () => {
		expect(comparisonHeaders()).toEqual([
			'2025年市目标',
			'2025年省目标',
			'2025年差距(市)',
			'2025年差距(省)',
			'2025年状态(市)',
			'2025年状态(省)',
			'2035年市目标',
			'2035年省目标',
			'2035年差距(市)',
			'2035年差距(省)',
			'2035年状态(市)',
			'2035年状态(省)'
		]);
	});
});
