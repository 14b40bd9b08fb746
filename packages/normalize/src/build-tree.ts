import { NOTICE_WORDS, SALUTATION } from '@plandiff/lexicon';
import type { Diagnostic } from '@plandiff/model';
import { endLastEnumerations, endLastItems } from './end-last-items.ts';
import type { Ledger } from './ledger.ts';
import { type Marker, type MarkerStyle, readBareNumeral, readEnumeration, readMarker } from './markers.ts';
import { isHeadingLine, isSalutationOnly } from './paragraph-kinds.ts';
import type { Paragraph } from './paragraphs.ts';
import type { FrontPiece, Node, Skeleton } from './types.ts';

export type { FrontPiece, Node, Skeleton } from './types.ts';

/** Deepest nesting the builder creates; restarted lists beyond it stay siblings (bounds recursion). */
export const MAX_DEPTH = 24;
/** An enumeration (`一是…`) is printed as a heading when its paragraph is at most this long. */
const ENUMERATION_HEADING = 60;
/** A text with no numbering at all is read as headed paragraphs when its body is at least this long. */
const MIN_HEADED_BODY = 500;

/** Numbered-list styles: one may carry on another's list (1.–8. then （九）); enumerations and laws do not. */
const LIST_STYLES: ReadonlySet<MarkerStyle> = new Set([
  'cn-comma',
  'cn-paren',
  'num-dot',
  'num-comma',
  'num-paren',
  'circled',
]);

/** The parts of a law, outermost first. */
const LEGAL_ORDER: readonly MarkerStyle[] = ['part', 'chapter', 'section', 'article'];

interface Open {
  node: Node;
  rank: number;
}

/**
 * Builds the unit tree from paragraphs. A paragraph that starts with a marker opens a numbered unit;
 * inside a paragraph a marker after whitespace, a line break or a sentence end (。！？) also opens
 * one, but only when it continues the sequence of its style (so `“9+3学校`, `2.15万亿元` never split).
 * Enumerations printed as headings (`一是…` on a line of its own) and bare numeral lines (`一`) open
 * units too. Styles nest by the order in which they first appear; unnumbered paragraphs become
 * children of the innermost open unit; a salutation (`各位代表！`) closes everything below the top
 * section. A text with no numbering at all is read as headed paragraphs (not an annex: its
 * unnumbered paragraphs are its units anyway).
 */
export function buildSkeleton(
  paragraphs: readonly Paragraph[],
  diagnostics: Diagnostic[],
  ledger: Ledger,
  options: { annex?: boolean } = {},
): Skeleton {
  const builder = new SkeletonBuilder(diagnostics, ledger);
  const firstProse = paragraphs.findIndex(
    (p) => /[。！？]/u.test(p.text) && !isSalutationOnly(p.text) && !NOTICE_WORDS.pattern.test(p.text),
  );
  const bare = bareNumerals(paragraphs);
  const heading = (i: number): boolean =>
    firstProse >= 0 && i > firstProse && !bare.has(i) && isHeadingLine(paragraphs[i]!.text);
  const headingAt = paragraphs.flatMap((_, i) => (heading(i) ? [i] : []));
  const firstNumbered = paragraphs.findIndex((p, i) => readMarker(p.text, 0) !== undefined || bare.has(i));
  // Unnumbered headings form the top level when the body opens with one (before any number) and
  // there are at least two besides a closing one after the last number (`结束语`).
  const lastNumbered = paragraphs.findLastIndex((p) => readMarker(p.text, 0) !== undefined);
  const closing = headingAt.filter((i) => i > lastNumbered && lastNumbered >= 0).length > 0 ? 1 : 0;
  if (headingAt.length - closing >= 2 && (firstNumbered < 0 || headingAt[0]! < firstNumbered))
    builder.useHeadingLines();
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const numeral = bare.get(i);
    if (numeral) {
      const next = paragraphs[i + 1];
      // A numeral alone on its line, with its heading on the next line.
      if (paragraph.text === numeral.printed && next && isHeadingLine(next.text) && !bare.has(i + 1)) {
        builder.addBare(numeral, `${paragraph.text} ${next.text}`, paragraph);
        i++;
      } else builder.addBare(numeral, paragraph.text, paragraph);
    } else if (heading(i)) builder.addHeadingLine(paragraph, prose(paragraphs[i + 1]));
    else builder.add(paragraph);
  }
  for (const root of builder.roots) {
    endLastItems(root);
    endLastEnumerations(root);
  }
  if (builder.roots.length === 0 && !options.annex) readHeadedParagraphs(builder, diagnostics);
  return { front: builder.front, roots: builder.roots };
}

