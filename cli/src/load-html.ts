import { normalizePlan } from '@plandiff/normalize';
import type { CleanResult } from '@plandiff/scrape';
import { type LoadedFile, loadFile } from './load-file.ts';
import type { LoadedPlan, LoadPlanOptions } from './load-plan.ts';

/** True for paths that name HTML files. */
export function isHtmlPath(ref: string): boolean {
  return /\.(s?html?|xhtml)$/i.test(ref);
}

/** A cleaned page with the provenance of its bytes. */
export interface CleanedPage {
  clean: CleanResult;
  encoding: string;
  sha256: string;
}

/** The scraper, loaded on first use so commands that never touch HTML start faster. */
export function loadScrape(): Promise<typeof import('@plandiff/scrape')> {
  return import('@plandiff/scrape');
}

/**
 * Reads a saved page or document (refusing missing, empty or unreadable files): HTML is decoded
 * like a fetch and cleaned; a .docx/.pdf/.doc/.wps is read by the scraper's document reader.
 */
export async function cleanHtmlFile(path: string): Promise<CleanedPage> {
  return cleanLoadedFile(await loadFile(path));
}

/** The cleaned form of a loaded file: HTML through cleanPage, a document or text file as it reads. */
export async function cleanLoadedFile(file: LoadedFile): Promise<CleanedPage> {
  if (file.format === 'html') {
    const { cleanPage } = await loadScrape();
    return { clean: cleanPage(file.text), encoding: file.encoding, sha256: file.sha256 };
  }
  return {
    clean: { text: file.text, attachments: [], diagnostics: file.diagnostics },
    encoding: file.encoding,
    sha256: file.sha256,
  };
}

/** Normalizes a cleaned page, passing the page's metadata as hints and its provenance as source. */
export function planFromPage(ref: string, page: CleanedPage, source: { path?: string; url?: string }): LoadedPlan {
  const { clean } = page;
  const hints: { title?: string; issuedOn?: string; docNumber?: string; issuer?: string } = {};
  if (clean.title) hints.title = clean.title;
  // The plan's issue date is the notice's own date line; the posting date stands in for it.
  const issuedOn = clean.issuedOn ?? clean.date;
  if (issuedOn) hints.issuedOn = issuedOn;
  if (clean.docNumber) hints.docNumber = clean.docNumber;
  if (clean.issuer) hints.issuer = clean.issuer;
  const { plan, diagnostics } = normalizePlan(clean.text, {
    source: { ...source, sha256: page.sha256, encoding: page.encoding },
    hints,
  });
  return { plan, diagnostics: [...clean.diagnostics, ...diagnostics], ref };
}

/** Cleans and normalizes a saved HTML page. */
export async function loadHtmlFile(ref: string, _options: LoadPlanOptions): Promise<LoadedPlan> {
  return planFromPage(ref, await cleanHtmlFile(ref), { path: ref });
}
