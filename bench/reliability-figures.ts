/**
 * Runs the reliability, fault and security suites with $RELIABILITY_FIGURES set, so each test
 * appends what it tried (cases, faults injected, records read back and checked, losses), then
 * totals the lines and prints them — or, with --write, puts them into docs/reliability.md between
 * the figures markers, with this command and the vitest result.
 *
 *   npx tsx bench/reliability-figures.ts [--write] [--fuzz-runs N]
 *
 * The fuzz suites run with FUZZ_RUNS=N (default 10000, as `pnpm fuzz`); their cases are counted as
 * properties × N (fast-check stops a property at its first failure, which then fails the run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from '../test/helpers/reliability.ts';
import { ROOT } from '../test/helpers/run-cli.ts';

const START = '<!-- figures:start -->';
const END = '<!-- figures:end -->';
const fuzzRuns = Number(process.argv.find((a) => a.startsWith('--fuzz-runs='))?.slice(12)) || 10_000;

const suites = readdirSync(join(ROOT, 'test'))
  .filter((f) => /^(reliability|faults|security)-.*\.test\.ts$/.test(f))
  .map((f) => `test/${f}`);

function runVitest(
  files: string[],
  env: Record<string, string>,
): { passed: number; failed: number; skipped: number; seconds: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'plandiff-fig-')), 'result.json');
  const started = performance.now();
  spawnSync('npx', ['vitest', 'run', ...files, '--reporter=json', `--outputFile=${out}`], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = (performance.now() - started) / 1000;
  if (!existsSync(out)) return { passed: 0, failed: -1, skipped: 0, seconds };
  const json = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  rmSync(out, { force: true });
  return { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests, seconds };
}

async function main(): Promise<void> {
  const figuresFile = join(mkdtempSync(join(tmpdir(), 'plandiff-fig-')), 'figures.jsonl');
  writeFileSync(figuresFile, '');
  const suiteRun = runVitest(suites, { RELIABILITY_FIGURES: figuresFile });
  const figures = readFileSync(figuresFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Figure);
  const fuzzFiles = readdirSync(join(ROOT, 'test', 'fuzz'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/fuzz/${f}`);
  const fuzzRun = runVitest(fuzzFiles, { FUZZ_RUNS: String(fuzzRuns) });
  const bySuite = new Map<string, Required<Omit<Figure, 'suite'>>>();
  for (const f of figures) {
    const t = bySuite.get(f.suite) ?? { cases: 0, faults: 0, records: 0, losses: 0 };
    t.cases += f.cases ?? 0;
    t.faults += f.faults ?? 0;
    t.records += f.records ?? 0;
    t.losses += f.losses ?? 0;
    bySuite.set(f.suite, t);
  }
  const fuzzProperties = fuzzRun.passed + fuzzRun.failed;
  bySuite.set(`fuzz properties (${fuzzProperties} × up to ${fuzzRuns} cases)`, {
    cases: fuzzRun.passed * fuzzRuns,
    faults: 0,
    records: 0,
    losses: 0,
  });
  const rows = ['| suite | cases tried | faults injected | records checked | losses |', '|---|---|---|---|---|'];
  const total = { cases: 0, faults: 0, records: 0, losses: 0 };
  for (const [suite, t] of [...bySuite.entries()].sort()) {
    rows.push(`| ${suite} | ${t.cases || '–'} | ${t.faults || '–'} | ${t.records || '–'} | ${t.losses} |`);
    total.cases += t.cases;
    total.faults += t.faults;
    total.records += t.records;
    total.losses += t.losses;
  }
  rows.push(`| **total** | **${total.cases}** | **${total.faults}** | **${total.records}** | **${total.losses}** |`);
  const text = [
    `Produced ${new Date().toISOString().slice(0, 16)}Z on a shared 2-core machine by \`npx tsx bench/reliability-figures.ts --write\`,`,
    `which runs \`RELIABILITY_FIGURES=… npx vitest run ${suites.join(' ')}\` and \`FUZZ_RUNS=${fuzzRuns} npx vitest run test/fuzz\`.`,
    '',
    ...rows,
    '',
    `Suites: ${suiteRun.passed} tests passed, ${suiteRun.failed} failed, ${suiteRun.skipped} skipped in ${suiteRun.seconds.toFixed(0)} s; fuzz: ${fuzzRun.passed} properties passed, ${fuzzRun.failed} failed in ${fuzzRun.seconds.toFixed(0)} s.`,
    '"Records checked" counts stored files read back from git and verified (source bytes against the sha256 in source.json, plan.json against the schema and the source, plan.md present), summed over every check after every fault. "Losses" counts imports that reported success and were missing afterwards.',
    '',
  ].join('\n');
  if (process.argv.includes('--write')) {
    const doc = join(ROOT, 'docs', 'reliability.md');
    const current = readFileSync(doc, 'utf8');
    const a = current.indexOf(START);
    const b = current.indexOf(END);
    if (a < 0 || b < a) throw new Error(`${doc} lacks the figures markers`);
    writeFileSync(doc, `${current.slice(0, a + START.length)}\n${text}${current.slice(b)}`);
    process.stderr.write(`wrote the figures into ${doc}\n`);
  } else process.stdout.write(text);
  rmSync(figuresFile, { force: true });
}

await main();
