import { existsSync } from 'node:fs';
import { explainBadName } from '@plandiff/store';
import { isCorpusRef } from './load-ref.ts';
import { isUrl } from './load-url.ts';

/**
 * Whether the plan arguments of trace/report name one stored series (`plandiff report gwr`): a single
 * argument that is no existing file, URL or `series@edition` ref, and that the store would accept as a
 * series name (so a mistyped path like `plans/2030.txt` is reported as a missing file, not a series).
 */
export function namesStoredSeries(inputs: readonly string[]): boolean {
  const only = inputs[0];
  if (inputs.length !== 1 || only === undefined) return false;
  return !existsSync(only) && !isUrl(only) && !isCorpusRef(only) && explainBadName(only, 'series') === undefined;
}