function prose(paragraph: Paragraph | undefined): boolean {
  return paragraph !== undefined && /[。！？]/u.test(paragraph.text) && readMarker(paragraph.text, 0) === undefined;
}

/** Bare numeral lines (`一`, `二　…`) where the text numbers its parts that way: 一 and 二 both occur, in order. */
function bareNumerals(paragraphs: readonly Paragraph[]): Map<number, Marker> {
  const found = new Map<number, Marker>();
  let expected = 1;
  paragraphs.forEach((p, i) => {
    if (p.text.length > 40) return;
    const marker = readBareNumeral(p.text);
    if (marker?.value === expected) {
      found.set(i, marker);
      expected++;
    }
  });
  return expected > 2 ? found : new Map();
}

/**
 * A text without any numbering (or heading lines) gives headed paragraphs: the opening paragraph
 * stays the preamble, every later paragraph is a top-level unit headed by its first sentence.
 */
function readHeadedParagraphs(builder: SkeletonBuilder, diagnostics: Diagnostic[]): void {
  const front = builder.front;
  const opening = front.findIndex((p) => /[。！？]/u.test(p.text) && !isSalutationOnly(p.text));
  if (opening < 0) return;
  const body = front.slice(opening + 1);
  const length = body.reduce((n, p) => n + p.text.length, 0);
  if (body.filter((p) => !isSalutationOnly(p.text)).length < 3 || length < MIN_HEADED_BODY) return;
  front.length = opening + 1;
  for (const piece of body) builder.addFromFront(piece);
  diagnostics.push({
    reason: `no numbered sections: read ${builder.roots.length} paragraphs as headed paragraphs`,
    ruleId: 'no-numbering',
    severity: 'info',
    place: { line: body[0]!.line },
  });
}

class SkeletonBuilder {
  readonly roots: Node[] = [];
  readonly front: FrontPiece[] = [];
  private readonly stack: Open[] = [];
  private readonly ranks = new Map<MarkerStyle, number>();
  private readonly lastValue = new Map<MarkerStyle, number>();

  constructor(
    private readonly diagnostics: Diagnostic[],
    private readonly ledger: Ledger,
  ) {}

  /** Makes unnumbered heading lines the top level of the tree, above every numbering style. */
  useHeadingLines(): void {
    this.ranks.set('heading', -1);
  }

  /**
   * A heading line opens a top-level unit when heading lines are in use. Before any number, one that
   * heads prose (`首先报告2001年的工作`) opens a top-level unit that the first number closes;
   * otherwise it is front matter. Once the body has begun, it closes everything below the top
   * section (like `结束语` after the last item).
   */
  addHeadingLine(paragraph: Paragraph, headsProse: boolean): void {
    const text = paragraph.text.replace(/\n/g, '');
    if (this.ranks.has('heading')) {
      this.open({ style: 'heading', value: 0, printed: '' }, paragraph.line, 0).text = text;
    } else if (this.roots.length === 0 || this.stack[0]?.rank === Number.POSITIVE_INFINITY) {
      if (!headsProse && this.roots.length === 0) {
        this.front.push({
          text,
          line: paragraph.line,
          offset: 0,
          endLine: paragraph.lineStarts.at(-1)?.[1] ?? paragraph.line,
        });
        return;
      }
      // Closed by whatever numbered unit comes next: it stays a sibling of the numbered sections.
      const node: Node = { text, line: paragraph.line, offset: 0, children: [] };
      this.stack.length = 0;
      this.roots.push(node);
      this.stack.push({ node, rank: Number.POSITIVE_INFINITY });
    } else {
      this.closeBelowSection();
      this.finish(undefined, text, paragraph.line, 0);
    }
  }

  /** A bare numeral heading (`一`, `二　过去一年的工作`). */
  addBare(marker: Marker, text: string, paragraph: Paragraph): void {
    this.open(marker, paragraph.line, 0).text = text.replace(/\n/g, '').trim();
  }

