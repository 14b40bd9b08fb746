import { existsSync } from 'node:fs';
import { PlandiffError } from '@plandiff/model/errors';
// Only the reference syntax at start-up; the store (git and all) loads when a reference is read.
import { looksLikeRef } from '@plandiff/store/refs';
import { resolveCorpusDir } from './corpus-dir.ts';
import type { LoadedPlan, LoadPlanOptions } from './load-plan.ts';

/** True for corpus references (`series@2012`, `series@2012~1`, `series@latest`) that are not existing files. */
export function isCorpusRef(ref: string): boolean {
  return looksLikeRef(ref) && !existsSync(ref);
}

/**
 * Loads a stored plan from the corpus (`--corpus`, else $PLANDIFF_CORPUS, else the per-user default):
 * `S@E` the current version, `S@E~N` N versions back, `S@latest` the newest edition.
 */
export async function loadCorpusRef(ref: string, options: LoadPlanOptions): Promise<LoadedPlan> {
  const dir = resolveCorpusDir(options.corpus);
  if (!existsSync(dir)) {
    throw new PlandiffError(
      'STORE_NOT_FOUND',
      `${ref}: looks like a corpus reference, but there is no corpus at ${dir} (and no file named ${ref}); give --corpus DIR`,
    );
  }
  const { loadRef } = await import('@plandiff/store');
  const loaded = await loadRef(dir, ref);
  return { plan: loaded.plan, diagnostics: [], ref };
}
