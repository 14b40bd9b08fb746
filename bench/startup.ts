/**
 * Start-up of the installed package: `plandiff --version` against `node -e 0`, and `plandiff parse` of a
 * 50 KB report, each the median wall time of 7 interleaved runs (the baseline is measured in the same run,
 * so a loaded machine moves both). Also the checkout's bin (tsx), for the ratio the package removes.
 *
 *   npx tsx bench/startup.ts [--prefix DIR]
 *
 * Without --prefix it packs the release and installs it with npm into bench/out/startup-prefix (once: a
 * later run reuses that install when the tarball is unchanged).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packRelease } from '../scripts/pack-release.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const REPORT = join(ROOT, 'corpus', 'gwr', '2025.txt');

function installedPrefix(): string {
  const at = process.argv.indexOf('--prefix');
  const given = at >= 0 ? process.argv[at + 1] : undefined;
  if (given) return resolve(given);
  const prefix = join(ROOT, 'bench', 'out', 'startup-prefix');
  const tarball = packRelease();
  const stamp = join(prefix, 'tarball.sha');
  const sha = execFileSync('sha256sum', [tarball], { encoding: 'utf8' }).split(' ')[0] ?? '';
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== sha) {
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
      stdio: 'inherit',
    });
    writeFileSync(stamp, sha);
  }
  return prefix;
}

/** Wall seconds of one run. */
function wall(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const bin = join(installedPrefix(), 'bin', 'plandiff');
const checkout = join(ROOT, 'cli', 'bin', 'plandiff.js');
const cases: Record<string, [string, string[]]> = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'plandiff --version': [bin, ['--version']],
  'plandiff parse 2025.txt (54 KB)': [bin, ['parse', REPORT]],
  'checkout bin --version (tsx)': [process.execPath, [checkout, '--version']],
  'checkout bin parse (tsx)': [process.execPath, [checkout, 'parse', REPORT]],
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const [command, args] of Object.values(cases)) wall(command, args); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  for (const [name, [command, args]] of Object.entries(cases)) times[name]?.push(wall(command, args));
}
const base = median(times['node -e 0'] ?? []);
process.stdout.write(`median of ${RUNS} wall times, interleaved; ratio to node -e 0\n`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  process.stdout.write(`${name.padEnd(34)} ${m.toFixed(3)} s  ${(m / base).toFixed(1)}×\n`);
}
