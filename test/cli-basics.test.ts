import { describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.ts';

describe('plandiff CLI shell', async () => {
  it('lists every command in --help', async () => {
    const run = await runMain(['--help']);
    expect(run.code).toBe(0);
    for (const name of [
      'demo',
      'parse',
      'clean',
      'diff',
      'trace',
      'report',
      'feed',
      'init',
      'import',
      'fetch',
      'list',
      'show',
      'log',
      'rebuild',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`plandiff ${name}\\b`));
    }
  });

  it('prints its version', async () => {
    const run = await runMain(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses an unknown command with a usage error and exit code 2, without a stack trace', async () => {
    const run = await runMain(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/plandiff: Unknown argument: frobnicate/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for a command when given none', async () => {
    const run = await runMain([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Name a command/);
  });
});
