import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';

describe('plandiff demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the seed and the 2008–2025 reports, writes its four files into ./demo-out, under a minute', () => {
    const started = performance.now();
    // Run from a folder outside the checkout: the demo finds its inputs next to the CLI, not in the cwd.
    const run = runCli(['demo', '--corpus', join(dir, 'corpus')], { cwd: dir, timeout: 170_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(run.code, run.stderr).toBe(0);
    const out = join(dir, 'demo-out');
    const files = [
      'luzhou-edu-2012-outline.md',
      'gwr-2024-2025.html',
      'gwr-2012-2025.html',
      'luzhou-edu-2012-echoes-gwr-2012.html',
    ].map((f) => join(out, f));
    for (const file of files) {
      expect(existsSync(file), file).toBe(true);
      expect(run.stdout).toContain(pathToFileURL(file).href);
    }
    expect(run.stdout).toMatch(/browser/);
    expect(seconds).toBeLessThan(60);

    // The seed's own title (line 3 of seeds/000_…txt) heads its outline; its numbered items follow.
    const outline = readFileSync(files[0]!, 'utf8');
    expect(outline.split('\n')[0]).toContain('2012年全市教育工作要点');
    expect(outline).toMatch(/^## /m);

    const pair = readFileSync(files[1]!, 'utf8');
    // Each report's headline is printed under its address, with the report's own numbers.
    const counts = Object.fromEntries(
      [...pair.matchAll(/data-only="(\w+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]),
    );
    const headline =
      run.stdout
        .split('\n')
        .find((line) => line.trim().startsWith('2024 → 2025: '))
        ?.trim() ?? '';
    for (const kind of ['added', 'dropped', 'reworded', 'merged', 'split', 'unchanged']) {
      const n = counts[kind] ?? 0;
      if (n > 0) expect(headline, kind).toContain(`${n} ${kind}`);
      else expect(headline, kind).not.toContain(` ${kind}`);
    }
    expect(run.stdout).toMatch(/^\s+2012–2025: 13 editions, \d+ goals; \d+ appeared/m);
    expect(run.stdout).toMatch(/^\s+.*2012年全市教育工作要点.*: \d+ sections, \d+ numbered units$/m);
    expect(pair).toContain('gwr@2024');
    expect(pair).toContain('gwr@2025');
    expect(pair).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//); // nothing from the network

    // The seed's echoes in the national report of its own year (2012): a headline naming the closest
    // pair, and a page that shows that pair.
    const echo = /^\s+(\d+) of (\d+) seed tasks echo gwr@2012; closest: (.+) ↔ (.+) \((0\.\d\d|1\.00)\)$/m.exec(
      run.stdout,
    );
    expect(echo, run.stdout).not.toBeNull();
    expect(Number(echo![1])).toBeGreaterThan(0);
    expect(Number(echo![1])).toBeLessThanOrEqual(Number(echo![2]));
    const echoes = readFileSync(files[3]!, 'utf8');
    expect(echoes).toContain('gwr@2012');
    expect(echoes).toContain(echo![4]!.slice(0, 12));
    expect(echoes).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);

    // 2012…2025 without 2020 (absent from the shipped corpus): 13 year columns in the timeline.
    const series = readFileSync(files[2]!, 'utf8');
    const header = /<table class="timeline"><thead><tr>(.*?)<\/tr><\/thead>/.exec(series)?.[1] ?? '';
    const years = [...header.matchAll(/<th>(\d{4})<\/th>/g)].map((m) => Number(m[1]));
    expect(years).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025]);
  }, 180_000);

  it('leaves a corpus that `plandiff report <series>` reads, with --from/--to', () => {
    const corpus = join(dir, 'corpus');
    if (!existsSync(corpus)) return; // the demo test above failed already
    const out = join(dir, 'gwr.md');
    const run = runCli([
      'report',
      'gwr',
      '--corpus',
      corpus,
      '--from',
      '2022',
      '--to',
      '2024',
      '--format',
      'md',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('| 目标 | 2022 | 2023 | 2024 |');
    expect(md).toContain('gwr@2022');
    expect(md).not.toContain('gwr@2025');
  }, 120_000);
});
