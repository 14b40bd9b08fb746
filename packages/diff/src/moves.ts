import { longestIncreasing } from './assign.ts';
import type { Group } from './diff-plans.ts';
import type { Node } from './nodes.ts';

/**
 * Which groups moved. Among groups whose units share linked parents (or are top-level), the ones
 * outside the longest increasing subsequence of B positions (taken in A order) moved; a unit whose
 * parent is not linked to its counterpart's parent moved to another section.
 */
export function markMoves(groups: readonly Group[]): Set<Group> {
  const groupOf = new Map<Node, Group>();
  for (const g of groups) for (const n of [...g.from, ...g.to]) groupOf.set(n, g);
  const moved = new Set<Group>();
  const buckets = new Map<Group | null, Group[]>();
  for (const g of groups) {
    const a = g.from[0];
    const b = g.to[0];
    if (!a || !b) continue;
    let crossed = false;
    for (const x of g.from) {
      for (const y of g.to) {
        if (x.depth !== y.depth) continue;
        const px = x.parent ? (groupOf.get(x.parent) ?? null) : null;
        const py = y.parent ? (groupOf.get(y.parent) ?? null) : null;
        if (px !== py) crossed = true;
      }
    }
    if (crossed) {
      moved.add(g);
      continue;
    }
    const key = a.parent ? (groupOf.get(a.parent) ?? null) : null;
    buckets.set(key, [...(buckets.get(key) ?? []), g]);
  }
  for (const bucket of buckets.values()) {
    const ordered = [...bucket].sort((x, y) => x.from[0]!.pos - y.from[0]!.pos);
    const keep = longestIncreasing(ordered.map((g) => g.to[0]!.pos));
    ordered.forEach((g, i) => {
      if (!keep.has(i)) moved.add(g);
    });
  }
  return moved;
}
