import { GENRE_TITLES } from '@plandiff/lexicon';

/**
 * The title a document of a known genre carries by convention when it prints none (lexicon
 * `GENRE_TITLES`): a government work report opens by addressing the deputies and names no title.
 */
export function inferGenreTitle(text: string): string | undefined {
  const head = text.slice(0, 400).replace(/[\s\u200b-\u200d\u2060\ufeff]/gu, '');
  return GENRE_TITLES.find((rule) => rule.pattern.test(head))?.title;
}
