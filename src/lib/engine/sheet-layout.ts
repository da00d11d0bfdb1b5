// Where everything sits in the workbook's sheets: the region sheets (one per county, one for
// the city's own figures) and the targets sheet 目标. Pure: it knows cell positions and
// formula text, not the engine.
//
// A region sheet, row r (1-based) = the r-th indicator (EDU01–EDU09, then a county's own):
//   A code · B indicator · C unit · D…S the years 2020–2035 · T note ·
//   then for 2025 and for 2035: city target, province target, gap to each, status against each.
// The targets sheet, row r = EDU0r: A code · B indicator · C unit · then per level (city, province):
//   2020 baseline, its qualifier, 2025 target, comparator, qualifier, 2035 target, comparator, qualifier.
import {
	BASELINE_YEAR,
	CITY_CODE,
	FIRST_YEAR,
	LAST_YEAR,
	TARGET_YEARS,
	YEARS,
	type Cell,
	type Indicator,
	type Series,
	type Measure,
	type TargetYear
} from '$lib/core/model';
import { columnLetter } from '$lib/core/columns';
import { TARGET_LEVELS, type TargetLevel } from '$lib/core/comparison';
import { milestoneYearBefore } from '$lib/core/progress';
import { formulaProblem, type FormulaProblemCode } from '$lib/core/formula-limits';
import type { CommitmentRule } from '$lib/core/commitments';

export type RawContent = number | string | boolean | null;

export const TARGETS_SHEET = '目标';

export const COL_CODE = 0;
export const COL_NAME = 1;
export const COL_UNIT = 2;
export const COL_FIRST_YEAR = 3;
export const COL_NOTE = COL_FIRST_YEAR + YEARS.length; // T
export const COL_FIRST_COMPARISON = COL_NOTE + 1; // U

// The city-and-province pair of target levels is the core's (core/comparison.ts).
export { TARGET_LEVELS, type TargetLevel };

export type ComparisonRole = 'target' | 'gap' | 'status';
export interface ComparisonColumn {
	col: number;
	year: TargetYear;
	level: TargetLevel;
	role: ComparisonRole;
}

/** The twelve comparison columns, in sheet order. */
export const COMPARISON_COLUMNS: readonly ComparisonColumn[] = TARGET_YEARS.flatMap((year, yi) =>
	(['target', 'gap', 'status'] as const).flatMap((role, ri) =>
		TARGET_LEVELS.map((level, li) => ({
			col: COL_FIRST_COMPARISON + yi * 6 + ri * 2 + li,
			year,
			level,
			role
		}))
	)
);
export const REGION_COLUMN_COUNT = COL_FIRST_COMPARISON + COMPARISON_COLUMNS.length;

export function yearOfColumn(col: number): number | null {
	const year = FIRST_YEAR + (col - COL_FIRST_YEAR);
	return col >= COL_FIRST_YEAR && year <= LAST_YEAR ? year : null;
}
export function columnOfYear(year: number): number {
	return COL_FIRST_YEAR + (year - FIRST_YEAR);
}
export function comparisonAt(col: number): ComparisonColumn | undefined {
	return COMPARISON_COLUMNS.find((c) => c.col === col);
}

export { columnLetter };
export function cellAddress(row: number, col: number): string {
	return `${columnLetter(col)}${row + 1}`;
}

// --- targets sheet ---------------------------------------------------------------------

export type TargetField = 'value' | 'comparator' | 'qualifier';
export interface TargetColumn {
	col: number;
	level: TargetLevel;
	year: number;
	field: TargetField;
}
const TARGET_SHEET_YEARS = [2020, 2025, 2035] as const;
/** Baselines (2020) have no comparator: they are figures, not targets. */
export const TARGET_COLUMNS: readonly TargetColumn[] = (() => {
	const out: TargetColumn[] = [];
	let col = 3;
	for (const level of TARGET_LEVELS) {
		for (const year of TARGET_SHEET_YEARS) {
			const fields: TargetField[] =
				year === 2020 ? ['value', 'qualifier'] : ['value', 'comparator', 'qualifier'];
			for (const field of fields) out.push({ col: col++, level, year, field });
		}
	}
	return out;
})();
export const TARGETS_COLUMN_COUNT = 3 + TARGET_COLUMNS.length;

export function targetColumn(level: TargetLevel, year: number, field: TargetField): number {
	const c = TARGET_COLUMNS.find((t) => t.level === level && t.year === year && t.field === field);
	if (!c) throw new Error(`no target column for ${level} ${year} ${field}`);
	return c.col;
}

/**
 * The city's 2020 figure of a plan indicator is one stored cell shown in two sheets: the
 * 2020 column of the city's own sheet and the city baseline of the targets sheet. Plan
 * indicators head every region sheet, so its row is the same in both.
 */
