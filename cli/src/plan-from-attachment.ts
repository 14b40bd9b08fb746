import type { Diagnostic } from '@plandiff/model';
import { normalizePlan } from '@plandiff/normalize';
import { type CleanResult, readDocument } from '@plandiff/scrape';
import type { ParseOutput, PlanAttachment } from '@plandiff/store';

/**
 * A plan published as an attachment of a notice page: the units come from the document, and the
 * page's own text (recipients, 现将…印发给你们, 附件, signature, date) is put in front of it, so the
 * normalizer reads it as the plan's cover notice, as it does where a page prints both. A page whose
 * text has numbered lines of its own would lend them to the plan: it is then kept whole as the notice.
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
  const prefix = alone !== undefined && alone.plan.units.length === 0;
  const result = normalizePlan(prefix ? `${notice}\n${document.text}` : document.text, { source, hints });
  const diagnostics: Diagnostic[] = [...page.diagnostics, ...document.diagnostics, ...result.diagnostics];
  if (alone !== undefined && !prefix) {
    result.plan.notice ??= { recipients: '', body: notice };
    diagnostics.push({
      reason: 'the notice page has numbered lines of its own; its text is kept whole as the notice',
      ruleId: 'notice-kept-whole',
      severity: 'info',
      source: 'scrape',
    });
  }
  return { plan: result.plan, diagnostics };
}
