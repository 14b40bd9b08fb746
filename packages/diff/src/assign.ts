import { linearSumAssignment } from 'linear-sum-assignment';

/** A candidate link between row `a` and column `b` with its score (higher is better). */
export interface Candidate {
  a: number;
  b: number;
  score: number;
}

/**
 * Optimal one-to-one assignment maximising the total score over the candidate links only.
 * The candidate graph is cut into connected components first, so each Jonker–Volgenant run stays small.
 */
export function assignOptimal(candidates: readonly Candidate[]): Map<number, number> {
  const result = new Map<number, number>();
  if (candidates.length === 0) return result;
  // Union-find over rows (a) and columns (b), interleaved as even and odd numbers (no string keys).
  const key = (side: 0 | 1, i: number) => 2 * i + side;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    let y = x;
    while (y !== r) {
      const next = parent.get(y) ?? r;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const c of candidates) {
    const ka = key(0, c.a);
    const kb = key(1, c.b);
    if (!parent.has(ka)) parent.set(ka, ka);
    if (!parent.has(kb)) parent.set(kb, kb);
    const ra = find(ka);
    const rb = find(kb);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const r = find(key(0, c.a));
    const list = groups.get(r);
    if (list) list.push(c);
    else groups.set(r, [c]);
  }
  for (const group of groups.values()) {
    if (group.length === 1) {
      const only = group[0]!;
      result.set(only.a, only.b);
      continue;
    }
    const rows = [...new Set(group.map((c) => c.a))].sort((x, y) => x - y);
    const cols = [...new Set(group.map((c) => c.b))].sort((x, y) => x - y);
    const rowIx = new Map(rows.map((r, i) => [r, i]));
    const colIx = new Map(cols.map((c, i) => [c, i]));
    const matrix = rows.map(() => new Array<number>(cols.length).fill(0));
    for (const c of group) matrix[rowIx.get(c.a)!]![colIx.get(c.b)!] = c.score;
    const { rowAssignments } = linearSumAssignment(matrix, { maximaze: true });
    for (let i = 0; i < rows.length; i++) {
      const j = rowAssignments[i] ?? -1;
      if (j < 0) continue;
      // A zero cell is "no candidate": the solver may fill rows with it, but it is not a link.
      if ((matrix[i]![j] ?? 0) > 0) result.set(rows[i]!, cols[j]!);
    }
  }
  return result;
}

/** Indices (into `seq`) of one longest strictly increasing subsequence, found in O(n log n). */
export function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out = new Set<number>();
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    out.add(k);
    k = prev[k]!;
  }
  return out;
}
