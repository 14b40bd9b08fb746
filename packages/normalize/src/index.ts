import type { Diagnostic, Plan, Source } from '@plandiff/model';

/** Options for normalizePlan. */
export interface NormalizeOptions {
  /** Provenance recorded in the plan; sha256 and encoding of the bytes the text came from. */
  source: Source;
  /** Metadata found outside the text (e.g. by the scraper), used when the text lacks it. */
  hints?: { title?: string; issuedOn?: string; docNumber?: string; issuer?: string };
}

/** The normalizer's result: the plan plus what it noticed on the way. */
export interface NormalizeResult {
  plan: Plan;
  diagnostics: Diagnostic[];
}

/** Turns the clean text of an annual plan into its canonical record (placeholder until built). */
export function normalizePlan(_text: string, _options: NormalizeOptions): NormalizeResult {
  throw new Error('normalizePlan is not built yet');
}
