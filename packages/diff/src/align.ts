import { assignOptimal, type Candidate } from './assign.ts';
import type { Node } from './nodes.ts';
import { comparisonForm } from './text-form.ts';
import type { Thresholds } from './thresholds.ts';
import { containment, cosine, coverage, type ScoredPair, similarPairs } from './vectors.ts';

/** A link between a node of side A and one of side B, and why it was made. */
export interface Link {
  a: Node;
  b: Node;
  via: 'match' | 'intro' | 'contain' | 'flow';
  similarity: number;
}

/** Result of aligning two flattened plans. */
export interface Alignment {
  links: Link[];
  /** One-to-one partner of each node from the optimal assignment. */
  partner: Map<Node, Node>;
  /** The paragraph-flow evidence used for containers (kept for diagnostics). */
  flow: FlowTable;
}

/** Paragraph-level evidence for containers: how much of two subtrees' text was linked paragraph to paragraph. */
export type FlowTable = Map<Node, Map<Node, number>>;

/** Similarity of two units at the same level: own text for paragraphs; blended with paragraph flow for containers. */
export function unitSimilarity(a: Node, b: Node, flow: FlowTable, t: Thresholds): number {
  const own = cosine(a.vOwn, b.vOwn);
  if (a.children.length === 0 && b.children.length === 0) return own;
  return (1 - t.subtreeShare) * own + t.subtreeShare * (flow.get(a)?.get(b) ?? 0);
}

/** Nodes that carry paragraph text: childless units and intro pseudo-units. */
const isLeaf = (n: Node) => n.pseudo || n.children.length === 0;

/** The containers a leaf counts towards: itself (if real) and every real ancestor. */
function holders(n: Node): Node[] {
  const out: Node[] = [];
  for (let x: Node | null = n.pseudo ? n.owner : n; x; x = x.parent) out.push(x);
  return out;
}

/**
 * Evidence for containers from their paragraphs: every paragraph (at any depth) points at its most similar
 * paragraph on the other side; flow(a, b) is the share of a's and b's paragraph text pointing across
 * between them. Best-match in both directions (not one-to-one) so merged and split text still counts.
 */
function measureFlow(leavesA: Node[], leavesB: Node[], pairs: readonly ScoredPair[], t: Thresholds): FlowTable {
  const mass = new Map<Node, number>();
  for (const leaf of [...leavesA, ...leavesB])
    for (const h of holders(leaf)) mass.set(h, (mass.get(h) ?? 0) + leaf.grams.length);
  const bestA = new Array<number>(leavesA.length).fill(t.minSimilarity);
  const bestB = new Array<number>(leavesB.length).fill(t.minSimilarity);
  const toB = new Array<Node | null>(leavesA.length).fill(null);
  const toA = new Array<Node | null>(leavesB.length).fill(null);
  for (const { i, j, sim } of pairs) {
    if (sim >= bestA[i]!) [bestA[i], toB[i]] = [sim, leavesB[j]!];
    if (sim >= bestB[j]!) [bestB[j], toA[j]] = [sim, leavesA[i]!];
  }
  const flow: FlowTable = new Map();
  const add = (x: Node, y: Node, w: number) => {
    for (const hx of holders(x)) {
      const row = flow.get(hx) ?? new Map<Node, number>();
      flow.set(hx, row);
      for (const hy of holders(y)) row.set(hy, (row.get(hy) ?? 0) + w);
    }
  };
  leavesA.forEach((a, i) => {
    const b = toB[i];
    if (b) add(a, b, a.grams.length);
  });
  leavesB.forEach((b, j) => {
    const a = toA[j];
    if (a) add(a, b, b.grams.length);
  });
  for (const [ha, row] of flow)
    for (const [hb, w] of row) row.set(hb, w / Math.max(1, (mass.get(ha) ?? 0) + (mass.get(hb) ?? 0)));
  return flow;
}

/** Paragraphs equal in comparison form and unique on each side, paired in document order. */
function findAnchors(leavesA: Node[], leavesB: Node[]): [Node, Node][] {
  const index = (nodes: Node[]) => {
    const byText = new Map<string, Node[]>();
    for (const n of nodes) {
      const key = comparisonForm(n.own);
      if (key) byText.set(key, [...(byText.get(key) ?? []), n]);
    }
    return byText;
  };
  const inA = index(leavesA);
  const inB = index(leavesB);
  const out: [Node, Node][] = [];
  for (const [key, as] of inA) {
    const bs = inB.get(key);
    if (as.length === 1 && bs?.length === 1) out.push([as[0]!, bs[0]!]);
  }
  return out;
}

/** The real node whose link decides where `n` sits (pseudo intros sit in their owner). */
const contextOf = (n: Node): Node | null => (n.pseudo ? n.owner : n.parent);

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
  const restPairs = similarPairs(
    leavesA.slice(k).map((n) => n.vOwn),
    leavesB.slice(k).map((n) => n.vOwn),
    t.minSimilarity,
  ).map((p) => ({ i: p.i + k, j: p.j + k, sim: p.sim }));
  const leafPairs = [...anchors.map((_, i) => ({ i, j: i, sim: 1 })), ...restPairs];
  const flow = measureFlow(leavesA, leavesB, leafPairs, t);
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
      const sameContext = (pa === null && pb === null) || (pa !== null && pb !== null && partner.get(pa) === pb);
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
      book.add({ a, b, via: 'match', similarity: sims.get(i * poolB.length + j) ?? 0 });
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
  // Paragraphs at any depth in one pool: editions nest the same paragraph at different levels.
  for (const [a, b] of anchors) {
    partner.set(a, b);
    partner.set(b, a);
    book.add({ a, b, via: 'match', similarity: 1 });
  }
  assignPool(leavesA, leavesB, (consider) => {
    for (const p of restPairs) consider(p.i, p.j, p.sim);
  });
  addIntroLinks(nodesA, nodesB, partner, book);
  addContainment(nodesA, nodesB, book, t);
  addContainment(nodesB, nodesA, book, t);
  addDescent(nodesA, book, t);
  addDescent(nodesB, book, t);
  return { links: book.links, partner, flow };
}

