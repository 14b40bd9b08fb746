import type { Diagnostic } from '@plandiff/model';
import { normalizePlan, renderOutline } from '@plandiff/normalize';
import { cleanPage, decodeBytes, readDocument } from '@plandiff/scrape';
import type { Normalizer, ParseInput, ParseOutput } from '@plandiff/store';
import { planFromAttachment } from './plan-from-attachment.ts';

/**
 * The real pipeline the corpus stores and rebuilds with: text sources are decoded and normalized;
 * HTML pages are decoded, cleaned (body text plus title/date/number/issuer hints) and normalized;
 * documents (.docx, .pdf, .doc, .wps) are read by the scraper's document reader and normalized; a
 * page whose plan is in an attachment (`planFrom`) becomes that plan's notice.
 */
export const storeNormalizer: Normalizer = {
  parse: parseSource,
  render: renderOutline,
};

async function parseSource(input: ParseInput): Promise<ParseOutput> {
  const source = {
    ...(input.url === undefined ? {} : { url: input.url }),
    sha256: input.sha256,
    encoding: input.encoding ?? 'utf-8',
  };
  if (input.kind === 'txt') {
    const { text, encoding } = decodeBytes(input.bytes);
    return normalizePlan(text, { source: { ...source, encoding } });
  }
  if (input.kind !== 'html') {
    const document = await readDocument(input.bytes, input.kind, input.label);
    const result = normalizePlan(document.text, { source: { ...source, encoding: input.kind } });
    return { plan: result.plan, diagnostics: [...document.diagnostics, ...result.diagnostics] };
  }
  const decoded = decodeBytes(input.bytes, input.encoding ? `text/html; charset=${input.encoding}` : undefined);
  const page = cleanPage(decoded.text, input.url);
  const hints: { title?: string; issuedOn?: string; docNumber?: string; issuer?: string } = {};
  if (page.title) hints.title = page.title;
  // The plan's issue date is the notice's own date line; the posting date stands in for it.
  const issuedOn = page.issuedOn ?? page.date;
  if (issuedOn) hints.issuedOn = issuedOn;
  if (page.docNumber) hints.docNumber = page.docNumber;
  if (page.issuer) hints.issuer = page.issuer;
  if (input.planFrom) return planFromAttachment(page, input.planFrom, hints);
  const result = normalizePlan(page.text, { source: { ...source, encoding: decoded.encoding }, hints });
  const diagnostics: Diagnostic[] = [...page.diagnostics, ...result.diagnostics];
  return { plan: result.plan, diagnostics };
}
