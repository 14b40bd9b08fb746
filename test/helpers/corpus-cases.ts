import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storeNormalizer } from '../../cli/src/store-normalizer.ts';
import { importSources, initCorpus } from '../../packages/store/src/index.ts';
import { type BadInputCase, closedPort } from './bad-input-cases.ts';
import { binaryBlob, HOSTILE_TEXT, manyTasksPlan, planText } from './bad-inputs.ts';

const write = (dir: string, name: string, data: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

/** Runs git in a directory and returns stdout (trimmed). */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}

/** A corpus in `dir/corpus` holding `series` editions made from the given texts (via the real store). */
export async function makeCorpus(dir: string, series: string, texts: string[]): Promise<string> {
  const corpus = join(dir, 'corpus');
  await initCorpus(corpus);
  await importSources(
    corpus,
    texts.map((text, i) => ({
      bytes: Buffer.from(text),
      kind: 'txt',
      series,
      label: `e${i}.txt`,
      fileName: `e${i}.txt`,
    })),
    { normalizer: storeNormalizer, command: 'test' },
  );
  return corpus;
}

const noCorpusMade = (_run: unknown, d: string) => assert.ok(!existsSync(join(d, 'corpus')), 'a corpus was written');

/** Import cases: names, non-corpus targets, repeated and unparsable input. */
export const IMPORT_CASES: BadInputCase[] = [
  {
    id: 'edition-dotdot',
    stage: 'import',
    input: '--edition ..',
    expect: 'error',
    behaviour: 'refused before anything is read or written',
    exit: 2,
    message: /edition name "\.\." is not allowed: it contains "\.\."/,
    setup: (d) => [
      'import',
      write(d, 'p.txt', planText()),
      '--series',
      's',
      '--edition',
      '..',
      '--corpus',
      join(d, 'corpus'),
    ],
    verify: noCorpusMade,
  },
  {
    id: 'series-traversal',
    stage: 'import',
    input: '--series ../escape',
    expect: 'error',
    behaviour: 'refused: path separator; nothing written outside the corpus',
    exit: 2,
    message: /series name "\.\.\/escape" is not allowed: it contains a path separator/,
    setup: (d) => ['import', write(d, 'p.txt', planText()), '--series', '../escape', '--corpus', join(d, 'corpus')],
    verify: (run, d) => {
      noCorpusMade(run, d);
      assert.ok(!existsSync(join(d, 'escape')));
    },
  },
  {
    id: 'series-absolute',
    stage: 'import',
    input: '--series /tmp/abs',
    expect: 'error',
    behaviour: 'refused: path separator',
    exit: 2,
    message: /series name "\/tmp\/abs" is not allowed/,
    setup: (d) => ['import', write(d, 'p.txt', planText()), '--series', '/tmp/abs', '--corpus', join(d, 'corpus')],
    verify: noCorpusMade,
  },
  {
    id: 'series-device-name',
    stage: 'import',
    input: '--series con (a Windows device name)',
    expect: 'error',
    behaviour: 'refused: reserved device name',
    exit: 2,
    message: /reserved device name/,
    setup: (d) => ['import', write(d, 'p.txt', planText()), '--series', 'con', '--corpus', join(d, 'corpus')],
  },
  {
    id: 'edition-too-long',
    stage: 'import',
    input: '--edition of 300 characters',
    expect: 'error',
    behaviour: 'refused: name too long',
    exit: 2,
    message: /it is 300 characters long \(at most 100\)/,
    setup: (d) => [
      'import',
      write(d, 'p.txt', planText()),
      '--series',
      's',
      '--edition',
      'a'.repeat(300),
      '--corpus',
      join(d, 'corpus'),
    ],
  },
  {
    id: 'import-no-structure',
    stage: 'import',
    input: 'import a text with no numbered structure and no year',
    expect: 'error',
    behaviour: 'refused: no year to name the edition; nothing stored',
    exit: 2,
    message: /prose\.txt: no year found in the plan to name the edition; give --edition/,
    setup: (d) => [
      'import',
      write(d, 'prose.txt', '今年要做好教育工作。我们将继续努力。\n'),
      '--series',
      's',
      '--corpus',
      join(d, 'corpus'),
    ],
    verify: (_run, d) => {
      if (existsSync(join(d, 'corpus', '.git'))) assert.equal(git(join(d, 'corpus'), 'ls-files', 's'), '');
    },
  },
  {
    id: 'import-no-structure-edition',
    stage: 'import',
    input: 'import a text with no numbered structure, --edition given',
    expect: 'ok',
    behaviour: 'bytes archived (a zero-unit plan) with the no-structure error diagnostic on stderr',
    message: /prose\.txt: error no numbered sections or items found .*\[no-structure\]/,
    setup: (d) => [
      'import',
      write(d, 'prose.txt', '今年要做好教育工作。我们将继续努力。\n'),
      '--series',
      's',
      '--edition',
      '2012',
      '--corpus',
      join(d, 'corpus'),
    ],
  },
  {
    id: 'import-binary-among-good',
    stage: 'import',
    input: 'import a good plan and a binary file together',
    expect: 'error',
    behaviour: 'whole import refused, the bad file named; nothing stored',
    exit: 1,
    message: /blob\.txt: looks like a binary file/,
    setup: (d) => [
      'import',
      write(d, 'good.txt', planText()),
      write(d, 'blob.txt', binaryBlob()),
      '--series',
      's',
      '--corpus',
      join(d, 'corpus'),
    ],
    verify: noCorpusMade,
  },
  {
    id: 'import-non-corpus-repo',
    stage: 'import',
    input: 'import into a git repository that is not a corpus',
    expect: 'error',
    behaviour: 'refused (exit 4) unless --force; the repository untouched',
    exit: 4,
    message: /not a plandiff corpus/,
    setup: (d) => {
      const repo = join(d, 'repo');
      mkdirSync(repo);
      git(repo, 'init', '-q');
      writeFileSync(join(repo, 'notes.md'), 'mine\n');
      return ['import', write(d, 'p.txt', planText()), '--series', 's', '--corpus', repo];
    },
    verify: (_run, d) => assert.deepEqual(readdirSync(join(d, 'repo')).sort(), ['.git', 'notes.md']),
  },
  {
    id: 'import-corpus-is-file',
    stage: 'import',
    input: '--corpus pointing at a regular file',
    expect: 'error',
    behaviour: 'one-line error naming the corpus path',
    exit: 4,
    message: /notdir: is a file, not a corpus directory/,
    setup: (d) => ['import', write(d, 'p.txt', planText()), '--series', 's', '--corpus', write(d, 'notdir', 'x')],
  },
  {
    id: 'import-twice',
    stage: 'import',
    input: 'the same file imported a second time',
    expect: 'ok',
    behaviour: 'reported unchanged; no new commit',
    setup: async (d) => {
      const corpus = await makeCorpus(d, 's', [planText()]);
      return ['import', write(d, 'again.txt', planText()), '--series', 's', '--corpus', corpus];
    },
    verify: (run) => assert.match(run.stdout, /unchanged[\s\S]*nothing changed; no commit/),
  },
  {
    id: 'import-shell-file-name',
    stage: 'import',
    input: 'import a file named `$(touch pwned).txt` and one named with a newline',
    expect: 'ok',
    behaviour: 'stored under its base name; nothing executed',
    setup: (d) => [
      'import',
      write(d, '$(touch pwned).txt', planText({ year: 2012 })),
      write(d, 'a\nb;rm -rf x.txt', planText({ year: 2013 })),
      '--series',
      's',
      '--corpus',
      join(d, 'corpus'),
    ],
    verify: (_run, d) => {
      assert.ok(!existsSync(join(d, 'pwned')) && !existsSync(join(d, 'corpus', 'pwned')), 'a shell ran the name');
      const record = JSON.parse(readFileSync(join(d, 'corpus', 's', '2012', 'source.json'), 'utf8'));
      assert.equal(record.fileName, '$(touch pwned).txt');
    },
  },
];

