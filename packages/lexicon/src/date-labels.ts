/**
 * Labels a web page prints before a date (`发布时间：2012-02-09`), longest first so a pattern built from
 * them captures the whole label. Posting labels date the page; signing labels date the document itself.
 */
export const POSTING_DATE_LABELS: readonly string[] = [
  '发布时间',
  '发布日期',
  '发表时间',
  '发表日期',
  '更新时间',
  '更新日期',
  '发表于',
  '发布于',
  '时间',
  '日期',
  '发布',
  '发表',
];

/** Labels naming the document's own (signing) date rather than the page's. */
export const SIGNING_DATE_LABELS: readonly string[] = ['成文日期', '发文日期', '印发日期', '签发日期', '成文时间'];
