import { describe, expect, it } from 'vitest';
import { parseColumnWidths, widthsArray, withColumnWidth } from './column-widths';

describe('parseColumnWidths', () => {
	it('reads what was stored', () => {
		expect(parseColumnWidths(JSON.stringify({ 1: 300, 4: 90 }), 10)).toEqual({ 1: 300, 4: 90 });
	});
	it('ignores a broken or foreign value entirely', () => {
		expect(parseColumnWidths('{not json', 10)).toEqual({});
		expect(parseColumnWidths('[100, 200]', 10)).toEqual({});
		expect(parseColumnWidths('"wide"', 10)).toEqual({});
		expect(parseColumnWidths(null, 10)).toEqual({});
	});
	it('drops entries that are not a sane width of a column the sheet has', () => {
		const text = JSON.stringify({ 0: 0, 1: -5, 2: 1e9, 3: 'x', 4: 80.5, 5: 120, 99: 100, a: 50 });
		expect(parseColumnWidths(text, 10)).toEqual({ 5: 120 });
	});
});

describe('withColumnWidth / widthsArray', () => {
	it('clamps a drag and lays the widths out per column', () => {
		const w = withColumnWidth(withColumnWidth({}, 2, 5), 3, 80.4);
		expect(w).toEqual({ 2: 20, 3: 80 });
		expect(widthsArray(w, 5)).toEqual([undefined, undefined, 20, 80, undefined]);
		expect(parseColumnWidths(JSON.stringify(w), 5)).toEqual(w);
	});
});