/** Diff cases (need `plandiff diff`). */
export const DIFF_CASES: BadInputCase[] = [
  {
    id: 'diff-self',
    stage: 'diff',
    input: 'a plan diffed against itself',
    expect: 'ok',
    behaviour: 'every unit unchanged',
    setup: (d) => ['diff', write(d, 'a.txt', planText()), join(d, 'a.txt'), '--format', 'json'],
    verify: (run) => {
      const summary = JSON.parse(run.stdout).summary as Record<string, number>;
      assert.ok((summary.unchanged ?? 0) > 0);
      for (const [kind, n] of Object.entries(summary)) if (kind !== 'unchanged') assert.equal(n, 0, kind);
    },
  },
  {
    id: 'diff-zero-units',
    stage: 'diff',
    input: 'a plan diffed against a text with zero units',
    expect: 'error',
    behaviour: 'one-line error naming the structureless side',
    exit: 1,
    message: /prose\.txt: no numbered sections/,
    setup: (d) => ['diff', write(d, 'a.txt', planText()), write(d, 'prose.txt', '今年要做好教育工作。\n')],
  },
  {
    id: 'diff-missing',
    stage: 'diff',
    input: 'diff with a missing file',
    expect: 'error',
    behaviour: 'one-line error: no such file',
    exit: 1,
    message: /gone\.txt: no such file/,
    setup: (d) => ['diff', write(d, 'a.txt', planText()), join(d, 'gone.txt')],
  },
  {
    id: 'diff-binary',
    stage: 'diff',
    input: 'diff a plan against a binary file',
    expect: 'error',
    behaviour: 'one-line error: binary',
    exit: 1,
    message: /b\.txt: looks like a binary file/,
    setup: (d) => ['diff', write(d, 'a.txt', planText()), write(d, 'b.txt', binaryBlob())],
  },
  {
    id: 'diff-out-blocked',
    stage: 'diff',
    input: 'diff --out into a "folder" that is a regular file',
    expect: 'error',
    behaviour: 'one-line error: cannot write the output',
    exit: 1,
    message: /blocker\/d\.html: cannot write the output/,
    setup: (d) => [
      'diff',
      write(d, 'a.txt', planText()),
      write(d, 'b.txt', planText({ sections: 4 })),
      '--format',
      'html',
      '--out',
      join(write(d, 'blocker', 'x'), 'd.html'),
    ],
  },
  {
    id: 'diff-out-readonly-fs',
    stage: 'diff',
    input: 'diff --out into /proc (a read-only place even for root)',
    expect: 'error',
    behaviour: 'one-line error: cannot write the output',
    exit: 1,
    message: /\/proc\/plandiff-test\/d\.md: cannot write the output/,
    setup: (d) => [
      'diff',
      write(d, 'a.txt', planText()),
      write(d, 'b.txt', planText({ sections: 4 })),
      '--format',
      'md',
      '--out',
      '/proc/plandiff-test/d.md',
    ],
  },
  {
    id: 'diff-hostile-html',
    stage: 'diff',
    input: 'hostile task text (<script>, onerror, Markdown link) in an HTML report',
    expect: 'ok',
    behaviour: 'all document text escaped',
    setup: (d) => [
      'diff',
      write(d, 'a.txt', planText()),
      write(d, 'b.txt', planText().replace('推进第1-1项任务。', `推进第1-1项任务。${HOSTILE_TEXT}`)),
      '--format',
      'html',
    ],
    verify: (run) => {
      assert.match(run.stdout, /&lt;script&gt;alert\(1\)/);
      assert.doesNotMatch(run.stdout, /<script>alert|<img src=x/);
    },
  },
  {
    id: 'diff-3000-tasks',
    stage: 'diff',
    input: 'two plans of 3,000 tasks each, every task reworded',
    expect: 'ok',
    behaviour: 'diffed in bounded time and memory; every unit of each side in exactly one change',
    setup: (d) => [
      'diff',
      write(d, 'a.txt', manyTasksPlan(3000)),
      write(d, 'b.txt', manyTasksPlan(3000).replace(/年内/g, '当年')),
      '--format',
      'json',
    ],
    verify: (run) => {
      // Accounting, not alignment quality: nothing may vanish from (or be doubled in) the diff.
      const { changes } = JSON.parse(run.stdout) as { changes: { from: { id: string }[]; to: { id: string }[] }[] };
      for (const side of ['from', 'to'] as const) {
        const ids = changes.flatMap((c) => c[side].map((u) => u.id));
        assert.equal(ids.length, 3060, `${side}: ${ids.length} unit references for 3,060 units`);
        assert.equal(new Set(ids).size, 3060, `${side}: a unit appears in two changes`);
      }
    },
  },
  {
    id: 'diff-nan-similarity',
    stage: 'diff',
    input: 'diff --min-similarity NaN',
    expect: 'error',
    behaviour: 'usage error naming the option',
    exit: 2,
    message: /--min-similarity must be between 0 and 1, got NaN/,
    setup: (d) => ['diff', write(d, 'a.txt', planText()), join(d, 'a.txt'), '--min-similarity', 'NaN'],
  },
  {
    id: 'diff-unreachable-url',
    stage: 'diff',
    input: 'diff a file against a URL where nothing listens',
    expect: 'error',
    behaviour: 'fetch error naming the URL, exit 3',
    exit: 3,
    message: /http:\/\/127\.0\.0\.1:\d+\/(b\.html|robots\.txt): .*connection refused/,
    setup: async (d) => ['diff', write(d, 'a.txt', planText()), `http://127.0.0.1:${await closedPort()}/b.html`],
  },
];

