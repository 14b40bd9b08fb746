import type { Figure, FigureChange } from '@plandiff/model';
import { assignOptimal } from './assign.ts';
import { disjointBrackets } from './figure-brackets.ts';
import { bigrams } from './vectors.ts';

/** Least context overlap (Dice over bigrams, values masked) for two figures to be the same target. */
const MIN_CONTEXT_SIMILARITY = 0.5;

/** A figure of one side with the id of the task that prints it. */
export interface PlacedFigure {
  id: string;
  figure: Figure;
  /** The period it counts over (figure-period.ts), when its paragraph says. */
  period?: 'years' | 'year' | undefined;
}

/** Figures of both sides paired by context, split into those that changed and those kept as they were. */
export interface FigurePairs {
  changed: FigureChange[];
  kept: FigureChange[];
}

/** The context with the figure's own value (and every other number) masked, and its modifier words
 * removed, so only the words naming the target compare (`赤字率3%` and `赤字率不低于3%` are one target). */
function maskedContext(f: Figure): Set<number> {
  let context = f.context.replace(f.text, '0');
  for (const m of f.modifier?.split('/') ?? []) context = context.replace(m, '');
  const masked = context
    .replace(/[0-9０-９]+(?:[.．][0-9０-９]+)?/gu, '0')
    .replace(/(?:百分之|千分之)?[〇零一二两三四五六七八九十百千]*[十百千][〇零一二两三四五六七八九十百千]*/gu, '0');
  return new Set(bigrams(masked));
}

const foldUnit = (u: string) => u.replace('％', '%');

/** Overlap of two sets of bigrams (Dice). */
function dice(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Pairs the figures of linked tasks by measure word and context with the values masked — one optimal
 * one-to-one assignment — so two values that swap places (CPI 3%→2%, energy intensity 2.5%→3%) or repeat
 * (`3%` twice) each pair with their own target. An equal value only breaks ties. A pair whose value or
 * modifier (`左右` → `以上`) differs is a change; the others are kept (a report can follow them).
 */
export function pairFigures(from: readonly PlacedFigure[], to: readonly PlacedFigure[]): FigurePairs {
  const ctxA = from.map((f) => maskedContext(f.figure));
  const ctxB = to.map((f) => maskedContext(f.figure));
  const candidates: { a: number; b: number; score: number }[] = [];
  from.forEach((x, i) => {
    to.forEach((y, j) => {
      if (foldUnit(x.figure.unit) !== foldUnit(y.figure.unit)) return;
      // Same words, other quantity: a five-year total is not last year's figure.
      // The same value restated (14亿多, 4万亿元) is one fact whatever the period, and reports no change.
      const restated =
        x.figure.value === y.figure.value &&
        x.figure.upper === y.figure.upper &&
        x.figure.modifier === y.figure.modifier;
      if (x.period && y.period && x.period !== y.period && !restated) return;
      if (disjointBrackets(x.figure, y.figure)) return;
      const s = dice(ctxA[i]!, ctxB[j]!);
      if (s < MIN_CONTEXT_SIMILARITY) return;
      const same = x.figure.text === y.figure.text ? 1e-3 : 0;
      candidates.push({ a: i, b: j, score: s + same });
    });
  });
  const out: FigurePairs = { changed: [], kept: [] };
  const pairs = [...assignOptimal(candidates)].sort((p, q) => p[1] - q[1]);
  for (const [i, j] of pairs) {
    const a = from[i]!;
    const b = to[j]!;
    const change: FigureChange = {
      unit: b.figure.unit,
      context: b.figure.context,
      from: a.figure.text,
      to: b.figure.text,
      fromValue: a.figure.value,
      toValue: b.figure.value,
      fromModifier: a.figure.modifier ?? '',
      toModifier: b.figure.modifier ?? '',
      fromContext: a.figure.context,
      fromId: a.id,
      toId: b.id,
    };
    const same =
      a.figure.value === b.figure.value &&
      a.figure.upper === b.figure.upper &&
      change.fromModifier === change.toModifier;
    (same ? out.kept : out.changed).push(change);
  }
  return out;
}

/** The figures of linked tasks whose value or modifier changed (`20所` → `30所`, `5%左右` → `5%以上`). */
export function compareFigures(from: readonly Figure[], to: readonly Figure[]): FigureChange[] {
  return pairFigures(
    from.map((figure) => ({ id: '', figure })),
    to.map((figure) => ({ id: '', figure })),
  ).changed;
}
