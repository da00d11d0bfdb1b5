// Storage failures as a small closed set of codes. The UI maps each code to a message in
// its catalog, so nothing here carries user-facing text; `cause` keeps the original error
// for the console and bug reports.

export type StorageErrorCode =
	/** Another connection holds an older version open and did not close for our upgrade. */
	| 'blocked'
	/** The database on disk was written by a later version of the app. */
	| 'newer-schema'
	/** The browser refused to store more. */
	| 'quota'
	/** No usable IndexedDB (private mode, storage disabled, very old browser). */
	| 'unavailable'
	/** A stored record no longer passes its schema. */
	| 'corrupt-row'
	/** Our connection was closed because another tab upgraded or deleted the database. */
	| 'closed'
	/** An undo would overwrite something created since (e.g. a reused own indicator code). */
	| 'conflict'
	| 'unknown';

export class StorageError extends Error {
	constructor(
		readonly code: StorageErrorCode,
		readonly details: Readonly<Record<string, unknown>> = {},
		options?: { cause?: unknown }
	) {
		super(describe(code, details, options?.cause), options);
		this.name = 'StorageError';
	}
}

function describe(code: StorageErrorCode, details: Record<string, unknown>, cause: unknown): string {
	const parts: string[] = [code];
	if (Object.keys(details).length > 0) parts.push(safeJson(details));
	if (cause instanceof Error) parts.push(`(${cause.name}: ${cause.message})`);
	return parts.join(' ');
}

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value);
	} catch {
		return String(value);
	}
}

// Dexie wraps native DOMExceptions as `inner`, newer code uses `cause`, and a BulkError
// lists one error per failed item; the telling error can sit at any depth of that tree.
function errorChain(e: unknown, seen = new Set<unknown>()): unknown[] {
	if (e === null || e === undefined || seen.has(e)) return [];
	seen.add(e);
	const out: unknown[] = [e];
	if (typeof e === 'object') {
		const o = e as { inner?: unknown; cause?: unknown; failures?: unknown };
		out.push(...errorChain(o.inner, seen), ...errorChain(o.cause, seen));
		const failures = Array.isArray(o.failures)
			? o.failures
			: o.failures && typeof o.failures === 'object'
				? Object.values(o.failures)
				: [];
		for (const f of failures) out.push(...errorChain(f, seen));
	}
	return out;
}

function nameOf(e: unknown): string {
	if (e && typeof e === 'object' && 'name' in e && typeof e.name === 'string') return e.name;
	return '';
}

const unavailableNames = new Set([
	'MissingAPIError',
	'InvalidStateError',
	// Chrome and Safari throw this when site storage is blocked (cookies off, some iframes).
	'SecurityError'
]);

/**
 * Turn whatever a Dexie/IndexedDB call threw into a StorageError. The most specific cause
 * found anywhere in the chain wins, so a quota failure that surfaces as a transaction's
 * AbortError is still reported as 'quota'.
 */
export function classifyStorageError(e: unknown): StorageError {
	if (e instanceof StorageError) return e;
	const chain = errorChain(e);
	const nested = chain.find((x): x is StorageError => x instanceof StorageError);
	if (nested) return nested;
	const names = new Set(chain.map(nameOf));
	const code: StorageErrorCode = names.has('VersionError')
		? 'newer-schema'
		: // Legacy Firefox reported quota under its own name.
			names.has('QuotaExceededError') || names.has('NS_ERROR_DOM_QUOTA_REACHED')
			? 'quota'
			: [...names].some((n) => unavailableNames.has(n))
				? 'unavailable'
				: names.has('DatabaseClosedError')
					? 'closed'
					: 'unknown';
	return new StorageError(code, {}, { cause: e });
}
