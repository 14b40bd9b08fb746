import type { LexiconRule } from './rule.ts';

/**
 * Lines a printed document (a PDF page) carries in its margins: page numbers in the forms Chinese
 * offices print them (— 3 —, - 3 -, 第3页, 第 3 页 共 10 页, 3/10, Page 3). Tested on the first and
 * last lines of a page only, where a bare number cannot be a task.
 */
export const PAGE_NUMBER_RULES: readonly LexiconRule[] = [
  {
    ruleId: 'page-number',
    what: 'page number',
    pattern:
      /^(?:[-—–－~·•\s]*[0-9０-９]{1,4}[-—–－~·•\s]*|第\s*[0-9０-９一二三四五六七八九十百]{1,5}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,5}\s*页)?|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/iu,
  },
];

/** Rule id for a line repeated at the top or bottom of most pages (a running header or footer). */
export const RUNNING_HEADER_RULE = {
  ruleId: 'page-running-header',
  what: 'running header or footer repeated on most pages',
} as const;
