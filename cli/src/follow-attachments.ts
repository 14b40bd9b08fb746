import { type Diagnostic, isPlandiffError, type Unit } from '@plandiff/model';
import {
  cleanPage,
  type FetchedAttachment,
  type FetchOptions,
  type FetchResult,
  fetchAttachments,
  mainTextLinks,
} from '@plandiff/scrape';
import { isDocumentKind, MAX_ATTACHMENTS, MAX_SOURCE_BYTES, type SourceInput } from '@plandiff/store';
import { storeNormalizer } from './store-normalizer.ts';

/**
 * Follows the attachment links of a fetched notice page: every linked document and spreadsheet is
 * fetched with the page's politeness and attached to `input` (archived beside the page, same
 * commit). The document that yields more units than the page itself becomes the plan (`planFrom`);
 * when the page holds the plan, the files are still archived. Returns what went wrong on the way,
 * as diagnostics; never throws for an attachment.
 */
export async function followAttachments(
  page: FetchResult,
  input: SourceInput,
  options: FetchOptions,
): Promise<Diagnostic[]> {
  if (input.kind !== 'html') return [];
  // The notice's own attachments, not a sidebar's downloads.
  const links = mainTextLinks(page.text, cleanPage(page.text, page.finalUrl), page.finalUrl);
  if (links.length === 0) return [];
  // The store's own cap: an attachment it would refuse is not worth downloading.
  const fetched = await fetchAttachments(links, page.finalUrl, {
    ...options,
    maxBytes: MAX_SOURCE_BYTES,
    maxCount: MAX_ATTACHMENTS,
  });
  const diagnostics = [...fetched.diagnostics];
  if (fetched.attachments.length === 0) return diagnostics;
  input.attachments = fetched.attachments;
  const own = await unitCount(input.bytes, input.kind, page.sha256, input.label);
  let best: { index: number; units: number } | undefined;
  for (const [index, a] of fetched.attachments.entries()) {
    if (!isDocumentKind(a.kind)) continue;
    try {
      const units = await unitCount(a.bytes, a.kind, a.sha256, a.name);
      if (units === 0) diagnostics.push(note(`attachment ${named(a)} holds no numbered plan; archived only`));
      else if (units > (best?.units ?? 0)) best = { index, units };
    } catch (error) {
      if (!isPlandiffError(error)) throw error;
      diagnostics.push(warn(`attachment ${named(a)} could not be read (${error.message}); archived only`));
    }
  }
  if (best && best.units > own) input.planFrom = best.index;
  else if (own > 0 && best)
    diagnostics.push(note('the page holds the plan itself; its attachments are archived beside it'));
  return diagnostics;
}

/** Units (all levels) the store's pipeline finds in some bytes. */
async function unitCount(bytes: Uint8Array, kind: SourceInput['kind'], sha256: string, label: string) {
  try {
    const { plan } = await storeNormalizer.parse({ bytes, kind, sha256, label });
    return countUnits(plan.units);
  } catch (error) {
    // The page's own failures are refuseNoPlan's to report; an attachment's are the caller's.
    if (kind === 'html' || kind === 'txt') return 0;
    throw error;
  }
}

function countUnits(units: readonly Unit[]): number {
  return units.reduce((n, u) => n + 1 + countUnits(u.children), 0);
}

function named(a: FetchedAttachment): string {
  return a.name ? `"${a.name}"` : a.url;
}

function warn(reason: string): Diagnostic {
  return { reason, ruleId: 'attachment-unreadable', severity: 'warning', source: 'scrape' };
}

function note(reason: string): Diagnostic {
  return { reason, ruleId: 'attachment-not-plan', severity: 'info', source: 'scrape' };
}
