import { assignOptimal, type Candidate } from './assign.ts';
import { contextOf, type FlowTable, findAnchors, isLeaf, measureFlow, unitSimilarity } from './flow.ts';
import { addContextSplits, addFlowSplits } from './flow-splits.ts';
import { type Link, LinkBook } from './link-book.ts';
import { addContainment, addDescent, addIntroLinks } from './merges.ts';
import type { Node } from './nodes.ts';
import type { Thresholds } from './thresholds.ts';
import { similarPairs } from './vectors.ts';

export type { Link } from './link-book.ts';

/** Result of aligning two flattened plans. */
export interface Alignment {
  links: Link[];
  /** One-to-one partner of each node from the optimal assignment. */
  partner: Map<Node, Node>;
  /** The paragraph-flow evidence used for containers (kept for diagnostics). */
  flow: FlowTable;
}

/** Aligns two flattened plans level by level, then adds merges/splits by containment and by descent. */
export function alignNodes(nodesA: Node[], nodesB: Node[], t: Thresholds): Alignment {
  const partner = new Map<Node, Node>();
  const book = new LinkBook();
  // Paragraphs printed identically (and only once) on both sides are linked first, as anchors: certain,
  // and it keeps the optimal assignment small when most of a plan is unchanged.
  const anchors = findAnchors(nodesA.filter(isLeaf), nodesB.filter(isLeaf));
  const anchored = new Set(anchors.flat());
  const leavesA = [...anchors.map(([a]) => a), ...nodesA.filter((n) => isLeaf(n) && !anchored.has(n))];
  const leavesB = [...anchors.map(([, b]) => b), ...nodesB.filter((n) => isLeaf(n) && !anchored.has(n))];
  const k = anchors.length;
  // Scored once: the paragraph pairs feed both the containers' evidence and the paragraphs' own assignment.
  // Flow evidence may use weaker paragraph pairs than a one-to-one link needs.
  const floor = Math.min(t.minSimilarity, t.flowMinSimilarity);
  const weakPairs = similarPairs(
    leavesA.slice(k).map((n) => n.vOwn),
    leavesB.slice(k).map((n) => n.vOwn),
    Math.min(floor, t.contextSplitMin),
  ).map((p) => ({ i: p.i + k, j: p.j + k, sim: p.sim }));
  const restPairs = weakPairs.filter((p) => p.sim >= t.minSimilarity);
  const leafPairs = [...anchors.map((_, i) => ({ i, j: i, sim: 1 })), ...weakPairs.filter((p) => p.sim >= floor)];
  const sent: FlowTable = new Map();
  const flow = measureFlow(leavesA, leavesB, leafPairs, floor, sent);
  const lastA = Math.max(1, nodesA.length - 1);
  const lastB = Math.max(1, nodesB.length - 1);
  /** One optimal assignment over a pool; `pairs` yields the candidate similarities. */
  const assignPool = (
    poolA: Node[],
    poolB: Node[],
    pairs: (consider: (i: number, j: number, sim: number) => void) => void,
  ) => {
    const candidates: Candidate[] = [];
    const sims = new Map<number, number>();
    pairs((i, j, sim) => {
      if (sim < t.minSimilarity) return;
      const a = poolA[i]!;
      const b = poolB[j]!;
      const pa = contextOf(a);
      const pb = contextOf(b);
      const sameContext = (pa === null && pb === null) || (pa !== null && pb !== null && book.mates(pa).includes(pb));
      // A vanishing tie-breaker that prefers nearby positions, symmetric in A and B.
      const near = 1e-6 * (1 - Math.abs(a.pos / lastA - b.pos / lastB));
      candidates.push({ a: i, b: j, score: sim + (sameContext ? t.contextBonus : 0) + near });
      sims.set(i * poolB.length + j, sim);
    });
    for (const [i, j] of assignOptimal(candidates)) {
      const a = poolA[i]!;
      const b = poolB[j]!;
      partner.set(a, b);
      partner.set(b, a);
      book.add({ a, b, via: 'match', rule: 'assign', similarity: sims.get(i * poolB.length + j) ?? 0 });
    }
  };
  // Containers (sections, items with paragraphs) level by level, top down, so each level knows its context.
  const maxDepth = Math.max(0, ...nodesA.map((n) => n.depth), ...nodesB.map((n) => n.depth));
  for (let depth = 1; depth <= maxDepth; depth++) {
    const poolA = nodesA.filter((n) => n.depth === depth && !isLeaf(n));
    const poolB = nodesB.filter((n) => n.depth === depth && !isLeaf(n));
    assignPool(poolA, poolB, (consider) => {
      poolA.forEach((a, i) => {
        poolB.forEach((b, j) => {
          consider(i, j, unitSimilarity(a, b, flow, t));
        });
      });
    });
  }
  // Items left over by the one-to-one assignment join their splits/merges now, so their paragraphs get
  // the context bonus too.
  addFlowSplits(nodesA, nodesB, book, flow, sent, t);
  // Paragraphs at any depth in one pool: editions nest the same paragraph at different levels.
  for (const [a, b] of anchors) {
    partner.set(a, b);
    partner.set(b, a);
    book.add({ a, b, via: 'match', rule: 'anchor', similarity: 1 });
  }
  // An item's intro stands for the item itself: linking it to a paragraph that sits under a unit linked
  // elsewhere would fuse two item changes into one many-to-many change.
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
  assignPool(leavesA, leavesB, (consider) => {
    for (const p of restPairs) if (!crossesItems(leavesA[p.i]!, leavesB[p.j]!)) consider(p.i, p.j, p.sim);
  });
  addIntroLinks(nodesA, nodesB, partner, book);
  addContainment(nodesA, nodesB, book, t);
  addContainment(nodesB, nodesA, book, t);
  addContextSplits(leavesA, leavesB, book, weakPairs, t);
  addDescent(nodesA, book, t);
  addDescent(nodesB, book, t);
  return { links: book.links, partner, flow };
}
