import { segmentWords } from '@plandiff/diff';
import { foldText } from './fold.ts';

/** The three token streams a unit is indexed under (space-separated, for FTS5's `ascii` tokenizer). */
export interface UnitTokens {
  /** Words from the project's segmenter: whole-word matches rank higher. */
  words: string;
  /** Overlapping character bigrams of each Han run (a lone character stands for itself) and Latin/digit runs. */
  grams: string;
  /** Every Han character on its own, so one-character terms find their hits. */
  chars: string;
}

/** Runs of Han characters, or of other letters and digits; punctuation and spaces separate runs. */
// (?:(?!Han)[letters])+ rather than the v flag's set subtraction: the tsconfig targets ES2023.
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const HAN = /^\p{Script=Han}/u;
const WORDLIKE = /^[\p{L}\p{N}\p{M}]+$/u;

/** A run's position in the text: Han or not. */
export interface Run {
  text: string;
  han: boolean;
}

/** Splits folded text into runs. */
export function splitRuns(folded: string): Run[] {
  return (folded.match(RUN) ?? []).map((text) => ({ text, han: HAN.test(text) }));
}

/** Overlapping bigrams of a Han run; a one-character run is its own token. */
export function bigramsOf(run: string): string[] {
  const chars = [...run];
  if (chars.length <= 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Segmented words of a folded text, only those made of letters and digits. */
export function wordsOf(folded: string): string[] {
  return segmentWords(folded).filter((w) => WORDLIKE.test(w));
}

/** The token streams of a text (heading and body together). */
export function tokenizeText(text: string): UnitTokens {
  const folded = foldText(text);
  const grams: string[] = [];
  const chars: string[] = [];
  for (const run of splitRuns(folded)) {
    if (!run.han) {
      grams.push(run.text);
      continue;
    }
    grams.push(...bigramsOf(run.text));
    chars.push(...run.text);
  }
  return { words: wordsOf(folded).join(' '), grams: grams.join(' '), chars: chars.join(' ') };
}
