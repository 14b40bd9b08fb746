import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGit } from '../src/git.ts';
import { importSources, initCorpus } from '../src/index.ts';
import { startIndexUpdate } from '../src/index-update.ts';
import type { Journal } from '../src/journal.ts';
import { fakeNormalizer } from './fake-normalizer.ts';
import { git, planBytes, tempDir } from './helpers.ts';

// The index update is started before the commit is made (index-update.ts); these check that an
// update which is stopped, or which could not start, leaves the index exactly right.
const stat = (dir: string) => {
  const s = statSync(join(dir, '.git', 'index'), { bigint: true });
  return `${s.ino}:${s.size}:${s.mtimeNs}`;
};
const importOne = (dir: string, bytes: Buffer) =>
  importSources(dir, [{ bytes, kind: 'txt', series: 'edu', edition: '2012', label: 'a.txt' }], {
    normalizer: fakeNormalizer,
  });

describe('the index update started ahead of the commit', () => {
  it('leaves the index untouched (and unlocked) when nothing is committed, and in step when something is', async () => {
    const dir = tempDir();
    await initCorpus(dir);
    await importOne(dir, planBytes(2012));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const before = stat(dir);
    const again = await importOne(dir, planBytes(2012));
    expect(again.editions[0]?.status).toBe('unchanged');
    expect(again.commit).toBeUndefined();
    expect(stat(dir)).toBe(before); // the started git was stopped before it wrote anything
    expect(existsSync(join(dir, '.git', 'index.lock'))).toBe(false);
    const changed = await importOne(dir, planBytes(2012, '一、新的任务'));
    expect(changed.editions[0]?.status).toBe('updated');
    expect(git(dir, 'diff-index', '--cached', '--name-only', 'HEAD')).toBe('');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it("updates the index all the same when git could not start on it (a user's git held index.lock)", async () => {
    const dir = tempDir();
    await initCorpus(dir);
    await importOne(dir, planBytes(2012));
    const g = openGit(dir);
    const head = git(dir, 'rev-parse', 'HEAD');
    const lock = join(dir, '.git', 'index.lock');
    writeFileSync(lock, '');
    const update = startIndexUpdate(dir, g, head);
    await new Promise((r) => setTimeout(r, 300)); // its git has failed on the lock by now
    rmSync(lock);
    // A commit adding one file, published by hand, then the update fed as after update-ref.
    const blob = git(dir, 'rev-parse', 'HEAD:corpus.json');
    const tree = treeWith(dir, blob);
    const commit = git(dir, 'commit-tree', tree, '-p', head, '-m', 'x');
    const ref = git(dir, 'symbolic-ref', 'HEAD');
    git(dir, 'update-ref', ref, commit, head);
    const journal: Journal = {
      ref,
      old: head,
      commit,
      paths: [{ path: 'edu/2013/plan.md', old: null, new: blob }],
      startedAt: new Date().toISOString(),
      pid: process.pid,
    };
    await update.finish(journal);
    expect(git(dir, 'ls-files', '-s', 'edu/2013/plan.md').split(' ')[1]).toBe(blob);
    expect(git(dir, 'diff-index', '--cached', '--name-only', 'HEAD')).toBe('');
  });
});

/** HEAD's tree with `edu/2013/plan.md` added (through a temporary index, not the corpus's). */
function treeWith(dir: string, blob: string): string {
  const env = { ...process.env, GIT_INDEX_FILE: join(dir, '.git', 'tmp-index') };
  execFileSync('git', ['-C', dir, 'read-tree', 'HEAD'], { env });
  execFileSync('git', ['-C', dir, 'update-index', '--add', '--cacheinfo', `100644,${blob},edu/2013/plan.md`], { env });
  const tree = execFileSync('git', ['-C', dir, 'write-tree'], { env, encoding: 'utf8' }).trim();
  rmSync(env.GIT_INDEX_FILE, { force: true });
  return tree;
}
