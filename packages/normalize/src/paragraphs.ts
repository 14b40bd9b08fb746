import { matchChromeParagraph, SALUTATION } from '@plandiff/lexicon';
import type { Ledger } from './ledger.ts';
import type { SourceLine } from './lines.ts';
import { readMarker } from './markers.ts';

/** A paragraph of the source after layout repair, with where its lines started. */
export interface Paragraph {
  /** The paragraph text; `\n` marks a line break that may begin a numbered unit. */
  text: string;
  /** 1-based source line of the paragraph's first character. */
  line: number;
  /** Offsets in `text` where each later source line starts, with its line number. */
  lineStarts: Array<[offset: number, line: number]>;
}

/** Characters that leave a line unfinished, so the next line continues it. */
const OPEN_END = /[，、（(“‘《〈【〔—-]$/u;
/** Characters that cannot start a line, so the line continues the previous one. */
const CLOSE_START = /^[，。、；：！？）)”’》〉】〕％%]/u;
const SENTENCE_INSIDE = /[。！？；]/u;
const TERMINAL_END = /[。！？；：:…”’）)》】」』!?]$/u;
const ASCII_ALNUM_END = /[A-Za-z0-9.]$/;
const ASCII_ALNUM_START = /^[A-Za-z0-9.]/;
/** A line ending in this particle stops inside a phrase (`…发展的` before a bold `主要目标`). */
const PARTICLE_END = /(?<![目标端])的$/u;
/** A bold or linked span printed on its own line: short, no punctuation. */
const SPAN = /^[^，。、；：！？,.;:!?\s]{1,12}$/u;
/** Bracket pairs whose opening half left open means the sentence goes on. */
const PAIRS: ReadonlyArray<[string, string]> = [
  ['“', '”'],
  ['《', '》'],
  ['（', '）'],
  ['(', ')'],
];
/** A topic sentence printed on its own line before its body (`生态底色更加亮丽。`). */
const LEAD = /^[^，；：,;:。！？]{2,40}[。！]$/u;
/** Lead lines needed before the habit of printing them apart is trusted. */
const MIN_LEADS = 3;

/** A line or blank-line block before paragraphs are joined. */
interface Piece {
  text: string;
  line: number;
  lineStarts: Array<[number, number]>;
  /** The text of its last source line, for the line-mode joining rules. */
  last: string;
}

/**
 * Splits lines into paragraphs, repairing the layout. When the text separates paragraphs by blank
 * lines, a paragraph is such a block (its lines joined with no separator, repairing hard wraps and
 * split `PM2.5`), cut again at indented lines where the text indents paragraph starts. Otherwise a
 * line is a paragraph, joined to the next when it visibly breaks off (ends in `，` or an open
 * bracket, the next starts with closing punctuation, an ASCII word is cut, prose stops mid-sentence).
 * In both layouts a line broken at a bold or linked span (`…发展的` / `主要目标` / `是：…`) is
 * rejoined, and so is a topic sentence printed on its own line before its body, where the text does
 * that habitually. Licence notices and hosting-site notes are dropped as whole paragraphs.
 */
export function splitParagraphs(
  lines: readonly SourceLine[],
  ledger: Ledger,
  options: { joins?: boolean } = {},
): Paragraph[] {
  const blockMode = countGaps(lines);
  const pieces = blockMode ? blocksOf(lines) : lines.filter((l) => l.text !== '').map(pieceOf);
  const leads = leadPairs(pieces);
  const paragraphs: Paragraph[] = [];
  let current: Piece | undefined;
  let openSpan = false;
  const flush = (): void => {
    if (!current) return;
    const rule = matchChromeParagraph(current.text.replace(/\n/g, ''));
    const end = current.lineStarts[current.lineStarts.length - 1]?.[1] ?? current.line;
    if (rule) ledger.drop(rule.ruleId, rule.what, current.line, current.text, 0, end);
    else paragraphs.push({ text: current.text, line: current.line, lineStarts: current.lineStarts });
    current = undefined;
  };
  const joinsPiece = (into: Piece, piece: Piece, next: Piece | undefined, i: number): boolean => {
    const span = !blockMode || piece.text.length <= 12 ? spanJoin(into.text, piece.text, next?.text, openSpan) : 0;
    const joins =
      leads.has(i) ||
      span > 0 ||
      (!blockMode && continues(into.last, into.text, piece.text)) ||
      (blockMode && CLOSE_START.test(piece.text));
    if (joins) {
      openSpan = span === 2 || (openSpan && span > 0);
      append(into, piece);
    }
    return joins;
  };
  pieces.forEach((piece, i) => {
    if (current) {
      if (options.joins !== false && joinsPiece(current, piece, pieces[i + 1], i)) return;
      flush();
    }
    openSpan = false;
    current = { ...piece, lineStarts: [...piece.lineStarts] };
  });
  flush();
  return paragraphs;
}

function pieceOf(line: SourceLine): Piece {
  return { text: line.text, line: line.line, lineStarts: [...line.starts], last: line.text };
}

