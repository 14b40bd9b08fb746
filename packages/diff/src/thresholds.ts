/**
 * Every tunable number of the diff engine, named, with its default. Override any of them via DiffOptions.
 * docs/diff.md ("The model") says what each one does to the result.
 */
export const DEFAULT_THRESHOLDS = {
  /** The one candidate floor: two units are a candidate pair (for a link, or as evidence of where text
   * went) only when their similarity reaches this. Lower links more, higher reports more added/dropped. */
  minSimilarity: 0.1,
  /** A one-to-one link weaker than this must be supported — its units' parents linked to each other, or
   * (for containers) paragraph flow between them — or it is reported as dropped + added with a
   * "possible continuation" hint. */
  minUnsupported: 0.15,
  /** ... or their headings (first sentences) share at least this share of their bigrams (Dice). */
  headingSupport: 0.5,
  /** Weight of the heading (first sentence) relative to the rest of a unit's own text. */
  headingWeight: 2,
  /** For units with children, share of the score that comes from paragraph flow (the rest: own text). */
  subtreeShare: 0.6,
  /** The score of a pair whose parents are linked is multiplied by 1 + this (keeps tasks in their
   * sections; a multiplier, so context can never lift a pair below the floor). */
  contextBoost: 0.5,
  /** Attach pass: least share of an unlinked unit's text found in (leaves) or sent to (containers) a
   * linked unit for it to join that unit's change as a part of a merge or split. */
  attachMin: 0.2,
  /** ... and that share must beat the unit's next-best candidate by this factor (one margin). */
  attachMargin: 1.2,
  /** ... and the part must cover at least this much more of the whole than its other parts already do. */
  attachGain: 0.05,
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
  /** Pair figures only within the same period (figure-period.ts; default true). Off only to audit the rule. */
  figurePeriods?: boolean;
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
