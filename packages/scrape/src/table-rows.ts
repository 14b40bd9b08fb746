import { TABLE_HEADER_LABELS } from '@plandiff/lexicon';
import { type DomNode, isHidden, SKIPPED_TAGS } from './dom.ts';

/** A table row read as one line: its cells in order, a numbering cell turned into the marker. */
export interface RowLine {
  text: string;
  /** Text of the row that sits inside links. */
  linkText: string;
  links: number;
  /** True for a header row (序号 | 工作任务 | 责任单位): column labels, not a task. */
  header?: boolean;
}

/** A cell with more block elements than this + 1 (a wrapper), or longer text, is a page column. */
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
    const read = readCell(cell);
    if (!read) return undefined;
    texts.push(read.text);
    linkText += read.linkText;
    links += read.links;
  }
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return undefined;
  const [first, ...rest] = filled;
  let text = filled.join(' ');
  if (first && rest.length > 0 && ARABIC_NUMBER.test(first))
    text = `${first.replace(/[.．、]$/u, '')}. ${rest.join(' ')}`;
  else if (first && rest.length > 0 && HAN_NUMBER.test(first))
    text = `${first.replace(/[、.．]$/u, '')}、${rest.join(' ')}`;
  const line: RowLine = { text, linkText, links };
  if (isHeaderRow(tr, cells, texts)) line.header = true;
  return line;
}

/** A header cell is short and has no sentence punctuation. */
const LABEL_CELL = /^[^，。；！？,;!?]{1,12}$/u;

/**
 * A row of column labels, its cells short and its first cell no number: `<th>` cells in the
 * table's first row or with a label word, or the first row with at least two (and at least half)
 * label words of the lexicon.
 */
function isHeaderRow(tr: DomNode, cells: readonly DomNode[], texts: readonly string[]): boolean {
  const filled = texts.filter((t) => t !== '');
  if (filled.length < 2 || !filled.every((t) => LABEL_CELL.test(t))) return false;
  // A numbered row is a task, whatever cells a page built it from.
  if (ARABIC_NUMBER.test(filled[0] ?? '') || HAN_NUMBER.test(filled[0] ?? '')) return false;
  const labels = filled.filter((t) => TABLE_HEADER_LABELS.has(t.replace(/\s+/gu, ''))).length;
  // <th> cells mark a header in the table's first row or with a column label; a page that prints
  // every cell as <th> still has data rows after it.
  if (cells.every((c) => c.name === 'th')) return labels >= 1 || firstRow(tr);
  return labels >= 2 && labels * 2 >= filled.length && firstRow(tr);
}

/** True for the first `<tr>` of its table (through thead/tbody). */
function firstRow(tr: DomNode): boolean {
  let table: DomNode | null | undefined = tr.parent;
  while (table && table.name !== 'table') table = table.parent;
  if (!table) return false;
  const stack: DomNode[] = [table];
  while (stack.length > 0) {
    const n = stack.shift() as DomNode;
    if (n.name === 'tr') return n === tr;
    if (n !== table && n.name === 'table') continue;
    stack.unshift(...(n.children ?? []).filter((c) => c.type === 'tag'));
  }
  return false;
}

/**
 * A cell's visible text on one line (its paragraphs and `<br>` lines joined by a space), or
 * undefined as soon as it shows it is a page column: a nested table, too many paragraphs, too
 * much text. One walk, stopping early, so layout tables cost little.
 */
function readCell(cell: DomNode): RowLine | undefined {
  let out = '';
  let linkText = '';
  let links = 0;
  let blocks = 0;
  const stack: { node: DomNode; inLink: boolean }[] = [{ node: cell, inLink: false }];
  while (stack.length > 0) {
    const { node: n, inLink } = stack.pop() as { node: DomNode; inLink: boolean };
    if (n.type === 'text') {
      out += n.data ?? '';
      if (inLink) linkText += n.data ?? '';
      if (out.length > MAX_CELL) return undefined;
      continue;
    }
    if (n.type !== 'tag') continue;
    if (n !== cell && ((n.name && SKIPPED_TAGS.has(n.name)) || isHidden(n))) continue;
    if (n.name === 'table' && n !== cell) return undefined;
    if (n.name && CELL_BLOCKS.has(n.name) && ++blocks > MAX_CELL_BLOCKS + 1) return undefined;
    if (n.name === 'br' || (n.name && CELL_BLOCKS.has(n.name))) out += ' ';
    const link = n.name === 'a' && n.attribs?.href !== undefined;
    if (link && !inLink) links++;
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as DomNode, inLink: inLink || link });
  }
  const text = out
    .replace(/(?<=[\p{Script=Han}，。；：、])\s*\n\s*(?=[\p{Script=Han}])/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return { text, linkText, links };
}
