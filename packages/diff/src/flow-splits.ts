import { contextOf, type FlowTable } from './flow.ts';
import type { LinkBook } from './link-book.ts';
import type { Node } from './nodes.ts';
import type { Thresholds } from './thresholds.ts';
import type { ScoredPair } from './vectors.ts';

const isContainer = (n: Node) => !n.pseudo && n.children.length > 0;

/**
 * Merges and splits by paragraph flow: an item left unlinked by the one-to-one assignment joins the item on
 * the other side that received (or supplied) most of its paragraphs' text, when that flow is at least
 * `flowSplitMin`. Catches a broad item whose paragraphs went to several narrower items (a split) even when
 * the paragraph links themselves are too weak to be one-to-one. Pairs are taken strongest first, and only
 * while every change stays one-to-many (the receiving item is alone on its side), so nothing becomes
 * many-to-many; the rule reads the same from either side, which keeps the diff symmetric.
 */
export function addFlowSplits(
  nodesA: Node[],
  nodesB: Node[],
  book: LinkBook,
  flow: FlowTable,
  sent: FlowTable,
  t: Thresholds,
): void {
  const pseudoOf = new Map<Node, Node>();
  for (const n of [...nodesA, ...nodesB]) if (n.pseudo) pseudoOf.set(n.owner, n);
  /** Real units linked to `n` (through itself or its intro). */
  const neighbours = (n: Node): Node[] => {
    const p = pseudoOf.get(n);
    return [...book.mates(n), ...(p ? book.mates(p) : [])].map((m) => m.owner);
  };
  /** The units of n's change, per side. */
  const groupOf = (n: Node): [Set<Node>, Set<Node>] => {
    const seen = new Set<Node>([n]);
    const queue = [n];
    for (let x = queue.pop(); x; x = queue.pop())
      for (const y of neighbours(x))
        if (!seen.has(y)) {
          seen.add(y);
          queue.push(y);
        }
    const sides: [Set<Node>, Set<Node>] = [new Set(), new Set()];
    for (const x of seen) sides[x.side].add(x);
    return sides;
  };
  /** Of x's paragraph text that points to units at x's depth, the share that points into y. */
  const share = (x: Node, y: Node): number => {
    const row = sent.get(x);
    let all = 0;
    for (const [z, w] of row ?? []) if (z.depth === x.depth) all += w;
    return all > 0 ? (row?.get(y) ?? 0) / all : 0;
  };
  const candidates: { a: Node; b: Node; w: number }[] = [];
  const containersB = new Set(nodesB.filter(isContainer));
  for (const a of nodesA) {
    if (!isContainer(a)) continue;
    for (const [b, w] of flow.get(a) ?? []) {
      if (w >= t.flowSplitMin && containersB.has(b) && b.depth === a.depth) candidates.push({ a, b, w });
    }
  }
  candidates.sort((x, y) => y.w - x.w || x.a.pos - y.a.pos || x.b.pos - y.b.pos);
  for (const { a, b, w } of candidates) {
    const ga = groupOf(a);
    const gb = groupOf(b);
    if (ga[0].has(b) || ga[1].has(b)) continue;
    const aAlone = ga[0].size === 1 && ga[1].size === 0;
    const bAlone = gb[0].size === 0 && gb[1].size === 1;
    // One of the two is new to any change; the other must be the only unit on its side of its change.
    const ok = (aAlone && gb[1].size === 1) || (bAlone && ga[0].size === 1);
    if (!ok) continue;
    // The two must be each other's main line: the newcomer's text went largely to the other item, and the
    // other's text largely to the newcomer (a real part of a split, not a paragraph borrowed in passing).
    if (share(a, b) + share(b, a) < t.flowSplitShare) continue;
    book.add({ a, b, via: 'flow', rule: 'attach-flow', similarity: w });
  }
}

/**
 * Paragraph splits and merges within linked items: a paragraph left unlinked joins its most similar
 * paragraph (at least `contextSplitMin`) among those under the counterparts of its own item, when that
 * paragraph's change stays one-to-many. A long paragraph of one edition often becomes several short ones
 * of the next, each sharing too little wording for a one-to-one link but clearly part of the same text.
 */
export function addContextSplits(
  paragraphsA: Node[],
  paragraphsB: Node[],
  book: LinkBook,
  pairs: readonly ScoredPair[],
  t: Thresholds,
): void {
  const linkedContext = (x: Node, y: Node) => {
    const cx = contextOf(x);
    const cy = contextOf(y);
    return cx !== null && cy !== null && book.mates(cx).includes(cy);
  };
  const candidates = pairs
    .filter((p) => p.sim >= t.contextSplitMin)
    .map((p) => ({ a: paragraphsA[p.i]!, b: paragraphsB[p.j]!, sim: p.sim }))
    // Intro pseudo-paragraphs stand for their items; joining them here would fold an item's change into a
    // paragraph's.
    .filter((c) => !c.a.pseudo && !c.b.pseudo && linkedContext(c.a, c.b))
    .sort((x, y) => y.sim - x.sim || x.a.pos - y.a.pos || x.b.pos - y.b.pos);
  /** The node stands alone on its side of its change: every unit linked to it is linked to it only. */
  const centre = (x: Node) => book.mates(x).every((m) => book.mates(m).length === 1);
  const best = new Map<Node, Node>();
  for (const c of candidates) {
    if (!best.has(c.a)) best.set(c.a, c.b);
    if (!best.has(c.b)) best.set(c.b, c.a);
  }
  for (const { a, b, sim } of candidates) {
    const aFree = book.mates(a).length === 0;
    const bFree = book.mates(b).length === 0;
    if (aFree === bFree && !aFree) continue;
    // The newcomer joins only its best match, and only a change that stays one-to-many.
    if (aFree && best.get(a) !== b && !bFree) continue;
    if (bFree && best.get(b) !== a && !aFree) continue;
    if ((aFree && !bFree && !centre(b)) || (bFree && !aFree && !centre(a))) continue;
    if (aFree && bFree && (best.get(a) !== b || best.get(b) !== a)) continue;
    book.add({ a, b, via: 'contain', rule: 'attach-context', similarity: sim });
  }
}
