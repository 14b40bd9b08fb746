import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDiffSchema } from '../packages/model/src/index.ts';
import { runMain } from './helpers/run-main.ts';

const A = 'corpus/gwr/2018.txt';
const B = 'corpus/gwr/2019.txt';
const SEED = 'seeds/000_4d3ac6cf14e30664.txt';
const ANSI = /\u001b\[/;

describe('plandiff diff', () => {
  it('prints a PlanDiff that validates against the schema, with the 2018→2019 专项债券 figure change', async () => {
    const run = await runMain(['diff', A, B, '--format', 'json']);
    expect(run.code).toBe(0);
    const diff = PlanDiffSchema.parse(JSON.parse(run.stdout));
    expect(diff.a.ref).toBe(A);
    expect(diff.changes.length).toBeGreaterThan(100);
    // 2018: 拟安排地方政府专项债券1.35万亿元; 2019: 拟安排地方政府专项债券2.15万亿元 (checked in the corpus).
    const figures = diff.changes.flatMap((c) => c.figures);
    expect(figures).toContainEqual(expect.objectContaining({ from: '1.35万亿元', to: '2.15万亿元' }));
    // Summary counts agree with the change list.
    for (const [kind, n] of Object.entries(diff.summary))
      expect(diff.changes.filter((c) => c.kind === kind)).toHaveLength(n);
  });

  it('keeps text plain when piped and colours it when forced', async () => {
    const plain = await runMain(['diff', A, B, '--depth', '2']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(ANSI);
    expect(plain.stdout.split('\n')[0]).toBe(`${A} (2018) → ${B} (2019)`);
    expect(plain.stdout).toMatch(/unchanged, \d+ reworded/);
    const colour = await runMain(['diff', A, B, '--depth', '2'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colour.stdout).toMatch(ANSI);
  });

  it('explains each change with its links, the rule that made each and its score (--explain)', async () => {
    const run = await runMain(['diff', A, B, '--depth', '2', '--explain']);
    expect(run.code, run.stderr).toBe(0);
    const links = run.stdout.split('\n').filter((l) => /^\s+link \d/u.test(l));
    expect(links.length).toBeGreaterThan(20);
    for (const l of links) expect(l).toMatch(/: (anchor|assign|attach|attach-continuation|attach-layout) \d\.\d{3}$/u);
    expect((await runMain(['diff', A, B, '--depth', '2'])).stdout).not.toMatch(/^\s+link /mu);
  });

  it('limits the report with --depth and honours --min-similarity', async () => {
    const run = await runMain(['diff', A, B, '--format', 'json', '--depth', '1', '--min-similarity', '0.3']);
    const diff = PlanDiffSchema.parse(JSON.parse(run.stdout));
    expect(diff.changes.every((c) => c.depth === 1)).toBe(true);
    expect(diff.options.minSimilarity).toBe(0.3);
    expect(diff.options.depth).toBe(1);
  });

  it('writes md/html/csv reports through the report package, to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
    for (const format of ['md', 'html', 'csv']) {
      const out = join(dir, `d.${format}`);
      const run = await runMain(['diff', SEED, SEED, '--format', format, '--lang', 'en', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toMatch(/unchanged|Unchanged/);
    }
  });

  it('fails with one line and a non-zero code on bad input', async () => {
    const missing = await runMain(['diff', A, 'no/such/plan.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no\/such\/plan\.txt/);
    const bad = await runMain(['diff', A, B, '--min-similarity', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min-similarity must be between 0 and 1/);
  });
});
