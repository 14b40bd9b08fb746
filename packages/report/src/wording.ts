import type { WordPart } from '@plandiff/model';

/** Which edition a side of a change shows. */
export type Side = 'old' | 'new';

/** The parts of a word-level diff visible on one side: equal text plus that side's own edits. */
export function sideParts(wording: readonly WordPart[], side: Side): WordPart[] {
  const hidden = side === 'old' ? 'insert' : 'delete';
  return wording.filter((part) => part.op !== hidden && part.text !== '');
}

/** Joins parts back into the side's text. */
export function partsText(parts: readonly WordPart[]): string {
  return parts.map((part) => part.text).join('');
}

const SEPARATORS = ['', '\n', '\n\n', ' '];

/**
 * Cuts one side's parts into one list per task when the side's text is the tasks' texts joined by a
 * plain separator (how a merge or split's wording is built), so each merged/split task shows its own
 * highlighted text; returns undefined when the texts do not line up.
 */
export function splitParts(parts: readonly WordPart[], texts: readonly string[]): WordPart[][] | undefined {
  const whole = partsText(parts);
  if (texts.length === 1) return [[...parts]];
  const sep = SEPARATORS.find((s) => texts.join(s) === whole);
  if (sep === undefined) return undefined;
  const ranges: [number, number][] = [];
  let start = 0;
  for (const text of texts) {
    ranges.push([start, start + text.length]);
    start += text.length + sep.length;
  }
  return ranges.map(([from, to]) => sliceParts(parts, from, to));
}

/** The parts covering characters [from, to) of their joined text, cut at the edges. */
function sliceParts(parts: readonly WordPart[], from: number, to: number): WordPart[] {
  const out: WordPart[] = [];
  let offset = 0;
  for (const part of parts) {
    const end = offset + part.text.length;
    const a = Math.max(from, offset);
    const b = Math.min(to, end);
    if (a < b) out.push({ op: part.op, text: part.text.slice(a - offset, b - offset) });
    offset = end;
  }
  return out;
}
