import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWide, type EditionFiles, gitIn, seriesName } from '../bench/store-scale-corpus.ts';
import { importSources, initCorpus, type SourceInput } from '../packages/store/src/index.ts';
import { fakeNormalizer } from '../packages/store/test/fake-normalizer.ts';
import { spawnCli } from './helpers/spawn-cli.ts';

// Point 3 of issue 12, structurally (not timed): an import's git work must not depend on how many
// editions the corpus holds. Every git call of an import is recorded by a wrapper put first on PATH
// (plandiff passes PATH through to git), into a small corpus and one with 2,000 series (24,000
// files, made with git fast-import), and the two are compared.
const root = mkdtempSync(join(tmpdir(), 'plandiff-scale-structure-'));
const log = join(root, 'git.log');
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
const tiny: EditionFiles = { source: '2011年要点\n一、事\n', record: '{}\n', plan: '{}\n', md: '# x\n' };
const editions = [tiny, { ...tiny, source: '2012年要点\n一、事\n' }, { ...tiny, source: '2013年要点\n一、事\n' }];
const git = (dir: string, ...args: string[]) => gitIn(dir, args).toString('utf8').trim();

/** The git calls one import makes: each as its argument list without the `-c key=value` settings. */
async function recordImport(dir: string, series: string, text = '2012年工作要点\n一、抓好教育\n'): Promise<string[][]> {
  writeFileSync(log, '');
  const input: SourceInput = { bytes: Buffer.from(text), kind: 'txt', series, edition: '2012', label: 'a.txt' };
  const saved = process.env.PATH;
  process.env.PATH = `${join(root, 'bin')}:${saved}`;
  try {
    await importSources(dir, [input], { normalizer: fakeNormalizer });
  } finally {
    process.env.PATH = saved;
  }
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const args = line.split('\x1f').slice(0, -1);
      const out: string[] = [];
      for (let i = 0; i < args.length; i++) {
        if (args[i] === '-c') i++;
        else out.push(args[i] as string);
      }
      return out;
    });
}

const commands = (calls: string[][]) => calls.map((c) => c[0]);
/** The same, in a fixed order (the commit-graph update runs alongside the index update). */
const sorted = (calls: string[][]) => commands(calls).sort();
/** Commands that read or scan the whole index or work tree. */
const SCANS = ['status', 'add', 'commit', 'write-tree', 'read-tree', 'ls-files', 'diff-files', 'checkout', 'reset'];

