import { existsSync } from 'node:fs';
import { PlandiffError } from '@plandiff/model';
import type { LoadedPlan, LoadPlanOptions } from './load-plan.ts';

/** True for `series@edition` references that are not existing files. */
export function isCorpusRef(ref: string): boolean {
  return /^[^/\\@]+@[^/\\@]+$/.test(ref) && !existsSync(ref);
}

/** Loads a stored plan from the corpus (placeholder until the store lands). */
export async function loadCorpusRef(ref: string, _options: LoadPlanOptions): Promise<LoadedPlan> {
  throw new PlandiffError('USAGE', `${ref}: corpus references are not supported yet`);
}
