/**
 * vitest globalSetup: builds the JavaScript copy of the CLI once per run (test/helpers/build-cli.ts) and
 * hands its bin to the test workers in $PLANDIFF_TEST_BIN, which `cliBin()` (run-cli.ts) spawns. Every
 * project lists this setup; the first builds, the others find the bin already there. In watch mode the
 * copy is rebuilt before each rerun, so a spawned bin never runs sources older than the run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCli } from './build-cli.ts';

/** Builds the bin unless this run already has one; returns the teardown that removes it. */
export default function setup(project: TestProject): (() => void) | undefined {
  if (process.env.PLANDIFF_TEST_BIN) return undefined;
  const out = mkdtempSync(join(tmpdir(), 'plandiff-built-'));
  process.env.PLANDIFF_TEST_BIN = buildCli(out);
  project.onTestsRerun(() => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    buildCli(out);
  });
  return () => {
    rmSync(out, { recursive: true, force: true });
    delete process.env.PLANDIFF_TEST_BIN;
  };
}
