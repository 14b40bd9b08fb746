// Importing the 52 Government Work Reports of corpus/gwr into a fresh corpus: wall time, and how it
// grows with corpus size. Baseline: the same files parsed and rendered in the same process without
// storing, so the ratio shows what the store (hashing, atomic writes, lock, git) adds.
//   npx tsx bench/import-corpus.ts [--rounds 3] [--cli]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { storeNormalizer } from '../cli/src/store-normalizer.ts';
import { importSources, initCorpus, type SourceInput } from '../packages/store/src/index.ts';

const ROOT = join(import.meta.dirname, '..');
const GWR = join(ROOT, 'corpus', 'gwr');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 3;
const files = readdirSync(GWR)
  .filter((f) => /^\d{4}\.txt$/.test(f))
  .sort();
const sources: SourceInput[] = files.map((f) => ({
  bytes: readFileSync(join(GWR, f)),
  kind: 'txt',
  series: 'gwr',
  edition: f.slice(0, 4),
  label: f,
  fileName: f,
}));

async function parseOnly(items: SourceInput[]): Promise<number> {
  const t = performance.now();
  for (const s of items) {
    const { plan } = await storeNormalizer.parse({
      bytes: s.bytes,
      kind: s.kind,
      sha256: '0'.repeat(64),
      label: s.label,
    });
    storeNormalizer.render(plan);
  }
  return performance.now() - t;
}

async function freshCorpus(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'plandiff-bench-')), 'corpus');
  await initCorpus(dir);
  return dir;
}

/** One importSources call (one commit) for the first n reports. */
async function importBatch(n: number): Promise<number> {
  const dir = await freshCorpus();
  const t = performance.now();
  await importSources(dir, sources.slice(0, n), { normalizer: storeNormalizer });
  const ms = performance.now() - t;
  rmSync(join(dir, '..'), { recursive: true, force: true });
  return ms;
}

/** One import (one commit) per report, timing each, to see whether a bigger corpus slows imports. */
async function importOneByOne(): Promise<number[]> {
  const dir = await freshCorpus();
  const times: number[] = [];
  for (const s of sources) {
    const t = performance.now();
    await importSources(dir, [s], { normalizer: storeNormalizer });
    times.push(performance.now() - t);
  }
  rmSync(join(dir, '..'), { recursive: true, force: true });
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

await parseOnly(sources.slice(0, 5)); // warm-up
console.log(
  `corpus/gwr: ${files.length} reports, ${(sources.reduce((a, x) => a + x.bytes.length, 0) / 1e6).toFixed(1)} MB; ${rounds} round(s), medians\n`,
);
console.log('| reports | parse+render only | import (one commit) | ratio |');
console.log('|---|---|---|---|');
for (const n of [10, 25, files.length]) {
  const base: number[] = [];
  const store: number[] = [];
  for (let r = 0; r < rounds; r++) {
    base.push(await parseOnly(sources.slice(0, n)));
    store.push(await importBatch(n));
  }
  console.log(`| ${n} | ${s(median(base))} | ${s(median(store))} | ${(median(store) / median(base)).toFixed(2)}× |`);
}

const each = await importOneByOne();
const bands: [string, number[]][] = [
  ['1–10', each.slice(0, 10)],
  ['11–25', each.slice(10, 25)],
  [`26–${files.length}`, each.slice(25)],
];
console.log(
  `\nOne commit per report (${files.length} imports into one corpus): ${s(each.reduce((a, b) => a + b, 0))} in all`,
);
console.log('| imports | mean per import |');
console.log('|---|---|');
for (const [label, xs] of bands) console.log(`| ${label} | ${(mean(xs) / 1000).toFixed(3)} s |`);

if (process.argv.includes('--cli')) {
  const dir = join(mkdtempSync(join(tmpdir(), 'plandiff-bench-')), 'corpus');
  const args = [
    join(ROOT, 'cli/bin/plandiff.js'),
    'import',
    ...files.map((f) => join(GWR, f)),
    '--series',
    'gwr',
    '--edition-from',
    'file',
  ];
  const version = performance.now();
  spawnSync(process.execPath, [join(ROOT, 'cli/bin/plandiff.js'), '--version']);
  const startup = performance.now() - version;
  const t = performance.now();
  const run = spawnSync(process.execPath, [...args, '--corpus', dir], { encoding: 'utf8' });
  const wall = performance.now() - t;
  if (run.status !== 0) console.log(`CLI failed: ${run.stderr}`);
  console.log(
    `\nCLI: plandiff import corpus/gwr/*.txt --series gwr --edition-from file (fresh corpus): ${s(wall)} wall; plandiff --version alone: ${s(startup)}`,
  );
  rmSync(join(dir, '..'), { recursive: true, force: true });
}
