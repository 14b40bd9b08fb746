/** IDF-weighted character-bigram vectors, sparse, and the similarity measures over them. */

/** A sparse vector: feature ids ascending, their weights, and the Euclidean norm. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

/** Small ids for characters, so a bigram key fits in a V8 small integer (fast Map keys, no boxing). */
const bmpIds = new Int32Array(0x10000).fill(-1);
const astralIds = new Map<number, number>();
let charCount = 0;
const SMALL = 0x8000;

function charId(code: number): number {
  // A flat table for the Basic Multilingual Plane (every Chinese character in use): no hashing per character.
  if (code < 0x10000) {
    const id = bmpIds[code]!;
    if (id >= 0) return id;
    bmpIds[code] = charCount;
    return charCount++;
  }
  let id = astralIds.get(code);
  if (id === undefined) {
    id = charCount++;
    astralIds.set(code, id);
  }
  return id;
}

/** Character bigrams of a matching-form string as numeric keys; a lone character counts too. */
export function bigrams(form: string): number[] {
  const ids: number[] = [];
  for (const ch of form) ids.push(charId(ch.codePointAt(0)!));
  if (ids.length === 1) return [key(ids[0]!, SMALL - 1)];
  const out: number[] = new Array(Math.max(0, ids.length - 1));
  for (let i = 0; i + 1 < ids.length; i++) out[i] = key(ids[i]!, ids[i + 1]!);
  return out;
}

/** Bigram key: a small integer while both ids are small (the usual case), else a distinct large range. */
function key(x: number, y: number): number {
  return x < SMALL && y < SMALL ? x * SMALL + y : 2 ** 40 + x * 0x110000 + y;
}

/** Document frequencies over a set of texts, turned into IDF weights and vectors. */
export class BigramIndex {
  private readonly featureIds = new Map<number, number>();
  /** Feature ids of gram lists already seen (the nodes' lists are vectorised after being counted). */
  private readonly known = new WeakMap<readonly number[], Int32Array>();
  private df: number[] = [];
  /** For each feature, the last document that counted it (so a document counts each feature once). */
  private seenIn: number[] = [];
  private docs = 0;
  private idfCache: Float64Array | null = null;

  /** Counts the bigrams of one document (each once). */
  addDocument(grams: readonly number[]): void {
    this.docs++;
    this.idfCache = null;
    for (const id of this.features(grams)) {
      if (this.seenIn[id] === this.docs) continue;
      this.seenIn[id] = this.docs;
      this.df[id] = (this.df[id] ?? 0) + 1;
    }
  }

  /**
   * The feature ids of `grams`, ascending, with repeats. Ids are given in order of first appearance (the
   * summation order of every dot product depends on them); each gram list is mapped once per index.
   */
  private features(grams: readonly number[]): Int32Array {
    const hit = this.known.get(grams);
    if (hit) return hit;
    const ids = new Int32Array(grams.length);
    for (let i = 0; i < grams.length; i++) ids[i] = this.idOf(grams[i]!);
    ids.sort();
    this.known.set(grams, ids);
    return ids;
  }

  private idOf(g: number): number {
    let id = this.featureIds.get(g);
    if (id === undefined) {
      id = this.featureIds.size;
      this.featureIds.set(g, id);
      this.df[id] = 0;
    }
    return id;
  }

  /** Smoothed inverse document frequency: rare bigrams weigh more, ubiquitous ones (`加强`, `工作`) little. */
  idf(id: number): number {
    if (!this.idfCache) {
      const n = this.docs;
      this.idfCache = Float64Array.from(this.df, (d) => Math.log((n + 1) / ((d ?? 0) + 1)) + 0.1);
    }
    return this.idfCache[id] ?? Math.log(this.docs + 1) + 0.1;
  }

  /** A tf-idf vector of `grams`, with the `extra` bigrams (a heading) counted `extraFactor` more times. */
  vector(grams: readonly number[], extra: readonly number[] = [], extraFactor = 0): SparseVector {
    // Counted over feature ids sorted as a typed array (no Map per vector, no comparator sort: this is
    // the hot path), so the result comes out in id order directly.
    return this.weigh(this.counts(grams), extraFactor !== 0 ? this.counts(extra) : EMPTY_COUNTS, extraFactor);
  }

