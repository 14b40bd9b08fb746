import { createRequire } from 'node:module';
import { POLICY_TERMS } from '@plandiff/lexicon';

/** Longest piece of text given to the base segmenter in one call (Intl.Segmenter is quadratic on long strings). */
export const MAX_SEGMENT_CHARS = 64;

/** Policy terms that must stay whole: the lexicon's list (`POLICY_TERMS`, ruleId `policy-term`). */
export function loadPolicyTerms(): string[] {
  return [...POLICY_TERMS.terms];
}

/** Cuts text into pieces of at most `max` characters, preferring clause and sentence ends. */
export function chunkText(text: string, max = MAX_SEGMENT_CHARS): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= max) {
      out.push(text.slice(start));
      break;
    }
    let cut = -1;
    for (let i = start + max; i > start; i--) {
      if (/[，。；：！？、,;:!?\s]/u.test(text[i - 1]!)) {
        cut = i;
        break;
      }
    }
    // No punctuation in reach: cut at the limit, but never inside a surrogate pair.
    if (cut < 0) cut = start + max - (/[\ud800-\udbff]/u.test(text[start + max - 1]!) ? 1 : 0);
    out.push(text.slice(start, cut));
    start = cut;
  }
  return out;
}

/**
 * Joins consecutive tokens that spell a dictionary term (longest first). Only whole tokens are joined,
 * so the dictionary never cuts a word the base segmenter found; it only undoes its cuts inside a term.
 */
export function joinTerms(tokens: readonly string[], terms: ReadonlySet<string>, longest: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let joined = tokens[i]!;
    let next = i + 1;
    let acc = joined;
    for (let j = i + 1; j < tokens.length && acc.length < longest; j++) {
      acc += tokens[j]!;
      if (terms.has(acc)) [joined, next] = [acc, j + 1];
    }
    out.push(joined);
    i = next;
  }
  return out;
}

/** A word segmenter: a base segmenter run on short chunks, with policy terms joined back. */
export function createSegmenter(
  base: (chunk: string) => string[],
  terms: readonly string[],
): (text: string) => string[] {
  const set = new Set(terms);
  const longest = Math.max(0, ...terms.map((t) => t.length));
  return (text) => {
    const out: string[] = [];
    for (const chunk of chunkText(text)) for (const w of joinTerms(base(chunk), set, longest)) out.push(w);
    return out;
  };
}

const intl = new Intl.Segmenter('zh', { granularity: 'word' });

/** Intl.Segmenter's words of one short chunk. */
export function intlWords(chunk: string): string[] {
  return Array.from(intl.segment(chunk), (s) => s.segment);
}

let defaultSegmenter: ((text: string) => string[]) | null = null;

/** jieba with its own dictionary and the policy terms as a user dictionary; loaded on first use (≈0.4 s). */
function loadJieba(terms: readonly string[]): (chunk: string) => string[] {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  // A high frequency makes jieba's best path keep a term whole wherever it occurs.
  jieba.loadDict(Buffer.from(terms.map((w) => `${w} 100000 n`).join('\n')));
  return (chunk) => jieba.cut(chunk, false);
}

/**
 * Chinese words of a text, policy terms (幼儿园, 城镇化, 碳达峰, 双减, 普惠…) kept whole: @node-rs/jieba with
 * the lexicon's `POLICY_TERMS` as user dictionary, run on chunks of at most 64 characters (so no call ever
 * sees a whole document). The tokens joined give the text back exactly. docs/diff.md compares it with
 * Intl.Segmenter (`bench/segment-compare.ts`).
 */
export function segmentWords(text: string): string[] {
  if (!defaultSegmenter) {
    const terms = loadPolicyTerms();
    defaultSegmenter = createSegmenter(loadJieba(terms), terms);
  }
  return defaultSegmenter(text);
}
