import { load } from 'cheerio/slim';

/** The parts of a domhandler node the cleaner reads (cheerio's tree, walked directly for speed). */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
  /** Offset of the node in the HTML source (htmlparser2's withStartIndices). */
  startIndex?: number | null;
}

/** Parses HTML with cheerio's htmlparser2 backend and returns the document root. */
export function parseHtml(html: string): DomNode {
  // htmlparser2 in HTML mode (what `xml: false` selects), asked to record source offsets so the
  // cleaner's diagnostics can name the line a dropped block starts on.
  const $ = load(html, { xml: { xmlMode: false, withStartIndices: true, decodeEntities: true } } as never);
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

/** True when `node` is `ancestor` or lies inside it. */
export function isInside(node: DomNode, ancestor: DomNode): boolean {
  for (let n: DomNode | null | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** True for elements hidden with `display:none`, `visibility:hidden` or the `hidden` attribute. */
export function isHidden(node: DomNode): boolean {
  const a = node.attribs;
  if (!a) return false;
  if ('hidden' in a) return true;
  const style = a.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** All text below a node (skipping scripts and styles), for titles and link names. */
export function textOf(node: DomNode): string {
  let s = '';
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') s += n.data ?? '';
    else if ((n.type === 'tag' || n.type === 'root') && !(n !== node && n.name && SKIPPED_TAGS.has(n.name))) {
      const children = n.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
    }
  }
  return s;
}

/** Every element named one of `names`, in document order (iterative: deep pages are common). */
export function findAll(root: DomNode, names: ReadonlySet<string>): DomNode[] {
  const out: DomNode[] = [];
  const stack: DomNode[] = [...(root.children ?? [])].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue;
    if (n.name && names.has(n.name)) out.push(n);
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  return out;
}
