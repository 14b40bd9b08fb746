import type { Figure, FigureChange } from '@plandiff/model';
import { bigrams } from './vectors.ts';

/** Least context overlap (Dice over bigrams, numbers masked) for two figures to be the same target. */
const MIN_CONTEXT_SIMILARITY = 0.5;

/** Overlap of two contexts' bigrams (Dice), to pair a figure with its counterpart. */
function contextSimilarity(x: string, y: string): number {
  const a = new Set(bigrams(x.replace(/[\d.]+/g, '0')));
  const b = new Set(bigrams(y.replace(/[\d.]+/g, '0')));
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Pairs the figures of matched tasks by measure word and context, and lists those whose value changed
 * (`20所` → `30所`). Figures printed identically on both sides are paired first and never reported.
 */
export function compareFigures(from: readonly Figure[], to: readonly Figure[]): FigureChange[] {
  const left = [...from];
  const right = [...to];
  // Identical figures with the same measure word are the same target, unchanged.
  for (let i = left.length - 1; i >= 0; i--) {
    const j = right.findIndex((f) => f.text === left[i]!.text && f.unit === left[i]!.unit);
    if (j >= 0) {
      left.splice(i, 1);
      right.splice(j, 1);
    }
  }
  const pairs: { i: number; j: number; s: number }[] = [];
  left.forEach((a, i) => {
    right.forEach((b, j) => {
      if (a.unit !== b.unit) return;
      const s = contextSimilarity(a.context, b.context);
      if (s >= MIN_CONTEXT_SIMILARITY) pairs.push({ i, j, s });
    });
  });
  pairs.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const out: { j: number; change: FigureChange }[] = [];
  for (const p of pairs) {
    if (usedL.has(p.i) || usedR.has(p.j)) continue;
    usedL.add(p.i);
    usedR.add(p.j);
    const a = left[p.i]!;
    const b = right[p.j]!;
    if (a.text !== b.text) out.push({ j: p.j, change: { unit: b.unit, context: b.context, from: a.text, to: b.text } });
  }
  return out.sort((x, y) => x.j - y.j).map((x) => x.change);
}
