// The task layout of the CSV exchange (docs/csv-format.md, "Task files"): contract, export,
// and the checked import plan. Pipeline: table (text → header) → rows → plan (merge, diff).
export * from './contract';
export * from './types';
export { isTaskFileText, readTaskTable } from './table';
export { planTaskImport, pickFields } from './plan';
export { buildTaskExportTable, fieldText, taskExportFileName, type TaskExportOptions } from './export';
