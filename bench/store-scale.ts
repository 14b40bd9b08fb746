// Store at national scale. Builds, with `git fast-import`, (a) a corpus of SERIES × 15 editions made
// from the shipped texts (corpus/gwr) and (b) a 20,000-commit history, then measures in the same run:
// one import into (a) against one import into an empty corpus (the baseline), and `log` of one edition
// in (b). The index is populated (`git read-tree HEAD`) so index updates cost what they cost in a real
// clone; the work tree is not checked out (an import touches only its own files: see docs/store.md).
//   npx tsx bench/store-scale.ts            # 900 series × 15 = 13,500 editions (a few minutes)
//   npx tsx bench/store-scale.ts --full     # 9,000 series × 15 = 135,000 editions
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { storeNormalizer } from '../cli/src/store-normalizer.ts';
import { importSources, initCorpus, logEdition, renderCorpusConfig, renderJson } from '../packages/store/src/index.ts';

const ROOT = join(import.meta.dirname, '..');
const GWR = join(ROOT, 'corpus', 'gwr');
const FULL = process.argv.includes('--full');
const SERIES = FULL ? 9000 : 900;
const YEARS = 15;
const COMMITS = 20_000;
const texts = readdirSync(GWR)
  .filter((f) => /^\d{4}\.txt$/.test(f))
  .sort()
  .slice(-YEARS)
  .map((f) => readFileSync(join(GWR, f)));

const git = (dir: string, args: string[], input?: Buffer | string) =>
  execFileSync('git', ['-C', dir, ...args], { input: input ?? '', maxBuffer: 1 << 30 });

function blob(mark: number, bytes: Buffer | string): Buffer {
  const data = Buffer.from(bytes);
  return Buffer.concat([Buffer.from(`blob\nmark :${mark}\ndata ${data.length}\n`), data, Buffer.from('\n')]);
}

function commitHeader(message: string, time: number): string {
  const who = `plandiff <plandiff@localhost> ${time} +0000`;
  return `commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(message)}\n${message}\n`;
}

async function edition(i: number) {
  const bytes = texts[i] as Buffer;
  const { plan } = await storeNormalizer.parse({ bytes, kind: 'txt', sha256: '0'.repeat(64), label: 'x' });
  return { source: bytes, plan: renderJson(plan), md: storeNormalizer.render(plan) };
}

async function buildWide(dir: string): Promise<void> {
  mkdirSync(dir);
  git(dir, ['init', '-q', '-b', 'main']);
  const parts: Buffer[] = [];
  const series: Record<string, object> = {};
  for (let s = 0; s < SERIES; s++) series[`city${Math.floor(s / 30)}-dept${s % 30}`] = {};
  parts.push(blob(1, renderCorpusConfig({ plandiff: 1, series })));
  parts.push(blob(2, '/.plandiff/\n'), blob(3, '* -text\n'));
  for (let y = 0; y < YEARS; y++) {
    const e = await edition(y);
    const record = renderJson({ file: 'source.txt', sha256: '0'.repeat(64), size: e.source.length, encoding: 'utf-8' });
    parts.push(blob(10 + y * 4, e.source), blob(11 + y * 4, record), blob(12 + y * 4, e.plan), blob(13 + y * 4, e.md));
  }
  const lines = ['M 100644 :1 corpus.json', 'M 100644 :2 .gitignore', 'M 100644 :3 .gitattributes'];
  for (const name of Object.keys(series)) {
    for (let y = 0; y < YEARS; y++) {
      const d = `${name}/${2011 + y}`;
      lines.push(`M 100644 :${10 + y * 4} ${d}/source.txt`, `M 100644 :${11 + y * 4} ${d}/source.json`);
      lines.push(`M 100644 :${12 + y * 4} ${d}/plan.json`, `M 100644 :${13 + y * 4} ${d}/plan.md`);
    }
  }
  parts.push(Buffer.from(`${commitHeader('archive', 1700000000)}${lines.join('\n')}\n\n`));
  git(dir, ['fast-import', '--quiet'], Buffer.concat(parts));
  git(dir, ['read-tree', 'HEAD']);
}

async function buildDeep(dir: string): Promise<void> {
  mkdirSync(dir);
  git(dir, ['init', '-q', '-b', 'main']);
  const e = await edition(0);
  const parts: Buffer[] = [blob(1, renderCorpusConfig({ plandiff: 1, series: { s: {} } }))];
  const record = renderJson({ file: 'source.txt', sha256: '0'.repeat(64), size: 1, encoding: 'utf-8' });
  parts.push(blob(2, record), blob(3, e.plan), blob(4, e.md));
  for (let c = 0; c < COMMITS; c++) {
    const d = `s${c % 1000}/${2000 + (Math.floor(c / 1000) % 20)}`;
    const body = `${c}\n${texts[c % texts.length]?.subarray(0, 2000).toString('utf8')}`;
    parts.push(blob(10 + c, body));
    const files = [`M 100644 :${10 + c} ${d}/source.txt`];
    files.push(`M 100644 :2 ${d}/source.json`, `M 100644 :3 ${d}/plan.json`, `M 100644 :4 ${d}/plan.md`);
    if (c === 0) files.push('M 100644 :1 corpus.json');
    parts.push(Buffer.from(`${commitHeader(`import ${d}`, 1700000000 + c)}${files.join('\n')}\n\n`));
  }
  git(dir, ['fast-import', '--quiet'], Buffer.concat(parts));
  git(dir, ['read-tree', 'HEAD']);
  // What plandiff's writers keep after every commit (incrementally): the commit-graph with Bloom filters.
  git(dir, ['commit-graph', 'write', '--reachable', '--changed-paths', '--split']);
}

const work = mkdtempSync(join(tmpdir(), 'plandiff-scale-'));
const one = () => [
  {
    bytes: readFileSync(join(GWR, '2012.txt')),
    kind: 'txt' as const,
    series: 'newcity',
    edition: '2012',
    label: '2012.txt',
  },
];
let t = performance.now();
await buildWide(join(work, 'wide'));
const built = performance.now() - t;
await initCorpus(join(work, 'empty'));
const timeImport = async (dir: string) => {
  const start = performance.now();
  await importSources(dir, one(), { normalizer: storeNormalizer });
  return performance.now() - start;
};
const empty = await timeImport(join(work, 'empty'));
const wide = await timeImport(join(work, 'wide'));
t = performance.now();
await buildDeep(join(work, 'deep'));
const deepBuilt = performance.now() - t;
t = performance.now();
const versions = await logEdition(join(work, 'deep'), 's7@2003');
if (versions.length !== 1) throw new Error(`expected 1 version, got ${versions.length}`);
const log = performance.now() - t;
console.log(
  JSON.stringify(
    {
      editions: SERIES * YEARS,
      buildSeconds: +(built / 1000).toFixed(1),
      importEmptyMs: Math.round(empty),
      importWideMs: Math.round(wide),
      ratio: +(wide / empty).toFixed(2),
      commits: COMMITS,
      deepBuildSeconds: +(deepBuilt / 1000).toFixed(1),
      logVersions: versions.length,
      logMs: Math.round(log),
    },
    null,
    2,
  ),
);
