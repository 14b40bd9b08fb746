// Prints a SHA-256 of the JSON of every consecutive-pair diff 2008–2025 (with word diffs) and of a
// trace, so a speed change can be checked to leave the output byte-identical.
//
//   npx tsx bench/diff-snapshot.ts          one hash per pair, then the trace's
//   npx tsx bench/diff-snapshot.ts --out F  also writes all diffs as JSON to F
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffPlans, tracePlans } from '../packages/diff/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';

const ROOT = join(import.meta.dirname, '..');
const YEARS = [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025];
const plans = YEARS.map(
  (y) =>
    normalizePlan(readFileSync(join(ROOT, 'corpus', 'gwr', `${y}.txt`), 'utf8'), {
      source: { path: `${y}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8' },
    }).plan,
);
const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
const all: unknown[] = [];
for (let i = 0; i + 1 < plans.length; i++) {
  const d = diffPlans(plans[i]!, plans[i + 1]!);
  all.push(d);
  console.log(`${YEARS[i]}→${YEARS[i + 1]} ${hash(d)}`);
}
console.log(`trace ${hash(tracePlans(plans, { years: YEARS }))}`);
const out = process.argv.indexOf('--out');
if (out > 0) writeFileSync(process.argv[out + 1]!, JSON.stringify(all, null, 1));
