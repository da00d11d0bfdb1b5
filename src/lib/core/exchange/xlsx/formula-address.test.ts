import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { consecutiveRows, gridAddressToSheet, sheetAddressToGrid, type SheetLayout } from './formula-address';

// A county's sheet: years from G, header on row 1, a row per indicator.
const county: SheetLayout = { yearColumn: 6, rows: consecutiveRows(12) };
// The city's: each figure row has a target row under it.
const city: SheetLayout = { yearColumn: 6, rows: Array.from({ length: 9 }, (_, i) => 2 + 2 * i) };

describe('grid formula → sheet formula', () => {
	it('moves year references into the sheet’s columns and rows', () => {
		expect(gridAddressToSheet('=AVERAGE(D1:F1)', county)).toBe('=AVERAGE(G2:I2)');
		expect(gridAddressToSheet('=F1-E1', county)).toBe('=I2-H2');
		expect(gridAddressToSheet('=$D$3*2+S12', county)).toBe('=$G$4*2+V13');
		expect(gridAddressToSheet('=round(d2, 1)', county)).toBe('=ROUND(G3, 1)');
		expect(gridAddressToSheet('=IF(D1>=99.5,"达标","D1")', county)).toBe('=IF(G2>=99.5,"达标","D1")');
		expect(gridAddressToSheet('=SUM(D1:D3)/3', county)).toBe('=SUM(G2:G4)/3');
		expect(gridAddressToSheet('=1.5E+2*D1%', county)).toBe('=1.5E+2*G2%');
	});

	it('is refused for what Excel would read otherwise', () => {
		for (const f of [
			"=F1-'目标'!F1", // another sheet
			'=目标!F1',
			'=PLAN.TARGET(D1,">",1)', // the workbook's own function
			'=ROW()', // answers differently at another address
			'=SUM(D:D)', // a whole column
			'=SUM(1:1)', // a whole row
			'=C1+1', // the unit column, not a year
			'=T1', // the note column
			'=D13', // no 13th indicator
			'=D0',
			'=#REF!+1',
			'=rate*2', // a name
			'99.5' // not a formula
		]) {
			expect(gridAddressToSheet(f, county), f).toBeNull();
		}
	});

	it('refuses a range that would take in other rows of the sheet', () => {
		expect(gridAddressToSheet('=D1+D2', city)).toBe('=G2+G4');
		// D1:D2 is two figures; G2:G4 would add the target row G3 between them.
		expect(gridAddressToSheet('=SUM(D1:D2)', city)).toBeNull();
		expect(gridAddressToSheet('=SUM(D1:F1)', city)).toBe('=SUM(G2:I2)');
	});
});

describe('sheet formula → grid formula (import)', () => {
	it('inverts the export', () => {
		expect(sheetAddressToGrid('=AVERAGE(G2:I2)', county)).toBe('=AVERAGE(D1:F1)');
		expect(sheetAddressToGrid('=G4+G2', city)).toBe('=D2+D1');
		expect(sheetAddressToGrid('=PLAN.X(G2)', county)).toBe('=PLAN.X(D1)');
	});

	it('refuses references outside the year cells of the indicator rows', () => {
		expect(sheetAddressToGrid('=F2', county)).toBeNull(); // 类型 column
		expect(sheetAddressToGrid('=G1', county)).toBeNull(); // the header
		expect(sheetAddressToGrid('=G3', city)).toBeNull(); // a target row
		expect(sheetAddressToGrid("='甘州区'!G2", county)).toBeNull();
	});

	it('gives back any grid formula that translates', () => {
		const ref = fc
			.tuple(fc.boolean(), fc.integer({ min: 3, max: 18 }), fc.boolean(), fc.integer({ min: 1, max: 12 }))
			.map(([ca, c, ra, r]) => `${ca ? '$' : ''}${String.fromCharCode(65 + c)}${ra ? '$' : ''}${r}`);
		const term = fc.oneof(
			ref,
			fc.tuple(ref, ref).map(([a, b]) => `SUM(${a}:${b})`),
			fc.integer({ min: 0, max: 999 }).map(String)
		);
		const formula = fc
			.array(fc.tuple(term, fc.constantFrom('+', '-', '*', '/')), { minLength: 1, maxLength: 6 })
			.map((parts) => '=' + parts.map(([t, op], i) => (i ? op : '') + t).join(''));
		fc.assert(
			fc.property(formula, (f) => {
				const sheet = gridAddressToSheet(f, county);
				expect(sheet).not.toBeNull();
				expect(sheetAddressToGrid(sheet!, county)).toBe(f);
			})
		);
	});
});
