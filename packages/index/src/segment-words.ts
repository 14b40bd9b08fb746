/**
 * TEMPORARY word segmenter, until @plandiff/diff exports the project's `segmentWords` (issue 14).
 * Everything in this package segments through this one import, so switching is a one-line change.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Longest piece handed to Intl.Segmenter at once: it is quadratic on long strings in Node 20. */
const MAX_PIECE = 200;

/** Cuts text at sentence and clause ends, then at MAX_PIECE characters, so each segmenter call stays short. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/(?<=[。！？；，、：!?;,:\n])/u)) {
    for (let at = 0; at < part.length; at += MAX_PIECE) out.push(part.slice(at, at + MAX_PIECE));
  }
  return out;
}

/** The words of a Chinese text (punctuation and spaces left out), in order. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const piece of pieces(text)) {
    for (const s of segmenter.segment(piece)) if (s.isWordLike) words.push(s.segment);
  }
  return words;
}
