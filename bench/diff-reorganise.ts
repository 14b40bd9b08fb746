// Scores diffPlans on generated reorganisations of real reports (packages/diff/src/evaluate/reorganise.ts),
// whose true alignment is known: item F1 (depth 2) and paragraph F1 (depths 2–3), micro-averaged.
//
//   npx tsx bench/diff-reorganise.ts [-v]
//
// Two disjoint sets: TUNING (reports 2014, 2016, 2017; seeds 1–3) is the one thresholds may be looked at
// on; TEST (reports 2021, 2022, 2023; seeds 101–103) is what packages/diff/test/reorganise.test.ts checks.

import { reorganise } from '../packages/diff/src/evaluate/reorganise.ts';
import { scoreAlignment } from '../packages/diff/src/evaluate/score-alignment.ts';
import { diffPlans } from '../packages/diff/src/index.ts';
import { loadReport } from '../packages/diff/test/helpers/seed-plan.ts';

export const TUNING = { years: [2014, 2016, 2017], seeds: [1, 2, 3], donor: 2012 };
export const TEST = { years: [2021, 2022, 2023], seeds: [101, 102, 103], donor: 2011 };

/** Micro-averaged P/R/F1 over every pair of a set. */
export function scoreSet(set: typeof TEST, verbose = false) {
  const totals = { item: [0, 0, 0], paragraph: [0, 0, 0] } as Record<'item' | 'paragraph', number[]>;
  const donor = loadReport(set.donor);
  for (const year of set.years) {
    const plan = loadReport(year);
    for (const seed of set.seeds) {
      const r = reorganise(plan, donor, seed);
      const changes = diffPlans(r.a, r.b, { wording: false }).changes;
      for (const [level, depths] of [
        ['item', [2]],
        ['paragraph', [2, 3]],
      ] as const) {
        const s = scoreAlignment(r.gold.levels[level]!, changes, { depths });
        const t = totals[level];
        t[0]! += s.right;
        t[1]! += s.predicted;
        t[2]! += s.gold;
        if (verbose && s.f1 < 1)
          console.log(
            `  ${year}/${seed} ${level} F1 ${s.f1.toFixed(3)} missed ${s.missed.join(' ')} | spurious ${s.spurious.join(' ')}`,
          );
      }
      if (verbose) console.log(`  ${year}/${seed}: ${r.log.join('; ')}`);
    }
  }
  const f = (t: number[]) => {
    const p = t[0]! / t[1]!;
    const r = t[0]! / t[2]!;
    return { precision: p, recall: r, f1: (2 * p * r) / (p + r) };
  };
  return { item: f(totals.item), paragraph: f(totals.paragraph) };
}

if (process.argv[1]?.endsWith('diff-reorganise.ts')) {
  const verbose = process.argv.includes('-v');
  for (const [name, set] of [
    ['tuning', TUNING],
    ['test', TEST],
  ] as const) {
    const s = scoreSet(set, verbose);
    const show = (x: { precision: number; recall: number; f1: number }) =>
      `P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)} F1 ${x.f1.toFixed(3)}`;
    console.log(
      `${name} (${set.years.join(',')} × seeds ${set.seeds.join(',')}): item ${show(s.item)}; paragraph ${show(s.paragraph)}`,
    );
  }
}
