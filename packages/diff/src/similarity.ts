/**
 * The engine's unit similarity as a small public API (for echoes between plans of different series):
 * cosine of IDF-weighted character-bigram vectors of each unit's own text — number marker stripped,
 * figures masked, the heading weighted like diffPlans does — exactly what alignment scores.
 */
import { firstSentence, matchingForm, stripNumber } from './text-form.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';
import { BigramIndex, bigrams, type SparseVector, similarPairs } from './vectors.ts';

/** A unit to compare: its text, and its number and heading when known. */
export interface SimilarityUnit {
  text: string;
  number?: string;
  heading?: string;
}

function gramsOf(unit: SimilarityUnit): { grams: number[]; head: number[] } {
  const own = stripNumber(unit.text, unit.number ?? '');
  const head = unit.heading ? stripNumber(unit.heading, unit.number ?? '') : firstSentence(own);
  return { grams: bigrams(matchingForm(own)), head: bigrams(matchingForm(head)) };
}

function vectorize(
  groups: readonly (readonly SimilarityUnit[])[],
  background: readonly SimilarityUnit[],
): SparseVector[][] {
  const index = new BigramIndex();
  const grams = groups.map((units) => units.map(gramsOf));
  for (const g of grams) for (const u of g) index.addDocument(u.grams);
  for (const u of background) index.addDocument(gramsOf(u).grams);
  return grams.map((g) => g.map((u) => index.vector(u.grams, u.head, DEFAULT_THRESHOLDS.headingWeight - 1)));
}

/** One scored pair: positions in the two lists and their similarity (0–1). */
export interface SimilarPair {
  i: number;
  j: number;
  similarity: number;
}

/**
 * Every pair (xs[i], ys[j]) with similarity ≥ `min`, the IDF taken over both lists together (as
 * diffPlans does over both plans) plus `background` units, which only count towards the IDF (so a list
 * of look-alike candidates does not lower the weight of what they share). Uses the engine's pruned
 * search, so thousands of units stay fast.
 */
export function similarUnits(
  xs: readonly SimilarityUnit[],
  ys: readonly SimilarityUnit[],
  min: number,
  background: readonly SimilarityUnit[] = [],
): SimilarPair[] {
  const [vx = [], vy = []] = vectorize([xs, ys], background);
  return similarPairs(vx, vy, min).map((p) => ({ i: p.i, j: p.j, similarity: p.sim }));
}
