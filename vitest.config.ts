import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/helpers/longest-first.ts';

/**
 * Fault and stress tests: real child processes killed with SIGKILL, concurrent writers, full disks,
 * failing servers. They are slow by nature, so they form their own project (`vitest run --project slow`);
 * `pnpm check` and CI run both projects. See docs/testing.md.
 */
const SLOW = [
  'test/faults-*.test.ts',
  'test/store-concurrency.test.ts',
  'test/store-crash.test.ts',
  'test/smoke-*.test.ts',
];

/** Root tests that only call package functions (parsing, diffing, rendering, fuzzing): the `unit` project. */
const UNIT = [
  'test/normalize-{accounting,every-report,fixtures,gwr,provincial,rules,seed,sources}.test.ts',
  'test/diff-{figures,pairs}.test.ts',
  'test/report-{annex,charts,csv}.test.ts',
  'test/fuzz/*.test.ts',
];

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  // Tests that spawn the bin run a JavaScript copy built once per run (no tsx start-up per spawn).
  // …and every run gets its own $TMPDIR, removed at the end (test/helpers/global-tmp.ts).
  globalSetup: ['test/helpers/global-tmp.ts', 'test/helpers/global-build.ts'],
  // The CLI runs in-process in most tests and yargs prints help through console.log: let it reach
  // process.stdout, where main(argv, io) captures it per run.
  disableConsoleIntercept: true,
};

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: 1 on a 2-core machine, so the suite ran file by
    // file. Many files wait on child processes, git, Chromium, npm and timeouts rather than compute, so one
    // worker more than the cores keeps both busy: the whole suite took 205.6 s with 2 workers and 173.1 s
    // with 3 on the 2-core machine (docs/testing.md has the figures).
    maxWorkers: Math.max(3, availableParallelism() + 1),
    // The longest files first, across projects (test/helpers/longest-first.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        // These tests call the packages' functions and touch no process-wide state (no CLI run, no cwd, env
        // or stdout changes, no child processes), so a worker keeps the modules loaded from file to file
        // instead of re-importing them per file: `npx vitest run packages` took 18.6 s isolated, 9.4 s not.
        test: { ...shared, name: 'unit', include: ['packages/*/test/**/*.test.ts', ...UNIT], isolate: false },
      },
      {
        test: {
          ...shared,
          name: 'fast',
          include: ['cli/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...SLOW, ...UNIT, '**/node_modules/**'],
        },
      },
      { test: { ...shared, name: 'slow', include: SLOW } },
    ],
  },
});
