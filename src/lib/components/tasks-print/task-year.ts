// Which year a task page shows: `?year=2026` when it is a task year, else this year (or the
// nearest task year), so a bookmark or a link reopens the same year.
import { TASK_FIRST_YEAR, TASK_LAST_YEAR } from '$lib/core/tasks/task-record';

export function taskYearFrom(params: URLSearchParams, now = new Date()): number {
	const asked = Number(params.get('year'));
	if (Number.isInteger(asked) && asked >= TASK_FIRST_YEAR && asked <= TASK_LAST_YEAR) return asked;
	return Math.min(TASK_LAST_YEAR, Math.max(TASK_FIRST_YEAR, now.getFullYear()));
}
