import { toComparisonForm } from '@plandiff/normalize';

/**
 * The form text is indexed and queried in: normalize's comparison form (width, punctuation, spaces,
 * traditional → simplified through OpenCC's tables), lower-case Latin. Two texts that differ only in
 * these match each other.
 */
export function foldText(text: string): string {
  return toComparisonForm(text).toLowerCase();
}

/** Folded form of single characters, remembered (snippets fold every character of every hit). */
const folded1 = new Map<string, string>();

/**
 * Folds text character by character, keeping where each folded character came from, so a match found
 * in the folded form can be highlighted in the original text.
 */
export function foldWithOffsets(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let at = 0;
  for (const ch of text) {
    let f = folded1.get(ch);
    if (f === undefined) {
      f = foldText(ch);
      if (folded1.size < 50_000) folded1.set(ch, f);
    }
    for (let k = 0; k < f.length; k++) from.push(at);
    folded += f;
    at += ch.length;
  }
  from.push(text.length);
  return { folded, from };
}