export function cityBaselineCells(
	planRow: number,
	citySheet: string
): {
	city: { sheet: string; row: number; col: number };
	targets: { sheet: string; row: number; col: number };
} {
	return {
		city: { sheet: citySheet, row: planRow, col: columnOfYear(BASELINE_YEAR) },
		targets: { sheet: TARGETS_SHEET, row: planRow, col: targetColumn(CITY_CODE, BASELINE_YEAR, 'value') }
	};
}

/** How a comparator is written in the targets sheet: the plan writes at-least as a bare number. */
export const COMPARATOR_TEXT = { '>': '>', '>=': '≥' } as const;

function quoteSheet(name: string): string {
	return `'${name.replace(/'/g, "''")}'`;
}

function targetRef(planRow: number, level: TargetLevel, year: number, field: TargetField): string {
	return `${quoteSheet(TARGETS_SHEET)}!$${columnLetter(targetColumn(level, year, field))}$${planRow + 1}`;
}

/**
 * The formula of one comparison cell of a plan indicator's row. `planRow` is the
 * indicator's row in the targets sheet; `row` its row in the region sheet.
 */
export function comparisonFormula(
	c: ComparisonColumn,
	row: number,
	planRow: number,
	indicator: Indicator,
	measure: Measure,
	baselineFromTargets = false
): string {
	const r = row + 1;
	const years = `$${columnLetter(COL_FIRST_YEAR)}${r}:$${columnLetter(COL_NOTE - 1)}${r}`;
	const value = targetRef(planRow, c.level, c.year, 'value');
	const cmp = targetRef(planRow, c.level, c.year, 'comparator');
	const qualifier = targetRef(planRow, c.level, c.year, 'qualifier');
	switch (c.role) {
		case 'target':
			return `=PLAN.TARGET(${value},${cmp},${qualifier})`;
		case 'gap':
			// A county's EDU03 is yes/no: a gap in percentage points would mean nothing.
			return measure === 'certified' ? '' : `=PLAN.GAP(${years},${c.year},${value},${indicator.precision})`;
		case 'status': {
			if (measure === 'certified') return `=PLAN.CERTIFIED(${years},${c.year})`;
			// The path to 2035 passes through the same level's 2025 target (core/progress.ts).
			const via = milestoneYearBefore(c.year);
			const args: (string | number)[] = [years, c.year, value, cmp];
			const lower = indicator.direction === 'lower';
			if (via !== null || lower || baselineFromTargets) {
				args.push(via === null ? '""' : targetRef(planRow, c.level, via, 'value'));
			}
			if (lower || baselineFromTargets) args.push(lower ? '"lower"' : '""');
			// The city's 2020 figure is its baseline on the targets sheet, written with the
			// qualifier it counts by: a baseline of another qualifier starts no path.
			if (baselineFromTargets) {
				args.push(
					targetRef(planRow, CITY_CODE, BASELINE_YEAR, 'qualifier'),
					targetRef(planRow, c.level, c.year, 'qualifier')
				);
			}
			return `=PLAN.STATUS(${args.join(',')})`;
		}
	}
}

/** The function standing in for a stored formula the engine cannot load (plan-functions.ts). */
export const UNREADABLE_FUNCTION = 'PLAN.UNREADABLE';
/** How its error message starts, so the cell's explanation can be put in the planner's words. */
export const UNREADABLE_MARK = 'unreadable:';

export function unreadableFormula(code: FormulaProblemCode): string {
	return `=${UNREADABLE_FUNCTION}("${code}")`;
}

/** Whether the engine's formula of a cell is the stand-in for a stored formula it could not load. */
export function isUnreadableFormula(formula: string | undefined): boolean {
	return formula?.startsWith(`=${UNREADABLE_FUNCTION}(`) ?? false;
}

/** The reason a cell holds the stand-in, from the error message the engine gives for it. */
export function unreadableCode(engineMessage: string | undefined): FormulaProblemCode | null {
	if (!engineMessage?.startsWith(UNREADABLE_MARK)) return null;
	return engineMessage.slice(UNREADABLE_MARK.length) as FormulaProblemCode;
}

/**
 * What the engine holds for a stored cell: a number, a boolean, or the formula's source.
 * A stored formula the engine could not load (too long, too deep, spilling too far: a CSV of
 * an older version let them in) is loaded as an error cell instead, so every page still
 * opens; the stored text stays as it is until the planner fixes or clears the cell.
 */
export function cellContent(cell: Cell | undefined | null): RawContent {
	if (!cell) return null;
	switch (cell.t) {
		case 'n':
			return cell.v;
		case 'f': {
			const problem = formulaProblem(cell.f);
			return problem ? unreadableFormula(problem.code) : cell.f;
		}
		case 'b':
			return cell.v;
	}
}

/**
 * Free text (names, notes, qualifiers) must stay text: the engine would read `=…` as a
 * formula, `99%` or `+1` as numbers, `TRUE` as a boolean. A leading apostrophe marks text,
 * as in Excel; the engine drops it, and so does `textFromContent`.
 */
export function textContent(text: string): RawContent {
	if (text === '') return null;
	return needsTextMark(text) ? `'${text}` : text;
}

