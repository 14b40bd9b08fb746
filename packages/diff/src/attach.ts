import { contextOf, type FlowTable, isLeaf } from './flow.ts';
import type { LinkBook } from './link-book.ts';
import type { Node } from './nodes.ts';
import { comparisonForm } from './text-form.ts';
import type { Thresholds } from './thresholds.ts';
import { containment, coverageGain } from './vectors.ts';

/** A proposed part: unlinked `u` joins the change of `v` (on the other side). */
interface Proposal {
  u: Node;
  v: Node;
  share: number;
  /** Coverage u adds to v, measured against v's parts when the round began. */
  gained: number;
  exact: boolean;
}

/**
 * The one attach pass for merges and splits. A unit the one-to-one assignment left unlinked becomes a
 * part of a linked unit's change when, all at once:
 * - **share**: at least `attachMin` of its text is found in that unit (paragraphs: weighted bigram
 *   containment) or went to it (containers: paragraph flow);
 * - **margin**: that share beats its next-best candidate's `attachMargin` times;
 * - **coverage**: it covers at least `attachGain` more of the whole than the whole's other parts do;
 * - **one-to-many**: the whole stays alone on its side of its change, so no change becomes many-to-many.
 * A paragraph only joins a unit of its own item's counterpart, or the counterpart of its neighbour; a
 * container, one at its depth. A line broken off the same text (the parts joined still spell a piece of
 * the whole, a hard-wrapping source) needs no share. Two units both unlinked may start a change when
 * each is the other's best candidate. Proposals are taken strongest first, repeatedly, so a paragraph
 * cut in three is found; the pass reads the same from either side, so the diff stays symmetric.
 */
export function attachParts(units: readonly Node[], book: LinkBook, sent: FlowTable, t: Thresholds): void {
  const leaves = units.filter(isLeaf);
  const containers = units.filter((n) => !isLeaf(n));
  const linkedVia = (n: Node) => book.mates(n).length > 0 || (n.pseudo && book.mates(n.owner).length > 0);
  const free = (n: Node) => book.mates(n).length === 0;
  /** Alone on its side of its change: every unit linked to it is linked to it only. */
  const centre = (n: Node) => book.mates(n).every((m) => book.mates(m).length === 1);
  const isUnit = new Set(leaves);
  /** The paragraphs a paragraph may join: those under its item's counterparts (their intros included),
   * and the counterparts of its neighbours (a piece of a paragraph cut where its neighbour was). */
  const nearby = (u: Node): Node[] => {
    const out = new Set<Node>();
    const cu = contextOf(u);
    for (const c of cu ? book.mates(cu) : []) {
      if (c.introNode) out.add(c.introNode);
      for (const ch of c.children) out.add(ch);
    }
    for (const s of neighbours(u)) for (const m of book.mates(s)) out.add(m);
    return [...out].filter((v) => isUnit.has(v) && v.side !== u.side);
  };
  /**
   * Context, as in score(): a paragraph whose neighbour went to `v` continues where its neighbour went
   * (a long paragraph re-cut into short ones), so its evidence counts 1 + contextBoost times.
   */
  const boost = (u: Node, v: Node) =>
    isLeaf(u) && neighbours(u).some((s) => book.mates(s).includes(v)) ? 1 + t.contextBoost : 1;
  /** How much more of `whole` the parts cover with `u` among them (boosted by context). */
  const gain = (u: Node, whole: Node) => {
    if (!isLeaf(whole)) return sent.get(whole)?.get(u) ?? 0;
    const parts = book.mates(whole).map((m) => m.vOwn);
    return coverageGain(whole.vOwn, parts, u.vOwn) * boost(u, whole);
  };
  // A leaf's proposal depends only on the links of the units in its pool, of its neighbours, of its item
  // (layoutPair) and of the items its pool's intros stand for (linkedVia): it is kept across rounds until
  // one of those changes. A container's proposal reads only the pass's fixed scores.
  const cached = new Map<Node, Proposal | null>();
  const watchers = new Map<Node, Node[]>();
  const watch = (x: Node, u: Node) => {
    const list = watchers.get(x);
    if (list) list.push(u);
    else watchers.set(x, [u]);
  };
  const propose = (): Proposal[] => {
    const out: Proposal[] = [];
    for (const u of units) {
      if (!free(u)) continue;
      const hit = cached.get(u);
      if (hit !== undefined) {
        if (hit) out.push(hit);
        continue;
      }
      const proposal = proposeFor(u);
      cached.set(u, proposal);
      if (proposal) out.push(proposal);
    }
    return out;
  };
  const proposeFor = (u: Node): Proposal | null => {
    const leaf = isLeaf(u);
    const pool = leaf ? nearby(u) : containers.filter((v) => v.side !== u.side && v.depth === u.depth);
    if (leaf) {
      for (const x of [...pool, ...neighbours(u)]) watch(x, u);
      if (u.parent) watch(u.parent, u);
      for (const v of pool) if (v.pseudo) watch(v.owner, u);
    }
    const scored: Proposal[] = [];
    for (const v of pool) {
      const exact = leaf && !u.pseudo && ((linkedVia(v) && continuesExactly(u, v, book)) || layoutPair(u, v, book));
      // Two-way: how much of u is found in v, plus how much more of v u covers.
      // An item's intro stands for its item: only the layout rule makes a paragraph part of it.
      if (!exact && v.pseudo) continue;
      const gained = gain(u, v);
      const share = (leaf ? containment(u.vOwn, v.vOwn) * boost(u, v) : (sent.get(u)?.get(v) ?? 0)) + gained;
      if (exact || share > 0) scored.push({ u, v, share, gained, exact });
    }
    scored.sort((x, y) => Number(y.exact) - Number(x.exact) || y.share - x.share || x.v.pos - y.v.pos);
    const best = scored[0];
    if (!best) return null;
    if (best.exact) return best;
    const second = scored[1]?.share ?? 0;
    return best.share >= t.attachMin && best.share >= t.attachMargin * second ? best : null;
  };
  for (let changed = true; changed; ) {
    changed = false;
    let proposals = propose();
    // Certain parts first, alone in their round: a broken-off line accepted on looser evidence could
    // leave a gap that stops the next line from spelling the whole's text.
    if (proposals.some((p) => p.exact)) proposals = proposals.filter((p) => p.exact);
    const bestOf = new Map(proposals.map((p) => [p.u, p.v]));
    proposals.sort((x, y) => Number(y.exact) - Number(x.exact) || y.share - x.share || x.u.pos - y.u.pos);
    for (const { u, v, share, gained, exact } of proposals) {
      if (!free(u)) continue;
      if (!exact) {
        // Two unlinked units start a change only as each other's best candidate.
        if (!linkedVia(v) && bestOf.get(v) !== u) continue;
        // The pieces of one cut paragraph are proposed in the same round: each must add to what the whole's
        // parts covered when the round began, not to what its fellow pieces just took.
        if (!centre(v) || gained < t.attachGain) continue;
      }
      const [a, b] = u.side === 0 ? [u, v] : [v, u];
      const rule = !exact ? 'attach' : layoutPair(u, v, book) ? 'attach-layout' : 'attach-continuation';
      book.add({ a, b, rule, similarity: exact ? 1 : share });
      for (const w of [...(watchers.get(a) ?? []), ...(watchers.get(b) ?? [])]) cached.delete(w);
      changed = true;
    }
  }
}

