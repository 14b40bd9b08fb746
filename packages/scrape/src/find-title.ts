import { TITLE_BADGE, TITLE_LABEL } from '@plandiff/lexicon';
import type { Block } from './blocks.ts';
import { chromeRule, isMetaLine } from './chrome.ts';
import { type DomNode, findAll, textOf } from './dom.ts';

const TITLE_TAG = new Set(['title']);
const META_TAG = new Set(['meta']);
const A_TAG = new Set(['a']);
const SEPARATORS = /\s*(?:\s[-–—|·_>＞»]\s|[|｜_>＞»›]|--|——|－－|\s-|-\s)\s*/;
/** Parts of a `<title>` that name a place in the site, never the document. */
const HOME = /^(首页|主页|网站首页|门户首页|index|home)$/iu;

/** The page's headline: its text and the blocks it was read from (none when from `<title>`). */
export interface PageTitle {
  title?: string;
  blocks: number[];
}

/**
 * Finds the headline: a heading near the body that matches `<title>` (or the CMS's ArticleTitle),
 * else the best heading-like block — never a breadcrumb, a column name (a navigation link's text,
 * 新闻动态) or a badge glued on (原创); a heading printed over several adjacent lines is joined.
 */
export function findTitle(root: DomNode, blocks: readonly Block[], before: number): PageTitle {
  const columns = linkNames(root);
  const tag = titleFromTag(root, columns);
  const index = findTitleBlock(blocks, tag, before, columns);
  if (index < 0) return tag ? { title: tag, blocks: [] } : { blocks: [] };
  const run = headingRun(blocks, index, columns);
  const text = joinLines(run.map((i) => headlineText(blocks[i] as Block)));
  return { title: text, blocks: run };
}

/** Short texts of the page's links: navigation and breadcrumb items, i.e. column names. */
function linkNames(root: DomNode): Set<string> {
  const out = new Set<string>();
  for (const a of findAll(root, A_TAG)) {
    const t = squeeze(textOf(a));
    if (t.length >= 2 && t.length <= 10) out.add(t);
  }
  return out;
}

/** The `<title>` text without its site name, breadcrumb parts, column names and badges. */
export function titleFromTag(root: DomNode, columns: ReadonlySet<string> = new Set()): string | undefined {
  // CMSs behind most government portals (TRS, 政府网站集约化平台) name the article in a meta tag.
  for (const meta of findAll(root, META_TAG)) {
    const a = meta.attribs ?? {};
    if (/^ArticleTitle$/i.test(a.name ?? '') && a.content?.trim()) return a.content.replace(/\s+/g, ' ').trim();
  }
  const tag = findAll(root, TITLE_TAG)[0];
  let raw = tag ? (tag.children ?? []).map(textOf).join('').replace(/\s+/g, ' ').trim() : '';
  // WeChat and some news apps leave <title> empty and name the article in og:title.
  if (!raw) {
    const og = findAll(root, META_TAG).find((m) =>
      /^(og|twitter):title$/i.test(m.attribs?.property ?? m.attribs?.name ?? ''),
    );
    raw = og?.attribs?.content?.replace(/\s+/g, ' ').trim() ?? '';
  }
  if (!raw) return undefined;
  const parts = raw
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !HOME.test(p) && !TITLE_BADGE.test(p) && !columns.has(squeeze(p)));
  const first = parts[0];
  if (!first) return undefined;
  // Some sites put the site name first: prefer the longest part when the first is short.
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), first);
  return first.length >= 6 || longest === first ? first : longest;
}

