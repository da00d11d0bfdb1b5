// Every refusal, warning and file problem a planner can meet has a message in both
// languages, and the lists below are complete: a code added to a type without a line here
// fails to compile (svelte-check), and a line without a message fails this test.
import { describe, expect, it } from 'vitest';
import { zh } from './zh';
import { en } from './en';
import type { CellRefusalCode, FigureRefusalCode } from '$lib/core/cell-check';
import type { FileProblemCode, RejectCode, WarningCode } from '$lib/core/exchange/import';

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;

const FIGURE_CODES = [
	'not-a-number',
	'comparator-not-allowed',
	'formula-not-allowed',
	'not-yes-no',
	'qualifier-too-long',
	'formula-too-long',
	'formula-too-deep',
	'formula-array-too-large',
	'baseline-formula',
	'bad-formula',
	'figure-rounds'
] as const satisfies readonly FigureRefusalCode[];
const CELL_CODES = [
	...FIGURE_CODES,
	'note-too-long',
	'figure-note-too-long',
	'name-required',
	'name-too-long',
	'unit-too-long',
	'bad-comparator'
] as const satisfies readonly CellRefusalCode[];
const REJECT_CODES = [
	'missing-region-code',
	'unknown-region',
	'missing-indicator-code',
	'bad-indicator-code',
	'plan-code-lookalike',
	'own-indicator-not-county',
	'commitment-not-county',
	'own-indicator-needs-name',
	'bad-kind',
	'county-target',
	'missing-year',
	'bad-year',
	'year-outside-workbook',
	'conflict',
	'baseline-formula',
	'figure-note-too-long',
	'note-too-long',
	'own-indicator-name-too-long',
	'own-indicator-unit-too-long',
	'own-indicator-limit',
	'cell-too-large',
	'unclosed-quote',
	'unreadable-text',
	'row-split-figure',
	'row-too-long',
	'row-too-short',
	'row-cut-short',
	'plan-code-unknown',
	'xlsx-date',
	'xlsx-boolean',
	'xlsx-error',
	'xlsx-merged',
	'xlsx-formula-novalue',
	...FIGURE_CODES.filter((c) => c !== 'baseline-formula').map((c) => `value-${c}` as const)
] as const satisfies readonly RejectCode[];
const WARNING_CODES = [
	'region-name-mismatch',
	'indicator-name-mismatch',
	'unit-mismatch',
	'implausible',
	'fraction-percent',
	'note-conflict',
	'note-holds-rows',
	'thousands-separator',
	'xlsx-formula-value'
] as const satisfies readonly WarningCode[];
const FILE_PROBLEM_CODES = [
	'no-header',
	'missing-columns',
	'duplicate-column',
	'ignored-columns',
	'ignored-years',
	'rows-before-header',
	'no-rows',
	'too-many-rows',
	'too-many-figures',
	'too-large',
	'empty',
	'xlsx',
	'xls',
	'binary',
	'encoding-fallback',
	'encoding-doubt',
	'encoding-doubt-guess',
	'no-header-encoding',
	'too-many-broken-quotes',
	'ignored-columns-more',
	'ignored-years-more',
	'xlsx-damaged',
	'xlsx-too-large',
	'xlsx-no-header',
	'xlsx-task-file'
] as const satisfies readonly FileProblemCode[];

// Compile-time completeness: each is `true` only when no code of the type is left out.
const complete: [
	Exhaustive<FigureRefusalCode, (typeof FIGURE_CODES)[number]>,
	Exhaustive<CellRefusalCode, (typeof CELL_CODES)[number]>,
	Exhaustive<
		RejectCode,
		(typeof REJECT_CODES)[number] | `value-${Exclude<FigureRefusalCode, 'baseline-formula'>}`
	>,
	Exhaustive<WarningCode, (typeof WARNING_CODES)[number]>,
	Exhaustive<FileProblemCode, (typeof FILE_PROBLEM_CODES)[number]>
] = [true, true, true, true, true];

const catalogs = { zh: zh as Record<string, string>, en: en as Record<string, string> };

function expectMessage(key: string): void {
	for (const [lang, catalog] of Object.entries(catalogs)) {
		const text = catalog[key];
		expect(text, `${lang} ${key}`).toBeTypeOf('string');
		expect(text!.trim(), `${lang} ${key}`).not.toBe('');
		expect(text, `${lang} ${key}`).not.toBe(key);
	}
}

describe('every refusal code has a message in zh and en', () => {
	it('lists are complete (checked by the compiler)', () => {
		expect(complete).toEqual([true, true, true, true, true]);
	});

	it.each(CELL_CODES)('grid: error.%s', (code) => expectMessage(`error.${code}`));
	it.each([...REJECT_CODES, ...WARNING_CODES])('import row: import.issue.%s', (code) =>
		expectMessage(`import.issue.${code}`)
	);
	it.each(FILE_PROBLEM_CODES)('import file: import.problem.%s', (code) =>
		expectMessage(`import.problem.${code}`)
	);
});
