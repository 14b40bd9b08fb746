import type { Node } from './nodes.ts';
import { comparisonForm } from './text-form.ts';
import type { Thresholds } from './thresholds.ts';
import { cosine, type ScoredPair } from './vectors.ts';

/** Paragraph-level evidence for containers: how much of two subtrees' text was linked paragraph to paragraph. */
export type FlowTable = Map<Node, Map<Node, number>>;

/** Similarity of two units at the same level: own text for paragraphs; blended with paragraph flow for containers. */
export function unitSimilarity(a: Node, b: Node, flow: FlowTable, t: Thresholds): number {
  // Identical text is identical even when it has no words to vectorise (a bare marker, an ellipsis).
  const own = a.own === b.own ? 1 : cosine(a.vOwn, b.vOwn);
  if (a.children.length === 0 && b.children.length === 0) return own;
  return (1 - t.subtreeShare) * own + t.subtreeShare * (flow.get(a)?.get(b) ?? 0);
}

/** Nodes that carry paragraph text: childless units and intro pseudo-units. */
export const isLeaf = (n: Node) => n.pseudo || n.children.length === 0;

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
 * `sent` (filled if given) holds, for every unit x (either side) and unit y at x's depth, the share of x's
 * paragraph text that points into y: where x's content went.
 */
export function measureFlow(
  leavesA: Node[],
  leavesB: Node[],
  pairs: readonly ScoredPair[],
  floor: number,
  sent: FlowTable = new Map(),
): FlowTable {
  const mass = new Map<Node, number>();
  for (const leaf of [...leavesA, ...leavesB])
    for (const h of holders(leaf)) mass.set(h, (mass.get(h) ?? 0) + leaf.grams.length);
  const bestA = new Array<number>(leavesA.length).fill(floor);
  const bestB = new Array<number>(leavesB.length).fill(floor);
  const toB = new Array<Node | null>(leavesA.length).fill(null);
  const toA = new Array<Node | null>(leavesB.length).fill(null);
  for (const { i, j, sim } of pairs) {
    if (sim >= bestA[i]!) [bestA[i], toB[i]] = [sim, leavesB[j]!];
    if (sim >= bestB[j]!) [bestB[j], toA[j]] = [sim, leavesA[i]!];
  }
  const flow: FlowTable = new Map();
  const add = (table: FlowTable, x: Node, y: Node, w: number) => {
    for (const hx of holders(x)) {
      const row = table.get(hx) ?? new Map<Node, number>();
      table.set(hx, row);
      for (const hy of holders(y)) row.set(hy, (row.get(hy) ?? 0) + w);
    }
  };
  leavesA.forEach((a, i) => {
    const b = toB[i];
    if (b) {
      add(flow, a, b, a.grams.length);
      add(sent, a, b, a.grams.length);
    }
  });
  leavesB.forEach((b, j) => {
    const a = toA[j];
    if (a) {
      add(flow, a, b, b.grams.length);
      add(sent, b, a, b.grams.length);
    }
  });
  for (const [ha, row] of flow)
    for (const [hb, w] of row) row.set(hb, w / Math.max(1, (mass.get(ha) ?? 0) + (mass.get(hb) ?? 0)));
  // Directed shares: the part of x's paragraph text that points into y.
  for (const [x, targets] of sent) for (const [y, w] of targets) targets.set(y, w / Math.max(1, mass.get(x) ?? 0));
  return flow;
}

/** Paragraphs equal in comparison form and unique on each side, paired in document order. */
export function findAnchors(leavesA: Node[], leavesB: Node[]): [Node, Node][] {
  const index = (nodes: Node[]) => {
    const byText = new Map<string, Node[]>();
    for (const n of nodes) {
      // Paragraphs with no words (a lone marker, punctuation) anchor on their exact text, so a plan
      // compared with itself links them too instead of reporting them dropped and added.
      const key = comparisonForm(n.own) || `\u0000${comparisonForm(n.own, true)}`;
      byText.set(key, [...(byText.get(key) ?? []), n]);
    }
    return byText;
  };
  const inA = index(leavesA);
  const inB = index(leavesB);
  const out: [Node, Node][] = [];
  for (const [key, as] of inA) {
    const bs = inB.get(key);
    if (as.length === 1 && bs?.length === 1) out.push([as[0]!, bs[0]!]);
    // Word-less paragraphs cannot be told apart by similarity: as many on each side pair in order.
    else if (key.startsWith('\u0000') && bs?.length === as.length)
      as.forEach((a, i) => {
        out.push([a, bs[i]!]);
      });
  }
  return out;
}

/** The real node whose link decides where `n` sits (pseudo intros sit in their owner). */
export const contextOf = (n: Node): Node | null => (n.pseudo ? n.owner : n.parent);
