// CSV bytes → a checked import plan: what each row means, which rows are refused and why,
// and how the workbook would change. Runs in a Web Worker for big files, and in Node for
// the tests. One file per stage, in pipeline order:
//   decode (bytes → text) → table → header → rows → merge (series) → diff → plan → writes
export { readImportFile, type ReadOptions } from './decode';
export { readPickedFile, type PickedFile } from './read-picked';
export { parseTable, unifyLineEnds } from './table';
export { planImport } from './plan';
export { importWrites, formulasOf, type ImportWrites } from './writes';
export type {
	RejectCode,
	WarningCode,
	FileProblemCode,
	Params,
	RowIssue,
	FileProblem,
	FileReading,
	CellChange,
	SeriesChange,
	FigureNoteChange,
	RegionSummary,
	FileRegionSummary,
	IndicatorChange,
	ImportPlan,
	TextFile,
	Progress,
	PlanOptions,
	FileBytes,
	FileInfo
} from './types';