  /** A front piece read as an unnumbered top-level paragraph (a text with no numbering). */
  addFromFront(piece: FrontPiece): void {
    if (isSalutationOnly(piece.text)) {
      this.ledger.drop('salutation', 'salutation', piece.line, piece.text, piece.offset);
      return;
    }
    this.roots.push({ text: piece.text, line: piece.line, offset: piece.offset, children: [] });
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
    const first = readMarker(text, 0) ?? this.enumerationHeading(text);
    let current = first ? this.open(first, paragraph.line, 0) : undefined;
    let from = 0;
    const gaps = /\s+|[。！？]/gu;
    for (let gap = gaps.exec(text); gap; gap = gaps.exec(text)) {
      const at = gap.index + gap[0].length;
      if (at >= text.length) break;
      const marker = readMarker(text, at);
      if (!marker || !this.continuesSequence(marker)) continue;
      const line = lineAt(from);
      this.finish(current, text.slice(from, at), line, from, lineAt(at - 1));
      current = this.open(marker, lineAt(at), at);
      from = at;
    }
    this.finish(current, text.slice(from), lineAt(from), from, paragraph.lineStarts.at(-1)?.[1]);
  }

  /** An enumeration printed as a heading: `一是…` opening a short paragraph of one sentence. */
  private enumerationHeading(text: string): Marker | undefined {
    if (text.length > ENUMERATION_HEADING || /[。！？；]./u.test(text)) return undefined;
    return readEnumeration(text);
  }

  /** Whether an inline marker is the next number of its style where it stands. */
  private continuesSequence(marker: Marker): boolean {
    if (!this.ranks.has(marker.style)) return marker.value === 1;
    if (this.findPrevious(marker) >= 0) return true;
    if (this.stack.some((open) => open.node.marker?.style === marker.style)) return false;
    return marker.value === 1 || marker.value === (this.lastValue.get(marker.style) ?? 0) + 1;
  }

  private open(marker: Marker, line: number, offset: number): Node {
    let rank = this.ranks.get(marker.style);
    let continued = false;
    if (rank === undefined) {
      const continuing = this.continuedInNewStyle(marker, line);
      continued = continuing !== undefined;
      rank = continuing ?? this.firstRank(marker.style);
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
    if (marker.style !== 'heading' && next < 0 && !restarted && !continued) this.checkNumber(marker, siblings, line);
    const node: Node = { marker, text: '', line, offset, children: [] };
    siblings.push(node);
    this.stack.push({ node, rank });
    this.lastValue.set(marker.style, marker.value);
    return node;
  }

  /**
   * A style never seen before whose first number is not 1 but the next number of an open unit
   * (1.–8. then （九）) continues that list in another style: no list starts at 九, so it takes that
   * unit's rank and becomes its sibling instead of opening a level inside it.
   */
  private continuedInNewStyle(marker: Marker, line: number): number | undefined {
    if (marker.value <= 1 || !LIST_STYLES.has(marker.style)) return undefined;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]!;
      const before = open.node.marker;
      if (!before || !LIST_STYLES.has(before.style) || before.value + 1 !== marker.value) continue;
      this.diagnostics.push({
        reason: `${marker.printed} continues the list before it (${before.printed}) in another numbering style; read as its next item`,
        ruleId: 'number-style-change',
        severity: 'info',
        place: { line },
      });
      return open.rank;
    }
    return undefined;
  }

  /**
   * Rank of a style seen for the first time: below every style seen so far, except that the parts
   * of a law keep their order (编/部分 > 章 > 节 > 条) whichever the text prints first: a 第一节 first
   * seen after 第一条 still holds its articles.
   */
  private firstRank(style: MarkerStyle): number {
    const order = LEGAL_ORDER.indexOf(style);
    if (order >= 0) {
      const deeper = LEGAL_ORDER.slice(order + 1).flatMap((s) => this.ranks.get(s) ?? []);
      if (deeper.length > 0) return Math.min(...deeper) - 1 / 64;
    }
    return this.ranks.size;
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

  private finish(node: Node | undefined, raw: string, line: number, offset: number, endLine = line): void {
    const text = raw.replace(/\n/g, '').trim();
    if (node) {
      node.text = text;
      return;
    }
    if (text === '') return;
    if (this.roots.length === 0) {
      this.front.push({ text, line, offset, endLine: Math.max(line, endLine) });
      return;
    }
    const salutation = SALUTATION.pattern.exec(text);
    if (salutation) {
      this.closeBelowSection();
      if (text.slice(salutation[0].length).trim() === '') {
        this.ledger.drop('salutation', 'salutation', line, text, offset);
        return;
      }
    }
    const parent = this.stack[this.stack.length - 1]?.node;
    const paragraph: Node = { text, line, offset, children: [] };
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
