import { describe, expect, it } from 'vitest';
import {
	formulaProblem,
	MAX_ARRAY_COLUMNS,
	MAX_ARRAY_ROWS,
	MAX_FORMULA_LENGTH,
	MAX_FORMULA_NESTING
} from './formula-limits';

const nested = (depth: number) => `=${'('.repeat(depth)}1${')'.repeat(depth)}`;

describe('formula limits', () => {
	it('passes the formulas planners write, and the comparison columns', () => {
		for (const f of [
			'=AVERAGE(D1:F1)',
			"=F1-'目标'!F1",
			'=PLAN.STATUS($D$1:$S$1,2025,\'目标\'!$F$1,\'目标\'!$G$1,"",""lower"")',
			'=IF(D1>0,ROUND(D1*100,1),"")',
			'=SEQUENCE(1,16)',
			'=TRANSPOSE(D1:S1)',
			nested(MAX_FORMULA_NESTING - 1)
		]) {
			expect(formulaProblem(f), f).toBeNull();
		}
	});

	it('refuses a formula over the length limit', () => {
		expect(formulaProblem(`=1${'+1'.repeat(MAX_FORMULA_LENGTH)}`)?.code).toBe('formula-too-long');
	});

	it('counts brackets (either width) and runs of signs as nesting, not text in quotes', () => {
		expect(formulaProblem(nested(MAX_FORMULA_NESTING))).toBeNull();
		expect(formulaProblem(nested(MAX_FORMULA_NESTING + 1))?.code).toBe('formula-too-deep');
		expect(formulaProblem(nested(500))?.code).toBe('formula-too-deep');
		expect(formulaProblem(`=${'-'.repeat(200)}1`)?.code).toBe('formula-too-deep');
		expect(formulaProblem(`=${'（'.repeat(70)}1${'）'.repeat(70)}`)?.code).toBe('formula-too-deep');
		expect(formulaProblem(`="${'('.repeat(200)}"`)).toBeNull();
		expect(formulaProblem(`='${'('.repeat(200)}'!A1`)).toBeNull();
	});

	it('refuses an array result larger than the sheet, by literal size or by the ranges it reads', () => {
		expect(formulaProblem('=SEQUENCE(1000,1000)')?.code).toBe('formula-array-too-large');
		expect(formulaProblem(`=SEQUENCE(${MAX_ARRAY_ROWS + 1})`)?.code).toBe('formula-array-too-large');
		expect(formulaProblem(`=SEQUENCE(1,${MAX_ARRAY_COLUMNS + 1})`)?.code).toBe('formula-array-too-large');
		expect(formulaProblem(`=sequence(${MAX_ARRAY_ROWS},1)`)).toBeNull();
		expect(formulaProblem('=ARRAYFORMULA(D1:D1000*2)')?.code).toBe('formula-array-too-large');
		expect(formulaProblem('=TRANSPOSE(D:D)')?.code).toBe('formula-array-too-large');
		expect(formulaProblem('=ARRAYFORMULA(1:1*2)')?.code).toBe('formula-array-too-large');
		// Without an array function a range is read, not spilled.
		expect(formulaProblem('=SUM(D:D)')).toBeNull();
		expect(formulaProblem('=SUM(D1:D1000)')).toBeNull();
	});
});
