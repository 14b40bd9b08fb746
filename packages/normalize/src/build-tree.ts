import type { Diagnostic } from '@plandiff/model';
import { endLastItems } from './end-last-items.ts';
import { NOTICE_WORDS } from './front-matter.ts';
import { type Marker, type MarkerStyle, readMarker } from './markers.ts';
import { isHeadingLine, isSalutationOnly, SALUTATION } from './paragraph-kinds.ts';
import type { Paragraph } from './paragraphs.ts';

/** A unit while the tree is being built: its marker (none for topic paragraphs), text and children. */
export interface Node {
  marker?: Marker;
  text: string;
  line: number;
  children: Node[];
}

/** A piece of text before the first numbered unit: title, notice, preamble material. */
export interface FrontPiece {
  text: string;
  line: number;
}

/** The document split into front matter and a tree of units. */
export interface Skeleton {
  front: FrontPiece[];
  roots: Node[];
}

/** Deepest nesting the builder creates; restarted lists beyond it stay siblings (bounds recursion). */
export const MAX_DEPTH = 24;

interface Open {
  node: Node;
  rank: number;
}

/**
 * Builds the unit tree from paragraphs. A paragraph that starts with a marker opens a numbered unit;
 * inside a paragraph a marker after whitespace, a line break or a sentence end (。！？) also opens
 * one, but only when it continues the sequence of its style (so `“9+3学校`, `2.15万亿元` or a stray `5.11` never split).
 * Styles nest by the order in which they first appear. Unnumbered paragraphs become children of the
 * innermost open unit; a salutation (`各位代表！`) closes everything below the top section.
 */
export function buildSkeleton(paragraphs: readonly Paragraph[], diagnostics: Diagnostic[]): Skeleton {
  const builder = new SkeletonBuilder(diagnostics);
  const firstProse = paragraphs.findIndex(
    (p) => /[。！？]/u.test(p.text) && !isSalutationOnly(p.text) && !NOTICE_WORDS.test(p.text),
  );
  const headingAt = paragraphs.flatMap((p, i) =>
    firstProse >= 0 && i > firstProse && isHeadingLine(p.text) ? [i] : [],
  );
  const firstNumbered = paragraphs.findIndex((p) => readMarker(p.text, 0) !== undefined);
  // Unnumbered headings form the top level when the body opens with one (before any number)
  // and has at least two besides a closing one (`结束语`).
  if (headingAt.length - 1 >= 2 && (firstNumbered < 0 || headingAt[0]! < firstNumbered)) builder.useHeadingLines();
  paragraphs.forEach((paragraph, i) => {
    if (firstProse >= 0 && i > firstProse && isHeadingLine(paragraph.text)) builder.addHeadingLine(paragraph);
    else builder.add(paragraph);
  });
  for (const root of builder.roots) endLastItems(root);
  return { front: builder.front, roots: builder.roots };
}

class SkeletonBuilder {
  readonly roots: Node[] = [];
  readonly front: FrontPiece[] = [];
  private readonly stack: Open[] = [];
  private readonly ranks = new Map<MarkerStyle, number>();
  private readonly lastValue = new Map<MarkerStyle, number>();

  constructor(private readonly diagnostics: Diagnostic[]) {}

  /** Makes unnumbered heading lines the top level of the tree, above every numbering style. */
  useHeadingLines(): void {
    this.ranks.set('heading', -1);
  }

  /**
   * A heading line opens a top-level unit when heading lines are in use; otherwise, once the body
   * has begun, it closes everything below the top section (like `结束语` after the last item).
   */
  addHeadingLine(paragraph: Paragraph): void {
    const text = paragraph.text.replace(/\n/g, '');
    if (this.ranks.has('heading')) {
      this.open({ style: 'heading', value: 0, printed: '' }, paragraph.line).text = text;
    } else if (this.roots.length === 0) {
      this.front.push({ text, line: paragraph.line });
    } else {
      this.closeBelowSection();
      this.finish(undefined, text, paragraph.line);
    }
  }

  add(paragraph: Paragraph): void {
    const { text } = paragraph;
    // Offsets are asked in increasing order, so one cursor walks the line starts once.
    let cursor = -1;
    const lineAt = (offset: number): number => {
      const starts = paragraph.lineStarts;
      while (cursor + 1 < starts.length && starts[cursor + 1]![0] <= offset) cursor++;
      return cursor < 0 ? paragraph.line : starts[cursor]![1];
    };
    const first = readMarker(text, 0);
    let current = first ? this.open(first, paragraph.line) : undefined;
    let from = 0;
    const gaps = /\s+|[。！？]/gu;
    for (let gap = gaps.exec(text); gap; gap = gaps.exec(text)) {
      const at = gap.index + gap[0].length;
      if (at >= text.length) break;
      const marker = readMarker(text, at);
      if (!marker || !this.continuesSequence(marker)) continue;
      this.finish(current, text.slice(from, at), lineAt(from));
      current = this.open(marker, lineAt(at));
      from = at;
    }
    this.finish(current, text.slice(from), lineAt(from));
  }

