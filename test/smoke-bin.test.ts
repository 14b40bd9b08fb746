import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKOUT_BIN, cliBin, ROOT, runCli } from './helpers/run-cli.ts';

// The few real child processes of the bin (everything else runs in-process through main(argv, io)):
// start-up, argument handling, exit codes and pipes as a user's shell sees them. The first two run the
// checkout's bin through tsx, as the README's `pnpm plandiff …` commands do (no build step); the others run
// the JavaScript copy built for this test run (cliBin(), test/helpers/global-build.ts), which skips tsx's
// start-up. --help and a usage error are spawned from the installed package in test/release/package-install.test.ts.
const SEED = 'seeds/000_4d3ac6cf14e30664.txt';
const dir = mkdtempSync(join(tmpdir(), 'plandiff-smoke-'));
const corpus = join(dir, 'corpus');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the plandiff bin as a child process', () => {
  it('--version prints a version, exit 0', () => {
    const run = runCli(['--version'], { bin: CHECKOUT_BIN });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('parse --json prints the plan', () => {
    const run = runCli(['parse', SEED, '--json'], { bin: CHECKOUT_BIN });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).units.length).toBeGreaterThan(0);
  });

  it('diff of two reports as JSON, from another folder', () => {
    const run = runCli(
      ['diff', join(ROOT, 'corpus/gwr/2024.txt'), join(ROOT, 'corpus/gwr/2025.txt'), '--format', 'json'],
      {
        cwd: dir,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).changes.length).toBeGreaterThan(0);
  });

  it('a missing file is bad input, exit 1, one line', () => {
    const run = runCli(['parse', 'no/such/file.txt']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('import then list --json through a real corpus', () => {
    const made = runCli(['import', SEED, '--series', 'edu', '--corpus', corpus]);
    expect(made.code, made.stderr).toBe(0);
    const list = runCli(['list', '--json', '--corpus', corpus]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('edu');
  });

  it('a reader that goes away (`plandiff … | head -c 1`) ends it quietly: exit 0, nothing on stderr', async () => {
    const child = spawn(
      process.execPath,
      [cliBin(), 'diff', 'corpus/gwr/2024.txt', 'corpus/gwr/2025.txt', '--format', 'json'],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    // Read the first chunk, then close the pipe as `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