  /** Weights of counted features: sublinear tf (plus the boosted heading's) times IDF. */
  private weigh(
    tf: { ids: Int32Array; counts: Uint32Array },
    boost: { ids: Int32Array; counts: Uint32Array },
    extraFactor: number,
  ): SparseVector {
    const n = tf.ids.length;
    const m = boost.ids.length;
    const ids = new Int32Array(n + m);
    const weights = new Float64Array(n + m);
    let size = 0;
    let sq = 0;
    let a = 0;
    let b = 0;
    while (a < n || b < m) {
      const x = a < n ? tf.ids[a]! : 0x7fffffff;
      const y = b < m ? boost.ids[b]! : 0x7fffffff;
      const id = Math.min(x, y);
      // Sublinear tf: a bigram repeated in a long paragraph should not dominate it.
      const count = x === id ? tf.counts[a++]! : 0;
      const boosted = y === id ? boost.counts[b++]! : 0;
      const w =
        ((count > 0 ? 1 + Math.log(count) : 0) + extraFactor * (boosted > 0 ? 1 + Math.log(boosted) : 0)) *
        this.idf(id);
      ids[size] = id;
      weights[size++] = w;
      sq += w * w;
    }
    return { ids: ids.subarray(0, size), weights: weights.subarray(0, size), norm: Math.sqrt(sq) };
  }

  /** The tf-idf vector of several gram lists joined (a merge's or split's parts), as `vector` of their concatenation. */
  joinedVector(lists: readonly (readonly number[])[]): SparseVector {
    const parts = lists.map((g) => this.features(g));
    const all = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return this.weigh(runLengths(all.sort()), EMPTY_COUNTS, 0);
  }

  /** Distinct feature ids of `grams` ascending, with how often each occurs. */
  private counts(grams: readonly number[]): { ids: Int32Array; counts: Uint32Array } {
    return runLengths(this.features(grams));
  }
}

/** Distinct values of an ascending list, with how often each occurs. */
function runLengths(sorted: Int32Array): { ids: Int32Array; counts: Uint32Array } {
  const ids = new Int32Array(sorted.length);
  const counts = new Uint32Array(sorted.length);
  let m = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (m > 0 && ids[m - 1] === sorted[i]) counts[m - 1]!++;
    else {
      ids[m] = sorted[i]!;
      counts[m++] = 1;
    }
  }
  return { ids: ids.subarray(0, m), counts: counts.subarray(0, m) };
}

const EMPTY_COUNTS = { ids: new Int32Array(0), counts: new Uint32Array(0) };

