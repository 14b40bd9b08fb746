import { BARE_NUMERAL, ENUMERATION_STYLES, MARKER_PATTERNS, type PrintedMarkerStyle } from '@plandiff/lexicon';
import { parseNumeral } from './chinese-numeral.ts';

/** A numbering style; brackets and full-width forms of the same style share one name. */
export type MarkerStyle =
  | PrintedMarkerStyle
  | 'circled'
  /** A bare numeral heading line (`一`, `二　过去一年的工作`), read only at a paragraph start. */
  | 'cn-bare'
  /** Enumerations printed as headings (`一是…`, `一要…`, `第一，…`), read only at a paragraph start. */
  | 'enum-shi'
  | 'enum-yao'
  | 'enum-di'
  /** An unnumbered heading line (`结束语`, `过去五年的回顾`); never read from text, only assigned. */
  | 'heading';

/** A numbering marker found at some position: `（二）` → style cn-paren, value 2. */
export interface Marker {
  style: MarkerStyle;
  value: number;
  /** The marker as printed, e.g. `（二）`, `13.`. */
  printed: string;
}

const PATTERNS: ReadonlyArray<readonly [MarkerStyle, RegExp]> = MARKER_PATTERNS;
const CIRCLED_START = 0x2460; // ①

/** What may not follow a marker: nothing, or closing punctuation (then it is not a list marker). */
const BAD_AFTER = /[\s]*$|[，。、；：）)”’》%％]/y;

/** Reads a numbering marker starting exactly at `pos` in `text`, or undefined. */
export function readMarker(text: string, pos: number): Marker | undefined {
  const code = text.charCodeAt(pos);
  if (code >= CIRCLED_START && code <= CIRCLED_START + 19) {
    return checked(text, pos + 1, { style: 'circled', value: code - CIRCLED_START + 1, printed: text[pos]! });
  }
  for (const [style, pattern] of PATTERNS) {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (!match) continue;
    const value = parseNumeral(match[1]!);
    if (!Number.isFinite(value) || value <= 0) return undefined;
    return checked(text, pos + match[0].length, { style, value, printed: match[0] });
  }
  return undefined;
}

function checked(text: string, end: number, marker: Marker): Marker | undefined {
  BAD_AFTER.lastIndex = end;
  if (end >= text.length || BAD_AFTER.test(text)) return undefined;
  return marker;
}

/** True for characters after which an inline marker may start a new unit (whitespace, line break). */
export function isBreakBefore(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch);
}

/** Reads an enumeration printed as a heading (`一是加强领导`, `第一，…`) at the start of a paragraph. */
export function readEnumeration(text: string): Marker | undefined {
  for (const { style, pattern } of ENUMERATION_STYLES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = parseNumeral(match[1]!);
    if (!Number.isFinite(value) || value <= 0 || match[0].length >= text.length) return undefined;
    return { style, value, printed: match[0].trim() };
  }
  return undefined;
}

/** Reads a bare numeral heading (`一`, `二　过去一年的工作`) at the start of a paragraph. */
export function readBareNumeral(text: string): Marker | undefined {
  const match = BARE_NUMERAL.exec(text);
  if (!match) return undefined;
  const value = parseNumeral(match[1]!);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return { style: 'cn-bare', value, printed: match[1]! };
}
