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

/**
 * Cuts a whole wording (deletions included) into one list per new task, by where each task's text
 * falls on the new side; a deletion goes with the task it sits in (at a boundary, the earlier one).
 * Undefined when the new side is not the tasks' texts joined by a plain separator.
 */
export function splitWordingByNew(parts: readonly WordPart[], texts: readonly string[]): WordPart[][] | undefined {
  const whole = partsText(sideParts(parts, 'new'));
  if (texts.length === 1) return whole === texts[0] ? [[...parts]] : undefined;
  const sep = SEPARATORS.find((s) => texts.join(s) === whole);
  if (sep === undefined) return undefined;
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length + sep.length;
  }
  const out: WordPart[][] = texts.map(() => []);
  let offset = 0;
  let task = 0;
  for (const part of parts) {
    if (part.op === 'delete') {
      out[task]?.push(part);
      continue;
    }
    let rest = part.text;
    while (rest) {
      while (task < texts.length - 1 && offset >= starts[task + 1]!) task++;
      const end = starts[task]! + texts[task]!.length;
      // Past the task's end: the separator before the next task, in neither task's text.
      const take =
        offset < end ? Math.min(rest.length, end - offset) : Math.min(rest.length, starts[task + 1]! - offset);
      if (offset < end) out[task]?.push({ op: part.op, text: rest.slice(0, take) });
      rest = rest.slice(take);
      offset += take;
    }
  }
  return out;
}
