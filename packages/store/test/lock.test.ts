import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, importSources, initCorpus, openCorpus, recoverCorpus } from '../src/index.ts';
import { fakeNormalizer } from './fake-normalizer.ts';
import { commitCount, git, planBytes, tempDir } from './helpers.ts';

let dir: string;

beforeEach(async () => {
  dir = tempDir();
  await initCorpus(dir);
});

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('corpus lock', () => {
  it('makes a second writer wait, then fail with STORE_LOCKED naming the holder', async () => {
    const lock = await acquireLock(dir, { command: 'import' });
    const started = Date.now();
    await expect(acquireLock(dir, { timeoutMs: 300 })).rejects.toMatchObject({
      code: 'STORE_LOCKED',
      message: expect.stringContaining(`pid ${process.pid} on ${hostname()} (import since`),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    lock.release();
    const again = await acquireLock(dir, { timeoutMs: 300 });
    again.release();
    expect(existsSync(join(dir, '.plandiff/lock'))).toBe(false);
  });

  it('reclaims a lock left by a dead process', async () => {
    const pid = deadPid();
    mkdirSync(join(dir, '.plandiff'), { recursive: true });
    writeFileSync(
      join(dir, '.plandiff/lock'),
      JSON.stringify({ pid, hostname: hostname(), since: 'x', command: 'import' }),
    );
    const lock = await acquireLock(dir, { timeoutMs: 1000 });
    expect(JSON.parse(readFileSync(join(dir, '.plandiff/lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not reclaim a lock held on another host', async () => {
    mkdirSync(join(dir, '.plandiff'), { recursive: true });
    writeFileSync(
      join(dir, '.plandiff/lock'),
      JSON.stringify({ pid: deadPid(), hostname: 'elsewhere', since: 'x', command: 'fetch' }),
    );
    await expect(acquireLock(dir, { timeoutMs: 200 })).rejects.toThrow(/locked by pid \d+ on elsewhere/);
  });
});

describe('recovery', () => {
  it('never rolls anything back: a journal that is not one of ours is set aside, the work tree untouched', async () => {
    await importSources(dir, [{ bytes: planBytes(2012), kind: 'txt', series: 'edu', label: 'a' }], {
      normalizer: fakeNormalizer,
    });
    const count = commitCount(dir);
    // The user's own uncommitted edits, and a journal naming them (old format, or forged).
    writeFileSync(join(dir, 'edu/2012/plan.md'), 'my edit');
    mkdirSync(join(dir, 'edu/2013'), { recursive: true });
    writeFileSync(join(dir, 'edu/2013/source.txt'), 'new');
    writeFileSync(
      join(dir, '.plandiff/journal.json'),
      JSON.stringify({ paths: ['edu/2012/plan.md', 'edu/2013/source.txt'], startedAt: 'x', pid: 1 }),
    );
    mkdirSync(join(dir, '.plandiff/tmp'), { recursive: true });
    writeFileSync(join(dir, '.plandiff/tmp/123-abc'), 'temp');
    const restored = await recoverCorpus(openCorpus(dir));
    expect(restored).toEqual([]);
    expect(readFileSync(join(dir, 'edu/2012/plan.md'), 'utf8')).toBe('my edit');
    expect(readFileSync(join(dir, 'edu/2013/source.txt'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, '.plandiff/tmp/123-abc'))).toBe(false);
    expect(existsSync(join(dir, '.plandiff/journal.json'))).toBe(false);
    expect(readdirSync(join(dir, '.plandiff')).some((n) => n.startsWith('journal.rejected-'))).toBe(true);
    expect(commitCount(dir)).toBe(count);
  });
});

describe('not a corpus', () => {
  it('refuses to write into a git repository without corpus.json unless forced', async () => {
    const repo = tempDir();
    mkdirSync(repo, { recursive: true });
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'README'), 'mine');
    const input = [{ bytes: planBytes(2012), kind: 'txt' as const, series: 'edu', label: 'a' }];
    await expect(importSources(repo, input, { normalizer: fakeNormalizer })).rejects.toMatchObject({
      code: 'STORE_NOT_CORPUS',
    });
    expect(() => git(repo, 'rev-parse', 'HEAD')).toThrow();
    await expect(initCorpus(repo)).rejects.toThrow(/not empty and not a plandiff corpus.*--force/);
    const report = await importSources(repo, input, { normalizer: fakeNormalizer, force: true });
    expect(report.commit).toBeDefined();
    expect(existsSync(join(repo, 'corpus.json'))).toBe(true);
    expect(git(repo, 'status', '--porcelain')).toBe('?? README');
  });

  it('refuses a directory nested inside another repository', async () => {
    const outer = tempDir();
    await initCorpus(outer);
    const inner = join(outer, 'sub');
    mkdirSync(inner);
    expect(() => openCorpus(inner)).toThrow(/not a plandiff corpus \(no git repository at its top\)/);
  });
});
