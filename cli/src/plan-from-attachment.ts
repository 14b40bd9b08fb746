import type { Diagnostic } from '@plandiff/model';
import { normalizePlan } from '@plandiff/normalize';
import { type CleanResult, readDocument } from '@plandiff/scrape';
import type { ParseOutput, PlanAttachment } from '@plandiff/store';

/**
 * A plan published as an attachment of a notice page: the units come from the document, and the
 * page's own text (recipients, 现将…印发给你们, 附件, signature, date) is put in front of it, so the
 * normalizer reads it as the plan's cover notice, as it does where a page prints both. Where the
 * normalizer would not read the page as a whole notice (numbered lines of its own would become units,
 * or no end of the notice is left in the cleaned text), the page's text is kept whole as the notice:
 * recipients from its first line when that ends in a colon, the rest as the body.
 */
export async function planFromAttachment(
  page: CleanResult,
  attachment: PlanAttachment,
  hints: { title?: string; issuedOn?: string; docNumber?: string; issuer?: string },
): Promise<ParseOutput> {
  const document = await readDocument(attachment.bytes, attachment.kind, attachment.label);
  const source = {
    ...(attachment.url === undefined ? {} : { url: attachment.url }),
    sha256: attachment.sha256,
    encoding: attachment.kind,
  };
  const notice = page.text.trim();
  const alone = notice === '' ? undefined : normalizePlan(notice, { source });
  const prefix = alone !== undefined && alone.plan.units.length === 0 && Boolean(alone.plan.notice?.body);
  const result = normalizePlan(prefix ? `${notice}\n${document.text}` : document.text, { source, hints });
  // The normalizer numbers lines of the joined text: those past the notice are the attachment's own.
  const shift = prefix ? notice.split('\n').length : 0;
  const inDocument = result.diagnostics.map((d) =>
    d.place && d.place.line > shift
      ? {
          ...d,
          reason: `${attachment.label}: ${d.reason}`,
          place: {
            ...d.place,
            line: d.place.line - shift,
            ...(d.place.endLine ? { endLine: d.place.endLine - shift } : {}),
          },
        }
      : d,
  );
  const diagnostics: Diagnostic[] = [...page.diagnostics, ...document.diagnostics, ...inDocument];
  if (alone !== undefined && !prefix) {
    result.plan.notice ??= wholeNotice(notice);
    diagnostics.push({
      reason: "the notice page is kept whole as the plan's notice (no numbered plan and no notice end read in it)",
      ruleId: 'notice-kept-whole',
      severity: 'info',
      source: 'scrape',
    });
  }
  return { plan: result.plan, diagnostics };
}

/** A page's text as a notice: a first line ending in a colon names the recipients. */
function wholeNotice(text: string): { recipients: string; body: string } {
  const [first = '', ...rest] = text.split('\n');
  if (/[:：]\s*$/u.test(first)) return { recipients: first.replace(/[:：]\s*$/u, ''), body: rest.join('\n').trim() };
  return { recipients: '', body: text };
}
