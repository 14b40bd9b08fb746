import { ENUMERATION_STYLES, MARKER_PATTERNS } from '@plandiff/lexicon';

/** What may not follow a marker for it to number a line: nothing, or closing punctuation. */
const BAD_AFTER = /^\s*$|^[，。、；：）)”’》%％]/u;
const CIRCLED = /^[\u2460-\u2473]/u;

/**
 * True for a line that starts with one of the normalizer's numbering markers (第一章, 一、, （一）,
 * 1., 1、, （1）, ①) or an enumeration heading (一是…, 第一，…): the next item of a plan, whatever
 * element the page put it in.
 */
export function isNumberedLine(text: string): boolean {
  if (CIRCLED.test(text)) return !BAD_AFTER.test(text.slice(1));
  for (const [, pattern] of MARKER_PATTERNS) {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match) return !BAD_AFTER.test(text.slice(match[0].length));
  }
  return ENUMERATION_STYLES.some(({ pattern }) => pattern.test(text));
}
