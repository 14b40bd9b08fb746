import type { Diagnostic, Plan } from '@plandiff/model';
import { normalizePlan } from '@plandiff/normalize';
import { loadFile } from './load-file.ts';
import { cleanLoadedFile, planFromPage } from './load-html.ts';
import { isCorpusRef, loadCorpusRef } from './load-ref.ts';
import { isUrl, loadUrl } from './load-url.ts';
import { readSidecarHints } from './sidecar.ts';

/** A plan obtained from a reference, with the diagnostics gathered while loading it. */
export interface LoadedPlan {
  plan: Plan;
  diagnostics: Diagnostic[];
  /** The reference as the user gave it, for messages and report labels. */
  ref: string;
}

/** Options shared by every way of loading a plan. */
export interface LoadPlanOptions {
  /** Corpus directory, for `series@edition` references. */
  corpus?: string;
  ignoreRobots?: boolean;
}

/** Loads a plan from a text, HTML, .docx, .pdf, .doc or .wps file, a URL or a corpus reference (`series@2012`). */
export async function loadPlan(ref: string, options: LoadPlanOptions = {}): Promise<LoadedPlan> {
  if (isUrl(ref)) return loadUrl(ref, options);
  if (isCorpusRef(ref)) return loadCorpusRef(ref, options);
  return loadPlanFile(ref);
}

/** Parses a plan file: HTML is cleaned first, a document read through the scraper, text as it is. */
export async function loadPlanFile(path: string): Promise<LoadedPlan> {
  const file = await loadFile(path);
  if (file.format !== 'txt') return planFromPage(path, await cleanLoadedFile(file), { path });
  const sidecar = readSidecarHints(path);
  const { plan, diagnostics } = normalizePlan(file.text, {
    source: { path, ...(sidecar.url ? { url: sidecar.url } : {}), sha256: file.sha256, encoding: file.encoding },
    ...(sidecar.title ? { hints: { title: sidecar.title } } : {}),
  });
  return { plan, diagnostics, ref: path };
}