  /** Whether an inline marker is the next number of its style where it stands. */
  private continuesSequence(marker: Marker): boolean {
    if (!this.ranks.has(marker.style)) return marker.value === 1;
    if (this.findPrevious(marker) >= 0) return true;
    if (this.stack.some((open) => open.node.marker?.style === marker.style)) return false;
    return marker.value === 1 || marker.value === (this.lastValue.get(marker.style) ?? 0) + 1;
  }

  private open(marker: Marker, line: number): Node {
    let rank = this.ranks.get(marker.style);
    if (rank === undefined) {
      rank = this.ranks.size;
      this.ranks.set(marker.style, rank);
    }
    const next = this.findPrevious(marker);
    let restarted = false;
    if (next >= 0) {
      // The next number of an open list: a sibling of that unit, whatever lies deeper.
      rank = this.stack[next]!.rank;
      this.stack.length = next;
    } else if (
      marker.value === 1 &&
      this.stack.length < MAX_DEPTH &&
      this.stack.some((open) => open.node.marker?.style === marker.style)
    ) {
      // A style already open restarts at 1: a list nested in the innermost unit (二、 → （三） → 一、,
      // or a section's own enumeration after its paragraphs).
      const top = this.stack[this.stack.length - 1]!;
      rank = top.rank + 1 / 1024;
      restarted = true;
      this.diagnostics.push({
        reason: `${marker.printed} restarts a numbering already open; read as a list nested in the unit before it`,
        ruleId: 'number-restart',
        severity: 'info',
        place: { line },
      });
    } else {
      while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.rank >= rank) this.stack.pop();
    }
    const siblings = this.stack.length > 0 ? this.stack[this.stack.length - 1]!.node.children : this.roots;
    if (marker.style !== 'heading' && next < 0 && !restarted) this.checkNumber(marker, siblings, line);
    const node: Node = { marker, text: '', line, children: [] };
    siblings.push(node);
    this.stack.push({ node, rank });
    this.lastValue.set(marker.style, marker.value);
    return node;
  }

  /** Index in the stack of the open unit this marker follows (same style, number one less), or -1. */
  private findPrevious(marker: Marker): number {
    if (marker.style === 'heading') return -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]!.node.marker;
      if (open?.style === marker.style && open.value + 1 === marker.value) return i;
    }
    return -1;
  }

  private checkNumber(marker: Marker, siblings: readonly Node[], line: number): void {
    let previous: Marker | undefined;
    for (let i = siblings.length - 1; i >= 0 && !previous; i--) {
      if (siblings[i]!.marker?.style === marker.style) previous = siblings[i]!.marker;
    }
    const last = this.lastValue.get(marker.style) ?? 0;
    if (previous && marker.value === previous.value) {
      this.warn('number-repeated', `number ${marker.printed} repeats the previous item’s number`, line);
    } else if (previous ? marker.value !== previous.value + 1 : marker.value !== 1 && marker.value !== last + 1) {
      const expected = previous ? `${previous.value + 1}` : last > 0 ? `1 or ${last + 1}` : '1';
      this.warn('number-out-of-order', `number ${marker.printed} is out of order (expected ${expected})`, line);
    }
  }

  private finish(node: Node | undefined, raw: string, line: number): void {
    const text = raw.replace(/\n/g, '').trim();
    if (node) {
      node.text = text;
      return;
    }
    if (text === '') return;
    if (this.roots.length === 0) {
      this.front.push({ text, line });
      return;
    }
    const salutation = SALUTATION.exec(text);
    if (salutation) {
      this.closeBelowSection();
      if (text.slice(salutation[0].length).trim() === '') return;
    }
    const parent = this.stack[this.stack.length - 1]?.node;
    const paragraph: Node = { text, line, children: [] };
    if (parent) parent.children.push(paragraph);
    else this.roots.push(paragraph);
  }

  /** Ends every open unit below the top section (after a salutation or a closing heading line). */
  private closeBelowSection(): void {
    this.stack.length = Math.min(this.stack.length, 1);
  }

  private warn(ruleId: string, reason: string, line: number): void {
    this.diagnostics.push({ reason, ruleId, severity: 'warning', place: { line } });
  }
}
