import { z } from 'zod';

/** A unit as seen from a change: enough to show and to find it again. */
export const TaskRefSchema = z.object({
  id: z.string(),
  number: z.string(),
  heading: z.string(),
  text: z.string(),
});

/** The kinds of change between two editions. */
export const ChangeKindSchema = z.enum(['unchanged', 'reworded', 'merged', 'split', 'added', 'dropped']);

/** One piece of a word-level wording diff, like a jsdiff change object. */
export const WordPartSchema = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});

/** A figure of one task paired with its counterpart in the linked task, by measure word and context. */
export const FigureChangeSchema = z.object({
  unit: z.string(),
  /** Context of the newer figure. */
  context: z.string(),
  /** The figures as printed (`20所`, `5%`), without their modifiers. */
  from: z.string(),
  to: z.string(),
  /** Their values as printed, before unit scaling. */
  fromValue: z.number().optional(),
  toValue: z.number().optional(),
  /** Words qualifying them (`左右`, `以上`, `不低于`, `力争`); empty when none. */
  fromModifier: z.string().optional(),
  toModifier: z.string().optional(),
  /** Context of the older figure. */
  fromContext: z.string().optional(),
  /** Ids of the tasks printing them. */
  fromId: z.string().optional(),
  toId: z.string().optional(),
});

/** One link of a change: which unit went to which, the rule that linked them, and its score. */
export const LinkSchema = z.object({
  /** Unit ids; `part: 'intro'` on a side means that side is the intro text of the item's opening paragraph. */
  from: z.string(),
  to: z.string(),
  part: z.enum(['from-intro', 'to-intro', 'both-intro']).optional(),
  /** The rule that made the link: `anchor`, `assign`, or an `attach-…` rule (docs/diff.md). */
  rule: z.string(),
  score: z.number(),
});

/** One aligned change: small and uniform, whatever its kind. */
export const ChangeSchema = z.object({
  depth: z.number().int().positive(),
  kind: ChangeKindSchema,
  moved: z.boolean(),
  from: z.array(TaskRefSchema),
  to: z.array(TaskRefSchema),
  similarity: z.number().min(0).max(1),
  wording: z.array(WordPartSchema),
  /** Paired figures whose value or modifier changed. */
  figures: z.array(FigureChangeSchema),
  /** The links that make up the change, each with the rule that made it (absent for added/dropped). */
  links: z.array(LinkSchema).optional(),
  /** For a unit reported added or dropped although a weak link pointed across: the unit it may continue. */
  hint: z.object({ kind: z.literal('possible-continuation'), id: z.string(), score: z.number() }).optional(),
  /** Paired figures printed the same on both sides (value and modifier), so a figure can be followed. */
  figuresKept: z.array(FigureChangeSchema).optional(),
});

/** Which plan a side of a diff is. */
export const PlanLabelSchema = z.object({
  title: z.string(),
  year: z.number().int().optional(),
  ref: z.string(),
  /** Where the plan is from (`广东省`), so an untitled plan can still be named. */
  region: z.string().optional(),
  /** What kind of document it is (`政府工作报告`), when the caller knows it. */
  genre: z.string().optional(),
  /** Its annexes in order (`附件1` · `2026年省十件民生实事`), so reports can name them by their titles. */
  annexes: z.array(z.object({ label: z.string(), title: z.string() })).optional(),
});

/** The full comparison of two plans. */
export const PlanDiffSchema = z.object({
  a: PlanLabelSchema,
  b: PlanLabelSchema,
  options: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  summary: z.record(ChangeKindSchema, z.number().int().nonnegative()),
  changes: z.array(ChangeSchema),
});

/** A unit as seen from a change. */
export type TaskRef = z.infer<typeof TaskRefSchema>;
/** Kind of change. */
export type ChangeKind = z.infer<typeof ChangeKindSchema>;
/** A wording diff part. */
export type WordPart = z.infer<typeof WordPartSchema>;
/** A changed figure. */
export type FigureChange = z.infer<typeof FigureChangeSchema>;
/** One link of a change. */
export type ChangeLink = z.infer<typeof LinkSchema>;
/** One aligned change. */
export type Change = z.infer<typeof ChangeSchema>;
/** Label for one side of a diff. */
export type PlanLabel = z.infer<typeof PlanLabelSchema>;
/** Comparison of two plans. */
export type PlanDiff = z.infer<typeof PlanDiffSchema>;
