import type { Block } from './blocks.ts';
import { type DomNode, findAll, textOf } from './dom.ts';

const TITLE_TAG = new Set(['title']);
const META_TAG = new Set(['meta']);
const SEPARATORS = /\s*(?:\s[-–—|·_]\s|[|｜_]|--|——|－－|\s-|-\s)\s*/;

/** The `<title>` text split from its site suffix (`2012年工作要点 - 某某市人民政府` → first part). */
export function titleFromTag(root: DomNode): string | undefined {
  // CMSs behind most government portals (TRS, 政府网站集约化平台) name the article in a meta tag.
  for (const meta of findAll(root, META_TAG)) {
    const a = meta.attribs ?? {};
    if (/^ArticleTitle$/i.test(a.name ?? '') && a.content?.trim()) return a.content.replace(/\s+/g, ' ').trim();
  }
  const tag = findAll(root, TITLE_TAG)[0];
  const raw = tag ? (tag.children ?? []).map(textOf).join('').replace(/\s+/g, ' ').trim() : '';
  return stripSiteName(raw);
}

/** `2012年工作要点 - 某某市人民政府` → `2012年工作要点`. */
function stripSiteName(raw: string): string | undefined {
  if (!raw) return undefined;
  const parts = raw.split(SEPARATORS).filter((p) => p.trim() !== '');
  const first = parts[0]?.trim() ?? raw;
  // Some sites put the site name first: prefer the longest part when the first is short.
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), first).trim();
  return first.length >= 6 || longest === first ? first : longest;
}

/** Index of the block that repeats the page title (a heading near the content), if any. */
export function findTitleBlock(blocks: readonly Block[], tagTitle: string | undefined, before: number): number {
  const key = squeeze(tagTitle ?? '');
  let best = -1;
  let bestScore = 0;
  const from = Math.max(0, before - 60);
  const to = Math.min(blocks.length, before + 5);
  for (let i = from; i < to; i++) {
    const b = blocks[i] as Block;
    if (b.chars < 4 || b.chars > 80 || b.linkChars > b.chars / 2) continue;
    const text = squeeze(b.text);
    let score = 0;
    if (key && (key === text || (text.length >= 4 && (key.includes(text) || text.includes(key)))))
      score = 3 + Math.min(text.length, key.length) / Math.max(text.length, key.length);
    if (/^h[1-3]$/.test(b.tag)) score += 1.5;
    else if (/title|biaoti|bt/i.test(`${b.owner.attribs?.class ?? ''} ${b.owner.attribs?.id ?? ''}`)) score += 1;
    if (score > 0 && i <= before) score += 0.5;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : -1;
}

function squeeze(text: string): string {
  return text.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
}