/** Index of the block that holds the headline (a heading near the content), if any. */
function findTitleBlock(
  blocks: readonly Block[],
  tagTitle: string | undefined,
  before: number,
  columns: ReadonlySet<string>,
): number {
  const key = squeeze(tagTitle ?? '');
  let best = -1;
  let bestScore = 0;
  const from = Math.max(0, before - 60);
  const to = Math.min(blocks.length, before + 5);
  for (let i = from; i < to; i++) {
    const b = blocks[i] as Block;
    if (b.chars < 4 || b.chars > 80 || b.linkChars > b.chars / 2) continue;
    const text = squeeze(headlineText(b));
    if (columns.has(text) || chromeRule(b.text) || isMetaLine(b.text)) continue;
    let score = 0;
    // A short match (新闻动态, a site name) is more likely a column heading than the headline.
    const weight = text.length >= 7 || b.tag === 'h1' ? 3 : 1;
    if (key && (key === text || (text.length >= 4 && (key.includes(text) || text.includes(key)))))
      score = weight + Math.min(text.length, key.length) / Math.max(text.length, key.length);
    if (/^h[1-3]$/.test(b.tag)) score += b.tag === 'h1' ? 1.6 : 1.5;
    else if (/title|biaoti|bt/i.test(`${b.owner.attribs?.class ?? ''} ${b.owner.attribs?.id ?? ''}`)) score += 1.5;
    if (score > 0 && i <= before) score += 0.5;
    // Between equal headings the longer one is the headline; a column name is a word or two.
    if (score > 0) score += Math.min(text.length, 30) / 100;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : -1;
}

/**
 * The headline's block and the heading lines printed with it: adjacent blocks of the same heading
 * tag (or the same `title` class), each short and not a sentence, joined in order.
 */
function headingRun(blocks: readonly Block[], index: number, columns: ReadonlySet<string>): number[] {
  const b = blocks[index] as Block;
  const kind = (x: Block) => (/^h[1-6]$/.test(x.tag) ? x.tag : `${x.tag}.${x.owner.attribs?.class ?? ''}`);
  const same = (x: Block | undefined) =>
    x !== undefined &&
    kind(x) === kind(b) &&
    (/^h[1-6]$/.test(x.tag) || /title|biaoti|bt/i.test(x.owner.attribs?.class ?? '')) &&
    x.chars >= 1 &&
    x.chars <= 40 &&
    x.linkChars === 0 &&
    !/[。！？；]$/u.test(x.text) &&
    !columns.has(squeeze(x.text)) &&
    !chromeRule(x.text) &&
    !isMetaLine(x.text);
  let start = index;
  while (start - index > -3 && same(blocks[start - 1])) start--;
  let end = index;
  while (end - index < 3 && same(blocks[end + 1])) end++;
  const out: number[] = [];
  for (let i = start; i <= end; i++) out.push(i);
  return out;
}

/** Breadcrumb separators (首页 » 栏目 » headline): the headline is what follows the last. */
const TRAIL = /^(.*[»＞>›→]\s*)(\S[^»＞>›→]*)$/u;

/**
 * A heading's text without badges (原创, 【置顶】), a metadata label (信息名称, 标题：) or the
 * breadcrumb trail a forum prints it in (某某社区 » 家长论坛 » headline: linked parts, then the text).
 */
function headlineText(block: Block): string {
  let text = stripBadges(block);
  const trail = block.links > 0 ? TRAIL.exec(text) : null;
  if (trail?.[1] && trail[2] && block.linkChars * 2 >= squeeze(trail[1]).length) text = trail[2].trim();
  const label = TITLE_LABEL.exec(text);
  if (label) text = text.slice(label[0].length);
  return text.trim();
}

/** A heading's text without a badge element or bracketed badge glued to it (原创, 【置顶】). */
function stripBadges(block: Block): string {
  let text = block.text.replace(/\s+/g, ' ');
  const children = (block.owner.children ?? []).filter((c) => c.type === 'tag' || (c.data ?? '').trim() !== '');
  const firstChild = children[0];
  const lastChild = children[children.length - 1];
  const badge = (n: DomNode | undefined) => {
    const t = n?.type === 'tag' ? textOf(n).trim() : '';
    return t && TITLE_BADGE.test(t.replace(/^[【[]|[】\]]$/gu, '')) ? t : undefined;
  };
  const lead = children.length > 1 ? badge(firstChild) : undefined;
  if (lead && text.startsWith(lead)) text = text.slice(lead.length);
  const tail = children.length > 1 ? badge(lastChild) : undefined;
  if (tail && text.endsWith(tail)) text = text.slice(0, -tail.length);
  const bracketed = /^[【[]([^】\]]{1,4})[】\]]\s*|^(\S{1,4})\s*[|｜:：]\s*/u.exec(text);
  if (bracketed && TITLE_BADGE.test(bracketed[1] ?? bracketed[2] ?? '')) text = text.slice(bracketed[0].length);
  return text.trim();
}

/** Joins heading lines: no space between Chinese characters, a space between Latin words. */
function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(line)) out += ' ';
    out += line;
  }
  return out;
}

function squeeze(text: string): string {
  return text.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
}
