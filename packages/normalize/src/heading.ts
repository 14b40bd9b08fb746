/** Unnumbered paragraphs whose first sentence is longer than this get a shortened heading. */
export const LONG_SENTENCE = 60;
/** Length of the shortened heading of a long unnumbered paragraph. */
export const SHORT_HEADING = 20;

/**
 * The heading of a unit. Numbered: the text after the marker up to the first `。` or `；` (a heading
 * line without either is whole). Unnumbered: the first sentence up to `。`; when that sentence is
 * longer than 60 characters, its first 20 characters.
 */
export function deriveHeading(text: string, number: string): string {
  const body = text.slice(number.length).trim();
  if (number !== '') return cutAt(body, /[。；]/u).trim();
  const sentence = cutAt(body, /。/u).trim();
  return sentence.length > LONG_SENTENCE ? Array.from(sentence).slice(0, SHORT_HEADING).join('') : sentence;
}

function cutAt(text: string, stop: RegExp): string {
  const match = stop.exec(text);
  return match ? text.slice(0, match.index) : text;
}

/** The first sentence of a paragraph (up to `。！？`), without the stop. */
export function firstSentence(text: string): string {
  const match = /[。！？]/u.exec(text);
  return match ? text.slice(0, match.index) : text;
}
