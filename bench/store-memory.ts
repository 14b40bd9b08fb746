// Memory of `plandiff import` (issue 12, point 7): the peak resident set size of the CLI importing
// (a) one shipped report — the baseline, (b) the largest source a corpus accepts (just under
// MAX_SOURCE_BYTES = 16 MB: the shipped reports of corpus/gwr repeated) and (c) a 50 MB one, which
// must be refused before any work. Each is a fresh `node cli/bin/plandiff.js import` measured with
// `/usr/bin/time` (GNU time, %M = peak RSS); also the size of the stored plan.json against its source.
//   npx tsx bench/store-memory.ts           # needs /usr/bin/time; temporary files are deleted
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SOURCE_BYTES } from '../packages/store/src/index.ts';

const ROOT = join(import.meta.dirname, '..');
const GWR = join(ROOT, 'corpus', 'gwr');
const BIN = join(ROOT, 'cli', 'bin', 'plandiff.js');
if (!existsSync('/usr/bin/time')) {
  console.error('bench/store-memory.ts needs GNU time at /usr/bin/time');
  process.exit(2);
}
const reports = readdirSync(GWR)
  .filter((f) => /^\d{4}\.txt$/.test(f))
  .sort()
  .map((f) => readFileSync(join(GWR, f), 'utf8'));

/** The shipped reports repeated up to `bytes` (cut at a line end), as one long text. */
function longText(bytes: number): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = Buffer.from(`${reports[i % reports.length]}\n`);
    parts.push(part);
    size += part.length;
  }
  const all = Buffer.concat(parts);
  return all.subarray(0, all.lastIndexOf(10, bytes - 1) + 1);
}

const work = mkdtempSync(join(tmpdir(), 'plandiff-memory-'));
function run(name: string, file: string) {
  const corpus = join(work, `corpus-${name}`);
  const args = ['-f', '%M %e', process.execPath, BIN, 'import', file, '--series', name, '--edition', '2012'];
  const r = spawnSync('/usr/bin/time', [...args, '--corpus', corpus], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = r.stderr
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('Command exited'));
  const [rss = '0', seconds = '0'] = (lines.pop() ?? '').split(' ');
  const source = readFileSync(file).length;
  let plan: number | undefined;
  try {
    const out = execFileSync('git', ['-C', corpus, 'cat-file', '-s', `HEAD:${name}/2012/plan.json`], { stdio: 'pipe' });
    plan = Number(out.toString().trim());
  } catch {
    plan = undefined;
  }
  return {
    case: name,
    sourceMB: +(source / 1048576).toFixed(1),
    exit: r.status,
    peakRssMB: Math.round(Number(rss) / 1024),
    seconds: Number(seconds),
    ...(plan === undefined
      ? { message: lines.filter((l) => l.startsWith('plandiff')).join(' ') }
      : { planJsonRatio: +(plan / source).toFixed(2) }),
  };
}

try {
  const max = join(work, 'max.txt');
  writeFileSync(max, longText(MAX_SOURCE_BYTES - 1024));
  const big = join(work, 'fifty.txt');
  writeFileSync(big, longText(50 * 1048576));
  const results = [run('baseline', join(GWR, '2012.txt')), run('max', max), run('fifty', big)];
  console.log(JSON.stringify({ loadAverage: loadavg().map((x) => +x.toFixed(1)), results }, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
