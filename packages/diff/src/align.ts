import { assignOptimal, type Candidate } from './assign.ts';
import { attachParts } from './attach.ts';
import { contextOf, type FlowTable, findAnchors, isLeaf, measureFlow, unitSimilarity } from './flow.ts';
import { type Link, LinkBook } from './link-book.ts';
import type { Node } from './nodes.ts';
import type { Thresholds } from './thresholds.ts';
import { similarPairs } from './vectors.ts';

export type { Link } from './link-book.ts';

/** A weak link nothing supported, kept as a hint on the units reported added and dropped instead. */
export interface Hint {
  other: Node;
  score: number;
}

/** Result of aligning two flattened plans. */
export interface Alignment {
  links: Link[];
  /** Units whose only link was too weak and unsupported: where they may continue. */
  hints: Map<Node, Hint>;
  /** The paragraph-flow evidence used for containers (kept for diagnostics). */
  flow: FlowTable;
}

/**
 * Aligns two flattened plans with one model: every pair of units at a level gets one score (own text;
 * paragraph flow for containers; context), the pairs above one floor go into one optimal one-to-one
 * assignment per level (containers top down, then all paragraphs in one pool), weak links nothing
 * supports are dropped, and one attach pass adds the parts of merges and splits.
 */
export function alignNodes(nodesA: Node[], nodesB: Node[], t: Thresholds): Alignment {
  const book = new LinkBook();
  // Paragraphs printed identically (and only once) on both sides are linked first, as anchors: certain,
  // and it keeps the optimal assignment small when most of a plan is unchanged.
  const anchors = findAnchors(nodesA.filter(isLeaf), nodesB.filter(isLeaf));
  const anchored = new Set(anchors.flat());
  const leavesA = [...anchors.map(([a]) => a), ...nodesA.filter((n) => isLeaf(n) && !anchored.has(n))];
  const leavesB = [...anchors.map(([, b]) => b), ...nodesB.filter((n) => isLeaf(n) && !anchored.has(n))];
  const k = anchors.length;
  // Scored once, above the one floor: the pairs are both the containers' evidence and the paragraphs' candidates.
  const leafPairs = [
    ...anchors.map((_, i) => ({ i, j: i, sim: 1 })),
    ...similarPairs(
      leavesA.slice(k).map((n) => n.vOwn),
      leavesB.slice(k).map((n) => n.vOwn),
      t.minSimilarity,
    ).map((p) => ({ i: p.i + k, j: p.j + k, sim: p.sim })),
  ];
  const sent: FlowTable = new Map();
  const flow = measureFlow(leavesA, leavesB, leafPairs, t.minSimilarity, sent);
  /** The nearest container above `n` that is linked (its parent, or higher up when the parent is unlinked). */
  const linkedAbove = (n: Node): Node | null => {
    let x = contextOf(n);
    while (x !== null && book.mates(x).length === 0) x = x.parent;
    return x;
  };
  /**
   * Context: the units' nearest linked containers are linked to each other. Usually those are their
   * parents; when a parent is unlinked (an item one edition adds, a level the other edition lacks:
   * a section's paragraphs against an item's) the section above decides.
   */
  const sameContext = (a: Node, b: Node) => {
    if (contextOf(a) === null && contextOf(b) === null) return true;
    const pa = linkedAbove(a);
    const pb = linkedAbove(b);
    return pa !== null && pb !== null && book.mates(pa).includes(pb);
  };
  const lastA = Math.max(1, nodesA.length - 1);
  const lastB = Math.max(1, nodesB.length - 1);
  /** score(a, b): the pair's similarity, times 1 + contextBoost when their parents are linked. */
  const score = (a: Node, b: Node, sim: number) =>
    sim * (sameContext(a, b) ? 1 + t.contextBoost : 1) +
    // A vanishing tie-breaker that prefers nearby positions, symmetric in A and B.
    1e-6 * (1 - Math.abs(a.pos / lastA - b.pos / lastB));
  const assignPool = (poolA: Node[], poolB: Node[], pairs: { i: number; j: number; sim: number }[]) => {
    const candidates: Candidate[] = [];
    const sims = new Map<number, number>();
    for (const { i, j, sim } of pairs) {
      if (sim < t.minSimilarity) continue;
      candidates.push({ a: i, b: j, score: score(poolA[i]!, poolB[j]!, sim) });
      sims.set(i * poolB.length + j, sim);
    }
    for (const [i, j] of assignOptimal(candidates))
      book.add({ a: poolA[i]!, b: poolB[j]!, rule: 'assign', similarity: sims.get(i * poolB.length + j) ?? 0 });
  };
  const hints = new Map<Node, Hint>();
  // Containers (sections, items with paragraphs) level by level, top down, so each level knows its context.
  const containers: Node[] = [];
  const maxDepth = Math.max(0, ...nodesA.map((n) => n.depth), ...nodesB.map((n) => n.depth));
  for (let depth = 1; depth <= maxDepth; depth++) {
    const poolA = nodesA.filter((n) => n.depth === depth && !isLeaf(n));
    const poolB = nodesB.filter((n) => n.depth === depth && !isLeaf(n));
    const pairs: { i: number; j: number; sim: number }[] = [];
    poolA.forEach((a, i) => {
      poolB.forEach((b, j) => {
        const sim = unitSimilarity(a, b, flow, t);
        if (sim >= t.minSimilarity) pairs.push({ i, j, sim });
      });
    });
    assignPool(poolA, poolB, pairs);
    containers.push(...poolA, ...poolB);
    dropUnsupported(book, flow, t, sameContext, hints);
  }
  // Items the assignment left over join their splits and merges now, so their paragraphs get context too.
  attachParts(containers, book, sent, t);
  for (const [a, b] of anchors) book.add({ a, b, rule: 'anchor', similarity: 1 });
  // Paragraphs at any depth in one pool: editions nest the same paragraph at different levels. An item's
  // intro stands for the item itself: linking it to a paragraph under a unit linked elsewhere would fuse
  // two item changes into one many-to-many change.
  const crossesItems = (a: Node, b: Node) => {
    if (!a.pseudo && !b.pseudo) return false;
    const ia = a.pseudo ? a.owner : contextOf(a);
    const ib = b.pseudo ? b.owner : contextOf(b);
    return (
      ia !== null &&
      ib !== null &&
      book.mates(ia).length > 0 &&
      book.mates(ib).length > 0 &&
      !book.mates(ia).includes(ib)
    );
  };
  assignPool(
    leavesA,
    leavesB,
    leafPairs.filter((p) => p.i >= k && !crossesItems(leavesA[p.i]!, leavesB[p.j]!)),
  );
  dropUnsupported(book, flow, t, sameContext, hints);
  attachParts([...nodesA, ...nodesB].filter(isLeaf), book, sent, t);
  for (const n of [...hints.keys()]) if (book.mates(n).length > 0) hints.delete(n);
  return { links: book.links, hints, flow };
}

