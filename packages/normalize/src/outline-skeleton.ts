import { MAX_DEPTH } from './build-tree.ts';
import type { FrontMatter } from './front-matter.ts';
import type { Ledger } from './ledger.ts';
import { readBareNumeral, readEnumeration, readMarker } from './markers.ts';
import { OUTLINE_MARK } from './outline.ts';
import type { Paragraph } from './paragraphs.ts';
import type { FrontPiece, Node, Skeleton } from './types.ts';

const HEADING = /^(#+)[ \t]+(.*)$/su;

/** True when the text is a Markdown outline (as `renderOutline` writes): it has `#` headings. */
export function isOutline(lines: readonly { text: string }[]): boolean {
  return lines.some((l) => /^#+[ \t]+\S/u.test(l.text) || l.text.trim() === OUTLINE_MARK);
}

/**
 * Reads a Markdown outline back into a tree: the heading level gives the depth (the shallowest
 * level below the `# title` is depth 1), the heading text is the unit's text as printed (its marker,
 * if any, is the number). Paragraphs that are not headings become children of the last heading;
 * before the first heading they are front matter.
 */
export function buildOutlineSkeleton(paragraphs: readonly Paragraph[], ledger: Ledger): Skeleton & { title?: string } {
  const headings = paragraphs.map((p) => HEADING.exec(p.text));
  const first = headings.findIndex((h) => h !== null);
  let titleIndex = -1;
  if (first >= 0 && headings[first]![1]!.length === 1) titleIndex = first;
  let minLevel = Number.POSITIVE_INFINITY;
  headings.forEach((h, i) => {
    if (h && i !== titleIndex) minLevel = Math.min(minLevel, h[1]!.length);
  });
  const front: FrontPiece[] = [];
  const roots: Node[] = [];
  const stack: Node[] = [];
  let title: string | undefined;
  paragraphs.forEach((paragraph, i) => {
    const heading = headings[i];
    const text = (heading ? heading[2]! : paragraph.text).replace(/\n/g, '').trim();
    if (heading) ledger.drop('outline-markup', 'outline heading mark', paragraph.line, heading[1]!);
    if (i === titleIndex) {
      title = text;
      ledger.keep(paragraph.line, 1, text);
      return;
    }
    if (text === OUTLINE_MARK) ledger.drop('outline-markup', 'outline mark', paragraph.line, text);
    if (text === '' || text === OUTLINE_MARK) return;
    const marker = readMarker(text, 0) ?? (heading ? (readEnumeration(text) ?? readBareNumeral(text)) : undefined);
    const node: Node = { text, line: paragraph.line, offset: 1, children: [] };
    if (marker) node.marker = marker;
    if (!heading) {
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else {
        const unescaped = text.replace(/^\\(?=[#\\])/u, '');
        if (unescaped !== text) ledger.drop('outline-markup', 'outline escape', paragraph.line, '\\');
        front.push({ text: unescaped, line: paragraph.line, offset: 1 });
      }
      return;
    }
    const depth = Math.min(heading[1]!.length - minLevel + 1, MAX_DEPTH);
    while (stack.length >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  });
  const skeleton: Skeleton & { title?: string } = { front, roots };
  if (title !== undefined) skeleton.title = title;
  return skeleton;
}

/** The front of an outline: the preamble exactly as written, no title, metadata or notice guessed from it. */
export function readOutlineFront(pieces: readonly FrontPiece[], ledger: Ledger): FrontMatter {
  for (const piece of pieces) ledger.keep(piece.line, piece.offset, piece.text);
  return {
    attachments: [],
    preamble: pieces
      .map((p) => p.text)
      .join('\n')
      .trim(),
    block: '',
  };
}
