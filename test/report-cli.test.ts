import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.ts';

describe('plandiff report <files...>', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('orders plan files by year and renders the English Markdown timeline', async () => {
    const out = join(dir, 'r.md');
    const files = ['corpus/gwr/2025.txt', 'corpus/gwr/2023.txt', 'corpus/gwr/2024.txt'];
    const run = await runMain(['report', ...files, '--format', 'md', '--lang', 'en', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.split('\n')[0]).toMatch(/^# Multi-year report: /);
    expect(md).toContain('| Goal | 2023 | 2024 | 2025 |');
    expect(md).toMatch(/\| 2023 → 2024 \| \d+ \|/);
    expect(md).toMatch(/\| 2024 → 2025 \| \d+ \|/);
  }, 120_000);

  it('keeps only --from…--to and writes HTML to stdout by default', async () => {
    const run = await runMain([
      'report',
      'corpus/gwr/2023.txt',
      'corpus/gwr/2024.txt',
      'corpus/gwr/2025.txt',
      '--from',
      '2024',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    const header = /<table class="timeline"><thead><tr>(.*?)<\/tr>/.exec(run.stdout)?.[1] ?? '';
    expect([...header.matchAll(/<th>(\d{4})<\/th>/g)].map((m) => m[1])).toEqual(['2024', '2025']);
  }, 120_000);

  it('refuses fewer than two editions, and missing files, in one line without a stack', async () => {
    const few = await runMain(['report', 'corpus/gwr/2024.txt', 'corpus/gwr/2025.txt', '--from', '2025']);
    expect(few.code).toBe(2);
    expect(few.stderr.trim()).toBe(
      'plandiff: a report needs at least two editions; found 1 between 2025 and … in corpus/gwr/2024.txt corpus/gwr/2025.txt',
    );
    const missing = await runMain(['report', 'nope/2024.txt', 'corpus/gwr/2025.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual(['plandiff: nope/2024.txt: no such file']);
  });

  it('--help teaches with examples', async () => {
    const help = await runMain(['report', '--help']);
    expect(help.code).toBe(0);
    for (const word of ['--from', '--to', '--format', '--out', '--lang', '--corpus', 'Examples:']) {
      expect(help.stdout).toContain(word);
    }
  });
});