function append(current: Piece, piece: Piece): void {
  const separator = joinSeparator(current.text, piece.text);
  current.text += separator;
  current.lineStarts.push([current.text.length, piece.line]);
  for (const [offset, line] of piece.lineStarts) current.lineStarts.push([current.text.length + offset, line]);
  current.text += piece.text;
  current.last = piece.last;
}

/** Blank-line layout: enough non-empty lines are followed by a blank line. */
function countGaps(lines: readonly SourceLine[]): boolean {
  let nonEmpty = 0;
  let gaps = 0;
  let sawBlank = false;
  for (const line of lines) {
    if (line.text === '') {
      sawBlank = true;
      continue;
    }
    if (nonEmpty > 0 && sawBlank) gaps++;
    nonEmpty++;
    sawBlank = false;
  }
  return nonEmpty <= 1 || gaps * 4 >= nonEmpty - 1;
}

/**
 * Blocks between blank lines. Where the text marks paragraph starts by indenting them (indented
 * lines open blocks and hardly ever continue one), an indented line inside a block starts a new
 * one: a heading printed right above its paragraph stays apart from it.
 */
function blocksOf(lines: readonly SourceLine[]): Piece[] {
  const groups: SourceLine[][] = [];
  let group: SourceLine[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (group.length > 0) groups.push(group);
      group = [];
    } else group.push(line);
  }
  if (group.length > 0) groups.push(group);
  const firsts = groups.filter((g) => g[0]!.indent >= 2).length;
  const indentsStarts = firsts >= 3 && firsts >= groups.length * 0.5;
  const pieces: Piece[] = [];
  for (const g of groups) {
    let piece: Piece | undefined;
    for (const line of g) {
      // An indented line after a complete line (a sentence end, or a heading without punctuation).
      const starts = indentsStarts && line.indent >= 2 && piece !== undefined && complete(piece.last);
      if (piece && !starts) {
        append(piece, pieceOf(line));
        continue;
      }
      if (piece) pieces.push(piece);
      piece = pieceOf(line);
    }
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/** A line that ends a paragraph or is a heading: sentence end, or short with no punctuation. */
function complete(line: string): boolean {
  return TERMINAL_END.test(line) || (line.length <= 30 && !/[，、；：,;:]/u.test(line) && !OPEN_END.test(line));
}

/**
 * Whether a piece continues a sentence broken at a bold or linked span: 1 for a plain join, 2 when
 * the piece is the span itself (so the line after it joins too while the sentence stays open).
 */
function spanJoin(paragraph: string, piece: string, next: string | undefined, openSpan: boolean): number {
  if (readMarker(piece, 0) || SALUTATION.pattern.test(piece)) return 0;
  const ended = TERMINAL_END.test(paragraph);
  if (!ended && PAIRS.some(([open, close]) => count(paragraph, open) > count(paragraph, close))) return 1;
  if (PARTICLE_END.test(paragraph)) return SPAN.test(piece) ? 2 : 1;
  if (!ended && SPAN.test(piece) && next !== undefined && CLOSE_START.test(next)) return 2;
  if (openSpan && !ended) return 1;
  return 0;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

/** Line-mode joins: the previous line visibly breaks off, or the next cannot start a paragraph. */
function continues(previous: string, paragraph: string, next: string): boolean {
  if (readMarker(next, 0)) return false;
  if (/^[A-Za-z0-9.+-]{1,8}$/.test(previous)) return true;
  if (OPEN_END.test(previous) || CLOSE_START.test(next)) return true;
  // Prose cut mid-sentence: the line already holds a sentence end but stops without one.
  if (SENTENCE_INSIDE.test(previous) && !TERMINAL_END.test(previous) && !TERMINAL_END.test(paragraph)) return true;
  // A Latin word or number cut (`PM` / `2.5`), not a label before a line that opens with a year (`附件1` / `2026年…`).
  return (
    ASCII_ALNUM_END.test(previous) &&
    ASCII_ALNUM_START.test(next) &&
    next.length <= 12 &&
    !/^[0-9０-９]{4}\s*年/u.test(next) &&
    (/[A-Za-z.]$/u.test(previous) || /^[A-Za-z0-9.]+$/u.test(next))
  );
}

/**
 * Topic sentences printed on their own line before their body (`生态底色更加亮丽。` then the paragraph),
 * when the text does so at least three times: the index of each body piece that joins its lead.
 */
function leadPairs(pieces: readonly Piece[]): Set<number> {
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < pieces.length; i++) {
    const lead = pieces[i]!.text;
    const body = pieces[i + 1]!.text;
    if (!LEAD.test(lead) || readMarker(lead, 0) || SALUTATION.pattern.test(lead)) continue;
    if (body.length < 60 || body.length < lead.length * 2 || readMarker(body, 0) || LEAD.test(body)) continue;
    pairs.add(i + 1);
  }
  return pairs.size >= MIN_LEADS ? pairs : new Set();
}

function joinSeparator(previous: string, next: string): string {
  if (readMarker(next, 0)) return '\n';
  if (/[A-Za-z]$/.test(previous) && /^[A-Za-z]/.test(next)) return ' ';
  return '';
}