function needsTextMark(text: string): boolean {
	const t = text.normalize('NFKC');
	return /^[=+\-'.\d\s]/.test(t) || /^(true|false)$/i.test(t.trim());
}

/** The text a planner wrote, from what the grid or engine holds for a text cell. */
export function textFromContent(v: unknown): string {
	if (v === null || v === undefined) return '';
	const s = String(v);
	return s.startsWith("'") ? s.slice(1) : s;
}

export interface RegionRowInput {
	indicator: Indicator;
	/** The indicator's row in the targets sheet, or null for a county's own indicator. */
	planRow: number | null;
	/** The region's measure of it (see regionMeasure in core/plan). */
	measure: Measure;
	/** The city's row: its 2020 figure is the targets sheet's city baseline, with a qualifier. */
	baselineFromTargets?: boolean;
	name: string;
	series: Series | undefined;
	/** A commitment row (FIN01…): its rule, said in words, and the row it is held against. */
	commitment?: CommitmentRowInput;
}

export interface CommitmentRowInput {
	rule: CommitmentRule;
	/** What the target column says instead of a target: 不低于上年, 不低于公务员. */
	ruleText: string;
	/** at-least: the row (0-based) of the reference row in the same sheet. */
	referenceRow?: number;
	precision: number;
}

/**
 * A commitment row's formula in one comparison cell. Only the city's columns are used: the
 * rule is the plan's (the city's document), and the province sets none. The 2025 and 2035
 * columns judge the latest figure up to that year, like a target year's own columns.
 */
export function commitmentFormula(c: ComparisonColumn, row: number, input: CommitmentRowInput): RawContent {
	if (c.level !== CITY_CODE) return null;
	if (c.role === 'target') return textContent(input.ruleText);
	if (input.rule.kind === 'reference') return null;
	const r = row + 1;
	const years = `$${columnLetter(COL_FIRST_YEAR)}${r}:$${columnLetter(COL_NOTE - 1)}${r}`;
	const args: (string | number)[] = [`"${input.rule.kind}"`, years, c.year];
	if (input.rule.kind === 'at-least') {
		const ref = (input.referenceRow ?? row) + 1;
		args.push(`$${columnLetter(COL_FIRST_YEAR)}${ref}:$${columnLetter(COL_NOTE - 1)}${ref}`);
	} else if (input.rule.kind === 'reach') args.push(input.rule.target);
	if (c.role === 'gap') {
		if (input.rule.kind === 'no-fall') args.push('""');
		args.push(input.precision);
		return `=PLAN.RULEGAP(${args.join(',')})`;
	}
	return `=PLAN.RULE(${args.join(',')})`;
}

export function regionRowContent(input: RegionRowInput, row: number): RawContent[] {
	const out: RawContent[] = new Array(REGION_COLUMN_COUNT).fill(null);
	out[COL_CODE] = input.indicator.code;
	out[COL_NAME] = textContent(input.name);
	out[COL_UNIT] = textContent(input.indicator.unit);
	for (const year of YEARS) out[columnOfYear(year)] = cellContent(input.series?.cells[String(year)]);
	out[COL_NOTE] = textContent(input.series?.note ?? '');
	if (input.commitment) {
		for (const c of COMPARISON_COLUMNS) out[c.col] = commitmentFormula(c, row, input.commitment);
	} else if (input.planRow !== null) {
		for (const c of COMPARISON_COLUMNS) {
			const f = comparisonFormula(
				c,
				row,
				input.planRow,
				input.indicator,
				input.measure,
				input.baselineFromTargets
			);
			out[c.col] = f === '' ? null : f;
		}
	}
	return out;
}

export function regionSheetContent(rows: readonly RegionRowInput[]): RawContent[][] {
	return rows.map((r, i) => regionRowContent(r, i));
}

export interface TargetsRowInput {
	indicator: Indicator;
	name: string;
	/** Per level: the level's actual series (2020 baseline) and target series. */
	series: Partial<Record<TargetLevel, { actual?: Series; target?: Series }>>;
}

export function targetsRowContent(input: TargetsRowInput): RawContent[] {
	const out: RawContent[] = new Array(TARGETS_COLUMN_COUNT).fill(null);
	out[COL_CODE] = input.indicator.code;
	out[COL_NAME] = textContent(input.name);
	out[COL_UNIT] = textContent(input.indicator.unit);
	for (const t of TARGET_COLUMNS) {
		const levelSeries = input.series[t.level];
		const s = t.year === 2020 ? levelSeries?.actual : levelSeries?.target;
		const cell = s?.cells[String(t.year)];
		if (!cell) continue;
		if (t.field === 'value') out[t.col] = cellContent(cell);
		else if (t.field === 'comparator' && cell.t === 'n') out[t.col] = COMPARATOR_TEXT[cell.cmp ?? '>='];
		else if (t.field === 'qualifier' && cell.t === 'n' && cell.q) out[t.col] = textContent(cell.q);
	}
	return out;
}
