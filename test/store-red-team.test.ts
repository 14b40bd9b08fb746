import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFile } from '../cli/src/load-file.ts';
import {
  checkSourceSize,
  importSources,
  initCorpus,
  listEditions,
  listSeries,
  loadRef,
  logEdition,
  rebuildCorpus,
  type SourceInput,
  validateName,
} from '../packages/store/src/index.ts';
import { fakeNormalizer } from '../packages/store/test/fake-normalizer.ts';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';
import { spawnCli } from './helpers/spawn-cli.ts';

// A corpus is untrusted input: each case is one a user met on a corpus someone else prepared.
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-C', dir, ...args], { encoding: 'utf8' }).trim();
const made: string[] = [];
const work = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-red-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const src = (text: string, over: Partial<SourceInput> = {}): SourceInput => ({
  bytes: Buffer.from(text),
  kind: 'txt',
  series: 'edu',
  label: 'plan.txt',
  ...over,
});
const opts = { normalizer: fakeNormalizer };

async function corpusWith(): Promise<{ root: string; dir: string; outside: string }> {
  const root = work();
  const dir = join(root, 'corpus');
  const outside = join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'victim.txt'), 'precious');
  await initCorpus(dir);
  await importSources(dir, [src('2012年工作要点\n一、抓好教育\n')], opts);
  return { root, dir, outside };
}

describe('1. no file outside the corpus is read, written or deleted', () => {
  it('a committed journal naming a path through a committed symlink: list, show and the next import touch nothing', async () => {
    const { dir, outside } = await corpusWith();
    symlinkSync(outside, join(dir, 'evil'));
    mkdirSync(join(dir, '.plandiff'), { recursive: true });
    writeFileSync(join(dir, '.plandiff/journal.json'), JSON.stringify({ paths: ['evil/victim.txt'] }));
    git(dir, 'add', '-f', 'evil', '.plandiff/journal.json');
    git(dir, 'commit', '-qm', 'trap');
    const clone = join(work(), 'clone');
    execFileSync('git', ['clone', '-q', dir, clone]);
    const before = git(clone, 'status', '--porcelain');
    listSeries(clone);
    await loadRef(clone, 'edu@2012');
    await logEdition(clone, 'edu@2012');
    expect(git(clone, 'status', '--porcelain')).toBe(before); // read commands never write
    expect(existsSync(join(clone, '.plandiff/lock'))).toBe(false);
    await importSources(clone, [src('2013年工作要点\n一、办好学校\n')], opts);
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('precious');
  });

  it('--series naming a committed symlink is refused naming it; the folder it points to is untouched', async () => {
    const { dir, outside } = await corpusWith();
    symlinkSync(outside, join(dir, 'evil'));
    git(dir, 'add', 'evil');
    git(dir, 'commit', '-qm', 'link');
    await expect(importSources(dir, [src('2012年要点\n一、事\n', { series: 'evil' })], opts)).rejects.toThrow(
      /evil: is a symbolic link/,
    );
    expect(readdirSync(outside)).toEqual(['victim.txt']);
    expect(() => listSeries(dir)).not.toThrow();
  });

  it('a committed .plandiff symlink is refused; nothing is written where it points', async () => {
    const { dir, outside } = await corpusWith();
    mkdirSync(join(outside, 'tmp'));
    writeFileSync(join(outside, 'tmp/keep'), 'keep');
    execFileSync('rm', ['-rf', join(dir, '.plandiff')]);
    symlinkSync(outside, join(dir, '.plandiff'));
    await expect(importSources(dir, [src('2013年要点\n一、事\n')], opts)).rejects.toThrow(
      /\.plandiff: is a symbolic link/,
    );
    expect(readFileSync(join(outside, 'tmp/keep'), 'utf8')).toBe('keep');
    expect(readdirSync(outside).sort()).toEqual(['tmp', 'victim.txt']);
  });

  it('rebuild never follows a symlinked source: it reads HEAD and checks the sha256', async () => {
    const { dir, outside } = await corpusWith();
    execFileSync('rm', [join(dir, 'edu/2012/source.txt')]);
    symlinkSync(join(outside, 'victim.txt'), join(dir, 'edu/2012/source.txt'));
    git(dir, 'add', 'edu/2012/source.txt');
    git(dir, 'commit', '-qm', 'swap source for a link');
    await expect(rebuildCorpus(dir, opts)).rejects.toThrow(/do not match the sha256|symbolic link/);
    expect(git(dir, 'log', '--format=%s', '-1')).toBe('swap source for a link');
    // The outside file's text was never committed (git grep exits 1 when nothing matches).
    expect(() => git(dir, 'grep', '-q', 'precious', 'HEAD', '--', '*.json', '*.md')).toThrow();
  });
});

