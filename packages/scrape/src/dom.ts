import { load } from 'cheerio/slim';

/** The parts of a domhandler node the cleaner reads (cheerio's tree, walked directly for speed). */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
}

/** Parses HTML with cheerio's htmlparser2 backend and returns the document root. */
export function parseHtml(html: string): DomNode {
  const $ = load(html, { xml: false });
  return $.root()[0] as unknown as DomNode;
}

/** Elements whose text is never page content. */
export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'head',
  'iframe',
  'select',
  'option',
  'textarea',
  'button',
  'input',
  'object',
  'embed',
  'svg',
  'canvas',
  'template',
  'title',
  'map',
  'marquee',
  'label',
]);

/** Elements that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'td',
  'th',
  'tr',
  'li',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'form',
  'center',
  'hr',
  'address',
  'fieldset',
  'figure',
  'figcaption',
  'caption',
  'body',
  'html',
]);

/** True for elements hidden with `display:none`, `visibility:hidden` or the `hidden` attribute. */
export function isHidden(node: DomNode): boolean {
  const a = node.attribs;
  if (!a) return false;
  if ('hidden' in a) return true;
  const style = a.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** All text below a node, whitespace-collapsed (for titles and small fragments). */
export function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type !== 'tag' && node.type !== 'root') return '';
  if (node.name && SKIPPED_TAGS.has(node.name)) return '';
  let s = '';
  for (const child of node.children ?? []) s += textOf(child);
  return s;
}

/** Depth-first search for every element named one of `names`. */
export function findAll(root: DomNode, names: ReadonlySet<string>, out: DomNode[] = []): DomNode[] {
  for (const child of root.children ?? []) {
    if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
    if (child.name && names.has(child.name)) out.push(child);
    findAll(child, names, out);
  }
  return out;
}
