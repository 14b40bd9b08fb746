/**
 * Lists, for the 16 consecutive Government Work Report pairs 2008→2025 (corpus/gwr, in the repo), the
 * figure pairings with the period rule off (`figurePeriods: false`, as before it) and on (as now): the
 * pairings the rule removes and the ones it adds (a figure freed by a removal pairs elsewhere).
 *
 *   npx tsx bench/figure-pairs-audit.ts [--list]
 *
 * Prints the counts per pair and in total; --list prints each removed (−) and added (+) pairing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffPlans } from '../packages/diff/src/index.ts';
import type { Plan } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { ROOT } from '../test/helpers/run-cli.ts';

const YEARS = [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025];
const list = process.argv.includes('--list');

const load = (year: number): Plan => {
  const path = join(ROOT, 'corpus', 'gwr', `${year}.txt`);
  return normalizePlan(readFileSync(path, 'utf8'), { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } })
    .plan;
};

/** Each pairing as one line: both contexts with values and modifiers. */
function pairings(a: Plan, b: Plan, figurePeriods: boolean): Set<string> {
  const { changes } = diffPlans(a, b, { wording: false, figurePeriods });
  const out = new Set<string>();
  for (const c of changes)
    for (const p of [...c.figures, ...(c.figuresKept ?? [])])
      out.add(
        `${p.fromId} ${p.fromContext} [${p.from}${p.fromModifier}] → ${p.toId} ${p.context} [${p.to}${p.toModifier}]`,
      );
  return out;
}

const plans = new Map(YEARS.map((y) => [y, load(y)]));
let removed = 0;
let added = 0;
for (let i = 1; i < YEARS.length; i++) {
  const [ya, yb] = [YEARS[i - 1]!, YEARS[i]!];
  const before = pairings(plans.get(ya)!, plans.get(yb)!, false);
  const now = pairings(plans.get(ya)!, plans.get(yb)!, true);
  const gone = [...before].filter((p) => !now.has(p));
  const come = [...now].filter((p) => !before.has(p));
  removed += gone.length;
  added += come.length;
  console.log(
    `${ya}→${yb}: ${before.size} pairings before, ${now.size} now; removed ${gone.length}, added ${come.length}`,
  );
  if (list) for (const p of [...gone.map((g) => `  − ${g}`), ...come.map((g) => `  + ${g}`)]) console.log(p);
}
console.log(`total: removed ${removed}, added ${added}`);
