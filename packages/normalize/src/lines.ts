import { matchChromeRun, TITLE_END } from '@plandiff/lexicon';
import type { Ledger } from './ledger.ts';
import { readEnumeration, readMarker } from './markers.ts';
import { foldVariants } from './variants.ts';

/**
 * A line of the source after cleaning — or, in a hard-wrapped text, a run of wrapped lines rejoined:
 * its text trimmed, where its pieces start, and how it was laid out.
 */
export interface SourceLine {
  /** The trimmed text; '' for blank lines and removed chrome. */
  text: string;
  /** 1-based number of its first source line. */
  line: number;
  /** Offsets in `text` where each later source line starts, with its line number (rejoined wraps). */
  starts: Array<[offset: number, line: number]>;
  /** Width of the leading whitespace (a full-width space counts 2). */
  indent: number;
  /** True when the raw line ended in whitespace (a hard wrap may have cut there). */
  spaceAfter: boolean;
}

/** Last source line a (possibly rejoined) line covers. */
export function endLineOf(line: SourceLine): number {
  return line.starts[line.starts.length - 1]?.[1] ?? line.line;
}

/** Format characters that carry no text: zero-width spaces and joiners, BOM, bidi marks, soft hyphens. */
const INVISIBLE = /[\p{Cf}]/gu;
/** A trailer must not hold paragraphs longer than this: related-article titles and ids are short. */
const MAX_TRAILER_LINE = 200;
/** Share of the text that must come before a trailer, so chrome at the top never cuts the document. */
const TRAILER_AFTER = 0.5;
/** How many lines at the top a title printed again at the end is looked for in. */
const TITLE_SCAN = 40;
/** Leading characters that identify an excerpt of the text printed again at the end. */
const EXCERPT_KEY = 24;

/** Splits the input into lines, removes invisible characters and trims each line, keeping its indent. */
export function readLines(input: string): SourceLine[] {
  return input
    .replace(/^\uFEFF/u, '')
    .split(/\r\n?|\n|\u2028|\u2029/u)
    .map((raw, i) => {
      const line = raw.replace(INVISIBLE, '');
      const lead = /^\s*/u.exec(line)![0];
      let indent = 0;
      for (const ch of lead) indent += ch === '\t' ? 4 : ch.charCodeAt(0) > 0xff ? 2 : 1;
      return { text: line.trim(), line: i + 1, starts: [], indent, spaceAfter: /\s$/u.test(line) };
    });
}

/**
 * Removes page clutter, each piece by a named rule recorded in the ledger: chrome lines and the
 * runs they open (lexicon), a trailer (`相关报道：`, `责任编辑：`, `扫一扫…` and everything after it),
 * and at the very end the title or an excerpt of the text printed again. Removed lines become ''.
 */
export function removeClutter(lines: SourceLine[], ledger: Ledger): void {
  const texts = lines.map((l) => l.text);
  const bodyStart = texts.findIndex((t) => readMarker(t, 0) !== undefined);
  const trailer = findTrailer(texts);
  for (let i = 0; i < lines.length; i++) {
    if (i === trailer) {
      const opener = lines[i]!.text;
      for (let j = i; j < lines.length; j++) {
        if (lines[j]!.text === '') continue;
        const row = lines[j]!;
        ledger.drop(
          'clutter-trailer',
          `trailer (after “${opener.slice(0, 12)}”)`,
          row.line,
          row.text,
          0,
          endLineOf(row),
        );
        lines[j]!.text = '';
      }
      break;
    }
    if (lines[i]!.text === '') continue;
    const margin = bodyStart < 0 || i < bodyStart;
    const run = matchChromeRun(texts, i, margin);
    if (!run) continue;
    for (const at of run.lines) {
      if (at >= trailer && trailer >= 0) break;
      const row = lines[at]!;
      ledger.drop(run.rule.ruleId, run.rule.what, row.line, row.text, 0, endLineOf(row));
      lines[at]!.text = '';
      texts[at] = '';
    }
  }
  removeRepeats(lines, ledger);
}

/** Index of the line that opens a trailer, or -1: a trailer opener after which only short lines follow. */
function findTrailer(texts: readonly string[]): number {
  const total = texts.reduce((n, t) => n + t.length, 0);
  let before = 0;
  let candidate = -1;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (candidate < 0 && before >= total * TRAILER_AFTER && text !== '') {
      const run = matchChromeRun(texts, i, true);
      if (run?.rule.opensTrailer) candidate = i;
    } else if (candidate >= 0 && text.length > MAX_TRAILER_LINE) {
      candidate = -1;
    }
    before += text.length;
  }
  return candidate;
}