/** Cosine similarity of two sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** Share of `part`'s weight whose features also occur in `whole` (how much of part is contained in whole). */
export function containment(part: SparseVector, whole: SparseVector): number {
  let i = 0;
  let j = 0;
  let hit = 0;
  let all = 0;
  for (const w of part.weights) all += w;
  while (i < part.ids.length && j < whole.ids.length) {
    const x = part.ids[i]!;
    const y = whole.ids[j]!;
    if (x === y) {
      hit += part.weights[i++]!;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return all === 0 ? 0 : hit / all;
}

/** Share of `whole`'s weight whose features occur in any of `parts`. */
export function coverage(whole: SparseVector, parts: readonly SparseVector[]): number {
  const present = new Set<number>();
  for (const p of parts) for (const id of p.ids) present.add(id);
  let hit = 0;
  let all = 0;
  for (let i = 0; i < whole.ids.length; i++) {
    all += whole.weights[i]!;
    if (present.has(whole.ids[i]!)) hit += whole.weights[i]!;
  }
  return all === 0 ? 0 : hit / all;
}

/**
 * coverage(whole, [...parts, extra]) − coverage(whole, parts) in one pass: the share of `whole`'s
 * weight found in `extra` and in none of `parts` (the attach pass asks this for every candidate).
 */
export function coverageGain(whole: SparseVector, parts: readonly SparseVector[], extra: SparseVector): number {
  // Every id list is ascending, so one merge walk with a cursor per part replaces a Set of the parts' ids.
  const at = new Int32Array(parts.length);
  let gained = 0;
  let all = 0;
  let j = 0;
  for (let i = 0; i < whole.ids.length; i++) {
    const id = whole.ids[i]!;
    all += whole.weights[i]!;
    while (j < extra.ids.length && extra.ids[j]! < id) j++;
    if (j >= extra.ids.length || extra.ids[j] !== id) continue;
    const w = whole.weights[i]!;
    let had = 0;
    for (let p = 0; p < parts.length; p++) {
      const ids = parts[p]!.ids;
      let k = at[p]!;
      while (k < ids.length && ids[k]! < id) k++;
      at[p] = k;
      if (k < ids.length && ids[k] === id) had = Math.max(had, parts[p]!.weights[k]!);
    }
    gained += Math.max(0, Math.min(w, extra.weights[j]!) - Math.min(w, had));
  }
  return all === 0 ? 0 : gained / all;
}

/** A pair of list positions and their cosine similarity. */
export interface ScoredPair {
  i: number;
  j: number;
  sim: number;
}

/**
 * All pairs (i, j) with cosine(xs[i], ys[j]) ≥ min, through an inverted index over the rarer bigrams
 * (those in at most `maxShare` of all texts, never fewer than 50). Their dot products are accumulated;
 * the ubiquitous bigrams (`发展`, `推进`) can add at most |x_common|·|y_common| (Cauchy–Schwarz), so a
 * pair is scored exactly only when that bound can still reach `min`. Pairs sharing no rarer bigram are
 * skipped: their similarity comes from ubiquitous words only. This keeps plans of thousands of tasks fast.
 */
export function similarPairs(
  xs: readonly SparseVector[],
  ys: readonly SparseVector[],
  min: number,
  maxShare = 0.01,
): ScoredPair[] {
  let maxId = -1;
  for (const v of [...xs, ...ys]) if (v.ids.length) maxId = Math.max(maxId, v.ids[v.ids.length - 1]!);
  // Feature ids are dense small integers, so plain typed arrays replace maps on this hot path.
  const df = new Int32Array(maxId + 1);
  for (const v of [...xs, ...ys]) for (let k = 0; k < v.ids.length; k++) df[v.ids[k]!]!++;
  const cap = Math.max(50, maxShare * (xs.length + ys.length));
  const common = (v: SparseVector) => {
    let sq = 0;
    for (let k = 0; k < v.ids.length; k++) if (df[v.ids[k]!]! > cap) sq += v.weights[k]! ** 2;
    return Math.sqrt(sq);
  };
  const commonY = ys.map(common);
  // Postings as flat arrays: for feature f, entries start[f] .. start[f + 1] of (doc, weight).
  const start = new Int32Array(maxId + 2);
  for (const y of ys) for (let k = 0; k < y.ids.length; k++) if (df[y.ids[k]!]! <= cap) start[y.ids[k]! + 1]!++;
  for (let f = 0; f <= maxId; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, maxId + 1);
  const docs = new Int32Array(start[maxId + 1]!);
  const ws = new Float64Array(start[maxId + 1]!);
  for (let j = 0; j < ys.length; j++) {
    const y = ys[j]!;
    for (let k = 0; k < y.ids.length; k++) {
      const id = y.ids[k]!;
      if (df[id]! > cap) continue;
      const at = fill[id]!++;
      docs[at] = j;
      ws[at] = y.weights[k]!;
    }
  }
  const acc = new Float64Array(ys.length);
  const touched: number[] = [];
  const out: ScoredPair[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x.norm === 0) continue;
    for (let k = 0; k < x.ids.length; k++) {
      const id = x.ids[k]!;
      if (df[id]! > cap) continue;
      const wx = x.weights[k]!;
      for (let p = start[id]!; p < start[id + 1]!; p++) {
        const j = docs[p]!;
        if (acc[j] === 0) touched.push(j);
        acc[j]! += wx * ws[p]!;
      }
    }
    const cx = common(x);
    for (const j of touched) {
      const y = ys[j]!;
      const bound = (acc[j]! + cx * commonY[j]!) / (x.norm * y.norm);
      acc[j] = 0;
      if (bound < min) continue;
      const sim = cosine(x, y);
      if (sim >= min) out.push({ i, j, sim: Math.min(1, sim) });
    }
    touched.length = 0;
  }
  return out;
}