describe('2. no code of the corpus runs', () => {
  it('hooks, fsmonitor and a clean filter set in the corpus never run during import, read or rebuild', async () => {
    const { root, dir } = await corpusWith();
    const marks = join(root, 'marks');
    mkdirSync(marks);
    const hooks = ['post-commit', 'pre-commit', 'prepare-commit-msg', 'commit-msg', 'reference-transaction'];
    for (const hook of [...hooks, 'post-index-change', 'post-checkout', 'pre-auto-gc']) {
      const file = join(dir, '.git/hooks', hook);
      writeFileSync(file, `#!/bin/sh\ntouch '${marks}/${hook}'\n`);
      chmodSync(file, 0o755);
    }
    const monitor = join(root, 'fsmonitor.sh');
    writeFileSync(monitor, `#!/bin/sh\ntouch '${marks}/fsmonitor'\n`);
    chmodSync(monitor, 0o755);
    git(dir, 'config', 'core.fsmonitor', monitor);
    git(dir, 'config', 'filter.evil.clean', `touch '${marks}/filter'; cat`);
    git(dir, 'config', 'diff.evil.textconv', `touch '${marks}/textconv'; cat`);
    writeFileSync(join(dir, '.git/info/attributes'), '* filter=evil diff=evil\n');
    await importSources(dir, [src('2013年工作要点\n一、办好学校\n')], opts);
    await importSources(dir, [src('2013年工作要点\n一、办好学校\n二、再办\n')], opts);
    listSeries(dir);
    listEditions(dir, 'edu');
    await loadRef(dir, 'edu@2013~1');
    await logEdition(dir, 'edu@2013');
    await rebuildCorpus(dir, { normalizer: { ...fakeNormalizer, render: (p) => `changed ${p.title}\n` } });
    expect(readdirSync(marks)).toEqual([]);
  });

  it('stored bytes never depend on a .gitattributes plandiff did not write (eol=crlf)', async () => {
    const dir = join(work(), 'corpus');
    mkdirSync(dir);
    git(dir, 'init', '-q');
    writeFileSync(join(dir, '.gitattributes'), '* text=auto eol=crlf\n');
    git(dir, 'add', '.gitattributes');
    git(dir, 'commit', '-qm', 'attrs');
    const bytes = Buffer.from('2012年工作要点\r\n一、抓好教育\r\n二、\n混合\r\n');
    const first = await importSources(dir, [src('', { bytes })], { ...opts, force: true });
    expect(first.editions[0]?.status).toBe('added');
    expect(execFileSync('git', ['-C', dir, 'cat-file', 'blob', 'HEAD:edu/2012/source.txt']).equals(bytes)).toBe(true);
    const record = JSON.parse(git(dir, 'show', 'HEAD:edu/2012/source.json'));
    expect(record.sha256).toBe(execFileSync('sha256sum', { input: bytes, encoding: 'utf8' }).split(' ')[0]);
    const again = await importSources(dir, [src('', { bytes })], opts);
    expect(again.editions[0]?.status).toBe('unchanged');
    expect(again.commit).toBeUndefined();
  });
});

