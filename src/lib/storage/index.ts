// The storage layer's public surface.
export {
	WorkbookDb,
	DEFAULT_DB_NAME,
	SCHEMA_VERSION,
	SCHEMA_NOTE,
	type WorkbookDbDeps,
	type ReloadReason,
	type ReloadListener,
	type SeriesKeyTuple,
	type IndicatorKeyTuple
} from './db';
export { StorageError, classifyStorageError, type StorageErrorCode } from './errors';
export { openWorkbookDb, type OpenWorkbookOptions } from './open';
export {
	getRegionSeries,
	getAllSeries,
	getIndicatorSeries,
	putSeries,
	putManySeries,
	deleteSeries,
	seriesKeyTuple,
	type SeriesDraft,
	type SeriesKeyParts
} from './series-table';
export {
	listOwnIndicators,
	listAllOwnIndicators,
	putOwnIndicator,
	deleteOwnIndicator,
	restoreOwnIndicator,
	nextOwnCode,
	type OwnIndicatorDraft,
	type DeletedIndicator
} from './indicators-table';
export { getMeta, setMeta, metaSchemas, type MetaKey, type MetaValue } from './meta-table';
export { listImports } from './imports-table';
export { ensureSeeded, type SeedOutcome } from './seed';
export {
	applyImportWrites,
	undoImportWrites,
	type SeriesWrite,
	type IndicatorWrite,
	type ImportUndo
} from './exchange';
export {
	listTaskRecords,
	listTaskRecordsOfYear,
	getTaskRecord,
	writeTaskRecord,
	writeTaskRecords,
	type TaskWrite,
	type TaskConflict
} from './tasks-table';
