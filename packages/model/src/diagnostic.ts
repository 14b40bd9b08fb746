import { z } from 'zod';

/** Where in the input a diagnostic points: 1-based line (and column when known). */
export const PlaceSchema = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive().optional(),
  /** Last line of a run of lines the diagnostic covers (removed chrome, a trailer). */
  endLine: z.number().int().positive().optional(),
});

/** A message a stage reports about its input instead of printing it (vfile style). */
export const DiagnosticSchema = z.object({
  reason: z.string(),
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  place: PlaceSchema.optional(),
  source: z.string().optional(),
});

/** A position in the input. */
export type Place = z.infer<typeof PlaceSchema>;
/** A diagnostic message carried alongside a stage's result. */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
