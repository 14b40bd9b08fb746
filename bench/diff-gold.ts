// Scores `diffPlans` against the gold alignments: the shipped development fixture
// (packages/diff/test/fixtures/gold) and, when present, the development machine's ../shared/gold.
//
//   npx tsx bench/diff-gold.ts [-v]
//
// Item level = changes at depth 2, paragraph level = depths 2 and 3, scored by the in-repo
// re-implementation of score-alignment.mjs (packages/diff/src/evaluate/score-alignment.ts). With
// ../shared/tools/score-alignment.mjs present, the CLI's JSON is also scored by that script, as a check
// that both scorers agree; without ../shared this part says so and is skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Gold, scoreAlignment } from '../packages/diff/src/evaluate/score-alignment.ts';
import { diffPlans } from '../packages/diff/src/index.ts';
import { loadReport } from '../packages/diff/test/helpers/seed-plan.ts';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'packages', 'diff', 'test', 'fixtures', 'gold');
const SHARED = join(ROOT, '..', 'shared');
const SCORER = join(SHARED, 'tools', 'score-alignment.mjs');
const verbose = process.argv.includes('-v');

const files = new Map<string, string>();
for (const dir of [FIXTURES, join(SHARED, 'gold')])
  if (existsSync(dir))
    for (const f of readdirSync(dir)) if (/^gwr-\d{4}-\d{4}\.json$/.test(f)) files.set(f, join(dir, f));

const tmp = mkdtempSync(join(tmpdir(), 'plandiff-gold-'));
for (const [name, path] of files) {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as Gold & { pair: [number, number] };
  const [a, b] = gold.pair;
  const diff = diffPlans(loadReport(a), loadReport(b), { wording: false });
  console.log(`${name} (${a} → ${b})`);
  for (const [level, depths] of [
    ['item', [2]],
    ['paragraph', [2, 3]],
  ] as const) {
    const g = gold.levels[level];
    if (!g) continue;
    const s = scoreAlignment(g, diff.changes, { depths });
    console.log(
      `  ${level}: pairs gold ${s.gold} predicted ${s.predicted} right ${s.right}; P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`,
    );
    if (verbose) console.log(`    missed ${s.missed.join(' ')}\n    spurious ${s.spurious.join(' ')}`);
    if (existsSync(SCORER)) {
      const pred = join(tmp, `${a}-${b}.json`);
      writeFileSync(pred, JSON.stringify(diff));
      const filter = `depth=${depths.join(',')}`;
      const out = execFileSync(
        process.execPath,
        [SCORER, '--gold', path, '--pred', pred, '--level', level, '--filter', filter],
        {
          encoding: 'utf8',
        },
      );
      console.log(`  (score-alignment.mjs) ${out.trim()}`);
    }
  }
}
if (!existsSync(SCORER)) console.log(`(${SCORER} absent: only the in-repo scorer was run)`);
