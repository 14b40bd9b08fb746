import { FURNITURE_ELEMENT_RULES, firstMatch } from '@plandiff/lexicon';
import { BLOCK_TAGS, type DomNode, isHidden, SKIPPED_TAGS } from './dom.ts';
import { readDataRow } from './table-rows.ts';

/** One line of page text between block boundaries, with the measures the cleaner scores. */
export interface Block {
  index: number;
  text: string;
  /** Han, Latin letters and digits: the characters that carry content. */
  chars: number;
  /** Of those, how many sit inside links. */
  linkChars: number;
  /** Sentence punctuation (，。；：、！？ and ASCII equivalents). */
  punct: number;
  /** Nearest block-level element owning the text. */
  owner: DomNode;
  /** Owner tag, e.g. `p`, `td`, `h1`. */
  tag: string;
  /** Number of links that contributed text. */
  links: number;
  /** Offset in the HTML source where the block's text starts. */
  start: number;
  /** ruleId of a comment/recommendation/related/share element the block sits in. */
  furniture?: string;
  /** True for a data-table row read as one line. */
  row?: boolean;
  /** True for a table's header row (column labels such as 序号 | 工作任务 | 责任单位). */
  header?: boolean;
}

const CONTENT_CHAR = /[\p{Script=Han}A-Za-z0-9０-９]/gu;
const PUNCT = /[，。；：、！？,.;:!?（）《》“”]/g;
const CJK_WRAP =
  /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \u2028]*\u2028[ \u2028]*(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/** Splits a document into text blocks (paragraph breaks at block elements and `<br>`). */
export function collectBlocks(root: DomNode): { blocks: Block[] } {
  const blocks: Block[] = [];
  let buffer = '';
  let linkBuffer = '';
  let links = 0;
  let owner: DomNode = root;
  let furniture: string | undefined;
  let start = 0;

  const flush = () => {
    if (buffer.trim() !== '') {
      const text = tidy(buffer);
      if (text !== '') {
        push(text, linkBuffer, links, owner, furniture, start);
      }
    }
    buffer = '';
    linkBuffer = '';
    links = 0;
  };
  const push = (
    text: string,
    linkText: string,
    n: number,
    by: DomNode,
    mark: string | undefined,
    at: number,
    row = false,
    header = false,
  ) => {
    const chars = count(text, CONTENT_CHAR);
    const block: Block = {
      index: blocks.length,
      text,
      chars,
      linkChars: Math.min(count(linkText, CONTENT_CHAR), chars),
      punct: count(text, PUNCT),
      owner: by,
      tag: by.name ?? '',
      links: n,
      start: at,
    };
    if (mark) block.furniture = mark;
    if (row) block.row = true;
    if (header) block.header = true;
    blocks.push(block);
  };

  // Iterative depth-first walk: malformed pages nest thousands of unclosed tags, which would
  // overflow the call stack of a recursive one.
  interface Frame {
    node: DomNode;
    next: number;
    inLink: boolean;
    pre: boolean;
    blockOwner: DomNode;
    isBlock: boolean;
    furniture: string | undefined;
  }
  const stack: Frame[] = [
    { node: root, next: 0, inLink: false, pre: false, blockOwner: root, isBlock: false, furniture: undefined },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const child = frame.node.children?.[frame.next++];
    if (!child) {
      stack.pop();
      if (frame.isBlock) flush();
      continue;
    }
    if (child.type === 'text') {
      const data = child.data ?? '';
      if (buffer === '' || buffer.trim() === '') {
        owner = frame.blockOwner;
        furniture = frame.furniture;
        start = child.startIndex ?? start;
      }
      // Line breaks in the source mark where an editor wrapped text: remembered as U+2028 so
      // tidy() can join Chinese lines without a space, while typed spaces stay spaces.
      const piece = frame.pre ? data : data.replace(/\s*\n\s*/g, '\u2028').replace(/[ \t\f\r]+/g, ' ');
      buffer += piece;
      if (frame.inLink) linkBuffer += piece;
      continue;
    }
    if (child.type !== 'tag') continue;
    const name = child.name ?? '';
    if (SKIPPED_TAGS.has(name) || isHidden(child)) continue;
    if (name === 'br') {
      if (frame.pre) buffer += '\n';
      else flush();
      continue;
    }
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) flush();
    const names = `${child.attribs?.class ?? ''} ${child.attribs?.id ?? ''}`.trim();
    const mark = frame.furniture ?? (names ? firstMatch(FURNITURE_ELEMENT_RULES, names)?.ruleId : undefined);
    // A row of a data table (序号 | 任务 | 责任单位) is one line in reading order, not one per cell.
    const row = name === 'tr' && !frame.pre ? readDataRow(child) : undefined;
    if (row) {
      const text = tidy(row.text);
      if (text !== '') push(text, row.linkText, row.links, child, mark, child.startIndex ?? start, true, row.header);
      continue;
    }
    const isLink = name === 'a' && child.attribs?.href !== undefined;
    if (isLink && !frame.inLink) links++;
    stack.push({
      node: child,
      next: 0,
      inLink: frame.inLink || isLink,
      pre: frame.pre || name === 'pre',
      blockOwner: isBlock ? child : frame.blockOwner,
      isBlock,
      furniture: mark,
    });
  }
  flush();
  return { blocks };
}

/** Collapses whitespace, drops spaces between Chinese characters and trims. */
export function tidy(text: string): string {
  return text
    .replace(CJK_WRAP, '')
    .replace(/\u2028/g, ' ')
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Counts matches of a global regex in a string. */
export function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}
