/**
 * F1 of a diff's task alignment against a gold alignment — the same measure as the development
 * scorer `score-alignment.mjs`: every link becomes pairs (a, b), an added unit (-, b), a dropped one
 * (a, -); predicted tasks are matched to gold units by heading prefix, or by id when the gold gives ids.
 */

/** One unit of a gold level: its key, its printed heading, and (for generated gold) its unit id. */
export interface GoldUnit {
  key: string;
  heading: string;
  id?: string;
}

/** One gold link between units of the two sides. */
export interface GoldLink {
  from: string[];
  to: string[];
  kind: string;
  moved?: boolean;
  note?: string;
}

/** The gold alignment of one level (items, paragraphs). */
export interface GoldLevel {
  A: GoldUnit[];
  B: GoldUnit[];
  links: GoldLink[];
  added?: string[];
  dropped?: string[];
}

/** A gold alignment file: levels by name. */
export interface Gold {
  pair?: [number, number];
  levels: Record<string, GoldLevel>;
}

/** What the scorer reads from a predicted change. */
export interface ScoredChange {
  kind: string;
  depth?: number;
  from: { id?: string; heading?: string; text?: string }[];
  to: { id?: string; heading?: string; text?: string }[];
}

/** Precision, recall and F1 of one level, with the pairs missed and the spurious ones. */
export interface AlignmentScore {
  gold: number;
  predicted: number;
  right: number;
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  spurious: string[];
}

const strip = (s: string | undefined) =>
  (s ?? '')
    .replace(/^[\s\u3000]*(?:[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+、|\d+[.．、])\s*/u, '')
    .replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');

const taskText = (t: ScoredChange['from'][number]) =>
  `${t.heading ?? ''}${t.heading && t.text && strip(t.text).startsWith(strip(t.heading)) ? '' : (t.text ?? '')}`;

/** The shortest prefix (at least 12 characters) that tells the units of one side apart. */
function probes(units: readonly GoldUnit[]): { unit: GoldUnit; probe: string }[] {
  const heads = units.map((u) => strip(u.heading));
  let n = 12;
  while (n < 60 && new Set(heads.map((h) => h.slice(0, n))).size < heads.length) n++;
  return units.map((unit, i) => ({ unit, probe: heads[i]!.slice(0, n) }));
}

/** Scores the predicted changes (optionally only those of the given depths) against one gold level. */
export function scoreAlignment(
  level: GoldLevel,
  changes: readonly ScoredChange[],
  options: { depths?: readonly number[] } = {},
): AlignmentScore {
  const byId = level.A.every((u) => u.id !== undefined) && level.B.every((u) => u.id !== undefined);
  const side = (units: readonly GoldUnit[]) => {
    const ps = probes(units);
    const ids = new Map(units.map((u) => [u.id, u.key]));
    return (t: ScoredChange['from'][number]) => {
      if (byId) return t.id === undefined ? undefined : ids.get(t.id);
      const s = strip(taskText(t));
      return ps.find((p) => p.probe && s.startsWith(p.probe))?.unit.key;
    };
  };
  const matchA = side(level.A);
  const matchB = side(level.B);
  const goldPairs = new Set<string>();
  for (const l of level.links) for (const a of l.from) for (const b of l.to) goldPairs.add(`${a}>${b}`);
  for (const b of level.added ?? []) goldPairs.add(`->${b}`);
  for (const a of level.dropped ?? []) goldPairs.add(`${a}>-`);
  const predPairs = new Set<string>();
  for (const c of changes) {
    if (options.depths && !options.depths.includes(c.depth ?? 0)) continue;
    const as = c.from.map(matchA).filter((k): k is string => k !== undefined);
    const bs = c.to.map(matchB).filter((k): k is string => k !== undefined);
    if (as.length && bs.length) for (const a of as) for (const b of bs) predPairs.add(`${a}>${b}`);
    else if (as.length && c.to.length === 0) for (const a of as) predPairs.add(`${a}>-`);
    else if (bs.length && c.from.length === 0) for (const b of bs) predPairs.add(`->${b}`);
  }
  const right = [...predPairs].filter((p) => goldPairs.has(p)).length;
  const precision = predPairs.size ? right / predPairs.size : 0;
  const recall = goldPairs.size ? right / goldPairs.size : 0;
  return {
    gold: goldPairs.size,
    predicted: predPairs.size,
    right,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    missed: [...goldPairs].filter((p) => !predPairs.has(p)),
    spurious: [...predPairs].filter((p) => !goldPairs.has(p)),
  };
}
