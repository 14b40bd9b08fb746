import { PlandiffError } from '@plandiff/model';
import { foldText } from './fold.ts';
import { bigramsOf, splitRuns, wordsOf } from './tokens.ts';

/** One search term as typed (a word or a quoted phrase) and what it must match. */
export interface QueryTerm {
  /** As the user typed it. */
  text: string;
  /** The folded runs (Han, or letters/digits) a hit must contain, each contiguously. */
  runs: string[];
}

/** A parsed query: its terms (all must match) and the FTS5 expression that finds candidates. */
export interface ParsedQuery {
  terms: QueryTerm[];
  match: string;
}

/**
 * The terms of the query arguments. One argument is one term, so `search "义务教育 均衡发展"` (quoted
 * in the shell) is a phrase; inside an argument, `"…"` marks phrases and spaces separate terms.
 */
function splitTerms(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (!/["“”]/u.test(input)) {
      if (input.trim()) out.push(input.trim());
      continue;
    }
    for (const m of input.matchAll(/"([^"]*)"|“([^”]*)”|([^\s"“”]+)/gu)) {
      const term = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      if (term) out.push(term);
    }
  }
  return out;
}

const quote = (tokens: readonly string[]) => `"${tokens.join(' ')}"`;

/** The FTS5 expression of one run: bigram phrase, a single character, or a Latin/digit token. */
function runExpression(run: string, han: boolean): string {
  if (!han) return `grams : ${quote([run])}`;
  if ([...run].length === 1) return `chars : ${quote([run])}`;
  const words = wordsOf(run);
  // The bigram phrase finds every occurrence; the word phrase adds rank where the term is a whole word.
  const grams = `grams : ${quote(bigramsOf(run))}`;
  return words.length > 0 ? `(${grams} OR words : ${quote(words)})` : grams;
}

/**
 * Parses search terms into FTS5 syntax over the index's token streams. Terms are folded like the index
 * (so 義務教育 finds 义务教育); a phrase in quotes is one term; every term must match.
 */
export function parseQuery(inputs: readonly string[]): ParsedQuery {
  const terms: QueryTerm[] = [];
  const parts: string[] = [];
  for (const text of splitTerms(inputs)) {
    const runs = splitRuns(foldText(text));
    if (runs.length === 0) continue;
    terms.push({ text, runs: runs.map((r) => r.text) });
    parts.push(runs.map((r) => runExpression(r.text, r.han)).join(' AND '));
  }
  if (terms.length === 0) {
    const given = inputs.join(' ').trim();
    throw new PlandiffError(
      'USAGE',
      given
        ? `${given}: nothing to search for (no letters, digits or Chinese characters)`
        : 'give at least one search term',
    );
  }
  return { terms, match: parts.map((p) => `(${p})`).join(' AND ') };
}

/** True when the folded text really holds every term (the index can match a bigram pair across punctuation). */
export function matchesAll(folded: string, terms: readonly QueryTerm[]): boolean {
  return terms.every((t) => t.runs.every((r) => folded.includes(r)));
}
