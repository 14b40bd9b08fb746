// Export at scale: `plandiff export --sqlite` and `--jsonl` over a git corpus of synthetic editions
// (bench/synthetic-plans.ts: the editions of bench/index-scale.ts), against a corpus a tenth the size
// exported in the same run.
//
//   npx tsx bench/export-scale.ts                     1,350 editions (baseline 135)
//   npx tsx bench/export-scale.ts --editions 13500    a larger run
//
// The corpus is written with `git fast-import` (as bench/store-scale.ts does), one commit, 15 editions per
// series; it lives in a temporary folder deleted at the end. Reported: wall and CPU time of each export,
// the output sizes, and the time per edition.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeNormalizer } from '../cli/src/store-normalizer.ts';
import { exportPassim, exportSqlite } from '../packages/index/src/index.ts';
import { renderCorpusConfig, renderJson } from '../packages/store/src/index.ts';
import { syntheticEdition } from './synthetic-plans.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const EDITIONS = Number(arg('--editions') ?? 1350);
const BASELINE = Math.max(15, Math.round(EDITIONS / 10));

const git = (dir: string, args: string[], input?: Buffer | string) =>
  execFileSync('git', ['-C', dir, ...args], { input: input ?? '', maxBuffer: 1 << 30 });

function blob(mark: number, bytes: string): Buffer {
  const data = Buffer.from(bytes);
  return Buffer.concat([Buffer.from(`blob\nmark :${mark}\ndata ${data.length}\n`), data, Buffer.from('\n')]);
}

/** A corpus of the first `editions` synthetic editions, committed in one fast-import commit. */
function buildCorpus(dir: string, editions: number): void {
  mkdirSync(dir);
  git(dir, ['init', '-q', '-b', 'main']);
  const parts: Buffer[] = [];
  const lines: string[] = [];
  const series: Record<string, object> = {};
  let mark = 10;
  for (let k = 0; k < editions; k++) {
    const e = syntheticEdition(k);
    series[e.series] = {};
    const text = storeNormalizer.render(e.plan);
    const record = renderJson({
      file: 'source.txt',
      sha256: '0'.repeat(64),
      size: Buffer.byteLength(text),
      encoding: 'utf-8',
    });
    const d = `${e.series}/${e.edition}`;
    for (const [file, body] of [
      ['source.txt', text],
      ['source.json', record],
      ['plan.json', renderJson(e.plan)],
      ['plan.md', text],
    ] as const) {
      parts.push(blob(mark, body));
      lines.push(`M 100644 :${mark++} ${d}/${file}`);
    }
  }
  parts.push(blob(1, renderCorpusConfig({ plandiff: 1, series })), blob(2, '/.plandiff/\n'), blob(3, '* -text\n'));
  lines.push('M 100644 :1 corpus.json', 'M 100644 :2 .gitignore', 'M 100644 :3 .gitattributes');
  const who = 'plandiff <plandiff@localhost> 1700000000 +0000';
  parts.push(
    Buffer.from(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata 7\narchive\n${lines.join('\n')}\n\n`),
  );
  git(dir, ['fast-import', '--quiet'], Buffer.concat(parts));
  git(dir, ['read-tree', 'HEAD']);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

async function measure(work: string, editions: number) {
  const dir = join(work, `corpus-${editions}`);
  buildCorpus(dir, editions);
  const sqliteFile = join(work, `export-${editions}.sqlite`);
  const sqlite = await timed(() => exportSqlite(dir, sqliteFile));
  const jsonlFile = join(work, `export-${editions}.jsonl`);
  const jsonl = await timed(async () => {
    const out = createWriteStream(jsonlFile);
    let n = 0;
    for await (const r of exportPassim(dir, { units: true })) {
      if (!out.write(`${JSON.stringify(r)}\n`)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      n++;
    }
    await new Promise<void>((ok) => out.end(() => ok()));
    return n;
  });
  return {
    editions,
    sqlite: { ...sqlite, bytes: statSync(sqliteFile).size },
    jsonl: { ...jsonl, bytes: statSync(jsonlFile).size },
  };
}

const work = mkdtempSync(join(tmpdir(), 'plandiff-export-scale-'));
try {
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(`load average before: ${load()}`);
  const base = await measure(work, BASELINE);
  const full = await measure(work, EDITIONS);
  const row = (name: string, b: number, f: number, unit: string, digits = 1) =>
    `| ${name} | ${b.toFixed(digits)} ${unit} | ${f.toFixed(digits)} ${unit} | ${(f / b).toFixed(1)}× |`;
  console.log(`\n| | ${BASELINE.toLocaleString('en')} editions | ${EDITIONS.toLocaleString('en')} editions | ratio |`);
  console.log('|---|---|---|---|');
  console.log(row('export --sqlite, wall', base.sqlite.ms / 1000, full.sqlite.ms / 1000, 's'));
  console.log(row('export --sqlite, CPU of this process', base.sqlite.cpuMs / 1000, full.sqlite.cpuMs / 1000, 's'));
  console.log(row('export --sqlite, per edition', base.sqlite.ms / BASELINE, full.sqlite.ms / EDITIONS, 'ms'));
  console.log(row('export --sqlite, file', base.sqlite.bytes / 2 ** 20, full.sqlite.bytes / 2 ** 20, 'MB'));
  console.log(row('export --jsonl --units, wall', base.jsonl.ms / 1000, full.jsonl.ms / 1000, 's'));
  console.log(row('export --jsonl --units, file', base.jsonl.bytes / 2 ** 20, full.jsonl.bytes / 2 ** 20, 'MB'));
  console.log(
    `\nrows at full size: ${full.sqlite.value.units} units, ${full.sqlite.value.changes} changes, ${full.sqlite.value.goals} goals; ${full.jsonl.value} passim records`,
  );
  console.log(`load average after: ${load()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
