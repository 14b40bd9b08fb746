import { contextOf } from './flow.ts';
import type { LinkBook } from './link-book.ts';
import type { Node } from './nodes.ts';
import { comparisonForm } from './text-form.ts';
import type { Thresholds } from './thresholds.ts';
import { containment, cosine, coverage } from './vectors.ts';

const isParagraph = (n: Node) => n.children.length === 0 && n.depth > 1;

/**
 * Layout differences between editions: one prints an item's heading and intro in one opening paragraph,
 * the other prints the heading alone and the intro as the item's first (unnumbered) paragraph. When the
 * two items are linked, that intro paragraph continues the opening paragraph's intro.
 */
export function addIntroLinks(nodesA: Node[], nodesB: Node[], partner: Map<Node, Node>, book: LinkBook): void {
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
          ? { a: intro, b: first, via: 'intro', rule: 'attach-layout', similarity: sim }
          : { a: first, b: intro, via: 'intro', rule: 'attach-layout', similarity: sim },
      );
    }
  }
}

/**
 * Merges and splits by containment: an unlinked paragraph next to a linked sibling joins that sibling's
 * link when it is clearly contained in the sibling's counterpart (a whole covered by the in-order
 * concatenation of the parts). Repeats so that a whole split in three or more parts is found.
 */
export function addContainment(parts: Node[], wholes: Node[], book: LinkBook, t: Thresholds): void {
  const paragraphsW = wholes.filter((w) => isParagraph(w) || w.pseudo);
  const isWhole = new Set(paragraphsW);
  const introOf = new Map<Node, Node>();
  for (const n of parts) if (n.pseudo) introOf.set(n.owner, n);
  for (let changed = true; changed; ) {
    changed = false;
    for (const u of parts) {
      if (!isParagraph(u) || u.pseudo || !u.parent || book.mates(u).length) continue;
      const siblings = u.parent.children;
      const i = siblings.indexOf(u);
      // The first paragraph of an item also sits next to the item's own intro (its opening paragraph).
      const before = i === 0 ? introOf.get(u.parent) : siblings[i - 1];
      const near = [before, siblings[i + 1]].filter((v): v is Node => v !== undefined);
      let best: Node | null = null;
      let bestC = 0;
      let exact: Node | null = null;
      for (const v of near) {
        for (const w of book.mates(v)) {
          if (!isWhole.has(w)) continue;
          if (!exact && continuesExactly(u, w, book)) exact = w;
          const c = containment(u.vOwn, w.vOwn);
          if (c > bestC) [best, bestC] = [w, c];
        }
      }
      if (exact) {
        // A line broken off the same text (a source that hard-wraps): no evidence is needed beyond equality.
        book.add(
          u.side === 0
            ? { a: u, b: exact, via: 'contain', rule: 'attach-continuation', similarity: 1 }
            : { a: exact, b: u, via: 'contain', rule: 'attach-continuation', similarity: 1 },
        );
        changed = true;
        continue;
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
          ? { a: u, b: best, via: 'contain', rule: 'attach-contained', similarity: bestC }
          : { a: best, b: u, via: 'contain', rule: 'attach-contained', similarity: bestC },
      );
      changed = true;
    }
  }
}

/** True when the whole's parts, with `u` added in document order, still spell a piece of the whole's text. */
function continuesExactly(u: Node, whole: Node, book: LinkBook): boolean {
  const parts = [...book.mates(whole), u].sort((x, y) => x.pos - y.pos);
  const joined = comparisonForm(parts.map((p) => p.own).join(''));
  return joined.length > 0 && comparisonForm(whole.own).includes(joined);
}

/**
 * Merges and splits by descent: an unlinked unit with children joins the unit of the other side from
 * which most of its children descend (a new item assembled from one old item's paragraphs is its split).
 */
export function addDescent(nodes: Node[], book: LinkBook, t: Thresholds): void {
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
      u.side === 0
        ? { a: u, b: best, via: 'flow', rule: 'attach-descent', similarity: sim }
        : { a: best, b: u, via: 'flow', rule: 'attach-descent', similarity: sim },
    );
  }
}
