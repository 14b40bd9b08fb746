import type { Node } from './nodes.ts';

/** Every rule that can make a link; docs/diff.md explains each. */
export const RULE_IDS = [
  'anchor',
  'assign',
  'attach-flow',
  'attach-layout',
  'attach-continuation',
  'attach-contained',
  'attach-context',
  'attach-descent',
] as const;

/** The id of the rule that made a link. */
export type RuleId = (typeof RULE_IDS)[number];

/** A link between a node of side A and one of side B, and why it was made. */
export interface Link {
  a: Node;
  b: Node;
  via: 'match' | 'intro' | 'contain' | 'flow';
  /** The rule that made the link (shown in the JSON and by `plandiff diff --explain`). */
  rule: RuleId;
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

  /** Every node linked to `n`, on the other side. */
  mates(n: Node): readonly Node[] {
    return this.byNode.get(n) ?? [];
  }
}