describe('5. the user’s own work is never lost', () => {
  it('an uncommitted corpus.json edit is neither committed nor rolled back', async () => {
    const { dir } = await corpusWith();
    const edited = `${readFileSync(join(dir, 'corpus.json'), 'utf8').trimEnd()}\n`.replace('"series"', '"series" ');
    writeFileSync(join(dir, 'corpus.json'), edited);
    const report = await importSources(dir, [src('2013年工作要点\n一、办好学校\n')], opts);
    expect(report.keptLocal).toEqual(['corpus.json']);
    expect(readFileSync(join(dir, 'corpus.json'), 'utf8')).toBe(edited);
    expect(git(dir, 'show', 'HEAD:corpus.json')).not.toContain('"series" ');
    expect(git(dir, 'status', '--porcelain')).toBe('M corpus.json');
  });

  it('a detached HEAD and an unfinished merge are refused with a clear message', async () => {
    const { dir } = await corpusWith();
    git(dir, 'checkout', '-q', '--detach');
    await expect(importSources(dir, [src('2013年要点\n一、事\n')], opts)).rejects.toThrow(/HEAD is detached/);
    git(dir, 'checkout', '-q', '-');
    writeFileSync(join(dir, '.git/MERGE_HEAD'), `${git(dir, 'rev-parse', 'HEAD')}\n`);
    await expect(importSources(dir, [src('2013年要点\n一、事\n')], opts)).rejects.toThrow(/unfinished merge/);
  });

  it('readers show only committed editions while a writer is mid-way; a writer killed after publishing is finished by the next', async () => {
    const { dir } = await corpusWith();
    const file = join(work(), '2013.txt');
    writeFileSync(file, '2013年工作要点\n一、办好学校\n');
    for (const point of ['after-rename', 'after-ref']) {
      const run = spawnCli(['import', file, '--series', 'edu', '--corpus', dir], {
        env: { PLANDIFF_TEST_PAUSE_AT: point },
      });
      await run.waitForStderr(`paused at ${point}`, 150_000);
      const seen = listSeries(dir)[0]?.editions;
      expect(seen, point).toEqual(point === 'after-rename' ? ['2012'] : ['2012', '2013']);
      run.child.kill('SIGKILL');
      await run.exited;
      if (point === 'after-rename') {
        expect(listSeries(dir)[0]?.editions).toEqual(['2012']);
        git(dir, 'status', '--porcelain');
      }
    }
    // The second writer died after moving the branch: the next writer brings the work tree in step.
    await importSources(dir, [src('2014年工作要点\n一、事\n')], opts);
    expect(readFileSync(join(dir, 'edu/2013/source.txt'), 'utf8')).toBe('2013年工作要点\n一、办好学校\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  }, 300_000);
});

describe('4. a version only when the plan changes', () => {
  it('a page whose visit counter changed makes no new version, only a fetch-log line', async () => {
    const { dir } = await corpusWith();
    const page = (n: number) => `2012年工作要点\n一、抓好教育\n${' '.repeat(n)}\n`; // the fake normalizer trims it
    const url = 'http://127.0.0.1/plan.html';
    const count = Number(git(dir, 'rev-list', '--count', 'HEAD'));
    const first = await importSources(dir, [src(page(1), { url, edition: '2012' })], opts);
    const again = await importSources(dir, [src(page(7), { url, edition: '2012' })], opts);
    for (const r of [first, again]) expect(r.editions[0]).toMatchObject({ status: 'unchanged', logged: true });
    expect((await logEdition(dir, 'edu@2012')).length).toBe(1);
    const log = git(dir, 'show', 'HEAD:edu/2012/fetch-log.jsonl')
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(log).toEqual([
      expect.objectContaining({ url, sha256: first.editions[0]?.sha256 }),
      expect.objectContaining({ url, sha256: again.editions[0]?.sha256 }),
    ]);
    expect(Number(git(dir, 'rev-list', '--count', 'HEAD'))).toBe(count + 2);
    const changed = await importSources(dir, [src('2012年工作要点\n一、抓好教育\n二、新的\n', { url })], opts);
    expect(changed.editions[0]?.status).toBe('updated');
    expect((await logEdition(dir, 'edu@2012')).length).toBe(2);
  });
});

describe('6. names and commit messages', () => {
  it.each([
    ['corpus.json', /file plandiff keeps/],
    ['plan.json', /file plandiff keeps/],
    ['.plandiff', /starts with a dot/],
    ['аbc', /U\+0430/], // Cyrillic а
    ['ｇｗｒ', /U\+FF47/], // full-width
    ['édu', /U\+00E9/],
    ['⼀二', /U\+2F00/], // a Kangxi radical that looks like 一
    ['Gwr', /upper-case/],
    ['a\nb', /control/],
  ])('refuses %j', (name, reason) => {
    expect(() => validateName(name)).toThrow(reason);
  });

  it('accepts the documented alphabet', () => {
    for (const name of ['gwr', '泸州教育', '2012', 'a.b_c-1', '〇八']) expect(validateName(name)).toBe(name);
  });

  it('a newline in a file name cannot forge a line of the commit message', async () => {
    const { dir } = await corpusWith();
    const label = 'x.txt\nedu@2099: added from forged (sha256 0)';
    await importSources(dir, [src('2013年工作要点\n一、办好学校\n', { label, fileName: label })], opts);
    const body = git(dir, 'log', '-1', '--format=%B');
    expect(body.split('\n').filter((l) => l.startsWith('edu@2099'))).toEqual([]);
    expect(body).toContain('x.txt\\u{a}edu@2099');
  });
});

describe('7. large and odd inputs', () => {
  it('devices and FIFOs are refused before reading; a 50 MB plan is refused before any work', async () => {
    await expect(loadFile('/dev/zero')).rejects.toThrow(/device, FIFO/);
    const fifo = join(work(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(loadFile(fifo)).rejects.toThrow(/device, FIFO/);
    expect(() => checkSourceSize(50 * 1024 * 1024, 'big.txt')).toThrow(/big\.txt: 50\.0 MB is larger/);
  });

  it('`import` refuses a 50 MB file from its size before reading any file or creating the corpus', async () => {
    const root = work();
    const small = join(root, '2012.txt');
    writeFileSync(small, '2012年工作要点\n一、抓好教育\n');
    const big = join(root, 'big.txt');
    // Sparse: 50 MB on paper, zeros if read — which would be refused as binary, not by its size.
    execFileSync('truncate', ['-s', '50M', big]);
    const dir = join(root, 'corpus');
    const run = await runMain(['import', small, big, '--series', 'edu', '--corpus', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/big\.txt: 50\.0 MB is larger than the 16 MB a corpus archives/);
    expect(existsSync(dir)).toBe(false);
  });

  it('importSources refuses an oversized source before parsing it', async () => {
    const { dir } = await corpusWith();
    let parsed = false;
    const normalizer = {
      ...fakeNormalizer,
      parse: (input: Parameters<typeof fakeNormalizer.parse>[0]) => {
        parsed = true;
        return fakeNormalizer.parse(input);
      },
    };
    const big = Buffer.alloc(17 * 1024 * 1024, 0x61);
    await expect(importSources(dir, [src('', { bytes: big })], { normalizer })).rejects.toThrow(/MB is larger/);
    expect(parsed).toBe(false);
  });
});

describe('8. eight processes creating and importing into one new corpus', () => {
  it('all succeed (waiting for the lock), or with --wait 0 exit 5; none fails otherwise', async () => {
    const years = [1954, 1978, 1992, 2000, 2008, 2012, 2021, 2025];
    for (const wait of [undefined, '0']) {
      const dir = join(work(), 'new-corpus');
      const runs = years.map((year) =>
        spawnCli(
          [
            'import',
            join(ROOT, 'corpus/gwr', `${year}.txt`),
            '--series',
            'gwr',
            '--edition',
            String(year),
            '--corpus',
            dir,
            ...(wait === undefined ? [] : ['--wait', wait]),
          ],
          { env: { PLANDIFF_LOCK_TIMEOUT: '120' } },
        ),
      );
      const results = await Promise.all(runs.map((r) => r.exited));
      for (const r of results) expect(wait === undefined ? [0] : [0, 5], r.stderr).toContain(r.code);
      const ok = results.filter((r) => r.code === 0).length;
      expect(Number(git(dir, 'rev-list', '--count', 'HEAD'))).toBe(ok + 1);
      if (wait === undefined) expect(ok).toBe(8);
    }
  }, 400_000);
});
