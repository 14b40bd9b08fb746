import type { Block } from './blocks.ts';
import { type DomNode, findAll } from './dom.ts';

/** True inside list items: sidebars list other articles with their dates. */
function inList(node: DomNode | null | undefined): boolean {
  for (let n = node, depth = 0; n && depth < 4; n = n.parent, depth++)
    if (n.name === 'li' || n.name === 'dd') return true;
  return false;
}

import { findDates } from './parse-date.ts';

const META_TAG = new Set(['meta']);
const META_NAMES =
  /^(pubdate|publishdate|publish_date|publishtime|pubtime|article:published_time|og:release_date|datepublished|dc\.date|dc\.date\.issued|dcterms\.issued|date|firstpublishedtime|releasedate|sdate|created)$/i;
const LABEL =
  /(发布时间|发布日期|发表时间|发表日期|发表于|发布于|更新时间|更新日期|成文日期|发文日期|印发日期|时间|日期|发布|发表|published|date)\s*[:：]?\s*$/i;

/** Where the page's title and body sit, for judging which date belongs to the document. */
export interface DateContext {
  titleIndex: number;
  contentRange: [number, number];
  kept: readonly number[];
  url?: string | undefined;
}

/**
 * Finds the publication date: `<meta>` publish stamps, labelled lines (`发布时间：`), dates just
 * under the title or signing off the notice — not dates in sidebars, lists or running text.
 */
export function findPublicationDate(root: DomNode, blocks: readonly Block[], ctx: DateContext): string | undefined {
  const scored: { iso: string; score: number; order: number }[] = [];
  for (const meta of findAll(root, META_TAG)) {
    const a = meta.attribs ?? {};
    const name = a.name ?? a.property ?? a.itemprop ?? '';
    if (!META_NAMES.test(name)) continue;
    const date = findDates(a.content ?? '')[0];
    if (date) scored.push({ iso: date.iso, score: 6, order: -1 });
  }
  const keptSet = new Set(ctx.kept);
  const firstKept = ctx.kept[0] ?? ctx.contentRange[0];
  const lastKept = ctx.kept[ctx.kept.length - 1] ?? ctx.contentRange[1];
  const datesPerBlock = blocks.map((b) => (/\d|〇|○/.test(b.text) ? findDates(b.text).length : 0));
  for (const block of blocks) {
    const n = datesPerBlock[block.index] ?? 0;
    if (n === 0) continue;
    for (const date of findDates(block.text)) {
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
      if (ctx.titleIndex >= 0) {
        const d = block.index - ctx.titleIndex;
        if (d > 0 && d <= 4) score += 3;
        else if (d < 0 && d >= -3) score += 1.5;
        else if (d > 4 && block.index < firstKept) score += 1;
      }
      if (block.index < firstKept && firstKept - block.index <= 3) score += 1;
      const inBody = keptSet.has(block.index);
      if (inBody) {
        const standalone = rest <= 12;
        // A date alone on its line in the body signs off the document (or its cover notice).
        if (standalone && lastKept - block.index <= 6) score += 3;
        else if (standalone) score += 2.5;
        else if (!date.withTime || block.chars > 50) score -= 2;
      }
      if (block.linkChars > block.chars / 2) score -= 3;
      if (inList(block.owner)) score -= 1.5;
      const neighbours = (datesPerBlock[block.index - 1] ?? 0) + (datesPerBlock[block.index + 1] ?? 0);
      if (neighbours > 0 && n + neighbours >= 2) score -= 2;
      scored.push({ iso: date.iso, score, order: block.index });
    }
  }
  if (ctx.url) {
    const m = /(?:^|[^0-9])(20\d{2}|19\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?([0-2][0-9]|3[01])(?![0-9])/.exec(ctx.url);
    if (m) scored.push({ iso: `${m[1]}-${m[2]}-${m[3]}`, score: 1.5, order: 1e9 });
  }
  let best: { iso: string; score: number; order: number } | undefined;
  for (const s of scored) if (!best || s.score > best.score) best = s;
  return best && best.score >= 1 ? best.iso : undefined;
}
