import { NO_PLAN_MAX_CHARS, NO_PLAN_PAGE_RULES } from '@plandiff/lexicon';
import { isPlandiffError, PlandiffError } from '@plandiff/model/errors';
import { cleanPage, decodeBytes, type FetchResult } from '@plandiff/scrape';
import type { SourceInput } from '@plandiff/store';
import { storeNormalizer } from './store-normalizer.ts';

/**
 * Refuses (NO_PLAN, exit 3) a fetched response that holds no plan — an empty body, a soft 404, an
 * error or login page, a PDF without text — so it never replaces a stored version. The check runs
 * the same pipeline the store will: a response is kept only if it yields numbered units.
 */
export async function refuseNoPlan(page: FetchResult, input: SourceInput): Promise<void> {
  const where = input.label;
  if (page.bytes.length === 0 || page.text.trim() === '')
    throw new PlandiffError('NO_PLAN', `${where}: the server sent an empty page; nothing stored`);
  let units: number;
  try {
    const parsed = await storeNormalizer.parse({
      bytes: input.bytes,
      kind: input.kind,
      sha256: page.sha256,
      encoding: page.encoding,
      url: page.finalUrl,
      label: where,
    });
    units = parsed.plan.units.length;
  } catch (error) {
    if (!isPlandiffError(error)) throw error;
    throw new PlandiffError('NO_PLAN', `${error.message}; nothing stored`);
  }
  if (input.kind === 'html' || input.kind === 'txt') {
    const decoded = decodeBytes(input.bytes).text;
    // The cleaner may drop a one-line error page whole: read the visible text too.
    const visible = decoded.replace(/<(script|style)[\s\S]*?<\/\1>|<[^>]+>/gi, ' ');
    const cleaned = input.kind === 'html' ? cleanPage(decoded, page.finalUrl).text : decoded;
    const short = (cleaned.trim() === '' ? visible : cleaned).replace(/\s/g, '');
    const rule = short.length <= NO_PLAN_MAX_CHARS ? NO_PLAN_PAGE_RULES.find((r) => r.pattern.test(short)) : undefined;
    if (rule && units <= 1)
      throw new PlandiffError(
        'NO_PLAN',
        `${where}: ${rule.what} (HTTP ${page.status}), not a plan; nothing stored [${rule.ruleId}]`,
      );
  }
  if (units === 0)
    throw new PlandiffError(
      'NO_PLAN',
      `${where}: the page holds no plan (no numbered sections or items found); nothing stored`,
    );
}
