import { z } from 'zod';
import { ChangeKindSchema, PlanLabelSchema, TaskRefSchema } from './diff.ts';

/** What happened to a goal in one edition, relative to the previous one. */
export const GoalEventSchema = z.object({
  year: z.number().int(),
  /** `added` for the first appearance; `dropped` for the edition where it is gone. */
  kind: ChangeKindSchema,
  units: z.array(TaskRefSchema),
  similarity: z.number().min(0).max(1),
});

/** A goal followed across editions by chaining links between consecutive years. */
export const GoalSchema = z.object({
  id: z.string(),
  heading: z.string(),
  depth: z.number().int().positive(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  events: z.array(GoalEventSchema),
});

/** The lineage of goals over many editions of one series. */
export const LineageSchema = z.object({
  editions: z.array(PlanLabelSchema),
  query: z.string().optional(),
  goals: z.array(GoalSchema),
});

/** One event in a goal's life. */
export type GoalEvent = z.infer<typeof GoalEventSchema>;
/** A goal across editions. */
export type Goal = z.infer<typeof GoalSchema>;
/** Goals across many editions. */
export type Lineage = z.infer<typeof LineageSchema>;
