/** IDF-weighted character-bigram vectors, sparse, and the similarity measures over them. */

/** A sparse vector: feature ids ascending, their weights, and the Euclidean norm. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

const PLANE = 0x110000;

/** Character bigrams of a matching-form string as numbers (code point pairs); a lone character counts too. */
export function bigrams(form: string): number[] {
  const codes: number[] = [];
  for (const ch of form) codes.push(ch.codePointAt(0)!);
  if (codes.length === 1) return [codes[0]! * PLANE];
  const out: number[] = new Array(Math.max(0, codes.length - 1));
  for (let i = 0; i + 1 < codes.length; i++) out[i] = codes[i]! * PLANE + codes[i + 1]!;
  return out;
}

/** Document frequencies over a set of texts, turned into IDF weights and vectors. */
export class BigramIndex {
  private readonly featureIds = new Map<number, number>();
  private df: number[] = [];
  private docs = 0;
  private idfCache: Float64Array | null = null;

  /** Counts the bigrams of one document (each once). */
  addDocument(grams: readonly number[]): void {
    this.docs++;
    this.idfCache = null;
    for (const g of new Set(grams)) {
      const id = this.idOf(g);
      this.df[id] = (this.df[id] ?? 0) + 1;
    }
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

  /** A tf-idf vector; `parts` are (bigrams, factor) so a heading can weigh more than the body. */
  vector(parts: readonly (readonly [readonly number[], number])[]): SparseVector {
    const acc = new Map<number, number>();
    for (const [grams, factor] of parts) {
      const tf = new Map<number, number>();
      for (const g of grams) {
        const id = this.idOf(g);
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      // Sublinear tf: a bigram repeated in a long paragraph should not dominate it.
      for (const [id, n] of tf) acc.set(id, (acc.get(id) ?? 0) + factor * (1 + Math.log(n)) * this.idf(id));
    }
    const ids = Int32Array.from([...acc.keys()].sort((x, y) => x - y));
    const weights = Float64Array.from(ids, (id) => acc.get(id) ?? 0);
    let sq = 0;
    for (const w of weights) sq += w * w;
    return { ids, weights, norm: Math.sqrt(sq) };
  }
}

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

/** A pair of list positions and their cosine similarity. */
export interface ScoredPair {
  i: number;
  j: number;
  sim: number;
}

/**
 * All pairs (i, j) with cosine(xs[i], ys[j]) ≥ min, through an inverted index over ys' features so
 * pairs that share no bigram cost nothing (plans with thousands of tasks stay fast).
 */
export function similarPairs(xs: readonly SparseVector[], ys: readonly SparseVector[], min: number): ScoredPair[] {
  const postings = new Map<number, { j: number; w: number }[]>();
  ys.forEach((y, j) => {
    for (let k = 0; k < y.ids.length; k++) {
      const id = y.ids[k]!;
      const list = postings.get(id);
      const entry = { j, w: y.weights[k]! };
      if (list) list.push(entry);
      else postings.set(id, [entry]);
    }
  });
  const acc = new Float64Array(ys.length);
  const touched: number[] = [];
  const out: ScoredPair[] = [];
  xs.forEach((x, i) => {
    if (x.norm === 0) return;
    for (let k = 0; k < x.ids.length; k++) {
      const list = postings.get(x.ids[k]!);
      if (!list) continue;
      const wx = x.weights[k]!;
      for (const { j, w } of list) {
        if (acc[j] === 0) touched.push(j);
        acc[j]! += wx * w;
      }
    }
    for (const j of touched) {
      const y = ys[j]!;
      const sim = y.norm === 0 ? 0 : acc[j]! / (x.norm * y.norm);
      if (sim >= min) out.push({ i, j, sim: Math.min(1, sim) });
      acc[j] = 0;
    }
    touched.length = 0;
  });
  return out;
}
