// Reading back through the same schemas used for writing: a record edited in devtools,
// left by a buggy build or damaged on disk surfaces as one typed error, not as NaN in a
// gap column three screens later.
import type { z } from 'zod/mini';
import { StorageError } from './errors';

export function parseRow<S extends z.ZodMiniType>(
	schema: S,
	table: string,
	key: unknown,
	row: unknown
): z.output<S> {
	const result = schema.safeParse(row);
	if (!result.success) {
		throw new StorageError(
			'corrupt-row',
			{ table, key, issues: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
			{ cause: result.error }
		);
	}
	return result.data;
}
