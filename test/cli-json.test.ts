import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const SEED = 'seeds/000_4d3ac6cf14e30664.txt';
const dir = mkdtempSync(join(tmpdir(), 'plandiff-json-'));
const corpus = join(dir, 'corpus');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const run = await runMain(['import', SEED, '--series', 'edu', '--corpus', corpus]);
  expect(run.code, run.stderr).toBe(0);
});

// Every command that prints data, with its arguments: `--json` and `--format json` must print the same JSON.
const COMMANDS: [string, string[]][] = [
  ['parse', ['parse', SEED]],
  ['clean', ['clean', join(ROOT, 'test/fixtures/scrape/portal-seed.html')]],
  ['diff', ['diff', 'corpus/gwr/2024.txt', 'corpus/gwr/2025.txt']],
  ['trace', ['trace', 'corpus/gwr/2024.txt', 'corpus/gwr/2025.txt', '--query', '义务教育']],
  ['show', ['show', 'edu@2012', '--corpus', corpus]],
  ['list', ['list', '--corpus', corpus]],
  ['log', ['log', 'edu@2012', '--corpus', corpus]],
  ['import', ['import', SEED, '--series', 'edu', '--corpus', corpus]],
];

describe('one JSON spelling: --format json and its alias --json', () => {
  it.each(COMMANDS)('%s prints the same JSON for both', async (_name, args) => {
    const long = await runMain([...args, '--format', 'json']);
    const short = await runMain([...args, '--json']);
    expect(long.code, long.stderr).toBe(0);
    expect(short.code, short.stderr).toBe(0);
    const parsed = JSON.parse(long.stdout);
    expect(parsed).toBeTypeOf('object');
    // Times (git log dates, fetchedAt) are the same corpus state, so the outputs match exactly.
    expect(short.stdout).toBe(long.stdout);
  });
});

describe('--help lists every environment variable plandiff reads', () => {
  it('each PLANDIFF_* named in the shipped source (test hooks aside) appears in --help', async () => {
    const names = new Set<string>();
    const walk = (d: string): void => {
      for (const entry of readdirSync(d)) {
        const path = join(d, entry);
        if (entry === 'node_modules' || entry === 'test') continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts'))
          for (const m of readFileSync(path, 'utf8').matchAll(/\bPLANDIFF_[A-Z_]+\b/g)) names.add(m[0]);
      }
    };
    for (const top of ['cli/src', 'packages']) walk(join(ROOT, top));
    names.delete('PLANDIFF_TEST_PAUSE_AT'); // a crash-test hook, not for users
    expect(names.size).toBeGreaterThan(2);
    const help = await runMain(['--help']);
    for (const name of names) expect(help.stdout, name).toContain(name);
  });
});
