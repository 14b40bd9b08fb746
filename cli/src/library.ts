/**
 * The `plandiff` package's main export: the pipeline as plain functions. Parse two texts, diff them,
 * render a report — nothing here prints. Subpath exports (`plandiff/diff`, `plandiff/store`, …) hold the rest.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Plan } from '@plandiff/model';
import { normalizePlan } from '@plandiff/normalize';

export { diffPlans, tracePlans } from '@plandiff/diff';
export type { Diagnostic, Lineage, Plan, PlanDiff } from '@plandiff/model';
export { isPlandiffError, PlandiffError } from '@plandiff/model';
export { renderOutline } from '@plandiff/normalize';
export { type ReportFormat, type ReportLang, renderDiffReport, renderSeriesReport } from '@plandiff/report';
export { VERSION } from './version.ts';

/** Options for parsePlan. */
export interface ParsePlanOptions {
  /** The name the plan is known by (a file name or path): recorded as its source and used to infer the year. */
  name: string;
  /** Where the text came from, if it was fetched. */
  url?: string;
}

/** Parses the text of an annual plan into its structured record and the diagnostics met on the way. */
export function parsePlan(text: string, options: ParsePlanOptions): { plan: Plan; diagnostics: Diagnostic[] } {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const source = { path: options.name, ...(options.url ? { url: options.url } : {}), sha256, encoding: 'utf-8' };
  return normalizePlan(text, { source });
}
