import type { Diagnostic } from '@plandiff/model';
import { ChromeLog, matchChromeParagraph, removeChromeLines } from './chrome.ts';
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
const TERMINAL_END = /[。！？；：:…”’）)》】」』]$/u;
const ASCII_ALNUM_END = /[A-Za-z0-9.]$/;
const ASCII_ALNUM_START = /^[A-Za-z0-9.]/;

/**
 * Splits text into paragraphs. When the text separates paragraphs by blank (or whitespace-only)
 * lines, a paragraph is such a block and its lines are joined with no separator (repairing hard
 * wraps and split `PM2.5`); otherwise every line is a paragraph, joined to the next only when it
 * visibly breaks off (ends in `，`/an open bracket, the next starts with closing punctuation, an
 * ASCII word or number is cut, or a line of prose stops mid-sentence). Leading/trailing whitespace (incl. full-width) is stripped from lines.
 */
export function splitParagraphs(input: string, diagnostics: Diagnostic[]): Paragraph[] {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n?|\n|\u2028|\u2029/);
  const chrome = new ChromeLog();
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.replace(/\u200b|\u200c|\u200d|\ufeff/g, '').trim();
  removeChromeLines(lines, chrome);
  const blockMode = countGaps(lines);
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let parts: string[] = [];
  let length = 0;
  const flush = (): void => {
    if (current) {
      current.text = parts.join('');
      const rule = matchChromeParagraph(current.text);
      if (rule) chrome.note(rule, current.line, current.text);
      else paragraphs.push(current);
    }
    current = undefined;
    parts = [];
    length = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      if (blockMode) flush();
      continue;
    }
    if (current) {
      const previous = parts[parts.length - 1]!;
      const joins = blockMode || continues(lines[i - 1] ?? previous, line);
      if (!joins) flush();
      else {
        const separator = joinSeparator(previous, line);
        parts.push(separator);
        length += separator.length;
        current.lineStarts.push([length, i + 1]);
        parts.push(line);
        length += line.length;
        continue;
      }
    }
    current = { text: '', line: i + 1, lineStarts: [] };
    parts.push(line);
    length = line.length;
  }
  flush();
  chrome.report(diagnostics);
  return paragraphs;
}

/** Blank-line layout: enough non-empty lines are followed by a blank line. */
function countGaps(lines: readonly string[]): boolean {
  let nonEmpty = 0;
  let gaps = 0;
  let sawBlank = false;
  for (const line of lines) {
    if (line === '') {
      sawBlank = true;
      continue;
    }
    if (nonEmpty > 0 && sawBlank) gaps++;
    nonEmpty++;
    sawBlank = false;
  }
  return nonEmpty <= 1 || gaps * 4 >= nonEmpty - 1;
}

function continues(previous: string, next: string): boolean {
  if (readMarker(next, 0)) return false;
  if (/^[A-Za-z0-9.+-]{1,8}$/.test(previous)) return true;
  if (OPEN_END.test(previous) || CLOSE_START.test(next)) return true;
  // Prose cut mid-sentence: the line already holds a sentence end but stops without one.
  if (SENTENCE_INSIDE.test(previous) && !TERMINAL_END.test(previous)) return true;
  return ASCII_ALNUM_END.test(previous) && ASCII_ALNUM_START.test(next) && next.length <= 12;
}

function joinSeparator(previous: string, next: string): string {
  if (readMarker(next, 0)) return '\n';
  if (/[A-Za-z]$/.test(previous) && /^[A-Za-z]/.test(next)) return ' ';
  return '';
}
