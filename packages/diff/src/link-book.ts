import type { Node } from './nodes.ts';

/** Every rule that can make a link; docs/diff.md explains each. */
export const RULE_IDS = ['anchor', 'assign', 'attach', 'attach-continuation', 'attach-layout'] as const;

/** The id of the rule that made a link. */
export type RuleId = (typeof RULE_IDS)[number];

/** A link between a node of side A and one of side B, and why it was made. */
export interface Link {
  a: Node;
  b: Node;
  /** The rule that made the link (shown in the JSON and by `plandiff diff --explain`). */
  rule: RuleId;
  /** The score that made it: the pair's similarity (anchor, assign) or the attached part's share (attach). */
  similarity: number;
}

/** The links made so far, indexed by node for quick look-up of a node's counterparts. */
export class LinkBook {
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

  /** Removes a link (a weak one-to-one link nothing supports). */
  remove(link: Link): void {
    const i = this.links.indexOf(link);
    if (i >= 0) this.links.splice(i, 1);
    for (const [x, y] of [
      [link.a, link.b],
      [link.b, link.a],
    ] as const) {
      const list = this.byNode.get(x) ?? [];
      const j = list.indexOf(y);
      if (j >= 0) list.splice(j, 1);
    }
  }

  /** Every node linked to `n`, on the other side. */
  mates(n: Node): readonly Node[] {
    return this.byNode.get(n) ?? [];
  }
}