/** The paragraphs next to `u` under the same parent (for an item's first paragraph: the item's intro). */
function neighbours(u: Node): Node[] {
  if (u.pseudo || !u.parent) return [];
  const siblings = u.parent.children;
  const i = siblings.indexOf(u);
  const before = i === 0 ? u.parent.introNode : siblings[i - 1];
  return [before, siblings[i + 1]].filter((v): v is Node => v !== undefined && v !== null);
}

/**
 * Layout: one edition prints an item's heading and intro in one opening paragraph (v, the intro), the
 * other prints the heading alone and the intro as the item's first unnumbered paragraph (u). When the
 * two items are linked, u continues v whatever its wording.
 */
function layoutPair(u: Node, v: Node, book: LinkBook): boolean {
  const item = u.parent;
  return (
    v.pseudo &&
    item !== null &&
    item.introNode === null &&
    item.children[0] === u &&
    u.unit.number === '' &&
    u.children.length === 0 &&
    book.mates(item).includes(v.owner) &&
    book.mates(v).length === 0
  );
}

/** True when the whole's parts, with `u` added in document order, still spell a piece of the whole's text. */
function continuesExactly(u: Node, whole: Node, book: LinkBook): boolean {
  const wholeForm = comparisonForm(whole.own);
  // The joined parts contain u's form, so a u not found in the whole cannot continue it (the usual case:
  // this skips joining the parts for almost every candidate).
  if (!wholeForm.includes(comparisonForm(u.own))) return false;
  const parts = [...book.mates(whole), u].sort((x, y) => x.pos - y.pos);
  if (!parts.every((p) => p.side === u.side)) return false;
  // Per-part forms (cached) joined: folding and punctuation removal work character by character.
  const joined = parts.map((p) => comparisonForm(p.own)).join('');
  return joined.length > 0 && wholeForm.includes(joined);
}