/** Share of bigrams two units' headings (first sentences) have in common (Dice). */
function headDice(a: Node, b: Node): number {
  const x = new Set(a.headGrams);
  const y = new Set(b.headGrams);
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return x.size + y.size ? (2 * common) / (x.size + y.size) : 0;
}

/**
 * Precision: a one-to-one link below `minUnsupported` stays only when something supports it — the two
 * units' parents are linked, their headings share `headingSupport` of their bigrams, paragraph flow
 * joins two containers, or a neighbouring paragraph's link
 * runs alongside it. Otherwise it is removed, and both units keep it as a "possible continuation" hint.
 */
function dropUnsupported(
  book: LinkBook,
  flow: FlowTable,
  t: Thresholds,
  sameContext: (a: Node, b: Node) => boolean,
  hints: Map<Node, Hint>,
): void {
  const next = (n: Node) => {
    const siblings = n.parent?.children;
    return siblings ? [siblings[siblings.indexOf(n) - 1], siblings[siblings.indexOf(n) + 1]] : [];
  };
  const alongside = (a: Node, b: Node) => {
    const [pa, na] = next(a);
    const [pb, nb] = next(b);
    return (
      (pa !== undefined && pb !== undefined && book.mates(pa).includes(pb)) ||
      (na !== undefined && nb !== undefined && book.mates(na).includes(nb))
    );
  };
  for (const l of [...book.links]) {
    if (l.rule !== 'assign' || l.similarity >= t.minUnsupported) continue;
    const supported =
      sameContext(l.a, l.b) ||
      headDice(l.a, l.b) >= t.headingSupport ||
      (!isLeaf(l.a) && !isLeaf(l.b) && (flow.get(l.a)?.get(l.b) ?? 0) > 0) ||
      (isLeaf(l.a) && isLeaf(l.b) && alongside(l.a, l.b));
    if (supported) continue;
    book.remove(l);
    hints.set(l.a.owner, { other: l.b.owner, score: l.similarity });
    hints.set(l.b.owner, { other: l.a.owner, score: l.similarity });
  }
}
