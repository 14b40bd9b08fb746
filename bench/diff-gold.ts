// Scores `plandiff diff` against the hand-made gold alignment in ../shared/gold (optional: that folder
// exists on the development machine only; without it this says so and exits 0).
//
//   npx tsx bench/diff-gold.ts
//
// Runs the real CLI on each gold pair (corpus/gwr/<A>.txt → <B>.txt, --format json) and the shared
// scorer at item level (depth 2) and paragraph level (depths 2 and 3), as the acceptance criteria say.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SHARED = join(ROOT, '..', 'shared');
const GOLD = join(SHARED, 'gold');
const SCORER = join(SHARED, 'tools', 'score-alignment.mjs');

if (!existsSync(GOLD) || !existsSync(SCORER)) {
  console.log(`No gold alignments at ${GOLD} (only on the development machine); nothing to score.`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'plandiff-gold-'));
for (const file of readdirSync(GOLD).filter((f) => /^gwr-\d{4}-\d{4}\.json$/.test(f))) {
  const gold = JSON.parse(readFileSync(join(GOLD, file), 'utf8')) as { pair: [number, number] };
  const [a, b] = gold.pair;
  const pred = join(dir, `${a}-${b}.json`);
  const t0 = performance.now();
  const json = execFileSync(
    process.execPath,
    [join(ROOT, 'cli', 'bin', 'plandiff.js'), 'diff', `corpus/gwr/${a}.txt`, `corpus/gwr/${b}.txt`, '--format', 'json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 },
  );
  writeFileSync(pred, json);
  console.log(`${a} → ${b} (plandiff diff took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  for (const [level, filter] of [
    ['item', 'depth=2'],
    ['paragraph', 'depth=2,3'],
  ] as const) {
    const out = execFileSync(
      process.execPath,
      [SCORER, '--gold', join(GOLD, file), '--pred', pred, '--level', level, '--filter', filter],
      { encoding: 'utf8' },
    );
    process.stdout.write(`  ${out.trim()}\n`);
  }
}
