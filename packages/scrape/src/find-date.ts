import { POSTING_DATE_LABELS, SIGNING_DATE_LABELS } from '@plandiff/lexicon';
import type { Diagnostic } from '@plandiff/model';
import type { Block } from './blocks.ts';
import type { DomNode } from './dom.ts';
import { findIssuedDate } from './find-issued.ts';
import { findPageStamps } from './page-stamps.ts';
import { findDates } from './parse-date.ts';
import { collectShort, dateInUrl, resolveShort, type ShortFind } from './short-date-resolve.ts';

/** True inside list items: sidebars list other articles with their dates. */
function inList(node: DomNode | null | undefined): boolean {
  for (let n = node, depth = 0; n && depth < 4; n = n.parent, depth++)
    if (n.name === 'li' || n.name === 'dd') return true;
  return false;
}

const LABEL = new RegExp(
  `(${[...SIGNING_DATE_LABELS, ...POSTING_DATE_LABELS, 'published', 'date'].sort((a, b) => b.length - a.length).join('|')})\\s*[:：]?\\s*$`,
  'i',
);
/** Labels naming the document's own (signing) date rather than the page's. */
const SIGNING_LABEL = new RegExp(SIGNING_DATE_LABELS.join('|'));

/** Where the page's title and body sit, for judging which date belongs to the document. */
export interface DateContext {
  titleIndex: number;
  contentRange: [number, number];
  kept: readonly number[];
  url?: string | undefined;
}

/** The page's dates: when it was posted, when the notice was signed, and the best single guess. */
export interface PageDates {
  /** The page's posting date. */
  publishedOn?: string;
  /** The notice's own date line (its signing date, 二〇一二年二月九日 under the issuer). */
  issuedOn?: string;
  /** The best date overall: the posting date, else the signing date (the legacy `date`). */
  date?: string;
  diagnostics: Diagnostic[];
}

/** A candidate date and its score. */
export interface Scored {
  iso: string;
  score: number;
  order: number;
  signing: boolean;
}

/**
 * Finds the page's dates: `<meta>` and script publish stamps, labelled lines (`发布时间：`, with
 * two-digit or missing years), dates just under the title, and the notice's sign-off date — not
 * dates in sidebars, lists or running text.
 */
export function findPageDates(root: DomNode, blocks: readonly Block[], ctx: DateContext): PageDates {
  const diagnostics: Diagnostic[] = [];
  const scored: Scored[] = [];
  for (const stamp of findPageStamps(root))
    scored.push({ iso: stamp.iso, score: stamp.from === 'meta' ? 6 : 5.5, order: -1, signing: false });
  const keptSet = new Set(ctx.kept);
  const firstKept = ctx.kept[0] ?? ctx.contentRange[0];
  const lastKept = ctx.kept[ctx.kept.length - 1] ?? ctx.contentRange[1];
  // Each block's dates, read once: the scoring and the year of short dates both use them.
  const datesIn = blocks.map((b) => (/\d|〇|○/.test(b.text) ? findDates(b.text) : []));
  const datesPerBlock = datesIn.map((d) => d.length);
  const position = (block: Block): number => {
    let score = 0;
    if (ctx.titleIndex >= 0) {
      const d = block.index - ctx.titleIndex;
      if (d > 0 && d <= 4) score += 3;
      else if (d < 0 && d >= -3) score += 1.5;
      else if (d > 4 && block.index < firstKept) score += 1;
    }
    if (block.index < firstKept && firstKept - block.index <= 3) score += 1;
    return score;
  };
  const shortDates: ShortFind[] = [];
  for (const block of blocks) {
    const n = datesPerBlock[block.index] ?? 0;
    if (n === 0) {
      if (block.text.length <= 120 && /\d/.test(block.text)) collectShort(block, shortDates, position(block));
      continue;
    }
    for (const date of datesIn[block.index] ?? []) {
      let score = 0;
      const before = block.text.slice(Math.max(0, date.index - 14), date.index);
      const labelCell = date.index <= 2 && /^[\p{Script=Han}\s]{2,8}[:：]$/u.test(blocks[block.index - 1]?.text ?? '');
      const label = LABEL.exec(before) ?? (labelCell ? LABEL.exec(blocks[block.index - 1]?.text ?? '') : null);
      // The page's publication stamp beats other labelled dates (成文日期, 更新时间).
      if (label) score += /发布|发表|published/i.test(label[1] ?? '') ? 4 : 3.5;
      if (date.withTime) score += 2;
      const rest = block.text.length - date.length;
      // "2012年2月20日 星期一" in a banner is today's date, not the document's.
      if (/^\s*(星期|礼拜|周)[一二三四五六日天]/.test(block.text.slice(date.index + date.length))) score -= 3;
      if (block.chars < 50 || rest < 30) score += 1;
      score += position(block);
      const inBody = keptSet.has(block.index);
      let signing = label !== null && SIGNING_LABEL.test(label[1] ?? '');
      if (inBody) {
        const standalone = rest <= 12;
        // A date alone on its line in the body signs off the document (or its cover notice).
        if (standalone && lastKept - block.index <= 6) score += 3;
        else if (standalone) score += 2.5;
        else if (!date.withTime || block.chars > 50) score -= 2;
        if (standalone && !label) signing = true;
      }
      if (block.linkChars > block.chars / 2) score -= 3;
      if (inList(block.owner)) score -= 1.5;
      const neighbours = (datesPerBlock[block.index - 1] ?? 0) + (datesPerBlock[block.index + 1] ?? 0);
      if (neighbours > 0 && n + neighbours >= 2) score -= 2;
      scored.push({ iso: date.iso, score, order: block.index, signing });
    }
  }
  const urlDate = ctx.url ? dateInUrl(ctx.url) : undefined;
  if (urlDate) scored.push({ iso: urlDate, score: 1.5, order: 1e9, signing: false });
  resolveShort(shortDates, scored, blocks, datesIn, ctx, diagnostics);

  const best = (list: readonly Scored[]) => {
    let top: Scored | undefined;
    for (const s of list) if (!top || s.score > top.score) top = s;
    return top && top.score >= 1 ? top : undefined;
  };
  const overall = best(scored);
  const posting = best(scored.filter((s) => !s.signing));
  const issued = findIssuedDate(blocks, ctx.kept) ?? best(scored.filter((s) => s.signing && s.order < firstKept))?.iso;
  const out: PageDates = { diagnostics };
  if (posting) out.publishedOn = posting.iso;
  if (issued) out.issuedOn = issued;
  const date = overall?.iso ?? issued;
  if (date) out.date = date;
  return out;
}
