import { foldWithOffsets } from './fold.ts';

/** A piece of unit text around the first hit, with the hit spans (offsets into `text`). */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

/** Characters shown before the first hit, and in all. */
const BEFORE = 30;
const LENGTH = 120;

/**
 * Finds every occurrence of the folded `needles` in `text` (compared folded, shown as printed), and cuts
 * a snippet around the first one; `…` marks cut ends.
 */
export function makeSnippet(text: string, needles: readonly string[]): Snippet {
  const { folded, from } = foldWithOffsets(text);
  const spans: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      spans.push([from[at]!, from[at + needle.length]!]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  const first = merged[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  const end = Math.min(text.length, start + LENGTH);
  start = Math.max(0, Math.min(start, end - LENGTH));
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const highlights = merged
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): [number, number] => [
      Math.max(a, start) - start + head.length,
      Math.min(b, end) - start + head.length,
    ]);
  return { text: head + text.slice(start, end) + tail, highlights };
}

/** The snippet with its hits wrapped in `open`/`close` (e.g. `«`/`»`, `**`/`**`, ANSI codes). */
export function markSnippet(
  snippet: Snippet,
  open: string,
  close: string,
  escapeText: (s: string) => string = (s) => s,
): string {
  let out = '';
  let at = 0;
  for (const [a, b] of snippet.highlights) {
    out += escapeText(snippet.text.slice(at, a)) + open + escapeText(snippet.text.slice(a, b)) + close;
    at = b;
  }
  return out + escapeText(snippet.text.slice(at));
}
