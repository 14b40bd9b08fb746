import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSources, initCorpus, type SourceInput } from '../src/index.ts';
import { MAX_SPLIT_ENTRIES, updateSplitIndex } from '../src/split-index.ts';
import { fakeNormalizer } from './fake-normalizer.ts';
import { git, planBytes, tempDir } from './helpers.ts';

// A large corpus keeps its index split (docs/store.md) and plandiff rewrites only the small split
// part itself (split-index.ts). Each check compares with what git itself holds: the entries against
// HEAD, the cache-tree through `git write-tree` (it trusts valid cache-tree nodes, so one left valid
// by mistake would give another tree), `git status`, and `git fsck`.
const input = (series: string, bytes: Buffer, kind: 'txt' | 'html' = 'txt'): SourceInput => ({
  bytes,
  kind,
  series,
  edition: '2012',
  label: `a.${kind}`,
});
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** Imports with every git command plandiff runs recorded (a wrapper first on PATH); returns them. */
async function run(dir: string, ...inputs: SourceInput[]): Promise<string[]> {
  const bin = join(dirname(dir), 'bin');
  const log = join(bin, 'log');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$@" >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
  writeFileSync(log, '');
  const saved = process.env.PATH;
  process.env.PATH = `${bin}:${saved}`;
  try {
    await importSources(dir, inputs, { normalizer: fakeNormalizer });
  } finally {
    process.env.PATH = saved;
  }
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/** The index agrees with HEAD entry for entry and in its cache-tree; the work tree is clean. */
function expectInStep(dir: string): void {
  expect(git(dir, 'diff-index', '--cached', '--name-status', 'HEAD')).toBe('');
  expect(git(dir, 'write-tree')).toBe(git(dir, 'rev-parse', 'HEAD^{tree}'));
  expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  execFileSync('git', ['-C', dir, 'fsck', '--no-progress', '--cache'], { stdio: 'pipe' });
}

async function splitCorpus(): Promise<string> {
  const dir = tempDir();
  await initCorpus(dir);
  await run(dir, input('edu', planBytes(2012)), input('health', planBytes(2012, '一、看病')));
  git(dir, 'update-index', '--split-index');
  return dir;
}

describe('a split index updated by plandiff', () => {
  it('stays in step with HEAD through added, updated and replaced editions, without git rewriting it', async () => {
    const dir = await splitCorpus();
    for (const [i, series] of ['edu', 'water', 'health', 'water', 'roads'].entries()) {
      const calls = await run(dir, input(series, planBytes(2012, `一、第${i}项任务`)));
      expectInStep(dir);
      expect(calls.filter((c) => / update-index /.test(` ${c} `))).toEqual([]); // no git read the whole index
    }
    // The split part still names the shared index and holds only the changed entries.
    expect(git(dir, 'ls-files', '-s', 'roads/2012/plan.json').split(' ')[1]).toBe(
      git(dir, 'rev-parse', 'HEAD:roads/2012/plan.json'),
    );
    expect(readFileSync(join(dir, '.git', 'index')).includes(Buffer.from('link'))).toBe(true);
  });

  it('leaves a deletion (an HTML source replacing a text one) to git, and a staged path to the user', async () => {
    const dir = await splitCorpus();
    const calls = await run(
      dir,
      input('edu', Buffer.from('<html><body><p>2012年工作要点</p><p>一、改了</p></body></html>'), 'html'),
    );
    expect(calls.some((c) => c.includes(' update-index '))).toBe(true);
    expect(git(dir, 'ls-files', 'edu/2012')).not.toContain('source.txt');
    expectInStep(dir);
    // The user stages corpus.json; the next import leaves that entry as the user staged it.
    const committed = readFileSync(join(dir, 'corpus.json'), 'utf8');
    writeFileSync(join(dir, 'corpus.json'), committed.replace('"series"', '"series" '));
    git(dir, 'add', 'corpus.json');
    const staged = git(dir, 'ls-files', '-s', 'corpus.json').split(' ')[1];
    writeFileSync(join(dir, 'corpus.json'), committed);
    await run(dir, input('fire', planBytes(2012, '一、防火')));
    expect(git(dir, 'ls-files', '-s', 'corpus.json').split(' ')[1]).toBe(staged);
    expect(git(dir, 'diff-index', '--cached', '--name-only', 'HEAD')).toBe('corpus.json');
  });

  it('refuses what it does not know, leaving the index untouched', async () => {
    const dir = await splitCorpus();
    const file = join(dir, '.git', 'index');
    const before = readFileSync(file);
    const id = git(dir, 'rev-parse', 'HEAD:corpus.json');
    writeFileSync(`${file}.lock`, '');
    expect(updateSplitIndex(dir, [{ path: 'x/y', id }], 'sha1')).toBe('unhandled'); // git holds it
    rmSync(`${file}.lock`);
    const odd = Buffer.from(before);
    odd.writeUInt32BE(4, 4); // index version 4 (checksum no longer matching either): git's to handle
    writeFileSync(file, odd);
    expect(updateSplitIndex(dir, [{ path: 'x/y', id }], 'sha1')).toBe('unhandled');
    writeFileSync(file, before.subarray(0, before.length - 7)); // torn
    expect(updateSplitIndex(dir, [{ path: 'x/y', id }], 'sha1')).toBe('unhandled');
    writeFileSync(file, before);
    // A split part grown past MAX_SPLIT_ENTRIES is folded by git into a new shared index.
    const many = Array.from({ length: MAX_SPLIT_ENTRIES + 1 }, (_, i) => ({ path: `s${i}/2012/plan.json`, id }));
    expect(updateSplitIndex(dir, many, 'sha1')).toBe('fold');
    expect(readFileSync(file).equals(before)).toBe(true);
    git(dir, 'update-index', '--no-split-index');
    expect(updateSplitIndex(dir, [{ path: 'x/y', id }], 'sha1')).toBe('unhandled'); // not split
    expectInStep(dir);
  });
});
