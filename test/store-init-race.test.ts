import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../cli/src/commands/store-args.ts';
import { acquireLock, openCorpus, renderCorpusConfig, SCAFFOLD } from '../packages/store/src/index.ts';

// Issue 12, point 8, made deterministic: the eight-process test caught an importer that saw another
// plandiff's half-made corpus (files in the work tree, no commit yet) and went on to open it.
const dir = mkdtempSync(join(tmpdir(), 'plandiff-init-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });

describe('creating a corpus another plandiff is creating at this moment', () => {
  it('waits for that plandiff’s lock, then finds the corpus it made', async () => {
    const corpus = join(dir, 'new');
    mkdirSync(corpus);
    // The creator: holds the lock, has run git init and written its files, not yet committed.
    const lock = await acquireLock(corpus, { command: 'init' });
    git(corpus, 'init', '-q');
    for (const [name, text] of Object.entries(SCAFFOLD)) writeFileSync(join(corpus, name), text);
    writeFileSync(join(corpus, 'corpus.json'), renderCorpusConfig({ plandiff: 1, series: {} }));
    let settled = false;
    const waiting = ensureCorpus(corpus, { lockTimeoutMs: 30_000 }).finally(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false); // it must not go on to open a corpus with no commit
    git(corpus, 'add', '-A');
    git(corpus, 'commit', '-qm', 'Initialise plandiff corpus');
    lock.release();
    await waiting;
    expect(openCorpus(corpus).readAt?.committed).toBe(true);
    expect(git(corpus, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });
});
