/**
 * vitest globalSetup: builds the JavaScript copy of the CLI once per run (test/helpers/build-cli.ts) and
 * hands its bin to the test workers in $PLANDIFF_TEST_BIN, which `cliBin()` (run-cli.ts) spawns. Both
 * projects list this setup; the second finds the bin already built.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from './build-cli.ts';

/** Builds the bin unless this run already has one; returns the teardown that removes it. */
export default function setup(): (() => void) | undefined {
  if (process.env.PLANDIFF_TEST_BIN) return undefined;
  const out = mkdtempSync(join(tmpdir(), 'plandiff-built-'));
  process.env.PLANDIFF_TEST_BIN = buildCli(out);
  return () => {
    rmSync(out, { recursive: true, force: true });
    delete process.env.PLANDIFF_TEST_BIN;
  };
}
