import type { Diagnostic } from '@plandiff/model';
import { accountBlocks } from './block-account.ts';
import { type Block, collectBlocks } from './blocks.ts';
import { isMetaLine } from './chrome.ts';
import { parseHtml } from './dom.ts';
import { findPageDates } from './find-date.ts';
import { findAttachments, findDocNumber, findIssuer } from './find-meta.ts';
import { findTitle } from './find-title.ts';
import { findDates } from './parse-date.ts';
import { sameText, selectContent } from './select-content.ts';

/** The readable document found in a page, with its metadata. */
export interface CleanResult {
  text: string;
  title?: string;
  /** The page's posting date, ISO `YYYY-MM-DD` (meta tags, script stamps, 发布时间 lines). */
  publishedOn?: string;
  /** The notice's own signing date line (二〇一二年二月九日 under the issuer), ISO `YYYY-MM-DD`. */
  issuedOn?: string;
  /** The best single date: the posting date, else the signing date (kept for existing callers). */
  date?: string;
  /** Document number (文号), e.g. `泸市教发〔2012〕5号`. */
  docNumber?: string;
  issuer?: string;
  attachments: { name: string; url: string }[];
  diagnostics: Diagnostic[];
}

/** Options for cleanPage. */
export interface CleanOptions {
  /** HTML of other pages of the same site: blocks repeated across them are furniture. */
  siblings?: readonly string[];
}

/**
 * Extracts a page's main text (chosen by character and punctuation density, furniture removed,
 * paragraph breaks kept, every dropped block accounted for in the diagnostics) with its title,
 * posting and signing dates, 文号, issuer and attachment links.
 */
export function cleanPage(html: string, url?: string, options: CleanOptions = {}): CleanResult {
  const diagnostics: Diagnostic[] = [];
  const root = parseHtml(html);
  const { blocks } = collectBlocks(root);
  const repeated = options.siblings?.length ? repeatedBlocks(options.siblings) : new Set<string>();
  const selection = selectContent(blocks, root, repeated);
  const firstKept = selection.kept[0] ?? selection.range[0];
  const headline = findTitle(root, blocks, firstKept);
  const { title } = headline;
  const titleIndex = headline.blocks[0] ?? -1;
  const titleBlocks = new Set(headline.blocks);
  const kept = selection.kept.filter(
    (i) =>
      !titleBlocks.has(i) &&
      !(title && (blocks[i]?.chars ?? 0) <= title.length && sameText(blocks[i]?.text ?? '', title)),
  );
  const dropped = [...selection.dropped];
  const keptSet = new Set(kept);
  for (const i of selection.kept) if (!keptSet.has(i)) dropped[i] = 'scrape-title';
  for (const i of titleBlocks) dropped[i] = 'scrape-title';
  const lines = kept.map((i) => (blocks[i] as Block).text);
  const text = lines.join('\n');
  const edges = new Set<number>(titleBlocks);
  for (let i = selection.range[0]; i < selection.range[1]; i++) edges.add(i);
  // Comment, recommendation and related blocks are accounted for wherever they sit.
  for (const b of blocks) if (b.furniture) edges.add(b.index);
  diagnostics.push(...accountBlocks(html, blocks, selection.container, kept, dropped, text, edges));
  if (text === '') diagnostics.push(warn('no main text found in the page', 'scrape-no-content'));
  else if (kept.length && selection.kinds.every((k) => k !== 'good'))
    diagnostics.push(warn('no block reads like body text; the page may be an index or a stub', 'scrape-weak-content'));

  const dates = findPageDates(root, blocks, {
    titleIndex,
    contentRange: selection.range,
    kept,
    url,
  });
  const { date } = dates;
  diagnostics.push(...dates.diagnostics);
  if (!date) diagnostics.push(info('no publication date found', 'scrape-no-date'));
  // Metadata sits above the body, sometimes in a table above the title with labels and values in
  // separate cells (`发文字号：` | `泸市教发〔2012〕5号`): those cells are read as one line.
  const headerLines = joinLabels(
    blocks
      .slice(Math.max(0, (titleIndex >= 0 ? titleIndex : firstKept) - 12), firstKept + 1)
      .map((b) => b.text)
      .filter((t) => t.length <= 160),
  );
  const docNumber = findDocNumber([...headerLines, ...lines.slice(0, 8)]);
  const signature = lines.findLastIndex((l) => l.length <= 20 && findDates(l).length === 1);
  const issuer = findIssuer(
    [...headerLines.filter(isMetaLine), ...lines],
    signature >= 0 ? signature + headerLines.filter(isMetaLine).length : -1,
  );
  const result: CleanResult = { text, attachments: findAttachments(root, url), diagnostics };
  if (title) result.title = title;
  if (date) result.date = date;
  if (dates.publishedOn) result.publishedOn = dates.publishedOn;
  if (dates.issuedOn) result.issuedOn = dates.issuedOn;
  if (docNumber) result.docNumber = docNumber;
  if (issuer) result.issuer = issuer;
  return result;
}

/** Joins a line that is only a label (`发文机关：`) with the value on the next line. */
function joinLabels(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    if (next !== undefined && /^[\p{Script=Han}\s]{2,8}[:：]$/u.test(line) && !/[:：]$/.test(next)) {
      out.push(`${line}${next}`);
      i++;
    } else out.push(line);
  }
  return out;
}

/** Block texts that occur in at least half of the sibling pages (at least one). */
function repeatedBlocks(siblings: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const html of siblings) {
    const seen = new Set(collectBlocks(parseHtml(html)).blocks.map((b) => b.text));
    for (const t of seen) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const need = Math.max(1, Math.ceil(siblings.length / 2));
  const out = new Set<string>();
  for (const [t, n] of counts) if (n >= need) out.add(t);
  return out;
}

function warn(reason: string, ruleId: string): Diagnostic {
  return { reason, ruleId, severity: 'warning', source: 'scrape' };
}

function info(reason: string, ruleId: string): Diagnostic {
  return { reason, ruleId, severity: 'info', source: 'scrape' };
}
