// The formulas of an import plan, checked by the same parser the grid uses. The import
// worker has no formula engine (it would double the worker's size), so the page loads this
// module lazily when the worker replies with formulas to write, and asks for the plan again
// with those the parser refuses, which then are refused rows in the preview.
import { WorkbookEngine } from './workbook-engine';

let engine: WorkbookEngine | null = null;

/** The formulas (each with its leading `=`) that the engine cannot parse. */
export function unparsableFormulas(formulas: readonly string[]): string[] {
	engine ??= new WorkbookEngine(__HF_LICENSE_KEY__);
	const parser = engine;
	return formulas.filter((f) => !parser.validateFormula(f));
}
