import { z } from 'zod';

/** A number printed in the plan with its measure word and surrounding words (`20所公办幼儿园`). */
export const FigureSchema = z.object({
  /** The figure as printed, measure word included: `20所`, `3%`, `2.15万亿元`. */
  text: z.string(),
  /** The numeric value as printed, before any unit scaling (`2.15`); for a range, its lower bound. */
  value: z.number(),
  /** For a range printed as one figure (`6%－6.5%`, `3至5万人`): its upper bound. */
  upper: z.number().optional(),
  /** The measure word or unit following the number (`所`, `%`, `万亿元`); empty when bare. */
  unit: z.string(),
  /** A few characters around the figure so the same target can be found in another year. */
  context: z.string(),
  /** Words qualifying the figure: `左右`, `以上`, `不低于`, `力争`…, several joined by `/`; absent when none. */
  modifier: z.string().optional(),
});

/** Where the plan came from. */
export const SourceSchema = z.object({
  path: z.string().optional(),
  url: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string(),
});

/** The cover notice (印发通知) that some pages print before the plan itself. */
export const NoticeSchema = z.object({
  recipients: z.string(),
  body: z.string(),
  date: z.string().optional(),
});

/** One numbered (or topic-paragraph) unit of a plan; units nest. */
export interface Unit {
  /** Path of 1-based positions (`3.11.2`); inside annex k it starts with `A<k>.` (`A1.2`). */
  id: string;
  depth: number;
  number: string;
  ordinal: number;
  heading: string;
  text: string;
  figures: Figure[];
  children: Unit[];
}

/** Zod schema of a plan unit (recursive). */
export const UnitSchema: z.ZodType<Unit> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^(A\d+\.)?\d+(\.\d+)*$/),
    depth: z.number().int().positive(),
    number: z.string(),
    ordinal: z.number().int().nonnegative(),
    heading: z.string(),
    text: z.string(),
    figures: z.array(FigureSchema),
    children: z.array(UnitSchema),
  }),
);

/**
 * A part printed after the body with a tree of its own: an attachment (`附件1 2026年省十件民生实事`),
 * a glossary (`名词解释`) or notes (`注释`). Its units are never tasks of the body's last section.
 */
export const AnnexSchema = z.object({
  /** What the page calls it: `附件1`, `附件`, `名词解释`. */
  label: z.string(),
  /** Its own title line (`2026年省十件民生实事`); the label when it prints none. */
  title: z.string(),
  kind: z.enum(['annex', 'glossary', 'notes']),
  /** Its units; ids start with `A<k>.` where k is the annex's 1-based position. */
  units: z.array(UnitSchema),
});

/** The canonical record of one annual plan. */
export const PlanSchema = z.object({
  title: z.string(),
  /** A subtitle printed under the title (`——在中国共产党第十九次全国代表大会上的报告`). */
  subtitle: z.string().optional(),
  year: z.number().int().optional(),
  issuer: z.string().optional(),
  /** Who delivered it (`王予波`), from a speaker line (`省长　王予波`). */
  speaker: z.string().optional(),
  region: z.string().optional(),
  issuedOn: z.iso.date().optional(),
  docNumber: z.string().optional(),
  source: SourceSchema,
  notice: NoticeSchema.optional(),
  attachments: z.array(z.string()).optional(),
  preamble: z.string(),
  units: z.array(UnitSchema),
  /** Attachments, glossaries and notes printed after the body, each with its own tree. */
  annexes: z.array(AnnexSchema).optional(),
});

/** A figure found in a unit. */
export type Figure = z.infer<typeof FigureSchema>;
/** Provenance of a plan. */
export type Source = z.infer<typeof SourceSchema>;
/** A cover notice. */
export type Notice = z.infer<typeof NoticeSchema>;
/** An annex, glossary or notes part. */
export type Annex = z.infer<typeof AnnexSchema>;
/** A canonical annual plan. */
export type Plan = z.infer<typeof PlanSchema>;
