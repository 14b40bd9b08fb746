import { type DomNode, isHidden, SKIPPED_TAGS, textOf } from './dom.ts';

/** A table row read as one line: its cells in order, a numbering cell turned into the marker. */
export interface RowLine {
  text: string;
  /** Text of the row that sits inside links. */
  linkText: string;
  links: number;
}

/** A cell with more paragraphs than this, or longer text, is a page column (a layout row). */
const MAX_CELL_BLOCKS = 3;
const MAX_CELL = 1500;
const CELL_BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'dl', 'section', 'article']);
const ARABIC_NUMBER = /^[0-9０-９]{1,3}[.．、]?$/u;
const HAN_NUMBER = /^[一二三四五六七八九十]{1,3}[、.．]?$/u;

/**
 * Reads a `<tr>` of a data table (a task list with 序号 | 工作任务 | 责任单位 columns) as one line in
 * reading order, or returns undefined for a layout row: one cell, a nested table, or a cell as long
 * as a page column. A first cell that is only a number becomes the line's marker (`1` → `1.`,
 * `九` → `九、`), so the normalizer sees a numbered task.
 */
export function readDataRow(tr: DomNode): RowLine | undefined {
  const cells = (tr.children ?? []).filter(
    (c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th') && !isHidden(c),
  );
  if (cells.length < 2) return undefined;
  const texts: string[] = [];
  let linkText = '';
  let links = 0;
  for (const cell of cells) {
    if (hasDescendant(cell, 'table') || countBlocks(cell) > MAX_CELL_BLOCKS) return undefined;
    const text = cellText(cell);
    if (text.length > MAX_CELL) return undefined;
    texts.push(text);
    for (const a of descendants(cell, 'a')) {
      if (a.attribs?.href === undefined) continue;
      links++;
      linkText += textOf(a);
    }
  }
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return undefined;
  const [first, ...rest] = filled;
  let text = filled.join(' ');
  if (first && rest.length > 0 && ARABIC_NUMBER.test(first))
    text = `${first.replace(/[.．、]$/u, '')}. ${rest.join(' ')}`;
  else if (first && rest.length > 0 && HAN_NUMBER.test(first))
    text = `${first.replace(/[、.．]$/u, '')}、${rest.join(' ')}`;
  return { text, linkText, links };
}

/** A cell's visible text on one line (its paragraphs and `<br>` lines joined by a space). */
function cellText(cell: DomNode): string {
  let out = '';
  const stack: DomNode[] = [cell];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') out += n.data ?? '';
    else if (n.type === 'tag' || n.type === 'root') {
      if (n !== cell && ((n.name && SKIPPED_TAGS.has(n.name)) || isHidden(n))) continue;
      if (n.name === 'br' || n.name === 'p' || n.name === 'div' || n.name === 'li') out += ' ';
      const children = n.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
    }
  }
  return out
    .replace(/(?<=[\p{Script=Han}，。；：、])\s*\n\s*(?=[\p{Script=Han}])/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Block elements holding text inside a cell. */
function countBlocks(cell: DomNode): number {
  let n = 0;
  const stack = [...(cell.children ?? [])];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node.type !== 'tag') continue;
    if (node.name && CELL_BLOCKS.has(node.name) && textOf(node).trim() !== '') n++;
    stack.push(...(node.children ?? []));
  }
  return n;
}

function hasDescendant(node: DomNode, name: string): boolean {
  return descendants(node, name).length > 0;
}

function descendants(node: DomNode, name: string): DomNode[] {
  const out: DomNode[] = [];
  const stack = [...(node.children ?? [])];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n.type !== 'tag') continue;
    if (n.name === name) out.push(n);
    stack.push(...(n.children ?? []));
  }
  return out;
}
