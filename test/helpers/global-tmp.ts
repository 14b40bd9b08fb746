/**
 * vitest globalSetup: every test run gets its own temporary folder as $TMPDIR (os.tmpdir() in the
 * workers and in every child process they start), removed when the run ends. Tests still clean up
 * what they make; this catches what a failed or killed test, a child process or a library leaves,
 * so a run never leaves corpora and pages behind in the machine's /tmp.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Points $TMPDIR at a fresh folder unless this run already has one; returns the teardown that removes it. */
export default function setup(): (() => void) | undefined {
  if (process.env.PLANDIFF_TEST_TMP) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-test-run-'));
  process.env.PLANDIFF_TEST_TMP = dir;
  process.env.TMPDIR = dir;
  return () => {
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Read-only folders (the tests of read-only corpora make some) would stop rmSync: open them first. */
function makeWritable(dir: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (!stat.isDirectory()) continue;
    try {
      chmodSync(path, 0o755);
    } catch {}
    makeWritable(path);
  }
}
