import { PlandiffError } from '@plandiff/model';
import type { LoadedPlan, LoadPlanOptions } from './load-plan.ts';

/** True for http(s) URLs (other schemes are refused when fetched). */
export function isUrl(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
}

/** Fetches, cleans and normalizes a plan page (placeholder until the scraper lands). */
export async function loadUrl(ref: string, _options: LoadPlanOptions): Promise<LoadedPlan> {
  throw new PlandiffError('USAGE', `${ref}: URLs are not supported yet`);
}
