import { PlandiffError } from '@plandiff/model';
import type { LoadedPlan, LoadPlanOptions } from './load-plan.ts';

/** True for paths that name HTML files. */
export function isHtmlPath(ref: string): boolean {
  return /\.(s?html?|xhtml)$/i.test(ref);
}

/** Cleans and normalizes a saved HTML page (placeholder until the scraper lands). */
export async function loadHtmlFile(ref: string, _options: LoadPlanOptions): Promise<LoadedPlan> {
  throw new PlandiffError('USAGE', `${ref}: HTML files are not supported yet`);
}
