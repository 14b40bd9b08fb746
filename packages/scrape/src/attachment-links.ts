import { ATTACHMENT_LIST_LABEL } from '@plandiff/lexicon';
import type { CleanResult } from './clean-page.ts';
import { type DomNode, findAll, parseHtml, textOf } from './dom.ts';
import type { AttachmentLink } from './fetch-attachments.ts';

const A_TAG = new Set(['a']);
/** How many characters of the first and last main-text lines locate the main text in the page. */
const PROBE = 12;
/** A block this short around a link is its own line or list item (`附件：<a>…</a>`), not a whole column. */
const LIST_BLOCK = 300;

/**
 * The notice's own attachments among the file links cleanPage lists for the whole page: links inside
 * the element that holds the main text, links in a short block labelled 附件/附表 (an attachment list
 * printed under the article), and links whose name the main text quotes. A sidebar's or footer's
 * downloads (办事指南.doc in a 下载中心 box) are not followed. Without a main text to locate, every
 * listed link is kept.
 */
export function mainTextLinks(html: string, clean: CleanResult, baseUrl?: string): AttachmentLink[] {
  if (clean.attachments.length === 0) return [];
  const lines = clean.text
    .split('\n')
    .map(compact)
    .filter((l) => l.length >= 4);
  const first = lines[0]?.slice(0, PROBE);
  const last = lines.at(-1)?.slice(0, PROBE);
  if (first === undefined || last === undefined) return clean.attachments;
  const root = parseHtml(html);
  const container = commonContainer(root, first, last);
  if (container === undefined) return clean.attachments;
  const main = compact(clean.text);
  const byUrl = new Map<string, DomNode[]>();
  for (const a of findAll(root, A_TAG)) {
    const url = resolve(a.attribs?.href?.trim() ?? '', baseUrl);
    if (url !== undefined) byUrl.set(url, [...(byUrl.get(url) ?? []), a]);
  }
  return clean.attachments.filter((link) => {
    const stem = compact(link.name.trim().replace(/\.[a-z0-9]{2,5}$/i, ''));
    if (stem.length >= 4 && main.includes(stem)) return true;
    return (byUrl.get(link.url) ?? []).some((a) => within(a, container) || labelled(a, container));
  });
}

/** The deepest element whose text holds both probes: where the main text lives. */
function commonContainer(root: DomNode, first: string, last: string): DomNode | undefined {
  const a = pathTo(root, first);
  const b = pathTo(root, last);
  let common: DomNode | undefined;
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) common = a[i];
  return common === root ? undefined : common;
}

/** The chain of elements from the root down to the deepest one whose text holds `probe`. */
function pathTo(root: DomNode, probe: string): DomNode[] {
  const path: DomNode[] = [];
  let node: DomNode | undefined = compact(textOf(root)).includes(probe) ? root : undefined;
  while (node) {
    path.push(node);
    node = (node.children ?? []).find((c) => c.type === 'tag' && compact(textOf(c)).includes(probe));
  }
  return path;
}

/** True when `node` lies inside `container`. */
function within(node: DomNode, container: DomNode): boolean {
  for (let n: DomNode | null | undefined = node; n; n = n.parent) if (n === container) return true;
  return false;
}

/**
 * True for a link whose own text, or a short block around it, carries an attachment label; a block
 * holding the main text is the page's frame, not an attachment list.
 */
function labelled(a: DomNode, container: DomNode): boolean {
  let n: DomNode | null | undefined = a;
  for (let depth = 0; n && depth < 3; depth++, n = n.parent) {
    if (within(container, n)) return false;
    const text = compact(textOf(n));
    if (text.length > LIST_BLOCK) return false;
    if (ATTACHMENT_LIST_LABEL.pattern.test(text)) return true;
  }
  return false;
}

function resolve(href: string, base: string | undefined): string | undefined {
  if (href === '') return undefined;
  try {
    return base ? new URL(href, base).href : href;
  } catch {
    return href;
  }
}

/**
 * The content characters of a text (Han, letters, digits): main-text lines and page text compare
 * in this form, since the cleaner's lines differ from the page's in spacing and punctuation — a
 * table row's numbering cell `1` is printed `1. ` in the text.
 */
function compact(text: string): string {
  return text.replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '');
}