const isParagraph = (n: Node) => n.children.length === 0 && n.depth > 1;

/** The links made so far, indexed by node for quick look-up of a node's counterparts. */
class LinkBook {
  readonly links: Link[] = [];
  private readonly byNode = new Map<Node, Node[]>();

  /** Records a link. */
  add(link: Link): void {
    this.links.push(link);
    for (const [x, y] of [
      [link.a, link.b],
      [link.b, link.a],
    ] as const) {
      const list = this.byNode.get(x);
      if (list) list.push(y);
      else this.byNode.set(x, [y]);
    }
  }

  /** Every node linked to `n`, on the other side. */
  mates(n: Node): readonly Node[] {
    return this.byNode.get(n) ?? [];
  }
}

/**
 * Layout differences between editions: one prints an item's heading and intro in one opening paragraph,
 * the other prints the heading alone and the intro as the item's first (unnumbered) paragraph. When the
 * two items are linked, that intro paragraph continues the opening paragraph's intro.
 */
function addIntroLinks(nodesA: Node[], nodesB: Node[], partner: Map<Node, Node>, book: LinkBook): void {
  const pseudoOf = new Map<Node, Node>();
  for (const n of [...nodesA, ...nodesB]) if (n.pseudo) pseudoOf.set(n.owner, n);
  for (const a of nodesA) {
    const b = partner.get(a);
    if (!b || a.pseudo || b.pseudo || a.children.length === 0 || b.children.length === 0) continue;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const intro = pseudoOf.get(x);
      const first = y.children[0];
      if (!intro || pseudoOf.has(y) || !first || first.unit.number !== '' || first.children.length > 0) continue;
      if (book.mates(intro).length || book.mates(first).length) continue;
      const sim = cosine(intro.vOwn, first.vOwn);
      book.add(
        intro.side === 0
          ? { a: intro, b: first, via: 'intro', similarity: sim }
          : { a: first, b: intro, via: 'intro', similarity: sim },
      );
    }
  }
}

/**
 * Merges and splits by containment: an unlinked paragraph next to a linked sibling joins that sibling's
 * link when it is clearly contained in the sibling's counterpart (a whole covered by the in-order
 * concatenation of the parts). Repeats so that a whole split in three or more parts is found.
 */
function addContainment(parts: Node[], wholes: Node[], book: LinkBook, t: Thresholds): void {
  const paragraphsW = wholes.filter((w) => isParagraph(w) || w.pseudo);
  const isWhole = new Set(paragraphsW);
  for (let changed = true; changed; ) {
    changed = false;
    for (const u of parts) {
      if (!isParagraph(u) || u.pseudo || !u.parent || book.mates(u).length) continue;
      const siblings = u.parent.children;
      const i = siblings.indexOf(u);
      const near = [siblings[i - 1], siblings[i + 1]].filter((v): v is Node => v !== undefined);
      let best: Node | null = null;
      let bestC = 0;
      for (const v of near) {
        for (const w of book.mates(v)) {
          if (!isWhole.has(w)) continue;
          const c = containment(u.vOwn, w.vOwn);
          if (c > bestC) [best, bestC] = [w, c];
        }
      }
      if (!best || bestC < t.containMin) continue;
      let rival = 0;
      for (const w of paragraphsW) if (w !== best) rival = Math.max(rival, containment(u.vOwn, w.vOwn));
      if (bestC < t.containMargin * rival) continue;
      const group = [...book.mates(best), u];
      if (
        coverage(
          best.vOwn,
          group.map((g) => g.vOwn),
        ) <=
        coverage(
          best.vOwn,
          book.mates(best).map((g) => g.vOwn),
        )
      )
        continue;
      book.add(
        u.side === 0
          ? { a: u, b: best, via: 'contain', similarity: bestC }
          : { a: best, b: u, via: 'contain', similarity: bestC },
      );
      changed = true;
    }
  }
}

/**
 * Merges and splits by descent: an unlinked unit with children joins the unit of the other side from
 * which most of its children descend (a new item assembled from one old item's paragraphs is its split).
 */
function addDescent(nodes: Node[], book: LinkBook, t: Thresholds): void {
  for (const u of nodes) {
    if (u.pseudo || u.children.length === 0 || book.mates(u).length) continue;
    const tally = new Map<Node, number>();
    let total = 0;
    for (const c of u.children) {
      const mates = book.mates(c);
      if (mates.length === 0) continue;
      total++;
      for (const origin of new Set(mates.map((m) => contextOf(m)).filter((x): x is Node => x !== null))) {
        if (origin.depth === u.depth) tally.set(origin, (tally.get(origin) ?? 0) + 1);
      }
    }
    let best: Node | null = null;
    let bestN = 0;
    for (const [origin, n] of tally) if (n > bestN) [best, bestN] = [origin, n];
    if (!best || bestN < t.flowMinChildren || bestN * 2 < total) continue;
    const sim = bestN / Math.max(1, u.children.length);
    book.add(
      u.side === 0 ? { a: u, b: best, via: 'flow', similarity: sim } : { a: best, b: u, via: 'flow', similarity: sim },
    );
  }
}
