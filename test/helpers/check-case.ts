import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { BadInputCase } from './bad-input-cases.ts';
import {
  errorLines,
  type MeasuredRun,
  recordFigure,
  runMainMeasured,
  stackLines,
  TIME_LIMIT_MS,
  tempDir,
} from './reliability.ts';

/** A case's run and whether it met its expectation. */
export interface CaseOutcome {
  run: MeasuredRun;
  /** Undefined when every check passed, else the first failed check. */
  failure?: string;
}

/** The first line plandiff wrote about the case: its error line, else its first diagnostic. */
export function summaryLine(run: MeasuredRun): string {
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  const error = errorLines(run.stderr)[0];
  return (error ?? lines.find((l) => /: (warning|error) /.test(l)) ?? lines[0] ?? '').slice(0, 160);
}

/**
 * Checks one run against its case: the exit code and message, no stack trace, the time limit, a
 * diagnostic for warnings, and the case's own checks. Throws an AssertionError on the first failure.
 */
export function assertOutcome(c: BadInputCase, run: MeasuredRun, dir: string): void {
  assert.equal(run.signal, null, `killed by ${run.signal} (time or memory limit)`);
  assert.deepEqual(stackLines(run.stderr), [], 'stderr has a stack trace');
  assert.doesNotMatch(run.stderr, /internal error/, 'an unexpected error escaped');
  assert.ok(run.ms < TIME_LIMIT_MS, `took ${Math.round(run.ms)} ms (limit ${TIME_LIMIT_MS})`);
  if (c.expect === 'error') {
    assert.notEqual(run.code, 0, 'exit code 0 for an error case');
    if (c.exit !== undefined) assert.equal(run.code, c.exit, `exit code ${run.code}, expected ${c.exit}`);
    const lines = errorLines(run.stderr);
    assert.equal(lines.length, 1, `expected one "plandiff: …" line, got ${lines.length}: ${run.stderr}`);
  } else {
    assert.equal(run.code, 0, `exit code ${run.code}: ${run.stderr.slice(0, 300)}`);
    if (c.expect === 'warning') assert.match(run.stderr, /: warning /, 'no warning diagnostic on stderr');
  }
  if (c.message) assert.match(run.stderr, c.message, `stderr does not say ${c.message}: ${run.stderr.slice(0, 300)}`);
  c.verify?.(run, dir);
}

/** Sets up a case in a fresh temp dir, runs it through the CLI in-process (`main(argv, io)`), checks it, and cleans up. */
export async function runCase(c: BadInputCase): Promise<CaseOutcome> {
  const dir = tempDir();
  try {
    const args = await c.setup(dir);
    const run = await runMainMeasured(args, { cwd: dir });
    recordFigure({ suite: `bad inputs (${c.stage})`, cases: 1 });
    try {
      assertOutcome(c, run, dir);
      return { run };
    } catch (error) {
      return { run, failure: error instanceof Error ? error.message : String(error) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
