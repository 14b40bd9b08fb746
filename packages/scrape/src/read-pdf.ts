import { PAGE_NUMBER_RULES, RUNNING_HEADER_RULE } from '@plandiff/lexicon';
import { type Diagnostic, PlandiffError } from '@plandiff/model';

/** A PDF's text and what was taken out of the page margins. */
export interface PdfText {
  text: string;
  pages: number;
  diagnostics: Diagnostic[];
}

/** Fewer visible characters per page than this means the pages are images (a scan). */
const MIN_CHARS_PER_PAGE = 20;

/**
 * Text of a PDF's text layer, line by line in reading order, with page numbers and running
 * headers/footers removed (each named by a diagnostic). Hard-wrapped lines are left for the
 * normalizer's layout repair to rejoin. A PDF with no text layer is refused: it needs OCR.
 */
export async function readPdf(bytes: Uint8Array, label: string): Promise<PdfText> {
  let pages: string[][];
  try {
    // pdf.js is large: loaded only when a PDF is read.
    const { extractTextItems, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { items } = await extractTextItems(pdf);
    pages = items.map((page) => rejoinWraps(pageLines(page)));
  } catch (error) {
    throw new PlandiffError('INPUT_UNREADABLE', `${label}: not a readable PDF (${(error as Error).message})`);
  }
  const chars = pages.flat().join('').replace(/\s/g, '').length;
  if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length) * 0.5 || chars === 0) {
    throw new PlandiffError(
      'NEEDS_OCR',
      `${label}: this PDF has no text layer (${pages.length} page(s) of images, a scan); it needs OCR first — run it through an OCR tool (e.g. ocrmypdf) and give plandiff the result`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  const kept = removeFurniture(pages, diagnostics);
  return { text: kept.map((lines) => lines.join('\n')).join('\n'), pages: pages.length, diagnostics };
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface Line {
  text: string;
  right: number;
}

/** A line that opens a new unit: never the continuation of a wrapped line. */
const OPENS_UNIT =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[.、．]|第[一二三四五六七八九十百\d]+[章节条部分])/u;

/**
 * Joins lines the page wrapped: a line that runs to the right edge of the text block (within a
 * character of the widest line) continues on the next one unless that opens a unit. The page's
 * geometry says this surely; the normalizer's layout repair only sees the text.
 */
function rejoinWraps(lines: readonly Line[]): string[] {
  const edge = Math.max(0, ...lines.map((l) => l.right));
  const out: string[] = [];
  let joinNext = false;
  for (const line of lines) {
    if (joinNext && out.length > 0 && !OPENS_UNIT.test(line.text)) out[out.length - 1] += line.text;
    else out.push(line.text);
    joinNext = line.right >= edge - 18 && !/[。；！？:：]$/u.test(line.text);
  }
  return out;
}

/** Groups a page's text items into lines (same baseline), top to bottom, left to right. */
function pageLines(items: readonly Item[]): Line[] {
  const rows: { y: number; size: number; items: Item[] }[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const row = rows.find((r) => Math.abs(r.y - item.y) <= Math.max(2, Math.min(r.size, item.fontSize) * 0.4));
    if (row) row.items.push(item);
    else rows.push({ y: item.y, size: item.fontSize || 10, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows
    .map((row) => {
      row.items.sort((a, b) => a.x - b.x);
      let line = '';
      let end = Number.NEGATIVE_INFINITY;
      for (const item of row.items) {
        const gap = item.x - end;
        // A wide gap between two Latin words is a space; CJK text runs on without one.
        if (line !== '' && gap > row.size * 0.25 && /[\x21-\x7e]$/.test(line) && /^[\x21-\x7e]/.test(item.str))
          line += ' ';
        line += item.str;
        end = item.x + item.width;
      }
      return { text: line.replace(/[ \t\u00a0]+/g, ' ').trim(), right: end };
    })
    .filter((line) => line.text !== '');
}

/** How many lines at each page edge are searched for furniture. */
const EDGE = 2;

/** Drops page numbers and lines repeated at the same edge of most pages (running headers/footers). */
function removeFurniture(pages: string[][], diagnostics: Diagnostic[]): string[][] {
  const edgeCounts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)].map(furnitureKey));
    for (const key of edges) edgeCounts.set(key, (edgeCounts.get(key) ?? 0) + 1);
  }
  const repeated = (line: string): boolean =>
    pages.length >= 3 && (edgeCounts.get(furnitureKey(line)) ?? 0) >= Math.ceil(pages.length * 0.6);
  return pages.map((lines, p) =>
    lines.filter((line, i) => {
      const atEdge = i < EDGE || i >= lines.length - EDGE;
      if (!atEdge) return true;
      const number = PAGE_NUMBER_RULES.find((r) => r.pattern.test(line));
      const rule = number ?? (repeated(line) ? RUNNING_HEADER_RULE : undefined);
      if (!rule) return true;
      diagnostics.push({
        reason: `${rule.what} removed from page ${p + 1}: “${line}”`,
        ruleId: rule.ruleId,
        severity: 'info',
      });
      return false;
    }),
  );
}

/** A running header with its page number changed is the same header: digits are masked. */
function furnitureKey(line: string): string {
  return line.replace(/[0-9０-９]+/g, '#');
}
