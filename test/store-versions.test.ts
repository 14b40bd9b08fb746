import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeNormalizer } from '../cli/src/store-normalizer.ts';
import { importSources, initCorpus, listEditions, loadRef } from '../packages/store/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const SEED = join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt');
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

let work: string;
let corpus: string;
let changed: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'plandiff-'));
  corpus = join(work, 'corpus');
  // A silent edit of the published page: one task reworded.
  const text = readFileSync(SEED, 'utf8');
  expect(text).toContain('加强语言文字工作');
  changed = join(work, 'seed-edited.txt');
  writeFileSync(changed, text.replace('加强语言文字工作', '加强语言文字规范化工作'));
  const init = await runMain(['init', '--corpus', corpus]);
  expect(init.code, init.stderr).toBe(0);
});

describe('acceptance 1: versions of an edition', () => {
  it('imports the seed twice as one commit, a changed copy as one more; log and ~1 show both', async () => {
    const start = Number(git(corpus, 'rev-list', '--count', 'HEAD'));
    const first = await runMain(['import', SEED, '--series', 'luzhou-edu', '--corpus', corpus]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/added\s+luzhou-edu@2012/);
    const second = await runMain(['import', SEED, '--series', 'luzhou-edu', '--corpus', corpus]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/unchanged\s+luzhou-edu@2012/);
    expect(Number(git(corpus, 'rev-list', '--count', 'HEAD'))).toBe(start + 1);
    expect(readFileSync(join(corpus, 'luzhou-edu/2012/source.txt')).equals(readFileSync(SEED))).toBe(true);

    const third = await runMain(['import', changed, '--series', 'luzhou-edu', '--edition', '2012', '--corpus', corpus]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/updated\s+luzhou-edu@2012/);
    expect(Number(git(corpus, 'rev-list', '--count', 'HEAD'))).toBe(start + 2);
    expect(git(corpus, 'status', '--porcelain')).toBe('');

    const log = await runMain(['log', 'luzhou-edu@2012', '--json', '--corpus', corpus]);
    expect(log.code, log.stderr).toBe(0);
    const versions = JSON.parse(log.stdout) as { commit: string; sha256: string; fileName: string }[];
    expect(versions.map((v) => v.fileName)).toEqual(['seed-edited.txt', '000_4d3ac6cf14e30664.txt']);
    expect(versions[1]?.sha256).toBe(execFileSync('sha256sum', [SEED], { encoding: 'utf8' }).split(' ')[0]);
    expect(versions[0]?.commit).toBe(git(corpus, 'rev-parse', 'HEAD'));

    const old = await runMain(['show', 'luzhou-edu@2012~1', '--format', 'md', '--corpus', corpus]);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stdout).toContain('加强语言文字工作');
    expect(old.stdout).not.toContain('加强语言文字规范化工作');
    // references work wherever a plan is accepted, e.g. diff between two versions of one edition
    const diff = await runMain(['diff', 'luzhou-edu@2012~1', 'luzhou-edu@latest', '--corpus', corpus]);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('加强语言文字工作 → ');
    expect(diff.stdout).toContain('加强语言文字[+规范化]工作');
    const now = await loadRef(corpus, 'luzhou-edu@latest');
    expect(JSON.stringify(now.plan)).toContain('加强语言文字规范化工作');
    await expect(loadRef(corpus, 'luzhou-edu@2012~2')).rejects.toThrow(/has only 2 versions/);
  }, 180_000);
});

describe('acceptance 4: bad names are refused and nothing is written', () => {
  it('series "../x" via the CLI: one clear line, exit 2, no corpus created', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'plandiff-')), 'c');
    const run = await runMain(['import', SEED, '--series', '../x', '--corpus', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plandiff: series name "../x" is not allowed: it contains a path separator\n');
    expect(existsSync(dir)).toBe(false);
  });

  it.each([
    ['a/b', 'series', /separator/],
    ['CON', 'series', /reserved device name/],
    ['', 'series', /empty/],
    ['x'.repeat(300), 'series', /300 characters long/],
    ['../../etc', 'edition', /separator/],
    ['nul', 'edition', /reserved device name/],
  ])('%s as %s in an existing corpus', async (name, kind, reason) => {
    const before = git(corpus, 'rev-parse', 'HEAD');
    const entries = readdirSync(corpus).sort();
    const input = { bytes: readFileSync(SEED), kind: 'txt' as const, series: 'edu', label: 'seed', [kind]: name };
    await expect(importSources(corpus, [input], { normalizer: storeNormalizer })).rejects.toThrow(reason);
    expect(git(corpus, 'rev-parse', 'HEAD')).toBe(before);
    expect(readdirSync(corpus).sort()).toEqual(entries);
    expect(git(corpus, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});

describe('acceptance 5: a hand-corrupted plan.json', () => {
  it('is reported with the file and the field', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'plandiff-')), 'c');
    await initCorpus(dir);
    await importSources(dir, [{ bytes: readFileSync(SEED), kind: 'txt', series: 'edu', label: 'seed' }], {
      normalizer: storeNormalizer,
    });
    const file = join(dir, 'edu/2012/plan.json');
    const plan = JSON.parse(readFileSync(file, 'utf8'));
    plan.units[3].depth = 'two';
    writeFileSync(file, JSON.stringify(plan, null, 2));
    // Readers read committed plans: the corruption is committed, as in a corpus someone sent.
    execFileSync('git', ['-C', dir, 'commit', '-qam', 'corrupt'], { stdio: 'pipe' });
    const show = await runMain(['show', 'edu@2012', '--corpus', dir]);
    expect(show.code).toBe(4);
    expect(show.stderr).toContain(`${file}: invalid plan at units[3].depth`);
    expect(show.stderr.trim().split('\n')).toHaveLength(1);
    delete plan.units[3].depth;
    plan.units[3].depth = 1;
    plan.units[3].children[0].figures = [{ text: '3%' }];
    writeFileSync(file, JSON.stringify(plan, null, 2));
    execFileSync('git', ['-C', dir, 'commit', '-qam', 'corrupt again'], { stdio: 'pipe' });
    await expect(loadRef(dir, 'edu@2012')).rejects.toThrow(
      /plan\.json: invalid plan at units\[3\]\.children\[0\]\.figures\[0\]\.value/,
    );
    expect(() => listEditions(dir, 'edu')).toThrow(/plan\.json: invalid plan at units\[3\]/);
  });
});

describe('corpus location and refusal', () => {
  it('uses $PLANDIFF_CORPUS, and refuses to commit into a repository that is not a corpus', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
    git(dir, 'init', '-q');
    writeFileSync(join(dir, 'mine.txt'), 'mine');
    const run = await runMain(['import', SEED, '--series', 'edu'], { env: { PLANDIFF_CORPUS: dir } });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/not a plandiff corpus \(no corpus\.json\); use --force/);
    expect(() => git(dir, 'rev-parse', '--verify', 'HEAD')).toThrow();
    expect(git(dir, 'status', '--porcelain')).toBe('?? mine.txt');
  });
});
