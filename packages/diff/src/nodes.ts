import type { Plan, Unit } from '@plandiff/model';
import { firstSentence, matchingForm, stripNumber } from './text-form.ts';
import type { Thresholds } from './thresholds.ts';
import { type BigramIndex, bigrams, type SparseVector } from './vectors.ts';

/** One unit of one side, flattened, with what the aligner needs. */
export interface Node {
  side: 0 | 1;
  /** Index in the side's node list. */
  key: number;
  unit: Unit;
  depth: number;
  /** Document order; an intro pseudo-unit sits between its owner and the owner's first child. */
  pos: number;
  parent: Node | null;
  children: Node[];
  /** True for the intro part of an item's opening paragraph (text beyond its heading). */
  pseudo: boolean;
  /** The real unit this node stands for in the output (itself unless pseudo). */
  owner: Node;
  /** For an item whose opening paragraph carries an intro: that intro's pseudo-node. */
  introNode: Node | null;
  /** Own text without the number marker. */
  own: string;
  head: string;
  grams: number[];
  headGrams: number[];
  vOwn: SparseVector;
}

interface RawNode extends Omit<Node, 'vOwn'> {
  vOwn?: SparseVector;
}

/** Flattens a plan into nodes in document order, adding intro pseudo-units for opening paragraphs. */
export function flattenPlan(plan: Plan, side: 0 | 1, t: Thresholds): Node[] {
  const out: RawNode[] = [];
  const walk = (units: readonly Unit[], parent: RawNode | null) => {
    for (const unit of units) {
      const own = stripNumber(unit.text, unit.number);
      const head = unit.heading ? stripNumber(unit.heading, unit.number) : firstSentence(own);
      const node: RawNode = {
        side,
        key: out.length,
        unit,
        depth: unit.depth,
        pos: out.length,
        parent: parent as Node | null,
        children: [],
        pseudo: false,
        owner: undefined as unknown as Node,
        introNode: null,
        own,
        head,
        grams: bigrams(matchingForm(own)),
        headGrams: bigrams(matchingForm(head)),
      };
      node.owner = node as Node;
      out.push(node);
      parent?.children.push(node as Node);
      if (unit.children.length > 0) {
        const lead = firstSentence(own);
        const intro = own.slice(lead.length).trim();
        if (matchingForm(intro).length >= t.introMinChars) {
          const pseudo: RawNode = {
            ...node,
            key: out.length,
            depth: unit.depth + 1,
            pos: out.length,
            parent: node as Node,
            children: [],
            pseudo: true,
            owner: node as Node,
            own: intro,
            head: firstSentence(intro),
            grams: bigrams(matchingForm(intro)),
            headGrams: bigrams(matchingForm(firstSentence(intro))),
            introNode: null,
          };
          node.introNode = pseudo as Node;
          out.push(pseudo);
        }
        walk(unit.children, node);
      }
    }
  };
  walk(plan.units, null);
  return out as Node[];
}

/** Gives every node its own-text vector (heading weighted above body). */
export function vectorizeNodes(nodes: Node[], index: BigramIndex, t: Thresholds): void {
  for (const n of nodes as RawNode[]) n.vOwn = index.vector(n.grams, n.headGrams, t.headingWeight - 1);
}
