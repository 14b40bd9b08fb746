import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.ts';

const SEED = 'seeds/000_4d3ac6cf14e30664.txt';
const dir = mkdtempSync(join(tmpdir(), 'plandiff-parse-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('plandiff parse', () => {
  it('prints the plan as JSON by default, warnings on stderr', async () => {
    const run = await runMain(['parse', SEED]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.title).toBe('2012年全市教育工作要点');
    expect(plan.units).toHaveLength(8);
    expect(plan.units[7].children[7].heading).toBe('强化督查督办工作');
    expect(run.stderr).toContain('[duplicate-notice]');
    expect(run.stderr).not.toContain('[chrome-banner]');
  });

  it('shows info diagnostics such as removed chrome only with --verbose', async () => {
    const run = await runMain(['parse', SEED, '--verbose']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/000_4d3ac6cf14e30664\.txt:1: info removed site banner ×1 .*\[chrome-banner\]/u);
  });

  it('prints the Markdown outline with --format md', async () => {
    const run = await runMain(['parse', SEED, '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# 2012年全市教育工作要点\n\n2012年是泸州教育')).toBe(true);
    expect(run.stdout).toContain('\n## 八、加强教育系统党建工作');
    expect(run.stdout).toContain('\n### 43.强化督查督办工作。');
  });

  it('prints numbers and headings as an indented tree with --format text', async () => {
    const run = await runMain(['parse', 'corpus/gwr/2025.txt', '--format', 'text']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('三、 2025年政府工作任务');
    expect(lines).toContain('  （十） 加大保障和改善民生力度，提升社会治理效能');
    expect(lines).toContain('    · 维护国家安全和社会稳定');
  });

  it('writes to --out', async () => {
    const out = join(dir, 'out', 'plan.md');
    const run = await runMain(['parse', SEED, '--format', 'md', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file/u],
    ['an empty file', () => file('empty.txt', ''), /empty\.txt: file is empty/u],
    [
      'a binary file',
      () => file('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])),
      /image\.txt: looks like a binary file/u,
    ],
    [
      'a structureless file',
      () => file('prose.txt', '只是一段说明。\n\n没有任何编号。\n'),
      /prose\.txt: no numbered sections or items found/u,
    ],
  ])('refuses %s with one line naming it, exit 1, no stack trace', async (_name, make, message) => {
    const run = await runMain(['parse', make()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('teaches with --help: options and examples', async () => {
    const run = await runMain(['parse', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--format');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('parse corpus/gwr/2025.txt --format text');
  });
});
