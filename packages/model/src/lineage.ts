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
  /** The heading the goal had when it first appeared: its name, whatever later editions call it. */
  heading: z.string(),
  /** Every heading it had, oldest first, each once. */
  headings: z.array(z.string()).optional(),
  /** The goal this one split off from (its first event is then `split`). */
  parent: z.string().optional(),
  /** The goal it merged into: it ends there, and that goal carries on. */
  mergedInto: z.string().optional(),
  depth: z.number().int().positive(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  events: z.array(GoalEventSchema),
});

/** One edition's value of a figure followed across editions. */
export const FigurePointSchema = z.object({
  year: z.number().int(),
  /** Id of the task printing it in that edition. */
  id: z.string(),
  text: z.string(),
  value: z.number(),
  /** `左右`, `以上`, `不低于`, `力争`…; empty when none. */
  modifier: z.string(),
  context: z.string(),
});

/** A figure followed across consecutive editions by the diff's figure pairing (a target year by year). */
export const FigureSeriesSchema = z.object({
  /** The goal whose tasks print it, when that goal is in the lineage. */
  goal: z.string().optional(),
  unit: z.string(),
  points: z.array(FigurePointSchema),
});

/** The lineage of goals over many editions of one series. */
export const LineageSchema = z.object({
  editions: z.array(PlanLabelSchema),
  query: z.string().optional(),
  goals: z.array(GoalSchema),
  /** Figures printed in two or more consecutive editions, each with its values and modifiers. */
  figures: z.array(FigureSeriesSchema).optional(),
});

/** One event in a goal's life. */
export type GoalEvent = z.infer<typeof GoalEventSchema>;
/** A goal across editions. */
export type Goal = z.infer<typeof GoalSchema>;
/** A figure's value in one edition. */
export type FigurePoint = z.infer<typeof FigurePointSchema>;
/** A figure across editions. */
export type FigureSeries = z.infer<typeof FigureSeriesSchema>;
/** Goals across many editions. */
export type Lineage = z.infer<typeof LineageSchema>;