/** Drops, from the end, lines that repeat the title or the opening of text printed earlier (a page summary). */
function removeRepeats(lines: SourceLine[], ledger: Ledger): void {
  const kept = lines.flatMap((l, i) => (l.text === '' ? [] : [i]));
  const keys = kept.map((i) => keyOf(lines[i]!.text));
  const titles = new Set(
    kept
      .slice(0, TITLE_SCAN)
      .filter((i) => lines[i]!.text.length <= 60 && TITLE_END.pattern.test(foldVariants(lines[i]!.text)))
      .map((i) => keyOf(lines[i]!.text)),
  );
  const starts: number[] = [];
  let stream = '';
  for (const key of keys) {
    starts.push(stream.length);
    stream += key;
  }
  for (let k = kept.length - 1; k > 0; k--) {
    const i = kept[k]!;
    const text = lines[i]!.text;
    const key = keys[k]!;
    const repeated = titles.has(key) && keys.slice(0, k).includes(key);
    const found = key.length >= EXCERPT_KEY ? stream.indexOf(key.slice(0, EXCERPT_KEY)) : -1;
    const excerpt = text.length <= 300 && found >= 0 && found < starts[k]!;
    if (!repeated && !excerpt) break;
    ledger.drop(
      repeated ? 'clutter-repeated-title' : 'clutter-excerpt',
      repeated ? 'title printed again' : 'excerpt printed again',
      lines[i]!.line,
      text,
      0,
      endLineOf(lines[i]!),
    );
    lines[i]!.text = '';
  }
}

function keyOf(text: string): string {
  return text.replace(/[\s\p{P}]/gu, '');
}

/** Lines at least this long are measured to find a hard-wrap width. */
const MIN_MEASURED = 8;
/** Share of the measured lines that must fill the width for a text to count as hard-wrapped. */
const FULL_SHARE = 0.5;

/** Display width: CJK and full-width characters count 2, others 1. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

/**
 * The width a hard-wrapped text was cut at (text copied from a PDF, a mirror that wraps at 30
 * characters), or undefined: most lines fill the same width and hardly any is longer. Measured in
 * characters and in display width; whichever shows the wrap more clearly wins.
 */
export function wrapWidth(lines: readonly SourceLine[]): { width: number; measure: (t: string) => number } | undefined {
  let best: { width: number; measure: (t: string) => number; share: number } | undefined;
  for (const measure of [(t: string) => Array.from(t).length, displayWidth]) {
    const lengths = lines.filter((l) => l.text.length >= MIN_MEASURED).map((l) => measure(l.text));
    if (lengths.length < 8) return undefined;
    lengths.sort((a, b) => a - b);
    const width = lengths[Math.floor(lengths.length * 0.8)]!;
    // A mirror cuts at exactly the width; a PDF's lines vary by a character or two.
    const exact = lengths.filter((n) => n === width).length;
    const near = lengths.filter((n) => n >= width - 2 && n <= width + 2).length;
    const tolerance = exact >= near * 0.9 ? 0 : Math.max(2, Math.round(width * 0.06));
    const full = lengths.filter((n) => n >= width - tolerance && n <= width + tolerance).length;
    const longer = lengths.filter((n) => n > width + tolerance).length;
    const share = full / lengths.length;
    // Wrapped lines are cut mid-sentence; a list of one-sentence lines of like length is not wrapped.
    const fullLines = lines.filter((l) => l.text.length >= MIN_MEASURED && measure(l.text) >= width - tolerance);
    const ended = fullLines.filter((l) => /[。！？；]$/u.test(l.text)).length;
    if (
      share >= FULL_SHARE &&
      longer <= lengths.length * 0.05 &&
      ended <= fullLines.length * 0.3 &&
      (!best || share > best.share)
    ) {
      best = { width: width - tolerance, measure, share };
    }
  }
  return best && { width: best.width, measure: best.measure };
}

/**
 * Rejoins hard-wrapped lines: a line that fills the wrap width continues on the next line, unless the
 * next line is indented where the text indents paragraph starts, or the full line ends a sentence and
 * the next opens a numbered unit or an enumeration (`四是…`). A paragraph whose last line happens to
 * fill the width exactly cannot be told from a wrapped one otherwise, and joins the next. A space at the cut is kept as a
 * space, so pieces the source separated by whitespace stay apart.
 */
export function unwrapLines(lines: readonly SourceLine[]): SourceLine[] {
  const wrap = wrapWidth(lines);
  if (!wrap) return lines.map((l) => ({ ...l, starts: [...l.starts] }));
  const indentsStarts = lines.filter((l) => l.indent >= 2).length >= 3;
  const out: SourceLine[] = [];
  let current: SourceLine | undefined;
  let full = false;
  let previous = '';
  for (const line of lines) {
    // A full line that ends a sentence before a numbered line ends its paragraph there.
    const breaks =
      /[。！？；]$/u.test(previous) &&
      (readMarker(line.text, 0) !== undefined || readEnumeration(line.text) !== undefined);
    if (current && full && line.text !== '' && !breaks && !(indentsStarts && line.indent >= 2)) {
      const latin = /[A-Za-z]$/u.test(current.text) && /^[A-Za-z]/u.test(line.text);
      const separator = current.spaceAfter || line.indent > 0 || latin ? ' ' : '';
      current.text += separator;
      current.starts.push([current.text.length, line.line]);
      current.text += line.text;
      current.spaceAfter = line.spaceAfter;
    } else {
      current = { ...line, starts: [] };
      out.push(current);
    }
    full = line.text !== '' && wrap.measure(line.text) >= wrap.width;
    previous = line.text;
  }
  return out;
}