/** Report cases (need `plandiff report`). */
export const REPORT_CASES: BadInputCase[] = [
  {
    id: 'report-unknown-series',
    stage: 'report',
    input: 'report on a series the corpus does not have',
    expect: 'error',
    behaviour: 'one-line error naming the series',
    message: /nosuch/,
    setup: async (d) => [
      'report',
      'nosuch',
      '--corpus',
      await makeCorpus(d, 's', [planText({ year: 2012 })]),
      '--format',
      'md',
    ],
  },
  {
    id: 'report-out-blocked',
    stage: 'report',
    input: 'report --out into a "folder" that is a regular file',
    expect: 'error',
    behaviour: 'one-line error: cannot write the output',
    exit: 1,
    message: /blocker\/r\.html: cannot write the output/,
    setup: async (d) => [
      'report',
      's',
      '--corpus',
      await makeCorpus(d, 's', [planText({ year: 2012 }), planText({ year: 2013, sections: 4 })]),
      '--format',
      'html',
      '--out',
      join(write(d, 'blocker', 'x'), 'r.html'),
    ],
  },
  {
    id: 'report-from-after-to',
    stage: 'report',
    input: 'report --from 2020 --to 2010',
    expect: 'error',
    behaviour: 'one-line error about the year range',
    message: /2020|2010/,
    setup: async (d) => [
      'report',
      's',
      '--corpus',
      await makeCorpus(d, 's', [planText({ year: 2012 }), planText({ year: 2013 })]),
      '--from',
      '2020',
      '--to',
      '2010',
    ],
  },
  {
    id: 'report-hostile-md',
    stage: 'report',
    input: 'series whose task text is hostile (HTML and Markdown syntax), as Markdown',
    expect: 'ok',
    behaviour: 'raw HTML escaped in the Markdown report',
    setup: async (d) => [
      'report',
      's',
      '--corpus',
      await makeCorpus(d, 's', [
        planText({ year: 2012 }),
        planText({ year: 2013 }).replace('推进第1-1项任务。', `推进第1-1项任务。${HOSTILE_TEXT}`),
      ]),
      '--format',
      'md',
    ],
    verify: (run) => assert.doesNotMatch(run.stdout, /<script>alert|<img src=x/),
  },
  {
    id: 'report-zero-units',
    stage: 'report',
    input: 'report over two files with no numbered structure',
    expect: 'error',
    behaviour: 'one-line error naming the structureless file (as diff does), exit 1',
    exit: 1,
    message: /prose\.txt: no numbered sections/,
    setup: (d) => ['report', write(d, 'prose.txt', '今年要做好教育工作。\n'), join(d, 'prose.txt'), '--format', 'md'],
  },
];
