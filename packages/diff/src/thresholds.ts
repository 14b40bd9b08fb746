/** Every tunable number of the diff engine, named, with its default. Override any of them via DiffOptions. */
export const DEFAULT_THRESHOLDS = {
  /** Least similarity (0–1) for two units to be linked one-to-one; below it they are added/dropped. */
  minSimilarity: 0.12,
  /** Least paragraph similarity that still counts as evidence of where an item's text went (paragraph flow). */
  flowMinSimilarity: 0.1,
  /** Weight of the heading (first sentence) relative to the rest of a unit's own text. */
  headingWeight: 2,
  /** For units with children, share of the score that comes from paragraph flow (the rest: own text). */
  subtreeShare: 0.6,
  /** Added to the score when the two units' parents are already linked (keeps tasks in their sections). */
  contextBonus: 0.15,
  /** A paragraph joins its neighbour's merge/split when at least this share of its weighted bigrams occurs in the whole. */
  containMin: 0.2,
  /** ... and when it is contained in that whole at least this many times more than in any other paragraph. */
  containMargin: 1.5,
  /** An unlinked item joins a merge/split when at least this many of its children descend from one item. */
  flowMinChildren: 2,
  /** An item left unlinked joins the item its paragraphs' text flowed to (or from) when that flow reaches this share. */
  flowSplitMin: 0.15,
  /** ... and when the share of its paragraph text pointing into that item plus the share of that item's text
   * pointing back into it reach this sum (both items are each other's main line of descent). */
  flowSplitShare: 0.7,
  /** An unlinked paragraph joins its most similar paragraph under its own item's counterparts from this
   * similarity, when that keeps the change one-to-many (a long paragraph cut into several short ones). */
  contextSplitMin: 0.1,
  /** An item's opening text beyond its heading counts as an intro paragraph from this many characters. */
  introMinChars: 12,
  /** Longest text (characters, both sides together) given to the word-level diff in one piece; longer
   * texts are aligned sentence by sentence first, so jsdiff's O(ND) search stays small and never times out. */
  maxWordingChars: 200,
} as const;

/** The named thresholds; every field can be overridden. */
export type Thresholds = { -readonly [K in keyof typeof DEFAULT_THRESHOLDS]: number };

/** Options of diffPlans. */
export interface DiffOptions extends Partial<Thresholds> {
  /** Report punctuation-only changes in the wording diff (and count them against `unchanged`). */
  punctuation?: boolean;
  /** Only report changes down to this depth (1 = sections). Alignment still uses every level. */
  depth?: number;
  /** Compute word-level wording diffs (default true; tracing turns it off because it only needs links). */
  wording?: boolean;
  /** Labels for the two sides (default: the plans' titles). */
  refA?: string;
  refB?: string;
}

/** Fills in the defaults. */
export function resolveThresholds(options: DiffOptions = {}): Thresholds {
  const t: Thresholds = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(t) as (keyof Thresholds)[]) {
    const v = options[key];
    if (typeof v === 'number' && Number.isFinite(v)) t[key] = v;
  }
  return t;
}
