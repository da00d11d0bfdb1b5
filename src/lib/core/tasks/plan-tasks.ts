// The plan's work programme as built into the app: section 二's ten headings and 35 tasks
// and section 三's five measures (seeds/tasks.json, read from the document by
// scripts/dev/plan-tasks/), validated once at load.
import { z } from 'zod/mini';
import tasksFile from '../../../../seeds/tasks.json';
import { indicatorCodeSchema } from '../model';
import { PLAN_TASK_COUNT } from './task-record';

export const planTaskHeadingSchema = z.object({
	number: z.int().check(z.gte(1)),
	/** As the plan numbers it: （一）. */
	label: z.string().check(z.minLength(1), z.maxLength(10)),
	titleZh: z.string().check(z.minLength(1), z.maxLength(100)),
	titleEn: z.string().check(z.minLength(1), z.maxLength(200))
});
export type PlanTaskHeading = z.infer<typeof planTaskHeadingSchema>;

/** A headline indicator a task works towards, with the task's own words that tie it. */
export const planTaskIndicatorSchema = z.object({
	indicator: indicatorCodeSchema,
	basis: z.string().check(z.minLength(1), z.maxLength(200))
});
export type PlanTaskIndicator = z.infer<typeof planTaskIndicatorSchema>;

export const planTaskSchema = z.object({
	number: z.int().check(z.gte(1)),
	/** The heading's number (1 for （一）). */
	heading: z.int().check(z.gte(1)),
	/** The sentence that opens the task's paragraph: its short title. */
	titleZh: z.string().check(z.minLength(1), z.maxLength(100)),
	titleEn: z.string().check(z.minLength(1), z.maxLength(200)),
	/** The rest of the paragraph: what the task asks. */
	textZh: z.string().check(z.minLength(1), z.maxLength(2000)),
	indicators: z.array(planTaskIndicatorSchema)
});
export type PlanTask = z.infer<typeof planTaskSchema>;

export const planMeasureSchema = z.object({
	number: z.int().check(z.gte(1)),
	label: z.string().check(z.minLength(1), z.maxLength(10)),
	titleZh: z.string().check(z.minLength(1), z.maxLength(100)),
	titleEn: z.string().check(z.minLength(1), z.maxLength(200)),
	textZh: z.string().check(z.minLength(1), z.maxLength(2000))
});
export type PlanMeasure = z.infer<typeof planMeasureSchema>;

const seed = z
	.object({
		headings: z.array(planTaskHeadingSchema),
		tasks: z.array(planTaskSchema),
		measures: z.array(planMeasureSchema)
	})
	.parse(tasksFile);

export const planTaskHeadings: readonly PlanTaskHeading[] = seed.headings;
export const planTasks: readonly PlanTask[] = seed.tasks;
export const planMeasures: readonly PlanMeasure[] = seed.measures;
// PLAN_TASK_COUNT lives with the task record (a literal): the record's schema is in every
// page through backups, and importing it from here would bring the plan's full texts along.
export { PLAN_TASK_COUNT };
if (planTasks.length !== PLAN_TASK_COUNT) throw new Error('seed: tasks.json lists other than 35 tasks');

export function planTask(number: number): PlanTask | undefined {
	return planTasks[number - 1]?.number === number ? planTasks[number - 1] : undefined;
}

/** The tasks under a heading, in the plan's order. */
export function tasksUnder(heading: number): readonly PlanTask[] {
	return planTasks.filter((t) => t.heading === heading);
}