beforeAll(() => {
  mkdirSync(join(root, 'bin'));
  const wrapper = join(root, 'bin', 'git');
  writeFileSync(
    wrapper,
    // One write per call: the commit-graph update runs alongside other git calls, and a line
    // written argument by argument would interleave with theirs.
    `#!/bin/sh\nus=$(printf '\\037'); line=''\nfor a in "$@"; do line="$line$a$us"; done\nprintf '%s\\n' "$line" >> '${log}'\nexec '${realGit}' "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  buildWide(join(root, 'small'), 1, editions);
  buildWide(join(root, 'wide'), 2000, editions);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an import costs the same git work into 24,000 files as into 12', () => {
  it('makes the same git calls in both, none scanning the index, the work tree or the whole tree', async () => {
    const first = {
      small: await recordImport(join(root, 'small'), 'new1'),
      wide: await recordImport(join(root, 'wide'), 'new1'),
    };
    const again = {
      small: await recordImport(join(root, 'small'), 'new2'),
      wide: await recordImport(join(root, 'wide'), 'new2'),
    };
    expect(sorted(first.wide)).toEqual(sorted(first.small));
    expect(sorted(again.wide)).toEqual(sorted(again.small));
    for (const calls of [first.wide, again.wide]) {
      expect(commands(calls).filter((c) => SCANS.includes(c as string))).toEqual([]);
      for (const call of calls.filter((c) => c[0] === 'ls-tree')) {
        // A listing is of corpus.json, the top level only, or the touched edition — never recursive over all.
        const paths = call.slice(call.indexOf('--') + 1);
        if (call.includes('-r')) expect(call).toContain('--');
        if (call.includes('--')) for (const p of paths) expect(p).toMatch(/^(corpus\.json|new[12](\/2012(\/.*)?)?)$/);
      }
    }
    // The writes: blobs and the trees of the folders on the way, one hash-object each, no mktree.
    expect(commands(again.wide).filter((c) => c === 'hash-object')).toHaveLength(2);
    expect(commands(again.wide)).not.toContain('mktree');
    // With the index as plandiff left it, the only command that reads the index is the update of the
    // touched entries; the first import (no stamp yet) asked git once which paths are staged.
    expect(commands(again.wide).filter((c) => c === 'update-index' || c === 'diff-index')).toEqual(['update-index']);
    expect(commands(first.wide).filter((c) => c === 'update-index' || c === 'diff-index')).toEqual([
      'diff-index',
      'update-index',
    ]);
    const updates = again.wide.filter((c) => c[0] === 'update-index');
    expect(updates.every((c) => c.includes('--index-info'))).toBe(true);
    // The index is in step with HEAD for what was imported, and nothing else changed in it.
    const wide = join(root, 'wide');
    expect(git(wide, 'diff-index', '--cached', '--name-only', 'HEAD')).toBe('');
    expect(git(wide, 'ls-files', '-s', 'new2/2012/plan.json').split(' ')[1]).toBe(
      git(wide, 'rev-parse', 'HEAD:new2/2012/plan.json'),
    );
    expect(git(wide, 'ls-files').split('\n')).toHaveLength(2000 * 3 * 4 + 3 + 2 * 4);
    expect(git(wide, 'ls-files', `${seriesName(1999)}/2013`).split('\n')).toHaveLength(4);
  });

  it('asks git again which paths are staged once anyone else wrote the index, and keeps a staged change', async () => {
    const dir = join(root, 'user');
    await initCorpus(dir);
    await recordImport(dir, 'edu', '2011年要点\n一、事\n');
    // The user stages an edit of corpus.json, then puts the committed bytes back in the work tree.
    const committed = readFileSync(join(dir, 'corpus.json'), 'utf8');
    writeFileSync(join(dir, 'corpus.json'), committed.replace('"series"', '"series" '));
    git(dir, 'add', 'corpus.json');
    const staged = git(dir, 'ls-files', '-s', 'corpus.json').split(' ')[1];
    writeFileSync(join(dir, 'corpus.json'), committed);
    const calls = await recordImport(dir, 'edu');
    expect(commands(calls)).toContain('diff-index');
    expect(git(dir, 'ls-files', '-s', 'corpus.json').split(' ')[1]).toBe(staged);
    expect(git(dir, 'ls-files', '-s', 'edu/2012/plan.json').split(' ')[1]).toBe(
      git(dir, 'rev-parse', 'HEAD:edu/2012/plan.json'),
    );
    // The stamp now remembers corpus.json as staged: a further import leaves it alone without asking git.
    const next = await recordImport(dir, 'edu2');
    expect(commands(next)).not.toContain('diff-index');
    expect(git(dir, 'ls-files', '-s', 'corpus.json').split(' ')[1]).toBe(staged);
  });

  it("does not take a killed writer's own index update for staged work (found by test/faults-kill)", async () => {
    const dir = join(root, 'killed');
    await initCorpus(dir);
    await recordImport(dir, 'edu', '2012年要点\n一、事\n');
    const file = join(root, 'v2.txt');
    writeFileSync(file, '2012年要点\n一、事\n二、又一事\n');
    // Killed after its index update, before removing its journal: the next writer finishes it.
    const run = spawnCli(['import', file, '--series', 'edu', '--edition', '2012', '--corpus', dir], {
      env: { PLANDIFF_TEST_PAUSE_AT: 'after-commit' },
    });
    await run.waitForStderr('paused at after-commit', 150_000);
    run.child.kill('SIGKILL');
    await run.exited;
    await recordImport(dir, 'edu', '2012年要点\n一、事\n二、又一事\n三、第三事\n');
    expect(git(dir, 'diff-index', '--cached', '--name-only', 'HEAD')).toBe('');
    await recordImport(dir, 'edu', '2012年要点\n一、事\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('never follows a link planted at the stamp', async () => {
    const dir = join(root, 'linked');
    await initCorpus(dir);
    const outside = join(root, 'outside.json');
    writeFileSync(outside, JSON.stringify({ head: 'x', stat: 'y', staged: [] }));
    symlinkSync(outside, join(dir, '.plandiff', 'index-stamp.json'));
    const calls = await recordImport(dir, 'edu');
    expect(commands(calls)).toContain('diff-index'); // the link was not read as a stamp
    expect(readFileSync(outside, 'utf8')).toBe(JSON.stringify({ head: 'x', stat: 'y', staged: [] }));
  });
});
